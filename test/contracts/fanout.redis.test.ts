import { inject } from 'vitest';
import { RedisFanout } from '../../server/cluster/fanout.js';
import { fanoutContract } from './fanout.contract.js';

const prefix = `mr-test-fanout-${process.pid}:`;
fanoutContract('redis', async () => ({
  a: new RedisFanout(inject('redisUrl'), prefix),
  b: new RedisFanout(inject('redisUrl'), prefix),
  shared: true,
}));
