import type { LogEntry, PrepMessage } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import type { InviteRecord, InviteUse, NewLogEntry, RoomRecord, TicketRecord, TokenRecord } from '../rooms/model.js';
import type { AppendResult, RoomUpdate, Store, UpdateAndAppend } from '../rooms/ports.js';

interface RoomData {
  /** The current record, frozen: handed out as it is, never copied (see frozen below). */
  room: RoomRecord;
  log: RoomLog;
  /** Dedupe key -> the seq of the entry it first appended. */
  dedupe: Map<string, number>;
  prep: Map<string, PrepMessage[]>;
  doc: Uint8Array[];
  tokens: Set<string>;
  invites: Set<string>;
}

/**
 * Records are frozen, never copied: a change builds a new record (sharing what it did not change, which
 * is frozen already), so a caller can neither change stored state by reference nor pay for a copy of the
 * whole room on every read and change. Freezing stops at what is frozen already, so it costs only what
 * a change built. Byte arrays cannot be frozen; records hold none.
 */
function frozen<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value)) frozen(v);
  return value;
}

/** Records from outside are copied once on the way in (plain JSON-like data: faster than structuredClone). */
function copy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copy) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = copy(v);
  return out as T;
}

/** Newest entries kept as frozen objects; older ones are kept as JSON text (about a third of the memory). */
export const HOT_ENTRIES = 500;

/**
 * Reads back entries a room's log no longer keeps (indexes `from` to `to`, seq = index + 1): a durable
 * store's files. With one, memory holds only a room's newest entries, whatever its history.
 */
export type ColdEntries = (roomId: string, from: number, to: number) => LogEntry[];

/**
 * A room's log: seq n sits at index n-1. The last HOT_ENTRIES entries (everything the facilitator reads back,
 * and a history page) are objects. Older ones, read back rarely (a reconnect from far back, the export), are
 * JSON text, or, where a store can read them back (`cold`), not kept at all: they are let go HOT_ENTRIES at a
 * time, so between HOT_ENTRIES and twice that stay in memory.
 */
class RoomLog {
  private entries: (LogEntry | string)[] = [];
  /** entries let go (the first `dropped` seqs), read back through `cold` */
  private dropped = 0;

  /** `cold()`: the reader of entries let go, or null while there is none (the memory store; a replay) */
  constructor(private readonly cold: () => ((from: number, to: number) => LogEntry[]) | null) {}

  get length(): number {
    return this.dropped + this.entries.length;
  }

  get inMemory(): number {
    return this.entries.length;
  }

  push(entry: LogEntry): void {
    this.entries.push(entry);
    if (this.cold()) return this.letGo(2 * HOT_ENTRIES);
    const cooling = this.entries.length - 1 - HOT_ENTRIES;
    if (cooling >= 0) this.entries[cooling] = JSON.stringify(this.entries[cooling]);
  }

  /** Lets go of all but the newest HOT_ENTRIES once more than `over` are kept (when entries can be read back). */
  letGo(over = HOT_ENTRIES): void {
    if (!this.cold() || this.entries.length <= over) return;
    const n = this.entries.length - HOT_ENTRIES;
    this.entries = this.entries.slice(n);
    this.dropped += n;
  }

  at(index: number): LogEntry | undefined {
    if (index < this.dropped) return index < 0 ? undefined : this.cold()?.(index, index + 1)[0];
    const e = this.entries[index - this.dropped];
    return typeof e === 'string' ? (JSON.parse(e) as LogEntry) : e;
  }

  slice(from: number, to: number): LogEntry[] {
    const [start, end] = [Math.max(0, from), Math.min(to, this.length)];
    const cold = start < this.dropped ? this.cold() : null;
    const out: LogEntry[] = cold ? cold(start, Math.min(end, this.dropped)) : [];
    for (let i = Math.max(start, this.dropped); i < end; i++) out.push(this.at(i) as LogEntry);
    return out;
  }
}

