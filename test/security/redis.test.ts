import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cacheEntriesFor } from '../../server/analysis/index.js';
import { isCalm, remembersCalm } from '../../server/facilitator/calmVerdicts.js';
import { newParticipant, newRoom } from '../../server/rooms/newRoom.js';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { everyKeyAndValue, tracesOf } from '../helpers/redisScan.js';
import { call, closeClients, connect, createRoom, http, joinRoom, next, sleep } from '../helpers/server.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** Attacks on what the service keeps in Redis, each on a redis-server of this file's own. */
let redis: RedisServer & { pid: number };
let raw: Redis;
const started: TestServer[] = [];
const stores: RedisStore[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  raw = new Redis(redis.url);
});
afterEach(async () => {
  closeClients();
  for (const s of started.splice(0)) await s.close().catch(() => undefined);
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
});
afterAll(async () => {
  raw.disconnect();
  await redis.stop();
});

async function store(prefix: string, url = redis.url, commandTimeoutMs?: number): Promise<RedisStore> {
  const s = await new RedisStore(url, prefix, { commandTimeoutMs }).ready();
  stores.push(s);
  return s;
}

async function node(prefix: string, url = redis.url, redisCommandTimeoutMs?: number): Promise<TestServer> {
  const srv = await startServer(
    // deletionNoticeMs 0: a room with an agreement is deleted as soon as everyone was told.
    {
      redisUrl: url,
      redisPrefix: prefix,
      deletionNoticeMs: 0,
      ...(redisCommandTimeoutMs ? { redisCommandTimeoutMs } : {}),
    },
    { store: await new RedisStore(url, prefix, { commandTimeoutMs: redisCommandTimeoutMs }).ready() },
  );
  started.push(srv);
  return srv;
}

