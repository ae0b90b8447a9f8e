import { describe, expect, it } from 'vitest';
import type { Redis } from 'ioredis';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { call, connect, createRoom, joinRoom, sleep } from '../helpers/server.js';
import { redisNodes } from '../helpers/redisNodes.js';

/**
 * A message starts from the room as its process last saw it (RedisStore.recentRoom: one round trip a message).
 * Two apps on one Redis: what the other process changed meanwhile still decides the message's path.
 */
const { node } = redisNodes(`mr-recent-${process.pid}:`);

/** Ann on the first process, Ben on the second; each has sent once, so each process has seen the room. */
async function split() {
  const [one, two] = [await node(), await node()];
  const host = await createRoom(one.url, { kind: 'couple', name: 'Ann', mode: 'open' });
  const guest = await joinRoom(one.url, host.roomId, host.inviteCode, 'Ben');
  const a = await connect(one.url, host.token);
  const b = await connect(two.url, guest.token);
  expect(await call(a, 'message:send', { clientMsgId: 'a0', text: 'Can we talk about the weekend?' })).toMatchObject({
    status: 'delivered',
  });
  expect(await call(b, 'message:send', { clientMsgId: 'b0', text: 'Yes, I would like that.' })).toMatchObject({
    status: 'delivered',
  });
  return { one, host, guest, a, b, storeTwo: two.store };
}

/** Counts the commands one store's connection sends, by name (a script is one: evalsha). */
function countCommands(store: RedisStore): Map<string, number> {
  const redis = (store as unknown as { redis: Redis }).redis;
  const counts = new Map<string, number>();
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: Parameters<Redis['sendCommand']>[0], stream?: never) => {
    counts.set(command.name, (counts.get(command.name) ?? 0) + 1);
    return send(command, stream);
  }) as Redis['sendCommand'];
  return counts;
}

describe('a message from the room as its process last saw it', () => {
  it('reads nothing before its one write', async () => {
    const { a, b, storeTwo } = await split();
    await sleep(300);
    const counts = countCommands(storeTwo);
    for (let i = 1; i <= 4; i++) {
      expect(
        await call(b, 'message:send', { clientMsgId: `b${i}`, text: 'Saturday morning works for me.' }),
      ).toMatchObject({ status: 'delivered' });
      expect(await call(a, 'message:send', { clientMsgId: `a${i}`, text: 'Thank you, that helps.' })).toMatchObject({
        status: 'delivered',
      });
    }
    // Ben's process read neither the room (hmget) nor the retry key (hget): the script checks both.
    expect(counts.get('hmget') ?? 0).toBe(0);
    expect(counts.get('hget') ?? 0).toBe(0);
    expect(counts.get('evalsha')).toBeGreaterThanOrEqual(4);
  });

  it('a pause made on the other process refuses the message, and the resume lets it through', async () => {
    const { guest, a, b } = await split();
    expect(await call(a, 'participant:pause', { participantId: guest.participantId })).toMatchObject({ ok: true });
    const refused = await call(b, 'message:send', { clientMsgId: 'b1', text: 'I still want to say this.' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await call(a, 'participant:resume', { participantId: guest.participantId })).toMatchObject({ ok: true });
    const delivered = await call(b, 'message:send', { clientMsgId: 'b2', text: 'I can do Saturday morning.' });
    expect(delivered).toMatchObject({ status: 'delivered' });
  });

  it('a break started and ended on the other process', async () => {
    const { a, b } = await split();
    expect(await call(a, 'break:request', { minutes: 5 })).toMatchObject({ ok: true });
    const refused = await call(b, 'message:send', { clientMsgId: 'b1', text: 'Are we still talking?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'on_break' } });
    expect(await call(a, 'break:end')).toMatchObject({ ok: true });
    await sleep(100);
    expect(await call(b, 'message:send', { clientMsgId: 'b2', text: 'Good to be back.' })).toMatchObject({
      status: 'delivered',
    });
  });

  it('a room separated on the other process keeps the message on its sender’s side', async () => {
    const { host, guest, a, b } = await split();
    expect(await call(a, 'room:separate')).toEqual({ ok: true, separated: true });
    await sleep(200);
    const before = a.received.length;
    const sent = await call(b, 'message:send', { clientMsgId: 'b1', text: 'I want to keep the car on weekdays.' });
    expect(sent).toMatchObject({ status: 'delivered' });
    expect(sent.message.visibleTo).toContain(guest.participantId);
    expect(sent.message.visibleTo).not.toContain(host.participantId);
    await sleep(300);
    const toAnn = a.received.slice(before).filter(([e, m]: any) => e === 'message' && m.from === guest.participantId);
    expect(toAnn).toEqual([]);
  });

  it('a retry of a message the other process held answers as held, not delivered', async () => {
    const { one, guest, a, b } = await split();
    const text = 'You are a selfish idiot and everyone knows it.';
    // Ben's other tab, on the first process, sends it; his tab on the second retries it.
    const otherTab = await connect(one.url, guest.token);
    const first = await call(otherTab, 'message:send', { clientMsgId: 'h1', text });
    expect(first.status).toBe('held');
    const again = await call(b, 'message:send', { clientMsgId: 'h1', text });
    expect(again).toMatchObject({ status: 'held' });
    await sleep(200);
    expect(a.received.filter(([e, m]: any) => e === 'message' && m.clientMsgId === 'h1')).toEqual([]);
  });
});
