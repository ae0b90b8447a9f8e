import { Redis } from 'ioredis';
import type { LogEntry, PrepMessage } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { log } from '../log.js';
import type { InviteRecord, InviteUse, NewLogEntry, RoomRecord, TicketRecord, TokenRecord } from '../rooms/model.js';
import type { AppendResult, RoomUpdate, Store, UpdateAndAppend } from '../rooms/ports.js';

/**
 * Compare-and-set of a room record: written only if its version is still the one the caller read.
 * KEYS: room hash, expiry index. ARGV: expected version, record JSON, expiresAt, roomId.
 */
const SET_ROOM_IF_VERSION = `
local v = redis.call('HGET', KEYS[1], 'v')
if not v then return -1 end
if v ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'v', tonumber(v) + 1, 'json', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
return 1`;

/**
 * Every room-scoped write is one script that first checks the room hash still exists, so a write
 * racing a deletion either lands before it (and is deleted with the room) or is refused; and what
 * it writes carries the room's expiry ('exp' in the room hash), so nothing outlives retention.
 */
const ROOM_GUARD = `
local function live(room)
  if redis.call('EXISTS', room) == 0 then return false end
  return redis.call('HGET', room, 'exp') or ''
end
local function keep(key, exp)
  if exp ~= '' then redis.call('PEXPIREAT', key, exp) end
end
`;

/**
 * Appends a log entry with the next sequence number, once per dedupe key. The entry's JSON comes
 * without its opening brace so the script can put the sequence number first without parsing it.
 * KEYS: log list, dedupe hash, room hash. ARGV: entry JSON minus "{", dedupe key or "".
 * Returns { 0|1 (1 = duplicate), stored JSON }, or -1 when the room is gone.
 */
const APPEND_LOG = `${ROOM_GUARD}
local exp = live(KEYS[3])
if not exp then return -1 end
if ARGV[2] ~= '' then
  local seen = redis.call('HGET', KEYS[2], ARGV[2])
  if seen then return {1, redis.call('LINDEX', KEYS[1], tonumber(seen) - 1)} end
end
local seq = redis.call('LLEN', KEYS[1]) + 1
local json = '{"seq":' .. seq .. ',' .. ARGV[1]
redis.call('RPUSH', KEYS[1], json)
keep(KEYS[1], exp)
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[2], ARGV[2], seq)
  keep(KEYS[2], exp)
end
return {0, json}`;

/**
 * A delivered message in one step: the dedupe check, the room's compare-and-set and the numbered append.
 * KEYS: room hash, expiry index, log list, dedupe hash. ARGV: expected version, room JSON, expiresAt,
 * roomId, entry JSON minus "{", dedupe key or "".
 * Returns {-1} when the room is gone; {1, first entry JSON} for a used dedupe key (nothing written);
 * {0, version, room JSON} when the room changed since that version (nothing written); {2, entry JSON}.
 */
const UPDATE_AND_APPEND = `${ROOM_GUARD}
local exp = live(KEYS[1])
if not exp then return {-1} end
if ARGV[6] ~= '' then
  local seen = redis.call('HGET', KEYS[4], ARGV[6])
  if seen then return {1, redis.call('LINDEX', KEYS[3], tonumber(seen) - 1)} end
end
local v = redis.call('HGET', KEYS[1], 'v')
if v ~= ARGV[1] then return {0, v, redis.call('HGET', KEYS[1], 'json')} end
redis.call('HSET', KEYS[1], 'v', tonumber(v) + 1, 'json', ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
local seq = redis.call('LLEN', KEYS[3]) + 1
local json = '{"seq":' .. seq .. ',' .. ARGV[5]
redis.call('RPUSH', KEYS[3], json)
keep(KEYS[3], exp)
if ARGV[6] ~= '' then
  redis.call('HSET', KEYS[4], ARGV[6], seq)
  keep(KEYS[4], exp)
end
return {2, json}`;

/**
 * Writes a value and lists it under the room (tokens, invites, prep lists).
 * KEYS: the record, the room's list of them, room hash. ARGV: value, member, 'set' | 'rpush'.
 * Returns 1, or -1 when the room is gone.
 */
