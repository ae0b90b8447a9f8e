import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Server } from 'socket.io';
import { LocalFanout, RedisFanout, type DocFanout } from '../agreement/fanout.js';
import type { Config } from '../config.js';
import { MemoryPresence, RedisPresence, type Presence } from './presence.js';

/** What the realtime side shares with other processes: nothing by default, everything over Redis. */
export interface RealtimeSharing {
  presence: Presence;
  /** Keeps agreement documents the same in every process that has them loaded. */
  docs: DocFanout;
  /** Makes broadcasts, per-person channels and disconnects reach sockets on every process. */
  attach(io: Server): void;
  close(): Promise<void>;
}

export function realtimeSharing(config: Pick<Config, 'redisUrl' | 'redisPrefix'>): RealtimeSharing {
  if (!config.redisUrl) {
    const presence = new MemoryPresence();
    return { presence, docs: new LocalFanout(), attach: () => undefined, close: () => presence.close() };
  }
  const presence = new RedisPresence(config.redisUrl, config.redisPrefix);
  const docs = new RedisFanout(config.redisUrl, config.redisPrefix);
  // The adapter blocks on XREAD, so it gets a connection of its own.
  const adapterClient = new Redis(config.redisUrl, { maxRetriesPerRequest: null });
  adapterClient.on('error', () => undefined); // the store's client reports outages
  return {
    presence,
    docs,
    attach: (io) => {
      io.adapter(createAdapter(adapterClient, { streamName: `${config.redisPrefix}socket.io`, channelPrefix: `${config.redisPrefix}socket.io`, blockTimeInMs: 1000 }));
    },
    close: async () => {
      await presence.close();
      await docs.close();
      adapterClient.disconnect();
    },
  };
}
