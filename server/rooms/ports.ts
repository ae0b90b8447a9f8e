import type { LogEntry, PrepMessage, Role } from '../../shared/protocol.js';
import type { RoomRecord } from './model.js';

/** Who a token belongs to. Tokens are stored by their hash only. */
export interface TokenRecord {
  roomId: string;
  participantId: string;
  role: Role;
}

/** What an invite code lets its holder become. Codes are stored by their hash only. */
export interface InviteRecord {
  roomId: string;
  role: Exclude<Role, 'host'>;
  createdBy: string;
  createdAt: number;
}

/** A single-use ticket for the /yjs upgrade: who it admits, and until when (ms since the epoch). */
export interface TicketRecord extends TokenRecord {
  expiresAt: number;
}

/** A log entry before the store gives it its sequence number. */
export type NewLogEntry = LogEntry extends infer E ? (E extends { seq: number } ? Omit<E, 'seq'> : never) : never;

export interface AppendResult {
  entry: LogEntry;
  /** true when the dedupe key was seen before: `entry` is the first delivery, nothing was appended. */
  duplicate: boolean;
}

export type RoomUpdate<T> = (room: RoomRecord) => { room: RoomRecord; result: T } | { room?: undefined; result: T };

/**
 * Everything the service keeps, behind one asynchronous interface: memory by default, Redis when
 * REDIS_URL is set. The same contract suite (test/integration/store.contract.ts) runs against each.
 * A room-scoped write (token, invite, log, prep, document) for a room that no longer exists rejects
 * with AppError not_found and writes nothing, so a request racing a deletion cannot recreate data.
 */
export interface Store {
  readonly kind: 'memory' | 'redis';

  createRoom(room: RoomRecord): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  /**
   * Changes a room atomically: `update` gets the current record and returns the next one (or no
   * room to leave it as it is) and a result. It may run more than once under contention, so it
   * must be a pure function of its input. Resolves to null when the room does not exist.
   */
  updateRoom<T>(roomId: string, update: RoomUpdate<T>): Promise<{ room: RoomRecord; result: T } | null>;
  /** Removes the room and everything in it: log, prep, document, tokens, invites. */
  deleteRoom(roomId: string): Promise<void>;

  putToken(tokenHash: string, record: TokenRecord): Promise<void>;
  getToken(tokenHash: string): Promise<TokenRecord | null>;
  putInvite(codeHash: string, record: InviteRecord): Promise<void>;
  getInvite(codeHash: string): Promise<InviteRecord | null>;
  /** Stores a ticket by its hash for `ttlMs` (it also carries its own expiresAt). */
  putTicket(ticketHash: string, record: TicketRecord, ttlMs: number): Promise<void>;
  /**
   * Takes a ticket atomically: of two takes of one ticket, at most one gets it. Null when it is
   * unknown, already taken, expired, or its room is gone.
   */
  takeTicket(ticketHash: string): Promise<TicketRecord | null>;

  /**
   * Appends to the room's log with the next sequence number (1, 2, ...). With a dedupe key, a
   * second append with the same key returns the first entry and appends nothing.
   */
  appendLog(roomId: string, entry: NewLogEntry, dedupeKey?: string): Promise<AppendResult>;
  /** Entries with seq > sinceSeq, in order, at most `limit`. */
  listLog(roomId: string, sinceSeq: number, limit: number): Promise<LogEntry[]>;
  /** The last `limit` entries, in order. */
  tailLog(roomId: string, limit: number): Promise<LogEntry[]>;
  /** The entry appended with this dedupe key, if any. */
  findLogByKey(roomId: string, dedupeKey: string): Promise<LogEntry | null>;

  appendPrep(roomId: string, participantId: string, message: PrepMessage): Promise<void>;
  listPrep(roomId: string, participantId: string): Promise<PrepMessage[]>;

  /** Yjs persistence: updates are appended, then compacted into one snapshot update. */
  appendDocUpdate(roomId: string, update: Uint8Array): Promise<void>;
  loadDocUpdates(roomId: string): Promise<Uint8Array[]>;
  /**
   * Replaces the first `count` stored updates by `snapshot` (updates appended since are kept),
   * only if the first stored update is still `first` (no other compaction came in between).
   * Resolves to whether it did.
   */
  compactDoc(roomId: string, snapshot: Uint8Array, count: number, first: Uint8Array): Promise<boolean>;

  /** Deletes rooms whose retention has passed; returns their ids. */
  expireRooms(now: number): Promise<string[]>;
  close(): Promise<void>;
}
