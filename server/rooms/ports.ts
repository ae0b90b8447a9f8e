import type { AgreementSnapshot } from '../../shared/agreement.js';
import type { AgreementRecord } from '../../shared/agreementRecord.js';
import type {
  CaucusMessage,
  ClauseStatus,
  LogEntry,
  PrepMessage,
  PrepPartial,
  ReviewUpdate,
} from '../../shared/protocol.js';
import type { FacilitatorEngine } from '../facilitator/types.js';
import type { HelpDirectory } from '../../shared/help.js';
import type { InviteRecord, InviteUse, NewLogEntry, RoomRecord, TicketRecord, TokenRecord } from './model.js';

/*
 * What rooms/ needs from outside, as interfaces: the store (store/memory.ts, cluster/redisStore.ts),
 * the broadcaster (realtime/), the agreement document (agreement/), the clock (rooms/timers.ts),
 * counters and settings. app.ts passes the implementations in; nothing here imports them.
 */

export interface AppendResult {
  entry: LogEntry;
  /** true when the dedupe key was seen before: `entry` is the first delivery, nothing was appended. */
  duplicate: boolean;
}

export type RoomUpdate<T> = (room: RoomRecord) => { room: RoomRecord; result: T } | { room?: undefined; result: T };

/**
 * A room change with a log entry (a delivered message): both written, numbered, or, when the dedupe key
 * was used before, nothing written and the first entry returned.
 */
export type UpdateAndAppend<T> =
  | { duplicate: false; room: RoomRecord; result: T; entry: LogEntry }
  | { duplicate: true; entry: LogEntry };

/**
 * Everything the service keeps, behind one asynchronous interface: memory by default, Redis when
 * REDIS_URL is set. The same contract suite (test/integration/store.contract.ts) runs against each.
 * A room-scoped write (token, invite, log, prep, document) for a room that no longer exists rejects
 * with AppError not_found and writes nothing, so a request racing a deletion cannot recreate data.
 * Records and entries a store hands out (and the room an update gets) are read-only: the memory store
 * hands out its own frozen records (changing one throws), so a change always builds a new record.
 */
export interface Store {
  readonly kind: 'memory' | 'file' | 'redis';

  createRoom(room: RoomRecord): Promise<void>;
  getRoom(roomId: string): Promise<RoomRecord | null>;
  /**
   * The room as this process last read or wrote it, without a round trip, or null; it may be out of date.
   * Only a store across a network has it (Redis): a message's write may start from it (updateRoomAndAppend's
   * `from`), whose compare-and-set finds out, and runs the update again on the room as it is.
   */
  recentRoom?(roomId: string): RoomRecord | null;
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
  /**
   * Takes one use of an invite atomically: of two takes racing for a single-use code (on any process),
   * one gets it. Refused (nothing counted) when it is used up, expired at `now`, or revoked.
   */
  claimInvite(codeHash: string, now: number): Promise<InviteUse>;
  /** Gives a use back (the join it was taken for failed). */
  releaseInvite(codeHash: string): Promise<void>;
  /** Marks the room's invite `inviteId` revoked; resolves to whether there was one. */
  revokeInvite(roomId: string, inviteId: string): Promise<boolean>;
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
  /**
   * updateRoom and appendLog in one atomic step (one round trip to Redis): with a dedupe key already used,
   * nothing is written (the update does not run) and the first entry is returned. `update` must return a
   * room. `from`, a record this store handed out, is where a store may start instead of reading the room
   * again (it runs `update` again on the current record if the room changed since). Null when the room does
   * not exist.
   */
  updateRoomAndAppend<T>(
    roomId: string,
    update: (room: RoomRecord) => { room: RoomRecord; result: T },
    entry: NewLogEntry,
    dedupeKey?: string,
    from?: RoomRecord,
  ): Promise<UpdateAndAppend<T> | null>;
  /** Entries with seq > sinceSeq, in order, at most `limit`. */
  listLog(roomId: string, sinceSeq: number, limit: number): Promise<LogEntry[]>;
  /** The last `limit` entries, in order. */
  tailLog(roomId: string, limit: number): Promise<LogEntry[]>;
  /** The entry appended with this dedupe key, if any. */
  findLogByKey(roomId: string, dedupeKey: string): Promise<LogEntry | null>;

