import type { Config } from '../config.js';
import { MemoryStore } from '../store/memory.js';
import { FileStore } from '../store/file/fileStore.js';
import type { Store } from '../rooms/ports.js';

type StoreSettings = Pick<Config, 'redisUrl' | 'redisPrefix'> &
  Partial<Pick<Config, 'redisCommandTimeoutMs' | 'store' | 'dataDir' | 'dataFsync'>>;

/**
 * The store the config asks for: Redis when REDIS_URL is set (and reachable), else files in DATA_DIR,
 * or memory when STORE=memory.
 */
export async function openStore(config: StoreSettings): Promise<Store> {
  const kind = config.store ?? (config.redisUrl ? 'redis' : 'file');
  if (kind === 'memory') return new MemoryStore();
  if (kind === 'file') {
    if (!config.dataDir) throw new Error('the file store needs DATA_DIR');
    return FileStore.open(config.dataDir, { fsync: config.dataFsync });
  }
  if (!config.redisUrl) throw new Error('STORE=redis needs REDIS_URL');
  // loaded only here: a process on the embedded stores never loads ioredis (cluster/ioredis.ts)
  const { RedisStore } = await import('./redisStore.js');
  const store = new RedisStore(config.redisUrl, config.redisPrefix, { commandTimeoutMs: config.redisCommandTimeoutMs });
  try {
    return await store.ready();
  } catch (err) {
    await store.close();
    throw err;
  }
}