describe('data that outlives deletion', () => {
  it('leaves none of a deleted room’s text, names, preparation or id anywhere in Redis', async () => {
    const [one, two] = [await node('outlive:'), await node('outlive:')];
    const host = await createRoom(one.url, { kind: 'couple', name: 'Zephyrine' });
    const guest = await joinRoom(two.url, host.roomId, host.inviteCode, 'Quintavius');
    const a = await connect(one.url, host.token);
    const b = await connect(two.url, guest.token);

    const prepText = 'Before we talk: the marzipanquest debt still worries me.';
    expect(await call(b, 'prep:send', { text: prepText })).toMatchObject({ ok: true });
    const said = 'I would like us to settle the xylofrond holiday plans calmly.';
    const seen = next(b, 'message', (m: any) => m.clientMsgId === 'c1');
    expect(await call(a, 'message:send', { clientMsgId: 'c1', text: said })).toMatchObject({ status: 'delivered' });
    await seen;
    const answer = 'Thank you Zephyrine, the quillpetal weekend works for me.';
    const heard = next(a, 'message', (m: any) => m.clientMsgId === 'c2');
    expect(await call(b, 'message:send', { clientMsgId: 'c2', text: answer })).toMatchObject({ status: 'delivered' });
    await heard;
    const hot = 'You are such an idiot about the zorblatt money, you never listen';
    expect(await call(b, 'message:send', { clientMsgId: 'h1', text: hot })).toMatchObject({ status: 'held' });
    const clause = 'We split the brambleworth costs in half.';
    expect(await call(a, 'agreement:propose', { text: clause })).toMatchObject({ ok: true });
    await sleep(300); // let every broadcast, facilitator word and document write land
    const words = ['marzipanquest', 'xylofrond', 'quillpetal', 'zorblatt', 'brambleworth'];
    const needles = [host.roomId, 'Zephyrine', 'Quintavius', ...words];
    expect((await tracesOf(raw, needles)).length).toBeGreaterThan(0); // the test sees the room while it exists

    const gone = next(b, 'room:deleted');
    expect((await http(one.url, 'POST', `/api/rooms/${host.roomId}/deletion`, undefined, host.token)).status).toBe(201);
    expect((await http(one.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    await gone;
    await sleep(300);
    expect(await tracesOf(raw, needles)).toEqual([]);
    // Nothing shared and unbounded either: no stream, whoever wrote it.
    expect((await everyKeyAndValue(raw)).filter((k) => k.type === 'stream').map((k) => k.key)).toEqual([]);
  });
});

const record = (roomId: string, expiresAt = Date.now() + 60_000) => {
  const host = newParticipant('p1', 'Ann', 'host', 1);
  return { ...newRoom({ roomId, kind: 'couple', host, now: 0, retentionMs: 1, heatThreshold: 0.5 }), expiresAt };
};
const message = (text: string) => ({ type: 'message' as const, id: 'm1', clientMsgId: 'c1', from: 'p1', text, at: 1 });

/** Every room-scoped write, as a racing request would make it; ids and bytes carry the room id so a leftover shows. */
const writes = (roomId: string) => ({
  putToken: (s: RedisStore) => s.putToken(`th-${roomId}`, { roomId, participantId: 'p1', role: 'host' }),
  putInvite: (s: RedisStore) =>
    s.putInvite(`ih-${roomId}`, {
      ...{ inviteId: 'i1', roomId, role: 'participant', createdBy: 'p1', createdAt: 1 },
      ...{ expiresAt: Date.now() + 60_000, maxUses: 1, uses: 0, revoked: false },
    }),
  appendPrep: (s: RedisStore) => s.appendPrep(roomId, 'p2', { role: 'you', text: `prep of ${roomId}`, at: 1 }),
  appendDocUpdate: (s: RedisStore) => s.appendDocUpdate(roomId, Buffer.from(`doc of ${roomId}`)),
  compactDoc: (s: RedisStore) => s.compactDoc(roomId, Buffer.from(`snapshot of ${roomId}`), 1, Buffer.from('u1')),
  appendLog: (s: RedisStore) => s.appendLog(roomId, { ...message(`log of ${roomId}`), reworded: false }, 'p1:c1'),
});

describe('writes racing a DELETE', () => {
  it('are refused with not_found once the room is gone, and leave no key behind in either order', async () => {
    const s = await store('race:');
    let n = 0;
    for (const name of Object.keys(writes('x'))) {
      for (const order of ['write first', 'delete first', 'after delete'] as const) {
        const roomId = `r_race_${n++}`;
        await s.createRoom(record(roomId));
        await s.appendDocUpdate(roomId, Buffer.from('u1'));
        const op = writes(roomId)[name as keyof ReturnType<typeof writes>];
        let results: PromiseSettledResult<unknown>[];
        if (order === 'write first') results = await Promise.allSettled([op(s), s.deleteRoom(roomId)]);
        else if (order === 'delete first') results = await Promise.allSettled([s.deleteRoom(roomId), op(s)]);
        else {
          await s.deleteRoom(roomId);
          results = await Promise.allSettled([op(s)]);
          const refused = { status: 'rejected', reason: { code: 'not_found' } };
          expect(results[0], `${name} after the room was deleted`).toMatchObject(refused);
        }
        // A racing write either landed before the deletion (and went with it) or was refused.
        for (const r of results) {
          if (r.status === 'rejected') expect(r.reason, `${name}, ${order}`).toMatchObject({ code: 'not_found' });
        }
        expect(await tracesOf(raw, [roomId]), `${name}, ${order}`).toEqual([]);
      }
    }
  });

  it('gives everything written for a room the room’s expiry', async () => {
    const s = await store('ttl:');
    const roomId = 'r_ttl';
    await s.createRoom(record(roomId));
    for (const write of Object.values(writes(roomId))) await write(s);
    await s.appendDocUpdate(roomId, Buffer.from('u2'));
    // The expiry index is shared by all rooms; deletion takes the room out of it.
    const keys = (await everyKeyAndValue(raw)).filter(
      (k) => k.key.startsWith('ttl:') && k.key !== 'ttl:rooms:expiry' && k.bytes.includes(Buffer.from(roomId)),
    );
    expect(keys.length).toBeGreaterThanOrEqual(8);
    for (const { key } of keys) expect(await raw.pttl(key), key).toBeGreaterThan(0);
    await s.deleteRoom(roomId);
  });

  it('leaves nothing when requests through the app race the host’s DELETE', async () => {
    const srv = await node('race-app:');
    for (let round = 0; round < 5; round++) {
      const host = await createRoom(srv.url, { kind: 'family', name: 'Ann' });
      const a = await connect(srv.url, host.token);
      await Promise.allSettled([
        http(srv.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token),
        call(a, 'prep:send', { text: 'A private worry about the flintmarrow loan.' }),
        call(a, 'message:send', { clientMsgId: `m${round}`, text: 'Shall we begin with the flintmarrow loan?' }),
        http(srv.url, 'POST', `/api/rooms/${host.roomId}/invites`, { role: 'participant' }, host.token),
        joinRoom(srv.url, host.roomId, host.inviteCode, 'Bea'),
      ]);
      await sleep(200);
      expect(await tracesOf(raw, [host.roomId, 'flintmarrow']), `round ${round}`).toEqual([]);
    }
  });
});

describe('what the analyzer remembers of a deleted room', () => {
  it('forgets every cached trace of a room’s message when the room is deleted', async () => {
    const srv = await node('heat:');
    const host = await createRoom(srv.url, { kind: 'couple', name: 'Ann' });
    const a = await connect(srv.url, host.token);
    const text = 'You are a pathetic grumbleflax, you never listen to a word I say';
    expect(await call(a, 'message:send', { clientMsgId: 'h1', text })).toMatchObject({ status: 'held' });
    expect(await call(a, 'prep:send', { text })).toMatchObject({ ok: true });
    expect(cacheEntriesFor(text)).toBeGreaterThan(0); // analysed: something is cached
    expect((await http(srv.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    expect(cacheEntriesFor(text)).toBe(0);
  });

  it('forgets the calm verdicts clause offers and summaries keep when a room is deleted', async () => {
    const srv = await node('calm:');
    const host = await createRoom(srv.url, { kind: 'couple', name: 'Ann' });
    const text = 'Could you text me when the quillbrook pickup changes?';
    isCalm(text); // as a clause offer reading the room's log back does
    expect(remembersCalm(text)).toBe(true);
    expect((await http(srv.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    expect(remembersCalm(text)).toBe(false);
  });
});

describe('a frozen Redis', () => {
  it('answers unavailable within about the command timeout, keeps the socket, and recovers', async () => {
    const frozen = await startRedisServer();
    try {
      const srv = await node('freeze:', frozen.url, 800);
      const host = await createRoom(srv.url, { kind: 'couple', name: 'Ann' });
      const a = await connect(srv.url, host.token);
      const first = await call(a, 'message:send', { clientMsgId: 'before', text: 'Thank you for coming.' });
      expect(first).toMatchObject({ ok: true, status: 'delivered' });

      process.kill(frozen.pid, 'SIGSTOP');
      // Both answers come while Redis is still frozen, each before its client gives up (2.5 s, about
      // three command timeouts of 800 ms): nothing waits for Redis to come back.
      const during = await call(a, 'message:send', { clientMsgId: 'during', text: 'Are you there?' }, 2500);
      expect(during).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      const res = await fetch(`${srv.url}/api/rooms/${host.roomId}`, {
        headers: { authorization: `Bearer ${host.token}` },
        signal: AbortSignal.timeout(2500),
      });
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error.code).toBe('unavailable');
      expect(a.connected).toBe(true);

      process.kill(frozen.pid, 'SIGCONT');
      let after: any;
      for (const until = Date.now() + 10_000; Date.now() < until; await sleep(200)) {
        after = await call(a, 'message:send', { clientMsgId: 'after', text: 'Good, we can carry on.' });
        if (after.ok) break;
      }
      expect(after).toMatchObject({ ok: true, status: 'delivered' });
      expect((await http(srv.url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(200);
    } finally {
      process.kill(frozen.pid, 'SIGCONT');
      closeClients();
      for (const s of started.splice(0)) await s.close().catch(() => undefined);
      await frozen.stop();
    }
  });
});