/**
 * One change to a room's data, as the memory store applies it. A durable store writes each change to its
 * log before the memory store applies it (see ChangeJournal), and replays them at start.
 * `room` in 'room' and 'log' is the whole next record; `prev`, when given, is the record it replaces
 * (a journal may write only the fields that differ: unchanged ones are the same frozen objects).
 */
export type StoreChange =
  | { op: 'create'; room: RoomRecord }
  | { op: 'room'; room: RoomRecord; prev?: RoomRecord }
  | { op: 'log'; entry: LogEntry; key?: string; room?: RoomRecord; prev?: RoomRecord }
  | { op: 'token'; hash: string; record: TokenRecord }
  | { op: 'invite'; hash: string; record: InviteRecord }
  | { op: 'ticket'; hash: string; record: TicketRecord; until: number }
  | { op: 'untick'; hash: string }
  | { op: 'prep'; participantId: string; message: PrepMessage }
  | { op: 'unprep'; participantId: string }
  | { op: 'doc'; update: Uint8Array }
  | { op: 'compact'; snapshot: Uint8Array; count: number };

/**
 * Where a durable store keeps changes: `write` is called before a change is applied (and throws to refuse
 * it: nothing is applied), `drop` when a room is deleted. Both run synchronously inside the store's
 * operation, so changes reach the journal in the order they are applied.
 */
export interface ChangeJournal {
  write(roomId: string, change: StoreChange): void;
  drop(roomId: string): void;
}

/** A write for a room that is gone is refused, as in Redis, so a racing request cannot recreate it. */
const gone = () => new AppError('not_found', 'This room does not exist (any more).');

/** Why an invite admits no one at `now`, or null when it still admits someone. */
export function inviteRefusal(invite: InviteRecord, now: number): 'used' | 'expired' | 'revoked' | null {
  if (invite.revoked) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used';
  return null;
}

/**
 * Everything in one process's memory. Alone (STORE=memory) nothing is kept on disk; with a journal
 * (store/file/) every change is written to disk first and this is the hot copy that serves reads.
 */
export class MemoryStore implements Store {
  readonly kind: 'memory' | 'file' = 'memory';
  private readonly rooms = new Map<string, RoomData>();
  /** Where entries a log let go are read back from; none for the memory store alone (readColdEntriesFrom). */
  private cold: ColdEntries | null = null;
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly invites = new Map<string, InviteRecord>();
  private readonly tickets = new Map<string, { record: TicketRecord; until: number }>();
  protected journal: ChangeJournal | undefined;

  /**
   * From now on, entries that leave a room's hot window are let go and read back through `cold` (a durable
   * store, once its files are replayed): memory then holds a room's newest entries, not its whole history.
   */
  protected readColdEntriesFrom(cold: ColdEntries): void {
    this.cold = cold;
    for (const data of this.rooms.values()) data.log.letGo();
  }

  /** Log entries held in memory across all rooms (tests, benches: history must not stay in memory). */
  entriesInMemory(): number {
    let n = 0;
    for (const data of this.rooms.values()) n += data.log.inMemory;
    return n;
  }

  /** Writes the change to the journal (if any), then applies it. */
  private commit(roomId: string, change: StoreChange): void {
    this.journal?.write(roomId, change);
    this.apply(roomId, change);
  }

