import { afterAll, afterEach, inject } from 'vitest';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { closeClients, startServer, type TestServer } from './server.js';

/**
 * Apps on the test Redis under one key prefix, as separate processes would be: `node()` starts one with its own
 * store. Clients close after each test, the apps after the file.
 */
export function redisNodes(prefix: string): { node: () => Promise<TestServer & { store: RedisStore }> } {
  const nodes: TestServer[] = [];
  afterEach(() => closeClients());
  afterAll(async () => {
    for (const n of nodes.splice(0)) await n.close();
  });
  return {
    async node() {
      const store = await new RedisStore(inject('redisUrl'), prefix).ready();
      const srv = await startServer({ redisUrl: inject('redisUrl'), redisPrefix: prefix }, { store });
      nodes.push(srv);
      return Object.assign(srv, { store });
    },
  };
}
