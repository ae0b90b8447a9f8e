import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  DOC,
  emptyAgreementState,
  readAgreement,
  type AgreementSnapshot,
  type AgreementState,
} from '../../shared/agreement.js';
import type { Role } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { log } from '../log.js';
import { newId, type Identity } from '../auth/credentials.js';
import { parties as partiesOf } from '../../shared/rules/floor.js';
import type { RoomRecord } from '../rooms/model.js';
import type { Store } from '../rooms/ports.js';
import { readAwareness, stampAwareness, writeAwareness } from './awarenessStamp.js';
import { unwatchAwareness, watchAwareness } from './awarenessSweep.js';
import { attachGuard, reconcile, rederive, SERVER_ORIGIN, shadowFromState, snapshotOf, type Shadow } from './guard.js';
import { hasPending, integratesFully } from './integrity.js';
import { awarenessMessage, CLOSE, updateMessage } from './messages.js';
import { DocPersistence } from './persistence.js';
import { copyState } from './state.js';
import { recordEdits } from './versions.js';

/** One open connection as the room sees it: something to send to. */
export interface Peer {
  send(message: Uint8Array): void;
  /** Who is connected (absent for test peers that only listen). */
  readonly identity?: Identity;
  /** The person's name in the room, stamped on their awareness. */
  readonly displayName?: string;
  close?(code: number, reason: string): void;
}

/** Roles whose document inserts count as proposing a clause (observers' writes never arrive). */
const PROPOSERS: ReadonlySet<Role> = new Set(['host', 'participant', 'mediator']);

const LOAD_ORIGIN = Symbol('agreement-load');
/** Updates another process made: it already checked and stored them. */
const REMOTE_ORIGIN = Symbol('agreement-remote');
/** Owner of awareness ids set through another process: no local connection may speak for them. */
const REMOTE_PEER: Peer = { send: () => undefined };

export interface RoomDocOptions {
  store: Store;
  compactEvery: number;
  idleMs: number;
  /** A client update that would grow the stored document past this is refused. */
  maxDocBytes: number;
  now: () => number;
  /** No peers and no use for idleMs. */
  onIdle: () => void;
  /** A write to the store failed: this copy may hold what the store does not, so it is dropped. */
  onBroken: () => void;
  /** Acceptances, signatures or finality changed (not plain typing). */
  onChange: (snapshot: AgreementSnapshot) => void;
  /** Tells the other processes that have this document loaded (see fanout.ts). */
  publish?: (kind: 'update' | 'awareness', payload: Uint8Array) => void;
}

type Adoption = { index: number; clause: AgreementState['clauses'][number] };
/** A client's change of a clause's words: who, when, and the words after it. */
type Edit = { clauseId: string; text: string; by: string; at: number };

export const stateOf = (room: RoomRecord): AgreementState => room.agreement ?? emptyAgreementState();
/**
 * The stored state as the shadow needs it: without the clauses' versions (up to 12 wordings each, with their
 * hashes), which only the store keeps and reads; deriving status, acceptances and signatures never uses them.
 */
const shadowState = (state: AgreementState): AgreementState =>
  copyState({ ...state, clauses: state.clauses.map(({ versions: _, ...clause }) => clause) });
export const partyIds = (room: RoomRecord): string[] => partiesOf(room).map((p) => p.participantId);

/**
 * One room's loaded agreement: the Yjs document with its shadow and guard, awareness, the peers
 * it broadcasts to, persistence, and the idle timer.
 *
 * Nothing leaves this process (to its own peers, other processes or the store's readers) before
 * the store has it: updates are stored, then sent, one batch after another; a failed write drops
 * the whole copy and closes its connections so clients resync from the store.
 */