  /**
   * Applies one change (a live one, or one replayed from a journal). A change for a room that does not
   * exist (other than its creation) is ignored.
   */
  apply(roomId: string, change: StoreChange): void {
    if (change.op === 'create') {
      const read = (from: number, to: number) => this.cold!(roomId, from, to);
      this.rooms.set(roomId, {
        room: frozen(copy(change.room)),
        log: new RoomLog(() => (this.cold ? read : null)),
        dedupe: new Map(),
        prep: new Map(),
        doc: [],
        tokens: new Set(),
        invites: new Set(),
      });
      return;
    }
    const data = this.rooms.get(roomId);
    if (!data) return;
    switch (change.op) {
      case 'room':
        data.room = frozen(change.room);
        return;
      case 'log':
        if (change.room) data.room = frozen(change.room);
        data.log.push(frozen(change.entry));
        if (change.key !== undefined) data.dedupe.set(change.key, change.entry.seq);
        return;
      case 'token':
      case 'invite': {
        const list = change.op === 'token' ? 'tokens' : 'invites';
        data[list].add(change.hash);
        (change.op === 'token' ? this.tokens : this.invites).set(change.hash, copy(change.record as never));
        return;
      }
      case 'ticket':
        this.tickets.set(change.hash, { record: copy(change.record), until: change.until });
        return;
      case 'untick':
        this.tickets.delete(change.hash);
        return;
      case 'prep': {
        const list = data.prep.get(change.participantId) ?? [];
        list.push(copy(change.message));
        data.prep.set(change.participantId, list);
        return;
      }
      case 'unprep':
        data.prep.delete(change.participantId);
        return;
      case 'doc':
        data.doc.push(change.update.slice());
        return;
      case 'compact':
        data.doc = [change.snapshot.slice(), ...data.doc.slice(change.count)];
        return;
    }
  }

  /** The room's current record, read synchronously (a journal replaying changes builds on it). */
  currentRoom(roomId: string): RoomRecord | null {
    return this.rooms.get(roomId)?.room ?? null;
  }

  /** Every room id held. */
  roomIds(): string[] {
    return [...this.rooms.keys()];
  }

  /**
   * The fewest changes that rebuild the room as it is now (a journal compacts its file to these):
   * the room, its log with dedupe keys, tokens, invites, live tickets, preparation and document.
   */
  changesOf(roomId: string): StoreChange[] {
    const data = this.rooms.get(roomId);
    if (!data) return [];
    const keys = new Map<number, string>();
    for (const [key, seq] of data.dedupe) keys.set(seq, key);
    const out: StoreChange[] = [{ op: 'create', room: data.room }];
    // one slice: entries let go are read back together, not one file read each
    for (const entry of data.log.slice(0, data.log.length)) {
      const key = keys.get(entry.seq);
      out.push(key === undefined ? { op: 'log', entry } : { op: 'log', entry, key });
    }
    for (const hash of data.tokens) {
      const record = this.tokens.get(hash);
      if (record) out.push({ op: 'token', hash, record });
    }
    for (const hash of data.invites) {
      const record = this.invites.get(hash);
      if (record) out.push({ op: 'invite', hash, record });
    }
    const now = Date.now();
    for (const [hash, t] of this.tickets)
      if (t.record.roomId === roomId && t.until > now)
        out.push({ op: 'ticket', hash, record: t.record, until: t.until });
    for (const [participantId, list] of data.prep)
      for (const message of list) out.push({ op: 'prep', participantId, message });
    for (const update of data.doc) out.push({ op: 'doc', update });
    return out;
  }

  async createRoom(room: RoomRecord): Promise<void> {
    this.commit(room.roomId, { op: 'create', room });
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const data = this.rooms.get(roomId);
    return data ? data.room : null;
  }

  async updateRoom<T>(roomId: string, update: RoomUpdate<T>): Promise<{ room: RoomRecord; result: T } | null> {
    const data = this.rooms.get(roomId);
    if (!data) return null;
    // Synchronous from read to write: atomic within this single-threaded process. The update gets the
    // frozen record and returns a new one (a pure function of it, as for every store).
    const out = update(data.room);
    if (out.room) this.commit(roomId, { op: 'room', room: out.room, prev: data.room });
    return { room: data.room, result: out.result };
  }

  async deleteRoom(roomId: string): Promise<void> {
    const data = this.rooms.get(roomId);
    if (!data) return;
    for (const hash of data.tokens) this.tokens.delete(hash);
    for (const hash of data.invites) this.invites.delete(hash);
    for (const [hash, t] of this.tickets) if (t.record.roomId === roomId) this.tickets.delete(hash);
    this.journal?.drop(roomId);
    this.rooms.delete(roomId);
  }

  async putToken(tokenHash: string, record: TokenRecord): Promise<void> {
    this.putMember('token', tokenHash, record);
  }

