import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { call, closeClients, connect, couple, http, startServer, type TestServer } from '../helpers/server.js';

const prefix = `mr-app-${process.pid}:`;
const started: TestServer[] = [];
const redis = new Redis(inject('redisUrl'));

/** An app on the test's private Redis; every one started here shares the same keys. */
async function appOnRedis(): Promise<TestServer> {
  const store = await new RedisStore(inject('redisUrl'), prefix).ready();
  const srv = await startServer({ redisUrl: inject('redisUrl'), redisPrefix: prefix }, { store });
  started.push(srv);
  return srv;
}

afterEach(async () => {
  closeClients();
  for (const s of started.splice(0)) await s.close().catch(() => undefined);
});
afterAll(() => redis.quit());

describe('the app on Redis', () => {
  it('keeps rooms, messages, held reviews and the agreement across a restart', async () => {
    const first = await appOnRedis();
    const { host, guest, a } = await couple(first.url);
    expect(
      await call(a, 'message:send', { clientMsgId: 'calm', text: 'I want us to sort out the school runs.' }),
    ).toMatchObject({ status: 'delivered', seq: expect.any(Number) });
    expect(
      await call(a, 'message:send', { clientMsgId: 'hot', text: 'You are such an idiot, you never listen' }),
    ).toMatchObject({ status: 'held' });
    expect(await call(a, 'agreement:propose', { text: 'We take turns with the school runs.' })).toMatchObject({
      ok: true,
    });
    await first.close();
    started.splice(started.indexOf(first), 1); // closed once: a second close rejects inside the Redis adapter
    closeClients();

    const second = await appOnRedis();
    const room = await http(second.url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token);
    expect(room.status).toBe(200);
    expect(room.json.participants.map((p: { name: string }) => p.name)).toEqual(['Ann', 'Ben']);
    const a2 = await connect(second.url, host.token);
    const history = await call(a2, 'history', { sinceSeq: 0 });
    expect(history.messages.some((m: { clientMsgId?: string }) => m.clientMsgId === 'calm')).toBe(true);
    // The held message waited in Redis for its sender's choice.
    expect(await call(a2, 'message:resolve', { clientMsgId: 'hot', action: 'suggestion', index: 0 })).toMatchObject({
      status: 'delivered',
    });
    const md = await http(second.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token);
    expect(md.text).toContain('We take turns with the school runs.');
  });

  it('deleting a room removes every key it had', async () => {
    const srv = await appOnRedis();
    const { host, a } = await couple(srv.url);
    await call(a, 'message:send', { clientMsgId: 'm1', text: 'Thank you for being here.' });
    await call(a, 'prep:send', { text: 'I feel tired of arguing.' });
    expect((await redis.keys(`${prefix}*${host.roomId}*`)).length).toBeGreaterThan(0);
    expect((await http(srv.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    expect(await redis.keys(`${prefix}*${host.roomId}*`)).toEqual([]);
    expect((await http(srv.url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(401);
  });

  it('fails to start with a clear message when Redis cannot be reached', async () => {
    const { openStore } = await import('../../server/cluster/open.js');
    await expect(openStore({ redisUrl: 'redis://127.0.0.1:1', redisPrefix: prefix })).rejects.toThrow(
      /Redis is not reachable/,
    );
  });
});
