import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';
import type * as RedisAdapter from '@socket.io/redis-adapter';

const load = createRequire(import.meta.url);

/**
 * ioredis and socket.io's Redis adapter, loaded by the first Redis connection made: a process without
 * REDIS_URL (the embedded default) never loads them, nor pays their memory. Both are CommonJS packages.
 */
export const ioredis = (): typeof IORedis => load('ioredis') as typeof IORedis;
export const redisAdapter = (): typeof RedisAdapter => load('@socket.io/redis-adapter') as typeof RedisAdapter;