  async getToken(tokenHash: string): Promise<TokenRecord | null> {
    return this.getMember(this.tokens, tokenHash);
  }

  async putInvite(codeHash: string, record: InviteRecord): Promise<void> {
    this.putMember('invite', codeHash, record);
  }

  async getInvite(codeHash: string): Promise<InviteRecord | null> {
    return this.getMember(this.invites, codeHash);
  }

  async claimInvite(codeHash: string, now: number): Promise<InviteUse> {
    const invite = this.invites.get(codeHash);
    // Synchronous from read to write: of two uses racing in this process, one counts.
    if (!invite || !this.rooms.has(invite.roomId)) return { status: 'unknown' };
    const status = inviteRefusal(invite, now);
    if (status) return { status, invite: copy(invite) };
    this.commit(invite.roomId, { op: 'invite', hash: codeHash, record: { ...invite, uses: invite.uses + 1 } });
    return { status: 'ok', invite: copy(this.invites.get(codeHash) as InviteRecord) };
  }

  async releaseInvite(codeHash: string): Promise<void> {
    const invite = this.invites.get(codeHash);
    if (invite && invite.uses > 0)
      this.commit(invite.roomId, { op: 'invite', hash: codeHash, record: { ...invite, uses: invite.uses - 1 } });
  }

  async revokeInvite(roomId: string, inviteId: string): Promise<boolean> {
    const data = this.rooms.get(roomId);
    for (const hash of data?.invites ?? []) {
      const invite = this.invites.get(hash);
      if (invite?.inviteId !== inviteId) continue;
      this.commit(roomId, { op: 'invite', hash, record: { ...invite, revoked: true } });
      return true;
    }
    return false;
  }

  async putTicket(ticketHash: string, record: TicketRecord, ttlMs: number): Promise<void> {
    const now = Date.now();
    // Expired ones are dropped as new ones come, so the map stays as small as the live tickets.
    for (const [hash, t] of this.tickets) if (t.until <= now) this.tickets.delete(hash);
    const ticket = { op: 'ticket' as const, hash: ticketHash, record, until: now + ttlMs };
    // A ticket for a room this store does not hold is kept in memory only (nothing to file it under).
    if (this.rooms.has(record.roomId)) this.commit(record.roomId, ticket);
    else this.apply(record.roomId, ticket);
  }

  async takeTicket(ticketHash: string): Promise<TicketRecord | null> {
    const ticket = this.tickets.get(ticketHash);
    // Deleted before anything else: synchronous, so a second take finds nothing.
    if (ticket && this.rooms.has(ticket.record.roomId))
      this.commit(ticket.record.roomId, { op: 'untick', hash: ticketHash });
    this.tickets.delete(ticketHash);
    if (!ticket || ticket.until <= Date.now() || !this.rooms.has(ticket.record.roomId)) return null;
    return copy(ticket.record);
  }

  /** A token or invite, kept only while its room exists, and listed under the room for deletion. */
  private putMember(op: 'token' | 'invite', hash: string, record: TokenRecord | InviteRecord): void {
    if (!this.rooms.has(record.roomId)) throw gone();
    this.commit(record.roomId, { op, hash, record } as StoreChange);
  }

  private getMember<T>(map: Map<string, T>, hash: string): T | null {
    const record = map.get(hash);
    return record ? copy(record) : null;
  }

  async appendLog(roomId: string, entry: NewLogEntry, dedupeKey?: string): Promise<AppendResult> {
    const data = this.rooms.get(roomId);
    if (!data) throw gone();
    const seen = dedupeKey === undefined ? undefined : data.dedupe.get(dedupeKey);
    if (seen !== undefined) return { entry: data.log.at(seen - 1) as LogEntry, duplicate: true };
    return { entry: this.append(roomId, data, entry, dedupeKey), duplicate: false };
  }

