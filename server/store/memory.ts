import type { LogEntry, PrepMessage } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import type { InviteRecord, InviteUse, NewLogEntry, RoomRecord, TicketRecord, TokenRecord } from '../rooms/model.js';
import type { AppendResult, RoomUpdate, Store } from '../rooms/ports.js';

interface RoomData {
  room: RoomRecord;
  log: LogEntry[];
  dedupe: Map<string, LogEntry>;
  prep: Map<string, PrepMessage[]>;
  doc: Uint8Array[];
  tokens: Set<string>;
  invites: Set<string>;
}

/** Records are copied in and out so that callers can never change stored state by reference. */
const copy = <T>(value: T): T => structuredClone(value);

/** A write for a room that is gone is refused, as in Redis, so a racing request cannot recreate it. */
const gone = () => new AppError('not_found', 'This room does not exist (any more).');

/** Why an invite admits no one at `now`, or null when it still admits someone. */
export function inviteRefusal(invite: InviteRecord, now: number): 'used' | 'expired' | 'revoked' | null {
  if (invite.revoked) return 'revoked';
  if (invite.expiresAt <= now) return 'expired';
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used';
  return null;
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
      room: copy(room),
      log: [],
      dedupe: new Map(),
      prep: new Map(),
      doc: [],
      tokens: new Set(),
      invites: new Set(),
    });
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const data = this.rooms.get(roomId);
    return data ? copy(data.room) : null;
  }

  async updateRoom<T>(roomId: string, update: RoomUpdate<T>): Promise<{ room: RoomRecord; result: T } | null> {
    const data = this.rooms.get(roomId);
    if (!data) return null;
    // Synchronous from read to write: atomic within this single-threaded process.
    const out = update(copy(data.room));
    if (out.room) data.room = copy(out.room);
    return { room: copy(data.room), result: out.result };
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
    if (seen) return { entry: copy(seen), duplicate: true };
    const stored = { ...copy(entry), seq: data.log.length + 1 } as LogEntry;
    data.log.push(stored);
    if (dedupeKey !== undefined) data.dedupe.set(dedupeKey, stored);
    return { entry: copy(stored), duplicate: false };
  }

  async listLog(roomId: string, sinceSeq: number, limit: number): Promise<LogEntry[]> {
    const data = this.rooms.get(roomId);
    if (!data) return [];
    // seq n sits at index n-1, so the slice needs no search.
    return copy(data.log.slice(Math.max(0, sinceSeq), Math.max(0, sinceSeq) + limit));
  }

  async tailLog(roomId: string, limit: number): Promise<LogEntry[]> {
    return copy(this.rooms.get(roomId)?.log.slice(-limit) ?? []);
  }

  async findLogByKey(roomId: string, dedupeKey: string): Promise<LogEntry | null> {
    const entry = this.rooms.get(roomId)?.dedupe.get(dedupeKey);
    return entry ? copy(entry) : null;
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