const PUT_MEMBER = `${ROOM_GUARD}
local exp = live(KEYS[3])
if not exp then return -1 end
if ARGV[3] == 'set' then redis.call('SET', KEYS[1], ARGV[1]) else redis.call('RPUSH', KEYS[1], ARGV[1]) end
redis.call('SADD', KEYS[2], ARGV[2])
keep(KEYS[1], exp)
keep(KEYS[2], exp)
return 1`;

/** KEYS: doc list, room hash. ARGV: update. Returns 1, or -1 when the room is gone. */
const APPEND_DOC = `${ROOM_GUARD}
local exp = live(KEYS[2])
if not exp then return -1 end
redis.call('RPUSH', KEYS[1], ARGV[1])
keep(KEYS[1], exp)
return 1`;

/**
 * Replaces the first N document updates by a snapshot if the first is still the one expected.
 * KEYS: doc list, room hash. ARGV: expected first update, N, snapshot. -1 when the room is gone.
 */
const COMPACT_DOC = `${ROOM_GUARD}
local exp = live(KEYS[2])
if not exp then return -1 end
if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[1] then return 0 end
redis.call('LTRIM', KEYS[1], tonumber(ARGV[2]), -1)
redis.call('LPUSH', KEYS[1], ARGV[3])
keep(KEYS[1], exp)
return 1`;

/**
 * Takes a single-use ticket: read and deleted in one step, refused when its room is gone.
 * KEYS: ticket key. ARGV: the room-key prefix ("<prefix>room:"). Returns the record JSON or nil.
 */
const TAKE_TICKET = `
local json = redis.call('GET', KEYS[1])
if not json then return nil end
redis.call('DEL', KEYS[1])
local ok, record = pcall(cjson.decode, json)
if not ok or type(record.roomId) ~= 'string' then return nil end
if redis.call('EXISTS', ARGV[1] .. record.roomId) == 0 then return nil end
return json`;

/** Rewrites an invite record (JSON) and keeps the key's expiry. */
const REWRITE_INVITE = `
local function rewrite(key, record)
  local ttl = redis.call('PTTL', key)
  local json = cjson.encode(record)
  redis.call('SET', key, json)
  if ttl > 0 then redis.call('PEXPIRE', key, ttl) end
  return json
end`;

/**
 * Takes one use of an invite in one step, so two joins racing on two processes for a single-use code
 * admit one person. The checks are those of store/memory.ts inviteRefusal.
 * KEYS: invite key. ARGV: the room-key prefix, now (ms). Returns {status, record JSON} or {'unknown'}.
 */
const USE_INVITE = `${REWRITE_INVITE}
local json = redis.call('GET', KEYS[1])
if not json then return {'unknown'} end
local ok, r = pcall(cjson.decode, json)
if not ok or type(r.roomId) ~= 'string' then return {'unknown'} end
if redis.call('EXISTS', ARGV[1] .. r.roomId) == 0 then return {'unknown'} end
local uses = tonumber(r.uses) or 0
if r.revoked == true then return {'revoked', json} end
if type(r.expiresAt) == 'number' and r.expiresAt <= tonumber(ARGV[2]) then return {'expired', json} end
if type(r.maxUses) == 'number' and uses >= r.maxUses then return {'used', json} end
r.uses = uses + 1
return {'ok', rewrite(KEYS[1], r)}`;

/** Gives back one use of an invite. KEYS: invite key. */
const RELEASE_INVITE = `${REWRITE_INVITE}
local json = redis.call('GET', KEYS[1])
if not json then return 0 end
local r = cjson.decode(json)
local uses = tonumber(r.uses) or 0
if uses <= 0 then return 0 end
r.uses = uses - 1
rewrite(KEYS[1], r)
return 1`;

/**
 * Marks the room's invite with this id revoked. KEYS: the room's invites set.
 * ARGV: invite key prefix, inviteId. Returns 1, or 0 when the room has no such invite.
 */
const REVOKE_INVITE = `${REWRITE_INVITE}
for _, h in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local json = redis.call('GET', ARGV[1] .. h)
  if json then
    local ok, r = pcall(cjson.decode, json)
    if ok and r.inviteId == ARGV[2] then
      r.revoked = true
      rewrite(ARGV[1] .. h, r)
      return 1
    end
  end
end
return 0`;

/**
 * Deletes a room and everything listed under it in one step, so no write can slip in between
 * reading the lists and deleting what they name.
 * KEYS: room, log, dedupe, doc, tokens set, invites set, prep people set, expiry index.
 * ARGV: token key prefix, invite key prefix, prep key prefix, roomId.
 */