  async updateRoomAndAppend<T>(
    roomId: string,
    update: (room: RoomRecord) => { room: RoomRecord; result: T },
    entry: NewLogEntry,
    dedupeKey?: string,
  ): Promise<UpdateAndAppend<T> | null> {
    const data = this.rooms.get(roomId);
    if (!data) return null;
    // Synchronous from the dedupe check to the append: atomic within this process.
    const seen = dedupeKey === undefined ? undefined : data.dedupe.get(dedupeKey);
    if (seen !== undefined) return { duplicate: true, entry: data.log.at(seen - 1) as LogEntry };
    const out = update(data.room);
    const stored = this.append(roomId, data, entry, dedupeKey, out.room);
    return { duplicate: false, room: data.room, result: out.result, entry: stored };
  }

  /** Appends with the next seq, with the room's next record if it changes too (the caller checked the key). */
  private append(roomId: string, data: RoomData, entry: NewLogEntry, key?: string, room?: RoomRecord): LogEntry {
    // Assigned, not spread ({ ...copy(entry), seq }): V8 gives each object built by a spread plus a key its
    // own hidden class (map, descriptors, enum cache: ~0.5 KB an entry, 8.8 MB for 11,250 messages).
    const stored = copy(entry) as LogEntry;
    stored.seq = data.log.length + 1;
    const change: StoreChange = { op: 'log', entry: stored };
    if (key !== undefined) change.key = key;
    if (room) Object.assign(change, { room, prev: data.room });
    this.commit(roomId, change);
    return stored;
  }

  async listLog(roomId: string, sinceSeq: number, limit: number): Promise<LogEntry[]> {
    const data = this.rooms.get(roomId);
    if (!data) return [];
    // seq n sits at index n-1, so the slice needs no search.
    const from = Math.max(0, sinceSeq);
    return data.log.slice(from, from + limit);
  }

  async tailLog(roomId: string, limit: number): Promise<LogEntry[]> {
    const log = this.rooms.get(roomId)?.log;
    return log ? log.slice(log.length - limit, log.length) : [];
  }

  async findLogByKey(roomId: string, dedupeKey: string): Promise<LogEntry | null> {
    const data = this.rooms.get(roomId);
    const seq = data?.dedupe.get(dedupeKey);
    return seq === undefined ? null : (data?.log.at(seq - 1) ?? null);
  }

  async appendPrep(roomId: string, participantId: string, message: PrepMessage): Promise<void> {
    const data = this.rooms.get(roomId);
    if (!data) throw gone();
    this.commit(roomId, { op: 'prep', participantId, message });
  }

  async listPrep(roomId: string, participantId: string): Promise<PrepMessage[]> {
    return copy(this.rooms.get(roomId)?.prep.get(participantId) ?? []);
  }

  async deletePrep(roomId: string, participantId: string): Promise<number> {
    const count = this.rooms.get(roomId)?.prep.get(participantId)?.length ?? 0;
    if (count > 0) this.commit(roomId, { op: 'unprep', participantId });
    return count;
  }

  async appendDocUpdate(roomId: string, update: Uint8Array): Promise<void> {
    const data = this.rooms.get(roomId);
    if (!data) throw gone();
    this.commit(roomId, { op: 'doc', update });
  }

  async loadDocUpdates(roomId: string): Promise<Uint8Array[]> {
    return (this.rooms.get(roomId)?.doc ?? []).map((u) => u.slice());
  }

  async compactDoc(roomId: string, snapshot: Uint8Array, count: number, first: Uint8Array): Promise<boolean> {
    const data = this.rooms.get(roomId);
    if (!data) throw gone();
    if (!data.doc[0] || !Buffer.from(data.doc[0]).equals(Buffer.from(first))) return false;
    this.commit(roomId, { op: 'compact', snapshot, count });
    return true;
  }

  async expireRooms(now: number): Promise<string[]> {
    const expired = [...this.rooms.values()].filter((d) => d.room.expiresAt <= now).map((d) => d.room.roomId);
    for (const roomId of expired) await this.deleteRoom(roomId);
    return expired;
  }

  async close(): Promise<void> {}
}
