import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { AgreementSnapshot } from '../../shared/agreement.js';
import type { Role } from '../../shared/protocol.js';
import { log } from '../log.js';
import { newId, type Identity } from '../rooms/credentials.js';
import type { Store } from '../store/types.js';
import { attachGuard, reconcile, SERVER_ORIGIN, shadowFromDoc, snapshotOf, type Shadow } from './guard.js';
import { awarenessClients, awarenessMessage, updateMessage } from './messages.js';
import { DocPersistence } from './persistence.js';

/** One open connection as the room sees it: something to send to. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Who is connected (absent for test peers that only listen). */
  readonly identity?: Identity;
}

/** Roles whose document inserts count as proposing a clause (observers' writes never arrive). */
const PROPOSERS: ReadonlySet<Role> = new Set(['host', 'participant', 'mediator']);

const LOAD_ORIGIN = Symbol('agreement-load');
/** Updates another process made: it already checked and stored them. */
const REMOTE_ORIGIN = Symbol('agreement-remote');

export interface RoomDocOptions {
  store: Store;
  compactEvery: number;
  idleMs: number;
  /** No peers and no use for idleMs. */
  onIdle: () => void;
  /** Acceptances, signatures or finality changed (not plain typing). */
  onChange: (snapshot: AgreementSnapshot) => void;
  /** Tells the other processes that have this document loaded (see fanout.ts). */
  publish?: (kind: 'update' | 'awareness', payload: Uint8Array) => void;
}

/**
 * One room's loaded agreement: the Yjs document with its shadow and guard, awareness, the peers
 * it broadcasts to, persistence, and the idle timer.
 */
export class RoomDoc {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly shadow: Shadow;
  readonly persistence: DocPersistence;
  private readonly peers = new Set<Peer>();
  /** Awareness client id -> the peer that set it, so nobody can speak for someone else. */
  private readonly owners = new Map<number, Peer>();
  private pending: Uint8Array[] = [];
  private idleTimer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    readonly roomId: string,
    stored: Uint8Array[],
    private readonly opts: RoomDocOptions,
  ) {
    this.doc.transact(() => {
      for (const update of stored) {
        try {
          Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
        } catch {
          log.error(`agreement: skipped an unreadable stored update (room ${roomId})`);
        }
      }
    }, LOAD_ORIGIN);
    this.shadow = shadowFromDoc(this.doc);
    this.persistence = new DocPersistence(opts.store, roomId, stored.length, opts.compactEvery);

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) this.broadcast(updateMessage(update));
      else if (origin !== LOAD_ORIGIN) this.pending.push(update);
    });
    // A client's edit and the guard's revert are separate transactions; sending and storing them
    // as one merged update means nobody ever sees the forbidden intermediate state.
    this.doc.on('afterAllTransactions', () => this.flush());
    attachGuard(this.doc, this.shadow, {
      isClient: (origin) => origin !== SERVER_ORIGIN && origin !== LOAD_ORIGIN && origin !== REMOTE_ORIGIN,
      proposerOf: (origin) => {
        const who = this.peers.has(origin as Peer) ? (origin as Peer).identity : undefined;
        return who && PROPOSERS.has(who.role) ? { participantId: who.participantId, newId: () => newId('cl') } : null;
      },
      onEdit: (result) => {
        if (result.cleared || result.adopted) this.opts.onChange(this.snapshot());
      },
    });
    // Normalise whatever was stored to the document's shape before anyone syncs.
    reconcile(this.doc, this.shadow, false);

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwareness);
    this.scheduleIdle();
  }

  get peerCount(): number {
    return this.peers.size;
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer);
    this.clearIdle();
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return;
    const owned = [...this.owners].filter(([, p]) => p === peer).map(([id]) => id);
    awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
    for (const id of owned) this.owners.delete(id);
    this.scheduleIdle();
  }

  /** A client's document update; the guard runs on it. Throws on a malformed update. */
  applyClientUpdate(update: Uint8Array, peer: Peer): void {
    Y.applyUpdate(this.doc, update, peer);
  }

  /** A client's awareness update, unless it speaks for ids another peer owns. Throws if malformed. */
  applyAwareness(update: Uint8Array, peer: Peer): void {
    const ids = awarenessClients(update);
    if (ids.some((id) => id === this.doc.clientID || (this.owners.get(id) ?? peer) !== peer)) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, peer);
  }

  /** What another process published for this room. Throws on a malformed update. */
  applyRemote(kind: 'update' | 'awareness', payload: Uint8Array): void {
    if (this.destroyed) return;
    if (kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE_ORIGIN);
      return;
    }
    Y.applyUpdate(this.doc, payload, REMOTE_ORIGIN);
    // The other process owned that change, server-owned fields included: take them as they are now.
    Object.assign(this.shadow, shadowFromDoc(this.doc));
  }

  awarenessStateMessage(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? awarenessMessage(this.awareness, ids) : null;
  }

  /** Changes the shadow through a rule, then writes it into the document as the server. */
  mutate<T>(change: (shadow: Shadow) => T): T {
    const result = change(this.shadow);
    reconcile(this.doc, this.shadow, false);
    this.opts.onChange(this.snapshot());
    this.touch();
    return result;
  }

  snapshot(): AgreementSnapshot {
    return snapshotOf(this.shadow);
  }

  /** Counts as use: restarts the idle countdown when nobody is connected. */
  touch(): void {
    if (this.peers.size === 0) {
      this.clearIdle();
      this.scheduleIdle();
    }
  }

  destroy(): void {
    this.destroyed = true;
    this.clearIdle();
    this.peers.clear();
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  private flush(): void {
    if (this.pending.length === 0 || this.destroyed) return;
    const update = this.pending.length === 1 ? this.pending[0] : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.persistence.append(update);
    this.broadcast(updateMessage(update));
    this.opts.publish?.('update', update);
  }

  private broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = this.peers.has(origin as Peer) ? (origin as Peer) : null;
    if (peer) for (const id of [...added, ...updated]) this.owners.set(id, peer);
    for (const id of removed) this.owners.delete(id);
    const changed = [...added, ...updated, ...removed];
    this.broadcast(awarenessMessage(this.awareness, changed));
    if (origin !== REMOTE_ORIGIN) this.opts.publish?.('awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  };

  private scheduleIdle(): void {
    if (this.peers.size > 0 || this.idleTimer || this.destroyed) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.peers.size === 0) this.opts.onIdle();
    }, this.opts.idleMs);
    this.idleTimer.unref?.();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}
