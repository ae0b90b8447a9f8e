import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ioredis } from './ioredis.js';
import { LocalCounts, type Presence } from '../realtime/presence.js';

/** How long a process counts as alive after its last heartbeat. */
const NODE_TTL_MS = 15_000;
const HEARTBEAT_MS = 5_000;

/**
 * Presence shared by every process: a hash per room with a field per process and person. A
 * process that dies stops its heartbeat, and its people stop counting as online within
 * NODE_TTL_MS; their fields are removed the next time someone reads the room.
 */
export class RedisPresence implements Presence {
  private readonly redis: Redis;
  private readonly node = randomUUID();
  private readonly counts = new LocalCounts();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    url: string,
    private readonly prefix = 'mr:',
    commandTimeoutMs?: number,
  ) {
    // Presence is read on most requests: a frozen Redis must fail them fast, as the store does.
    this.redis = new (ioredis().Redis)(url, { maxRetriesPerRequest: 3, commandTimeout: commandTimeoutMs });
    this.redis.on('error', () => undefined); // the store's client reports outages
    void this.beat();
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  private roomKey = (roomId: string) => `${this.prefix}presence:${roomId}`;
  private nodeKey = (node: string) => `${this.prefix}node:${node}`;

  private async beat(): Promise<void> {
    const multi = this.redis.multi().set(this.nodeKey(this.node), '1', 'PX', NODE_TTL_MS);
    // A room's presence hash lives only while some process with people in it keeps beating, so one
    // written by a connection racing the room's deletion does not stay behind.
    for (const roomId of this.counts.rooms.keys()) multi.pexpire(this.roomKey(roomId), NODE_TTL_MS);
    await multi.exec().catch(() => undefined);
  }

  async add(roomId: string, participantId: string): Promise<void> {
    if (this.counts.add(roomId, participantId) !== 1) return;
    const key = this.roomKey(roomId);
    await this.redis.multi().hset(key, `${this.node}|${participantId}`, '1').pexpire(key, NODE_TTL_MS).exec();
  }

  async remove(roomId: string, participantId: string): Promise<void> {
    if (this.counts.remove(roomId, participantId) === 0)
      await this.redis.hdel(this.roomKey(roomId), `${this.node}|${participantId}`);
  }

  async online(roomId: string): Promise<Set<string>> {
    const fields = await this.redis.hkeys(this.roomKey(roomId));
    const entries = fields.map((f) => {
      const bar = f.indexOf('|');
      return { field: f, node: f.slice(0, bar), participantId: f.slice(bar + 1) };
    });
    const nodes = [...new Set(entries.map((e) => e.node))];
    const beats = nodes.length ? await this.redis.mget(nodes.map(this.nodeKey)) : [];
    const alive = new Set(nodes.filter((_node, i) => beats[i] !== null));
    const dead = entries.filter((e) => !alive.has(e.node)).map((e) => e.field);
    if (dead.length) await this.redis.hdel(this.roomKey(roomId), ...dead);
    return new Set(entries.filter((e) => alive.has(e.node)).map((e) => e.participantId));
  }

  activeRooms(): number {
    return this.counts.rooms.size;
  }

  async dropRoom(roomId: string): Promise<void> {
    this.counts.rooms.delete(roomId);
    await this.redis.del(this.roomKey(roomId));
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    // Leave no one online behind this process.
    const mine = [...this.counts.rooms].map(
      ([roomId, people]) => [roomId, [...people.keys()].map((p) => `${this.node}|${p}`)] as const,
    );
    await Promise.all(mine.map(([roomId, fields]) => this.redis.hdel(this.roomKey(roomId), ...fields))).catch(
      () => undefined,
    );
    await this.redis.del(this.nodeKey(this.node)).catch(() => undefined);
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