const DELETE_ROOM = `
for _, h in ipairs(redis.call('SMEMBERS', KEYS[5])) do redis.call('DEL', ARGV[1] .. h) end
for _, h in ipairs(redis.call('SMEMBERS', KEYS[6])) do redis.call('DEL', ARGV[2] .. h) end
for _, p in ipairs(redis.call('SMEMBERS', KEYS[7])) do redis.call('DEL', ARGV[3] .. p) end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7])
redis.call('ZREM', KEYS[8], ARGV[4])
return 1`;

/**
 * Keys of a room expire this long after its retention ends: a backstop for anything a crash left,
 * late enough that the expiry sweep (which tells connected people) normally deletes them first.
 */
const EXPIRY_GRACE_MS = 3600_000;

/** REDIS_COMMAND_TIMEOUT_MS's default. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 2000;

/**
 * Rooms whose last known record a process keeps (recentRoom), the least recently used dropped first: enough
 * for the rooms whose people one process serves, a few KB each.
 */
const RECENT_ROOMS = 2000;

/** How often an update is retried when another writer changed the room in between. */
const MAX_UPDATE_ATTEMPTS = 100;

const parse = <T>(json: string | null): T | null => (json === null ? null : (JSON.parse(json) as T));

/**
 * Everything in Redis, so a restart loses nothing. Keys are prefixed (REDIS_PREFIX) and, per room,
 * listed in sets so that deleting a room finds its tokens, invites and private preparation.
 */