  appendPrep(roomId: string, participantId: string, message: PrepMessage): Promise<void>;
  listPrep(roomId: string, participantId: string): Promise<PrepMessage[]>;
  /** Deletes one person's preparation (their own request); resolves to how many entries there were. */
  deletePrep(roomId: string, participantId: string): Promise<number>;

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

/** Where room changes go out: the realtime gateway implements it over socket.io. */
export interface RoomBroadcaster {
  /** The room's state changed (participants, floor, mode, phase, break, heat). */
  state(room: RoomRecord): void;
  /**
   * A log entry: to everyone in the room, or only to `visibleTo` when it is set; never to the connection
   * `except` (the sender's, whose ack carries the entry already). `after`: the room once the entry is in;
   * its shown heat goes with the entry (a delivered message), so a change of the heat alone needs no `state`.
   */
  entry(roomId: string, entry: LogEntry, except?: string, after?: RoomRecord): void;
  /** A private preparation message, to one person only. */
  prep(roomId: string, participantId: string, message: PrepMessage): void;
  /** A preparation reply still being written, to one person only. */
  prepPartial(roomId: string, participantId: string, partial: PrepPartial): void;
  /** Fresh suggestions for a held message, to its sender only. */
  review(roomId: string, participantId: string, update: ReviewUpdate): void;
  deleted(roomId: string): void;
  /** `participantId` left the joint session: they get the room's state once more, then no room broadcasts. */
  removed(room: RoomRecord, participantId: string): void;
  /** `participantId` left the room: their open connections are closed, on every process. */
  left(roomId: string, participantId: string): void;
  /** A removed person is back in the joint session: their connections get the room again. */
  readmitted?(room: RoomRecord, participantId: string): void;
  /** A caucus line, to the mediator's and the person's connections only. */
  caucus?(roomId: string, message: CaucusMessage): void;
}

/** What the room service needs of the agreement document (server/agreement implements it). */
export interface AgreementPort {
  propose(roomId: string, participantId: string, text: string): Promise<{ clauseId: string }>;
  accept(roomId: string, clauseId: string, participantId: string, textHash?: string): Promise<{ status: ClauseStatus }>;
  sign(roomId: string, participantId: string): Promise<{ final: boolean }>;
  review(
    roomId: string,
    clauseId: string,
    participantId: string,
    reviewOn: string | null,
  ): Promise<{ reviewOn: string | null }>;
  snapshot(roomId: string): Promise<AgreementSnapshot>;
  exportMarkdown(roomId: string, title: string, names: Record<string, string>): Promise<string>;
  record(roomId: string, title: string, names: Record<string, string>): Promise<AgreementRecord>;
  dropRoom(roomId: string): Promise<void>;
  /** Closes a person's open agreement connections (they left, or were taken out of the room). */
  dropPerson?(roomId: string, participantId: string): Promise<void>;
}

/** Arms the room's next deadline (break end, floor time-out). */
export interface RoomClock {
  sync(room: RoomRecord): void;
  clear(roomId: string): void;
}

export type HeldOutcome = 'suggestion' | 'edited' | 'original' | 'discarded';

/** The counters rooms/ moves (server/metrics.ts has them as Prometheus metrics). */
export interface RoomCounters {
  roomsCreated: { inc(): void };
  roomsDeleted: { inc(): void };
  messagesDelivered: { inc(): void };
  messagesHeld: { inc(labels: { reason: 'safety' | 'heat' }): void };
  /** What the sender did with a held message: sent a suggestion, their own edit, the original, or nothing. */
  heldOutcomes: { inc(labels: { outcome: HeldOutcome }): void };
  analyzerSeconds: { observe(seconds: number): void };
  /** Outcomes (policies/outcomes.ts): breaks started, the heat of each delivered message, and the seconds from
   * the joint session's start to the first clause everyone agreed and to signing. Optional for test doubles. */
  breaksStarted?: { inc(): void };
  deliveredHeat?: { observe(heat: number): void };
  secondsToFirstAgreed?: { observe(seconds: number): void };
  secondsToSigning?: { observe(seconds: number): void };
}

/** The settings rooms/ reads (from server/config.ts). */
export interface RoomSettings {
  heatThreshold: number;
  breakMinutes: number;
  floorSeconds: number;
  retentionMs: number;
  /**
   * How long the host waits, after telling everyone, before a room with an agreement can be deleted
   * (DELETION_NOTICE_MINUTES); absent: an hour.
   */
  deletionNoticeMs?: number;
  /** How long an invite link works (INVITE_TTL_HOURS); absent: three days. */
  inviteTtlMs?: number;
  /** Where to get help, per language (SAFETY_HELP_FILE); absent: the global directory only. */
  safetyHelp?: HelpDirectory;
}

export interface RoomDeps {
  store: Store;
  engine: FacilitatorEngine;
  broadcast: RoomBroadcaster;
  agreement: AgreementPort;
  metrics: RoomCounters;
  clock: RoomClock;
  config: RoomSettings;
  now: () => number;
}
