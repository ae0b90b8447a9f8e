import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, joinRoom, next, sleep } from '../helpers/server.js';
import { redisNodes } from '../helpers/redisNodes.js';

/** Two apps on one Redis: a removal made on one process takes effect for sockets on the other. */
const { node } = redisNodes(`mr-safety-cluster-${process.pid}:`);
describe('safety across two processes', () => {
  it('someone removed on one process stops getting the room on the other, and keeps their own notes', async () => {
    const [one, two] = [await node(), await node()];
    const host = await createRoom(one.url, { kind: 'couple', name: 'Ann' });
    const guest = await joinRoom(one.url, host.roomId, host.inviteCode, 'Ben');
    const a = await connect(one.url, host.token);
    const b = await connect(two.url, guest.token);
    const toBen = next(b, 'facilitator', (f: any) => f.kind === 'safety');
    const removedState = next(b, 'room:state', (s: any) =>
      s.participants.some((p: any) => p.participantId === guest.participantId && p.status === 'removed'),
    );
    expect(await call(a, 'participant:remove', { participantId: guest.participantId })).toMatchObject({
      ok: true,
      status: 'removed',
    });
    expect((await toBen).text).toMatch(/^The host has ended your part in the joint conversation/);
    await removedState;
    await sleep(200);
    const before = b.received.length;
    expect(await call(a, 'message:send', { clientMsgId: 'm1', text: 'I am still here.' })).toMatchObject({
      status: 'delivered',
    });
    await sleep(300);
    expect(b.received.slice(before).filter(([e]) => e === 'message' || e === 'room:state')).toEqual([]);
    expect(await call(b, 'prep:send', { text: 'What can I do now?' })).toMatchObject({ ok: true });
  });
});
