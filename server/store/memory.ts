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
 * A room's log: seq n sits at index n-1. The last HOT_ENTRIES entries (everything the facilitator reads back,
 * and a history page) are objects; older ones are JSON, read back rarely (a reconnect from far back, the export).
 */
class RoomLog {
  private readonly entries: (LogEntry | string)[] = [];

  get length(): number {
    return this.entries.length;
  }

  push(entry: LogEntry): void {
    this.entries.push(entry);
    const cooling = this.entries.length - 1 - HOT_ENTRIES;
    if (cooling >= 0) this.entries[cooling] = JSON.stringify(this.entries[cooling]);
  }

  at(index: number): LogEntry | undefined {
    const e = this.entries[index];
    return typeof e === 'string' ? (JSON.parse(e) as LogEntry) : e;
  }

  slice(from: number, to: number): LogEntry[] {
    const out: LogEntry[] = [];
    for (let i = Math.max(0, from); i < Math.min(to, this.entries.length); i++) out.push(this.at(i) as LogEntry);
    return out;
  }
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

/** Appends with the next seq (the caller has checked the dedupe key). */
function append(data: RoomData, entry: NewLogEntry, dedupeKey: string | undefined): LogEntry {
  const stored = frozen({ ...copy(entry), seq: data.log.length + 1 } as LogEntry);
  data.log.push(stored);
  if (dedupeKey !== undefined) data.dedupe.set(dedupeKey, stored.seq);
  return stored;
}

/** The embedded default: one process, nothing on disk. */
export class MemoryStore implements Store {
  readonly kind = 'memory' as const;
  private readonly rooms = new Map<string, RoomData>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly invites = new Map<string, InviteRecord>();
  private readonly tickets = new Map<string, { record: TicketRecord; until: number }>();

  async createRoom(room: RoomRecord): Promise<void> {
    this.rooms.set(room.roomId, {
      room: frozen(copy(room)),
      log: new RoomLog(),
      dedupe: new Map(),
      prep: new Map(),
      doc: [],
      tokens: new Set(),
      invites: new Set(),
    });
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
    if (out.room) data.room = frozen(out.room);
    return { room: data.room, result: out.result };
  }

  async deleteRoom(roomId: string): Promise<void> {
    const data = this.rooms.get(roomId);
    if (!data) return;
    for (const hash of data.tokens) this.tokens.delete(hash);
    for (const hash of data.invites) this.invites.delete(hash);
    this.rooms.delete(roomId);
  }

  async putToken(tokenHash: string, record: TokenRecord): Promise<void> {
    this.putMember(this.tokens, 'tokens', tokenHash, record);
  }

  async getToken(tokenHash: string): Promise<TokenRecord | null> {
    return this.getMember(this.tokens, tokenHash);
  }

  async putInvite(codeHash: string, record: InviteRecord): Promise<void> {
    this.putMember(this.invites, 'invites', codeHash, record);
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
    invite.uses += 1;
    return { status: 'ok', invite: copy(invite) };
  }

  async releaseInvite(codeHash: string): Promise<void> {
    const invite = this.invites.get(codeHash);
    if (invite && invite.uses > 0) invite.uses -= 1;
  }

  async revokeInvite(roomId: string, inviteId: string): Promise<boolean> {
    const data = this.rooms.get(roomId);
    for (const hash of data?.invites ?? []) {
      const invite = this.invites.get(hash);
      if (invite?.inviteId !== inviteId) continue;
      invite.revoked = true;
      return true;
    }
    return false;
  }

  async putTicket(ticketHash: string, record: TicketRecord, ttlMs: number): Promise<void> {
    const now = Date.now();
    // Expired ones are dropped as new ones come, so the map stays as small as the live tickets.
    for (const [hash, t] of this.tickets) if (t.until <= now) this.tickets.delete(hash);
    this.tickets.set(ticketHash, { record: copy(record), until: now + ttlMs });
  }

  async takeTicket(ticketHash: string): Promise<TicketRecord | null> {
    const ticket = this.tickets.get(ticketHash);
    // Deleted before anything else: synchronous, so a second take finds nothing.
    this.tickets.delete(ticketHash);
    if (!ticket || ticket.until <= Date.now() || !this.rooms.has(ticket.record.roomId)) return null;
    return copy(ticket.record);
  }

  /** A token or invite, kept only while its room exists, and listed under the room for deletion. */
  private putMember<T extends { roomId: string }>(
    map: Map<string, T>,
    list: 'tokens' | 'invites',
    hash: string,
    record: T,
  ): void {
    const data = this.rooms.get(record.roomId);
    if (!data) throw gone();
    data[list].add(hash);
    map.set(hash, copy(record));
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
    return { entry: append(data, entry, dedupeKey), duplicate: false };
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
    data.room = frozen(out.room);
    return { duplicate: false, room: data.room, result: out.result, entry: append(data, entry, dedupeKey) };
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
    const list = data.prep.get(participantId) ?? [];
    list.push(copy(message));
    data.prep.set(participantId, list);
  }

  async listPrep(roomId: string, participantId: string): Promise<PrepMessage[]> {
    return copy(this.rooms.get(roomId)?.prep.get(participantId) ?? []);
  }

  async deletePrep(roomId: string, participantId: string): Promise<number> {
    const prep = this.rooms.get(roomId)?.prep;
    const count = prep?.get(participantId)?.length ?? 0;
    prep?.delete(participantId);
    return count;
  }

  async appendDocUpdate(roomId: string, update: Uint8Array): Promise<void> {
    const data = this.rooms.get(roomId);
    if (!data) throw gone();
    data.doc.push(update.slice());
  }

  async loadDocUpdates(roomId: string): Promise<Uint8Array[]> {
    return (this.rooms.get(roomId)?.doc ?? []).map((u) => u.slice());
  }

  async compactDoc(roomId: string, snapshot: Uint8Array, count: number, first: Uint8Array): Promise<boolean> {
    const data = this.rooms.get(roomId);
    if (!data) throw gone();
    if (!data.doc[0] || !Buffer.from(data.doc[0]).equals(Buffer.from(first))) return false;
    data.doc = [snapshot.slice(), ...data.doc.slice(count)];
    return true;
  }

  async expireRooms(now: number): Promise<string[]> {
    const expired = [...this.rooms.values()].filter((d) => d.room.expiresAt <= now).map((d) => d.room.roomId);
    for (const roomId of expired) await this.deleteRoom(roomId);
    return expired;
  }

  async close(): Promise<void> {}
}
