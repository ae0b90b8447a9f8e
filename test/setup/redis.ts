import type { TestProject } from 'vitest/node';
import { startRedisServer } from '../helpers/redisServer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** redis://127.0.0.1:PORT of the private redis-server started for this run. */
    redisUrl: string;
  }
}

/** One private redis-server for the whole run (fails with a clear message without the binary). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redis = await startRedisServer();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
