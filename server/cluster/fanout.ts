import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { ioredis } from './ioredis.js';
import { FANOUT_KINDS, type DocFanout, type FanoutHandler, type FanoutKind } from '../agreement/fanout.js';
import { log } from '../log.js';

/** A message is [kind byte][8-byte sender id][payload]; a process ignores its own. */
export class RedisFanout implements DocFanout {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly node = randomBytes(8);
  private readonly handlers = new Map<string, FanoutHandler>();

  constructor(
    url: string,
    private readonly prefix = 'mr:',
  ) {
    this.pub = new (ioredis().Redis)(url, { maxRetriesPerRequest: 3 });
    this.sub = new (ioredis().Redis)(url, { maxRetriesPerRequest: null });
    for (const c of [this.pub, this.sub]) c.on('error', () => undefined); // the store's client reports outages
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  private channel = (roomId: string) => `${this.prefix}yjs:${roomId}`;

  async subscribe(roomId: string, handler: FanoutHandler): Promise<() => Promise<void>> {
    const channel = this.channel(roomId);
    this.handlers.set(channel, handler);
    await this.sub.subscribe(channel);
    return async () => {
      if (this.handlers.get(channel) !== handler) return;
      this.handlers.delete(channel);
      await this.sub.unsubscribe(channel).catch(() => undefined);
    };
  }

  publish(roomId: string, kind: FanoutKind, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.from([FANOUT_KINDS.indexOf(kind)]), this.node, payload]);
    this.pub
      .publish(this.channel(roomId), message)
      .catch((err: Error) => log.error(`agreement: publish failed (${err.message})`));
  }

  private receive(channel: string, message: Buffer): void {
    const handler = this.handlers.get(channel);
    const kind = FANOUT_KINDS[message[0]];
    if (!handler || !kind || message.length < 9 || message.subarray(1, 9).equals(this.node)) return;
    try {
      handler(kind, new Uint8Array(message.subarray(9)));
    } catch {
      log.error('agreement: an update from another process could not be applied');
    }
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }
}
