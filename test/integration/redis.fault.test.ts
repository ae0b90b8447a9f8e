import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { startRedisServer } from '../helpers/redisServer.js';
import { call, closeClients, couple, http, sleep, startServer, type TestServer } from '../helpers/server.js';

/** Redis going away and coming back, on a redis-server of this test's own (the shared one stays up). */
describe('the app when Redis goes down and comes back', () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    closeClients();
    for (const c of cleanup.reverse()) await c();
  });

  it('answers with a clear error while Redis is down, keeps the connection, and carries on after', async () => {
    let redis = await startRedisServer({ persist: true });
    const { port, dir } = redis;
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanup.push(() => redis.stop());
    const srv: TestServer = await startServer(
      { redisUrl: redis.url, logLevel: 'silent' },
      { store: await new RedisStore(redis.url, 'fault:').ready() },
    );
    cleanup.push(() => srv.close());

    const { host, a } = await couple(srv.url);
    const first = await call(a, 'message:send', { clientMsgId: 'before', text: 'Here is the first message.' });
    expect(first).toMatchObject({ ok: true, status: 'delivered' });

    await redis.stop(); // killed: nothing is flushed on the way out
    // A dead Redis is storage that cannot answer, like a frozen one: `unavailable` (503), retry later.
    // The answer comes while Redis is still down (the call gives up after 5 s): nothing waits for it.
    const during = await call(a, 'message:send', { clientMsgId: 'during', text: 'Are you still there?' }, 5000);
    expect(during).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    const view = await http(srv.url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.status).toBe(503);
    expect(view.json.error.code).toBe('unavailable');
    expect(a.connected).toBe(true);

    redis = await startRedisServer({ persist: true, port, dir });
    let after: any;
    for (const until = Date.now() + 10_000; Date.now() < until; await sleep(200)) {
      after = await call(a, 'message:send', { clientMsgId: 'after', text: 'Good, we can carry on.' });
      if (after.ok) break;
    }
    expect(after).toMatchObject({ ok: true, status: 'delivered', seq: first.seq + 1 });
    const history = await call(a, 'history', { sinceSeq: 0 });
    expect(history.messages.filter((m: any) => m.type === 'message').map((m: any) => m.clientMsgId)).toEqual([
      'before',
      'after',
    ]);
  });
});