export class RoomDoc {
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly shadow: Shadow;
  readonly persistence: DocPersistence;
  private readonly peers = new Set<Peer>();
  /** Awareness client id -> the peer that set it, so nobody can speak for someone else. */
  private readonly owners = new Map<number, Peer>();
  /** The one awareness client id each connection may use. */
  private readonly awarenessIdOf = new Map<Peer, number>();
  private pending: Uint8Array[] = [];
  /** The state vector before the batch in `pending`, and whether that batch must be encoded afresh. */
  private batchStart: Uint8Array = new Uint8Array([0]);
  private reencode = false;
  /** Clauses taken in from the document, waiting for the next flush to store them. */
  private readonly adopted: Adoption[] = [];
  /** Clause edits waiting for the next flush to store them in the clauses' versions. */
  private readonly edits: Edit[] = [];
  /** Adoptions not yet in the store, kept through any refresh that reads the store meanwhile. */
  private readonly unstored = new Map<string, Adoption>();
  /** Clause ids the store is known to have. */
  private storedIds = new Set<string>();
  /** Store writes and the sends that follow them, in order. */
  private writes: Promise<void> = Promise.resolve();
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  private idleTimer: NodeJS.Timeout | null = null;
  private destroyed = false;

  constructor(
    readonly roomId: string,
    stored: Uint8Array[],
    record: RoomRecord,
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
    // A stored update can only be pending if the store lost one before it: nothing builds on it.
    if (hasPending(this.doc)) this.dropPending();
    this.shadow = shadowFromState(shadowState(stateOf(record)), partyIds(record), this.doc);
    this.storedIds = new Set(this.shadow.state.clauses.map((c) => c.id));
    const storedBytes = stored.reduce((n, u) => n + u.byteLength, 0);
    this.persistence = new DocPersistence(opts.store, roomId, stored.length, opts.compactEvery, storedBytes);

    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE_ORIGIN) this.broadcast(updateMessage(update));
      else if (origin !== LOAD_ORIGIN) this.pending.push(update);
    });
    // A client's edit and the guard's revert are separate transactions; sending and storing them
    // as one merged update means nobody ever sees the forbidden intermediate state.
    this.doc.on('beforeAllTransactions', () => {
      if (this.pending.length === 0) this.batchStart = Y.encodeStateVector(this.doc);
    });
    this.doc.on('afterAllTransactions', () => this.flush());
    attachGuard(this.doc, this.shadow, {
      isClient: (origin) => origin !== SERVER_ORIGIN && origin !== LOAD_ORIGIN && origin !== REMOTE_ORIGIN,
      proposerOf: (origin) => {
        const who = this.peers.has(origin as Peer) ? (origin as Peer).identity : undefined;
        if (!who || !PROPOSERS.has(who.role)) return null;
        return { participantId: who.participantId, newId: () => newId('cl'), now: this.opts.now };
      },
      onScrub: () => {
        this.reencode = true;
      },
      onEdit: (result, origin) => {
        if (result.adopted) this.noteAdoptions();
        this.noteEdits(result.editedIds, origin);
        if (result.cleared || result.adopted) this.opts.onChange(this.snapshot());
      },
    });
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin === REMOTE_ORIGIN) this.afterRemote();
    });
    // Normalise whatever was stored to the document's shape before anyone syncs.
    reconcile(this.doc, this.shadow, false);

    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    watchAwareness(this.awareness);
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
    this.awarenessIdOf.delete(peer);
    const owned = [...this.owners].filter(([, p]) => p === peer).map(([id]) => id);
    awarenessProtocol.removeAwarenessStates(this.awareness, owned, null);
    for (const id of owned) this.owners.delete(id);
    this.scheduleIdle();
  }

  /**
   * A client's document update; the guard runs on it. Refused (the connection closes, nothing is
   * applied, stored or sent) when it cannot be integrated completely or would grow the document
   * past its cap. Throws on a malformed update.
   */
  applyClientUpdate(update: Uint8Array, peer: Peer): void {
    if (!integratesFully(this.doc, update)) {
      peer.close?.(CLOSE.malformed, 'update builds on content the server does not have');
      return;
    }
    if (this.persistence.storedBytes + update.byteLength > this.opts.maxDocBytes) {
      peer.close?.(CLOSE.tooLarge, 'the agreement document is at its size limit');
      return;
    }
    Y.applyUpdate(this.doc, update, peer);
    if (hasPending(this.doc)) {
      // The check above should make this impossible; never keep what no guard has seen.
      log.error(`agreement: an update left pending content (room ${this.roomId})`);
      this.dropPending();
      peer.close?.(CLOSE.malformed, 'update builds on content the server does not have');
    }
  }

  /**
   * A client's awareness update, stamped with who the connection is. One awareness client per
   * connection, and none that another connection (here or in another process) already speaks for.
   */
  applyAwareness(update: Uint8Array, peer: Peer): void {
    const entries = readAwareness(update);
    const mine = this.awarenessIdOf.get(peer) ?? entries[0]?.clientId;
    if (mine === undefined) return;
    const allowed = entries.filter(
      (e) => e.clientId === mine && e.clientId !== this.doc.clientID && (this.owners.get(e.clientId) ?? peer) === peer,
    );
    if (allowed.length === 0) return;
    this.awarenessIdOf.set(peer, mine);
    const who = peer.identity;
    const stamped = who
      ? stampAwareness(allowed, { participantId: who.participantId, role: who.role, name: peer.displayName ?? '' })
      : allowed;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, writeAwareness(stamped), peer);
  }

  /** What another process published for this room. Throws on a malformed update. */
  applyRemote(kind: 'update' | 'awareness', payload: Uint8Array): void {
    if (this.destroyed) return;
    if (kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, REMOTE_ORIGIN);
      return;
    }
    Y.applyUpdate(this.doc, payload, REMOTE_ORIGIN);
    if (hasPending(this.doc)) this.dropPending();
  }

  awarenessStateMessage(): Uint8Array | null {
    const ids = [...this.awareness.getStates().keys()];
    return ids.length > 0 ? awarenessMessage(this.awareness, ids) : null;
  }

  /** Each clause's words as this process has them now. */
  texts(): Map<string, string> {
    return new Map(this.shadow.clauses.map((c) => [c.id, c.text]));
  }

  /**
   * Takes the stored state (after a server operation, or when another process changed it) and
   * writes the view derived from it into the document. `newTexts` are the words of clauses the
   * operation just created.
   */
  applyState(state: AgreementState, parties: string[], newTexts: ReadonlyMap<string, string> = new Map()): void {
    if (this.destroyed) return;
    const before = JSON.stringify(this.snapshot());
    const merged = shadowState(state);
    this.storedIds = new Set(state.clauses.map((c) => c.id));
    for (const { index, clause } of this.unstored.values()) {
      if (!this.storedIds.has(clause.id) && !merged.final)
        merged.clauses.splice(Math.min(index, merged.clauses.length), 0, clause);
    }
    const next = shadowFromState(merged, parties, this.doc);
    for (const clause of next.clauses) {
      const known = this.shadow.clauses.find((c) => c.id === clause.id);
      if (!state.final && !clause.map && known) clause.text = known.text;
      if (!state.final && newTexts.has(clause.id)) clause.text = newTexts.get(clause.id) ?? '';
    }
    Object.assign(this.shadow, next);
    rederive(this.shadow);
    reconcile(this.doc, this.shadow, false);
    if (JSON.stringify(this.snapshot()) !== before) this.opts.onChange(this.snapshot());
    this.touch();
  }

  /** Reads the stored state again and applies it (coalesced: one read at a time, one more after). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    const run = async (): Promise<void> => {
      do {
        this.refreshAgain = false;
        const room = await this.opts.store.getRoom(this.roomId);
        if (!room) throw new AppError('not_found', 'The room is gone.');
        this.applyState(stateOf(room), partyIds(room));
      } while (this.refreshAgain && !this.destroyed);
    };
    this.refreshing = run().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
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
    unwatchAwareness(this.awareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Resolves when every store write and send queued so far is done. */
  settled(): Promise<void> {
    return this.writes;
  }

  /**
   * Another process changed the document. Its words are taken; server-owned fields never are: when
   * what the document shows differs from what this process derives, the stored state decides.
   */
  private afterRemote(): void {
    let textEdited = false;
    for (const clause of this.shadow.clauses) {
      const text = clause.map?.get(DOC.clause.text);
      if (!(text instanceof Y.Text) || this.shadow.final) continue;
      const next = text.toString();
      if (next !== clause.text) {
        clause.text = next;
        textEdited = true;
      }
    }
    if (textEdited) rederive(this.shadow);
    if (JSON.stringify(readAgreement(this.doc)) === JSON.stringify(this.snapshot())) return;
    this.refresh().catch(() => undefined);
  }

  /** Who changed which clause's words, for the versions the store keeps (stored with the update). */
  private noteEdits(clauseIds: string[], origin: unknown): void {
    const who = this.peers.has(origin as Peer) ? (origin as Peer).identity : undefined;
    if (!who || clauseIds.length === 0) return;
    const at = this.opts.now();
    for (const id of clauseIds) {
      const text = this.shadow.clauses.find((c) => c.id === id)?.text;
      if (text !== undefined) this.edits.push({ clauseId: id, text, by: who.participantId, at });
    }
  }

  /** Clauses the guard took in from the document that the store does not have yet. */
  private noteAdoptions(): void {
    this.shadow.state.clauses.forEach((clause, index) => {
      if (this.storedIds.has(clause.id) || this.unstored.has(clause.id)) return;
      const adoption = { index, clause: structuredClone(clause) };
      this.unstored.set(clause.id, adoption);
      this.adopted.push(adoption);
    });
  }

  private flush(): void {
    if (this.pending.length === 0 || this.destroyed) return;
    // Removed formatting is garbage-collected in the document but still whole in the client's raw
    // update: encode the batch from the document then, so the removed content is neither stored nor sent.
    const update = this.reencode
      ? Y.encodeStateAsUpdate(this.doc, this.batchStart)
      : this.pending.length === 1
        ? this.pending[0]
        : Y.mergeUpdates(this.pending);
    this.pending = [];
    this.reencode = false;
    this.writes = this.writes
      .then(async () => {
        // Everything noted by now, this batch's and any queued behind it: while the store is busy, fast
        // typing becomes one room write, and a later batch finds its edits stored before it leaves.
        const adopted = this.adopted.splice(0);
        const edits = this.edits.splice(0);
        // An unloading copy still stores what it has; only a dropped one (persistence cancelled) does not.
        if (adopted.length > 0 || edits.length > 0) await this.storeAdoptions(adopted, edits);
        await this.persistence.append(update);
        if (this.destroyed) return;
        this.broadcast(updateMessage(update));
        this.opts.publish?.('update', update);
      })
      .catch((err: unknown) => this.broken(err));
  }

  /**
   * Clauses a client added through the document become part of the stored state, and edits go into the
   * clauses' versions, in one store write before the update that carries them leaves this process.
   */
  private async storeAdoptions(adopted: Adoption[], edits: Edit[] = []): Promise<void> {
    const out = await this.opts.store.updateRoom(this.roomId, (room) => {
      const state = copyState(stateOf(room));
      if (state.final) return { result: null };
      for (const { index, clause } of adopted) {
        if (!state.clauses.some((c) => c.id === clause.id))
          state.clauses.splice(Math.min(index, state.clauses.length), 0, structuredClone(clause));
      }
      recordEdits(state, edits);
      return { room: { ...room, agreement: state }, result: null };
    });
    if (!out) throw new AppError('not_found', 'The room is gone.');
    for (const { clause } of adopted) {
      this.storedIds.add(clause.id);
      this.unstored.delete(clause.id);
    }
  }

  private broken(err: unknown): void {
    if (this.destroyed) return;
    log.error(`agreement: a document write failed; dropping this copy (room ${this.roomId})`, err);
    for (const peer of [...this.peers]) peer.close?.(CLOSE.unavailable, 'the document could not be saved; reconnect');
    this.opts.onBroken();
  }

  private dropPending(): void {
    this.doc.store.pendingStructs = null;
    this.doc.store.pendingDs = null;
  }

  private broadcast(message: Uint8Array): void {
    for (const peer of this.peers) peer.send(message);
  }

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const peer = origin === REMOTE_ORIGIN ? REMOTE_PEER : this.peers.has(origin as Peer) ? (origin as Peer) : null;
    if (peer) for (const id of [...added, ...updated]) this.owners.set(id, peer);
    for (const id of removed) this.owners.delete(id);
    const changed = [...added, ...updated, ...removed];
    this.broadcast(awarenessMessage(this.awareness, changed));
    if (origin !== REMOTE_ORIGIN)
      this.opts.publish?.('awareness', awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
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