export class RedisStore implements Store {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'mr:',
    options: { commandTimeoutMs?: number } = {},
  ) {
    // A frozen Redis must not hold requests for as long as it is frozen: commands give up after
    // commandTimeout and the request answers `unavailable` (toApiError). Every write that matters
    // is one script or MULTI, which Redis runs whole or not at all, so a timeout leaves no half write.
    const commandTimeout = options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    this.redis = new Redis(url, { maxRetriesPerRequest: 3, commandTimeout });
    // ioredis reconnects by itself; say so once per outage rather than once per attempt.
    let down = false;
    this.redis.on('error', (err: Error) => {
      if (!down) log.error(`redis: ${err.message}; reconnecting`);
      down = true;
    });
    this.redis.on('ready', () => {
      if (down) log.info('redis: connected again');
      down = false;
    });
    this.redis.defineCommand('setRoomIfVersion', { numberOfKeys: 2, lua: SET_ROOM_IF_VERSION });
    this.redis.defineCommand('appendLogOnce', { numberOfKeys: 3, lua: APPEND_LOG });
    this.redis.defineCommand('updateRoomAndAppend', { numberOfKeys: 4, lua: UPDATE_AND_APPEND });
    this.redis.defineCommand('compactDocIfFirst', { numberOfKeys: 2, lua: COMPACT_DOC });
    this.redis.defineCommand('putMember', { numberOfKeys: 3, lua: PUT_MEMBER });
    this.redis.defineCommand('appendDoc', { numberOfKeys: 2, lua: APPEND_DOC });
    this.redis.defineCommand('deleteRoomAll', { numberOfKeys: 8, lua: DELETE_ROOM });
    this.redis.defineCommand('takeTicket', { numberOfKeys: 1, lua: TAKE_TICKET });
    this.redis.defineCommand('claimInvite', { numberOfKeys: 1, lua: USE_INVITE });
    this.redis.defineCommand('releaseInvite', { numberOfKeys: 1, lua: RELEASE_INVITE });
    this.redis.defineCommand('revokeInvite', { numberOfKeys: 1, lua: REVOKE_INVITE });
  }

  /** Resolves once connected; rejects with a clear message when Redis cannot be reached. */
  async ready(): Promise<this> {
    await this.redis.ping().catch((err: Error) => {
      throw new Error(`Redis is not reachable (${err.message}); check REDIS_URL`);
    });
    return this;
  }

  private key = {
    room: (roomId: string) => `${this.prefix}room:${roomId}`,
    expiry: () => `${this.prefix}rooms:expiry`,
    log: (roomId: string) => `${this.prefix}log:${roomId}`,
    dedupe: (roomId: string) => `${this.prefix}dedupe:${roomId}`,
    prep: (roomId: string, participantId: string) => `${this.prefix}prep:${roomId}:${participantId}`,
    prepPeople: (roomId: string) => `${this.prefix}prep-people:${roomId}`,
    doc: (roomId: string) => `${this.prefix}doc:${roomId}`,
    token: (hash: string) => `${this.prefix}token:${hash}`,
    roomTokens: (roomId: string) => `${this.prefix}tokens:${roomId}`,
    invite: (hash: string) => `${this.prefix}invite:${hash}`,
    roomInvites: (roomId: string) => `${this.prefix}invites:${roomId}`,
    ticket: (hash: string) => `${this.prefix}ticket:${hash}`,
  };

  async createRoom(room: RoomRecord): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key.room(room.roomId), 'v', 1, 'json', JSON.stringify(room), 'exp', room.expiresAt + EXPIRY_GRACE_MS)
      .pexpireat(this.key.room(room.roomId), room.expiresAt + EXPIRY_GRACE_MS)
      .zadd(this.key.expiry(), room.expiresAt, room.roomId)
      .exec();
  }

  async getRoom(roomId: string): Promise<RoomRecord | null> {
    const [version, json] = await this.redis.hmget(this.key.room(roomId), 'v', 'json');
    return version === null || json === null ? null : this.versioned(version, json);
  }

  /**
   * The version each record this store handed out was read at, so a write can start from a record the
   * caller already has (updateRoomAndAppend's `from`) instead of reading the room again.
   */
  private readonly versions = new WeakMap<RoomRecord, string>();

  private versioned(version: string, json: string): RoomRecord {
    const room = JSON.parse(json) as RoomRecord;
    this.versions.set(room, version);
    this.remember(room);
    return room;
  }

  /** Rooms as this process last read or wrote them, with their version (versions), least recently used first. */
  private readonly recent = new Map<string, RoomRecord>();

  private remember(room: RoomRecord): void {
    this.recent.delete(room.roomId);
    this.recent.set(room.roomId, room);
    if (this.recent.size > RECENT_ROOMS) this.recent.delete(this.recent.keys().next().value as string);
  }

  recentRoom(roomId: string): RoomRecord | null {
    return this.recent.get(roomId) ?? null;
  }

  async updateRoom<T>(roomId: string, update: RoomUpdate<T>): Promise<{ room: RoomRecord; result: T } | null> {
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      const [version, json] = await this.redis.hmget(this.key.room(roomId), 'v', 'json');
      if (version === null || json === null) {
        this.recent.delete(roomId);
        return null;
      }
      const out = update(JSON.parse(json) as RoomRecord);
      if (!out.room) return { room: this.versioned(version, json), result: out.result };
      const set = (await this.scripts.setRoomIfVersion(
        this.key.room(roomId),
        this.key.expiry(),
        version,
        JSON.stringify(out.room),
        out.room.expiresAt,
        roomId,
      )) as number;
      if (set === 1) {
        this.versions.set(out.room, String(Number(version) + 1));
        this.remember(out.room);
        return { room: out.room, result: out.result };
      }
      if (set === -1) {
        this.recent.delete(roomId);
        return null;
      }
      // Someone else wrote first: read again and re-run the pure update.
      if (attempt > 3) await new Promise((r) => setTimeout(r, Math.random() * attempt));
    }
    throw new Error(`room ${roomId} changed too often to update`);
  }

  async updateRoomAndAppend<T>(
    roomId: string,
    update: (room: RoomRecord) => { room: RoomRecord; result: T },
    entry: NewLogEntry,
    dedupeKey?: string,
    from?: RoomRecord,
  ): Promise<UpdateAndAppend<T> | null> {
    const version = from && this.versions.get(from);
    let current: { version: string; room: RoomRecord } | null = version && from ? { version, room: from } : null;
    const entryJson = JSON.stringify(entry).slice(1);
    for (let attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
      if (!current) {
        const [v, json] = await this.redis.hmget(this.key.room(roomId), 'v', 'json');
        if (v === null || json === null) {
          this.recent.delete(roomId);
          return null;
        }
        current = { version: v, room: this.versioned(v, json) };
      }
      const out = update(current.room);
      const answer = (await this.scripts.updateRoomAndAppend(
        this.key.room(roomId),
        this.key.expiry(),
        this.key.log(roomId),
        this.key.dedupe(roomId),
        current.version,
        JSON.stringify(out.room),
        out.room.expiresAt,
        roomId,
        entryJson,
        dedupeKey ?? '',
      )) as [number, string?, string?];
      const [status, a, b] = answer;
      if (status === -1) {
        this.recent.delete(roomId);
        return null;
      }
      if (status === 1) return { duplicate: true, entry: JSON.parse(a as string) as LogEntry };
      if (status === 2) {
        this.versions.set(out.room, String(Number(current.version) + 1));
        this.remember(out.room);
        return { duplicate: false, room: out.room, result: out.result, entry: JSON.parse(a as string) as LogEntry };
      }
      // Someone else wrote first: the script sent the room as it is now; run the pure update on it again.
      current = { version: a as string, room: this.versioned(a as string, b as string) };
      if (attempt > 3) await new Promise((r) => setTimeout(r, Math.random() * attempt));
    }
    throw new Error(`room ${roomId} changed too often to update`);
  }

  async deleteRoom(roomId: string): Promise<void> {
    this.recent.delete(roomId);
    await this.scripts.deleteRoomAll(
      this.key.room(roomId),
      this.key.log(roomId),
      this.key.dedupe(roomId),
      this.key.doc(roomId),
      this.key.roomTokens(roomId),
      this.key.roomInvites(roomId),
      this.key.prepPeople(roomId),
      this.key.expiry(),
      this.key.token(''),
      this.key.invite(''),
      this.key.prep(roomId, ''),
      roomId,
    );
  }

  async putToken(tokenHash: string, record: TokenRecord): Promise<void> {
    await this.putMember(this.key.token(tokenHash), this.key.roomTokens(record.roomId), tokenHash, record);
  }

  async getToken(tokenHash: string): Promise<TokenRecord | null> {
    return parse<TokenRecord>(await this.redis.get(this.key.token(tokenHash)));
  }

  async putInvite(codeHash: string, record: InviteRecord): Promise<void> {
    await this.putMember(this.key.invite(codeHash), this.key.roomInvites(record.roomId), codeHash, record);
  }

  async getInvite(codeHash: string): Promise<InviteRecord | null> {
    return parse<InviteRecord>(await this.redis.get(this.key.invite(codeHash)));
  }

  async claimInvite(codeHash: string, now: number): Promise<InviteUse> {
    const [status, json] = (await this.scripts.claimInvite(this.key.invite(codeHash), this.key.room(''), now)) as [
      InviteUse['status'],
      string?,
    ];
    if (status === 'unknown' || json === undefined) return { status: 'unknown' };
    return { status, invite: JSON.parse(json) as InviteRecord };
  }

  async releaseInvite(codeHash: string): Promise<void> {
    await this.scripts.releaseInvite(this.key.invite(codeHash));
  }

  async revokeInvite(roomId: string, inviteId: string): Promise<boolean> {
    return (await this.scripts.revokeInvite(this.key.roomInvites(roomId), this.key.invite(''), inviteId)) === 1;
  }

  async putTicket(ticketHash: string, record: TicketRecord, ttlMs: number): Promise<void> {
    // Redis expires it; nothing else needs to clean up after a ticket that was never used.
    await this.redis.set(this.key.ticket(ticketHash), JSON.stringify(record), 'PX', Math.max(1, Math.ceil(ttlMs)));
  }

  async takeTicket(ticketHash: string): Promise<TicketRecord | null> {
    const scripts = this.redis as unknown as RedisScripts;
    // The room's key is built in the script from the record, so the prefix goes in as an argument.
    const json = (await scripts.takeTicket(this.key.ticket(ticketHash), this.key.room(''))) as string | null;
    return parse<TicketRecord>(json);
  }

  /** A token or invite, written only while its room exists, and listed under the room. */
  private async putMember(
    key: string,
    roomSet: string,
    hash: string,
    record: TokenRecord | InviteRecord,
  ): Promise<void> {
    const room = this.key.room(record.roomId);
    refuseIfGone(await this.scripts.putMember(key, roomSet, room, JSON.stringify(record), hash, 'set'));
  }

  /** The scripts defined in the constructor. */
  private get scripts(): RedisScripts {
    return this.redis as unknown as RedisScripts;
  }

  async appendLog(roomId: string, entry: NewLogEntry, dedupeKey?: string): Promise<AppendResult> {
    const json = JSON.stringify(entry);
    const out = (await this.scripts.appendLogOnce(
      this.key.log(roomId),
      this.key.dedupe(roomId),
      this.key.room(roomId),
      json.slice(1),
      dedupeKey ?? '',
    )) as [number, string] | -1;
    const [duplicate, stored] = refuseIfGone(out);
    return { entry: JSON.parse(stored) as LogEntry, duplicate: duplicate === 1 };
  }

  async listLog(roomId: string, sinceSeq: number, limit: number): Promise<LogEntry[]> {
    const from = Math.max(0, sinceSeq);
    return this.entries(await this.redis.lrange(this.key.log(roomId), from, from + limit - 1));
  }

  async tailLog(roomId: string, limit: number): Promise<LogEntry[]> {
    return this.entries(await this.redis.lrange(this.key.log(roomId), -limit, -1));
  }

  async findLogByKey(roomId: string, dedupeKey: string): Promise<LogEntry | null> {
    const seq = await this.redis.hget(this.key.dedupe(roomId), dedupeKey);
    return seq === null ? null : parse<LogEntry>(await this.redis.lindex(this.key.log(roomId), Number(seq) - 1));
  }

  private entries(list: string[]): LogEntry[] {
    return list.map((json) => JSON.parse(json) as LogEntry);
  }

  async appendPrep(roomId: string, participantId: string, message: PrepMessage): Promise<void> {
    const list = this.key.prep(roomId, participantId);
    const [people, room] = [this.key.prepPeople(roomId), this.key.room(roomId)];
    refuseIfGone(await this.scripts.putMember(list, people, room, JSON.stringify(message), participantId, 'rpush'));
  }

  async listPrep(roomId: string, participantId: string): Promise<PrepMessage[]> {
    const list = await this.redis.lrange(this.key.prep(roomId, participantId), 0, -1);
    return list.map((json) => JSON.parse(json) as PrepMessage);
  }

  async deletePrep(roomId: string, participantId: string): Promise<number> {
    const list = this.key.prep(roomId, participantId);
    // One MULTI: the count and the deletion see the same list.
    const out = await this.redis.multi().llen(list).del(list).exec();
    const [err, count] = out?.[0] ?? [null, 0];
    if (err) throw err;
    return Number(count);
  }

  async appendDocUpdate(roomId: string, update: Uint8Array): Promise<void> {
    refuseIfGone(await this.scripts.appendDoc(this.key.doc(roomId), this.key.room(roomId), Buffer.from(update)));
  }

  async loadDocUpdates(roomId: string): Promise<Uint8Array[]> {
    const list = await this.redis.lrangeBuffer(this.key.doc(roomId), 0, -1);
    return list.map((b) => new Uint8Array(b));
  }

  async compactDoc(roomId: string, snapshot: Uint8Array, count: number, first: Uint8Array): Promise<boolean> {
    // One script: readers see the old updates or the snapshot, never neither.
    const [doc, room] = [this.key.doc(roomId), this.key.room(roomId)];
    const done = await this.scripts.compactDocIfFirst(doc, room, Buffer.from(first), count, Buffer.from(snapshot));
    return refuseIfGone(done) === 1;
  }

  async expireRooms(now: number): Promise<string[]> {
    const due = await this.redis.zrangebyscore(this.key.expiry(), '-inf', now);
    const expired: string[] = [];
    for (const roomId of due) {
      // Another process may have expired it already; only the one that removes it reports it.
      if ((await this.redis.zrem(this.key.expiry(), roomId)) === 0) continue;
      await this.deleteRoom(roomId);
      expired.push(roomId);
    }
    return expired;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** A script's -1 means the room was gone: nothing was written, and the caller hears not_found. */
function refuseIfGone<T>(out: T): Exclude<T, -1> {
  if (out === -1) throw new AppError('not_found', 'This room does not exist (any more).');
  return out as Exclude<T, -1>;
}

type Script = (...args: (string | number | Buffer)[]) => Promise<unknown>;
interface RedisScripts {
  setRoomIfVersion: Script;
  appendLogOnce: Script;
  updateRoomAndAppend: Script;
  compactDocIfFirst: Script;
  putMember: Script;
  appendDoc: Script;
  deleteRoomAll: Script;
  takeTicket: Script;
  claimInvite: Script;
  releaseInvite: Script;
  revokeInvite: Script;
}
