import { inject } from 'vitest';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { storeContract } from './store.contract.js';

storeContract('redis', async () => new RedisStore(inject('redisUrl'), `mr-test-${process.pid}:`).ready());
