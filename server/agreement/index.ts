import type http from 'node:http';
import type stream from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AgreementSnapshot } from '../../shared/agreement.js';
import { AgreementPropose, LIMITS, type ClauseStatus, type Role } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { log } from '../log.js';
import { newId, type Identity } from '../rooms/credentials.js';
import type { Store } from '../store/types.js';
import { RateLimiter, scaleRule } from '../util/rateLimit.js';
import { Connection } from './connection.js';
import { DocRegistry } from './docRegistry.js';
import { LocalFanout, type DocFanout } from './fanout.js';
import { agreementMarkdown } from './markdown.js';
import { CLOSE } from './messages.js';
import { acceptClause, proposeClause, signAgreement } from './rules.js';
import { parseUpgradeTarget, rejectUpgrade, type UpgradeTarget } from './upgrade.js';

export type { AgreementSnapshot } from '../../shared/agreement.js';

export interface AgreementOptions {
  store: Store;
  /** takes the single-use ticket from ?ticket=... and resolves who it admits; null -> reject the upgrade */
  authenticate: (ticket: unknown) => Promise<Identity | null>;
  /** participantIds that must accept every clause and sign: the room's 'host' and 'participant' roles */
  parties: (roomId: string) => Promise<string[]>;
  maxMessageBytes: number; // YJS_MAX_MESSAGE_BYTES
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
  private nextConnection = 0;
  private closed = false;

  constructor(private readonly opts: AgreementOptions) {
    this.wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxMessageBytes });
    this.limiter = new RateLimiter(scaleRule(MESSAGE_RULE, opts.rateLimitFactor));
    this.fanout = opts.fanout ?? new LocalFanout();
    this.registry = new DocRegistry({
      store: opts.store,
      fanout: this.fanout,
      onDropped: (roomId) => this.dropHere(roomId),
      compactEvery: opts.compactEvery ?? 100,
      idleMs: opts.idleMs,
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
    const parties = await this.opts.parties(roomId);
    const room = await this.registry.acquire(roomId);
    const clauseId = newId('cl');
    room.mutate((shadow) => proposeClause(shadow, { id: clauseId, text: parsed.data.text, proposedBy: participantId }, parties));
    return { clauseId };
  }

  async accept(roomId: string, clauseId: string, participantId: string): Promise<{ status: ClauseStatus }> {
    const parties = await this.partiesFor(roomId, participantId, 'Only the parties accept clauses.');
    const room = await this.registry.acquire(roomId);
    return { status: room.mutate((shadow) => acceptClause(shadow, clauseId, participantId, parties)) };
  }

  async sign(roomId: string, participantId: string): Promise<{ final: boolean }> {
    const parties = await this.partiesFor(roomId, participantId, 'Only the parties sign the agreement.');
    const room = await this.registry.acquire(roomId);
    return { final: room.mutate((shadow) => signAgreement(shadow, participantId, parties)) };
  }

  async snapshot(roomId: string): Promise<AgreementSnapshot> {
    if (!(await this.opts.store.getRoom(roomId))) throw new AppError('not_found', 'No such room.');
    return (await this.registry.acquire(roomId)).snapshot();
  }

  /** the agreement as Markdown: title, each clause with its status and who accepted (by name), signatures, final or draft */
  async exportMarkdown(roomId: string, title: string, names: Record<string, string>): Promise<string> {
    return agreementMarkdown(await this.snapshot(roomId), title, names);
  }

  /** the room was deleted: close its connections (close code 4404) here and in every other process, drop the doc */
  async dropRoom(roomId: string): Promise<void> {
    this.fanout.publish(roomId, 'dropped', new Uint8Array());
    this.dropHere(roomId);
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

  private async admit(req: http.IncomingMessage, socket: stream.Duplex, head: Buffer, target: UpgradeTarget): Promise<void> {
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
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, identity));
  }

  private open(ws: WebSocket, identity: Identity): void {
    const key = `yjs:${++this.nextConnection}`;
    const conn = new Connection(ws, identity, {
      allowMessage: () => this.limiter.allow(key),
      maxQueuedBytes: 4 * this.opts.maxMessageBytes,
      maxBufferedBytes: 16 * this.opts.maxMessageBytes,
    });
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

  private async partiesFor(roomId: string, participantId: string, forbidden: string): Promise<string[]> {
    await this.roleOf(roomId, participantId);
    const parties = await this.opts.parties(roomId);
    if (!parties.includes(participantId)) throw new AppError('forbidden', forbidden);
    return parties;
  }
}
