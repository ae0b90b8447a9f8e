import type { Server } from 'socket.io';
import { LocalFanout, type DocFanout } from '../agreement/fanout.js';
import type { Config } from '../config.js';
import { MemoryPresence, type Presence } from '../realtime/presence.js';
import { RedisFanout } from './fanout.js';
import { RedisPresence } from './presence.js';
import { ioredis, redisAdapter } from './ioredis.js';

/** What the realtime side shares with other processes: nothing by default, everything over Redis. */
export interface RealtimeSharing {
  presence: Presence;
  /** Keeps agreement documents the same in every process that has them loaded. */
  docs: DocFanout;
  /** Makes broadcasts, per-person channels and disconnects reach sockets on every process. */
  attach(io: Server): void;
  close(): Promise<void>;
}

export function realtimeSharing(
  config: Pick<Config, 'redisUrl' | 'redisPrefix'> & Partial<Pick<Config, 'redisCommandTimeoutMs'>>,
): RealtimeSharing {
  if (!config.redisUrl) {
    const presence = new MemoryPresence();
    return { presence, docs: new LocalFanout(), attach: () => undefined, close: () => presence.close() };
  }
  const presence = new RedisPresence(config.redisUrl, config.redisPrefix, config.redisCommandTimeoutMs);
  const docs = new RedisFanout(config.redisUrl, config.redisPrefix);
  // Classic pub/sub: PUBLISH keeps nothing, so room content lives only under the room's own keys
  // and deleting them is complete (a streams adapter would keep every broadcast in a shared stream).
  // No command timeout here: the adapter does not await its publishes, and a rejection would go
  // unhandled; they wait for Redis instead. Subscribing needs a connection of its own.
  const pubClient = new (ioredis().Redis)(config.redisUrl, { maxRetriesPerRequest: null });
  const subClient = pubClient.duplicate();
  for (const c of [pubClient, subClient]) c.on('error', () => undefined); // the store's client reports outages
  return {
    presence,
    docs,
    attach: (io) => {
      io.adapter(redisAdapter().createAdapter(pubClient, subClient, { key: `${config.redisPrefix}socket.io` }));
    },
    close: async () => {
      await presence.close();
      await docs.close();
      pubClient.disconnect();
      subClient.disconnect();
    },
  };
}
