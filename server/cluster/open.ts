import type { Config } from '../config.js';
import { MemoryStore } from '../store/memory.js';
import { RedisStore } from './redisStore.js';
import type { Store } from '../rooms/ports.js';

/** The store the config asks for: Redis when REDIS_URL is set (and reachable), memory otherwise. */
export async function openStore(
  config: Pick<Config, 'redisUrl' | 'redisPrefix'> & Partial<Pick<Config, 'redisCommandTimeoutMs'>>,
): Promise<Store> {
  if (!config.redisUrl) return new MemoryStore();
  const store = new RedisStore(config.redisUrl, config.redisPrefix, { commandTimeoutMs: config.redisCommandTimeoutMs });
  try {
    return await store.ready();
  } catch (err) {
    await store.close();
    throw err;
  }
}
