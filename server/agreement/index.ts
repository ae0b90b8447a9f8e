import type http from 'node:http';
import type stream from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgreementSnapshot, AgreementState } from '../../shared/agreement.js';
import { AgreementPropose, LIMITS, type ClauseStatus, type Role } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { log } from '../log.js';
import { newId, type Identity } from '../auth/credentials.js';
import type { Store } from '../rooms/ports.js';
import { RateLimiter, scaleRule } from '../limits/rateLimit.js';
import { Connection } from './connection.js';
import { DocRegistry } from './docRegistry.js';
import { LocalFanout, type DocFanout } from './fanout.js';
import type { AgreementRecord } from '../../shared/agreementRecord.js';
import { agreementMarkdown } from './markdown.js';
import { agreementRecord } from './record.js';
import { CLOSE } from './messages.js';
import { partyIds, stateOf } from './roomDoc.js';
import { acceptClause, copyState, proposeClause, signAgreement } from './state.js';
import { setReviewDate } from './versions.js';
import { parseUpgradeTarget, rejectUpgrade, type UpgradeTarget } from './upgrade.js';

/**
 * A document's stored updates are compacted into one every this many: each stored update is a separate byte
 * array (in memory for the memory and file stores), and at 100 a room with 3 clauses and 15 edits held its
 * 15-18 updates until it unloaded (about 3 KB). A compaction reads a small document's updates and writes one.
 */
export const COMPACT_EVERY = 16;
export type { AgreementSnapshot } from '../../shared/agreement.js';

export interface AgreementOptions {
  store: Store;
  /** takes the single-use ticket from ?ticket=... and resolves who it admits; null -> reject the upgrade */
  authenticate: (ticket: unknown) => Promise<Identity | null>;
  maxMessageBytes: number; // YJS_MAX_MESSAGE_BYTES
  /** A client update that would grow the stored document past this is refused (YJS_MAX_DOC_BYTES). */
  maxDocBytes?: number;
  now?: () => number;
  idleMs: number; // unload a doc this long after its last connection closed and last use
  rateLimitFactor: number;
  /** called after every change of clauses/status/acceptance/signature (not on every keystroke) */
  onChange?: (roomId: string, snapshot: AgreementSnapshot) => void;
  /** Stored updates after which the document is compacted into one snapshot (default 100). */
  compactEvery?: number;
  /** Ping interval for dead-connection detection (default 30 s). */
  heartbeatMs?: number;
  /** Other processes serving the same rooms (default: none). */
  fanout?: DocFanout;
}

/** Per connection: a burst for the initial sync, then steady typing and cursor moves. */
const MESSAGE_RULE = { burst: 200, perSecond: 100 };
const PROPOSERS: ReadonlySet<Role> = new Set(['host', 'participant', 'mediator']);
const DEFAULT_MAX_DOC_BYTES = 2 * 1024 * 1024;

/**
 * The agreement document of every room: the /yjs WebSocket endpoint (y-protocols sync and
 * awareness) and the server-side operations that own clause status, acceptance and signatures.
 */
export class AgreementService {
  private readonly wss: WebSocketServer;
  private readonly registry: DocRegistry;
  private readonly connections = new Set<Connection>();
  private readonly limiter: RateLimiter;
  private readonly heartbeat: NodeJS.Timeout;
  private readonly fanout: DocFanout;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly opts: AgreementOptions) {
    this.now = opts.now ?? Date.now;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
    this.limiter = new RateLimiter(scaleRule(MESSAGE_RULE, opts.rateLimitFactor));
    this.fanout = opts.fanout ?? new LocalFanout();
    this.registry = new DocRegistry({
      store: opts.store,
      fanout: this.fanout,
      onDropped: (roomId) => this.dropHere(roomId),
      onLeft: (roomId, participantId) => this.closePersonHere(roomId, participantId),
      compactEvery: opts.compactEvery ?? COMPACT_EVERY,
      idleMs: opts.idleMs,
      maxDocBytes: opts.maxDocBytes ?? DEFAULT_MAX_DOC_BYTES,
      now: this.now,
      onChange: (roomId, snapshot) => {
        try {
          opts.onChange?.(roomId, snapshot);
        } catch {
          log.error(`agreement: onChange listener failed (room ${roomId})`);
        }
      },
    });
    this.heartbeat = setInterval(() => this.ping(), opts.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** handles HTTP upgrade requests for /yjs/:roomId?ticket=...; returns true if it took the request */
  handleUpgrade(req: http.IncomingMessage, socket: stream.Duplex, head: Buffer): boolean {
    const target = parseUpgradeTarget(req.url);
    if (!target) return false;
    // A reset while the token is checked must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    if (this.closed) {
      rejectUpgrade(socket, 503);
      return true;
    }
    this.admit(req, socket, head, target).catch(() => rejectUpgrade(socket, 500));
    return true;
  }

  async propose(roomId: string, participantId: string, text: string): Promise<{ clauseId: string }> {
    const parsed = AgreementPropose.safeParse({ text });
    if (!parsed.success) {
      const tooLong = typeof text === 'string' && text.trim().length > LIMITS.clauseChars;
      throw tooLong
        ? new AppError('too_long', `A clause can be at most ${LIMITS.clauseChars} characters.`)
        : new AppError('invalid_payload', 'A clause needs some text.');
    }
    const role = await this.roleOf(roomId, participantId);
    if (!PROPOSERS.has(role)) throw new AppError('forbidden', 'Observers cannot propose clauses.');
    const room = await this.registry.acquire(roomId);
    const clauseId = newId('cl');
    const { state, parties } = await this.changeState(roomId, (st) =>
      proposeClause(st, { id: clauseId, proposedBy: participantId, at: this.now(), text: parsed.data.text }),
    );
    room.applyState(state, parties, new Map([[clauseId, parsed.data.text]]));
    return { clauseId };
  }

  /** Accepts the clause's words as this process has them (or refuses, with `expectedHash`, if they changed). */
  async accept(
    roomId: string,
    clauseId: string,
    participantId: string,
    expectedHash?: string,
  ): Promise<{ status: ClauseStatus }> {
    await this.roleOf(roomId, participantId);
    const room = await this.registry.acquire(roomId);
    // Know every clause the store has (one proposed through another process a moment ago included).
    if (!room.texts().has(clauseId)) await room.refresh();
    const text = room.texts().get(clauseId) ?? '';
    const { state, parties } = await this.changeState(roomId, (st, ps) =>
      acceptClause(st, { clauseId, participantId, text, at: this.now(), expectedHash }, ps),
    );
    room.applyState(state, parties);
    const clause = room.snapshot().clauses.find((c) => c.id === clauseId);
    return { status: clause?.status ?? 'proposed' };
  }

  /** Sets or clears when the room looks at a clause again (YYYY-MM-DD). */
  async review(
    roomId: string,
    clauseId: string,
    participantId: string,
    reviewOn: string | null,
  ): Promise<{ reviewOn: string | null }> {
    await this.roleOf(roomId, participantId);
    const room = await this.registry.acquire(roomId);
    const { state, parties } = await this.changeState(roomId, (st) =>
      setReviewDate(st, { clauseId, on: reviewOn, by: participantId, at: this.now() }),
    );
    room.applyState(state, parties);
    return { reviewOn };
  }

  async sign(roomId: string, participantId: string): Promise<{ final: boolean }> {
    await this.roleOf(roomId, participantId);
    const room = await this.registry.acquire(roomId);
    await room.refresh();
    const texts = room.texts();
    const { state, parties } = await this.changeState(roomId, (st, ps) =>
      signAgreement(st, { participantId, texts, at: this.now() }, ps),
    );
    room.applyState(state, parties);
    return { final: room.snapshot().final };
  }

  /**
   * Changes the stored agreement state with a rule, atomically with the room (the rule may run more
   * than once under contention, on a fresh copy each time).
   */
  private async changeState(
    roomId: string,
    rule: (state: AgreementState, parties: string[]) => void,
  ): Promise<{ state: AgreementState; parties: string[] }> {
    const out = await this.opts.store.updateRoom(roomId, (record) => {
      const state = copyState(stateOf(record));
      const parties = partyIds(record);
      rule(state, parties);
      return { room: { ...record, agreement: state }, result: { state, parties } };
    });
    if (!out) throw new AppError('not_found', 'No such room.');
    return out.result;
  }

  /** The agreement as the store's state and the current words make it. */
  async snapshot(roomId: string): Promise<AgreementSnapshot> {
    if (!(await this.opts.store.getRoom(roomId))) throw new AppError('not_found', 'No such room.');
    const room = await this.registry.acquire(roomId);
    await room.refresh();
    return room.snapshot();
  }

  /** The agreement as a record to keep: what holds now, with the time of each acceptance and signature. */
  async record(roomId: string, title: string, names: Record<string, string>): Promise<AgreementRecord> {
    const snapshot = await this.snapshot(roomId);
    // Edits on their way to the store carry who changed what: the record waits for them.
    await (await this.registry.acquire(roomId)).settled();
    const room = await this.opts.store.getRoom(roomId);
    if (!room) throw new AppError('not_found', 'No such room.');
    return agreementRecord(stateOf(room), snapshot, title, names);
  }

  /** The record as Markdown (markdown.ts). */
  async exportMarkdown(roomId: string, title: string, names: Record<string, string>): Promise<string> {
    return agreementMarkdown(await this.record(roomId, title, names));
  }

  /** the room was deleted: close its connections (close code 4404) here and in every other process, drop the doc */
  async dropRoom(roomId: string): Promise<void> {
    this.fanout.publish(roomId, 'dropped', new Uint8Array());
    this.dropHere(roomId);
  }

  /** A person left or was taken out of the room: close their connections here and in every other process. */
  async dropPerson(roomId: string, participantId: string): Promise<void> {
    this.fanout.publish(roomId, 'left', new TextEncoder().encode(participantId));
    this.closePersonHere(roomId, participantId);
  }

  private closePersonHere(roomId: string, participantId: string): void {
    for (const conn of this.connections) {
      if (conn.roomId === roomId && conn.identity.participantId === participantId) {
        conn.close(CLOSE.removed, 'no longer in the room');
      }
    }
  }

  private dropHere(roomId: string): void {
    for (const conn of this.connections) {
      if (conn.roomId === roomId) conn.close(CLOSE.notFound, 'room deleted');
    }
    this.registry.drop(roomId);
  }

  /** loaded docs and open connections, for /metrics */
  stats(): { docs: number; connections: number } {
    return { docs: this.registry.size, connections: this.connections.size };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    for (const conn of this.connections) conn.close(CLOSE.goingAway, 'server shutting down');
    await this.registry.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private async admit(
    req: http.IncomingMessage,
    socket: stream.Duplex,
    head: Buffer,
    target: UpgradeTarget,
  ): Promise<void> {
    // A token in a URL ends up in proxy logs: refused outright, so no client keeps sending one.
    if (target.tokenInUrl) return rejectUpgrade(socket, 401);
    const identity = await this.opts.authenticate(target.ticket ?? undefined);
    if (!identity) return rejectUpgrade(socket, 401);
    if (identity.roomId !== target.roomId) {
      const exists = target.roomId !== null && (await this.opts.store.getRoom(target.roomId)) !== null;
      return rejectUpgrade(socket, exists ? 403 : 404);
    }
    if (socket.destroyed) return;
    if (this.closed) return rejectUpgrade(socket, 503);
    const record = await this.opts.store.getRoom(identity.roomId);
    const name = record?.participants.find((p) => p.participantId === identity.participantId)?.name ?? '';
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, identity, name));
  }

  private open(ws: WebSocket, identity: Identity, name: string): void {
    // One budget per person, not per connection: reconnecting must not refill it.
    const key = `yjs:${identity.roomId}:${identity.participantId}`;
    const conn = new Connection(
      ws,
      identity,
      {
        allowMessage: () => this.limiter.allow(key),
        maxQueuedBytes: 4 * this.opts.maxMessageBytes,
        maxBufferedBytes: 16 * this.opts.maxMessageBytes,
      },
      name,
    );
    this.connections.add(conn);
    ws.on('close', () => this.connections.delete(conn));
    if (this.closed) return conn.close(CLOSE.goingAway, 'server shutting down');
    this.registry.acquire(identity.roomId).then(
      (room) => conn.attach(room),
      (err: unknown) => conn.close(err instanceof AppError ? CLOSE.notFound : CLOSE.internal, 'document unavailable'),
    );
  }

  private ping(): void {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.ws.terminate();
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  private async roleOf(roomId: string, participantId: string): Promise<Role> {
    const room = await this.opts.store.getRoom(roomId);
    if (!room) throw new AppError('not_found', 'No such room.');
    const participant = room.participants.find((p) => p.participantId === participantId);
    if (!participant) throw new AppError('forbidden', 'You are not in this room.');
    return participant.role;
  }
}
