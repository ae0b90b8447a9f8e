import { describe, expect, it } from 'vitest';
import { call, connect, couple, createRoom, invite, joinRoom, next, useServer } from '../helpers/server.js';

const server = useServer({ floorSeconds: 1 });

const say = (socket: any, id: string, text = `Message ${id}`) =>
  call(socket, 'message:send', { clientMsgId: id, text });

describe('turn-taking through the socket', () => {
  it('round: only the holder speaks, yield passes the floor, and everyone sees the floor in room:state', async () => {
    const { a, b, host, guest } = await couple(server().url, 'round');
    expect(await say(b, 'b1')).toMatchObject({ ok: false, error: { code: 'not_your_turn' } });
    expect(await say(a, 'a1')).toMatchObject({ ok: true, status: 'delivered' });
    const state = next(b, 'room:state', (s: any) => s.floor.holder === guest.participantId);
    expect(await call(a, 'floor:yield')).toMatchObject({ ok: true, floor: { holder: guest.participantId } });
    await state;
    expect(await say(b, 'b2')).toMatchObject({ ok: true });
    expect(await say(a, 'a2')).toMatchObject({ ok: false, error: { code: 'not_your_turn' } });
    expect(await call(b, 'floor:request')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    void host;
  });

  it('round: the floor passes on by itself when the holder runs out of time', async () => {
    const { b, guest } = await couple(server().url, 'round');
    await next(b, 'room:state', (s: any) => s.floor.holder === guest.participantId, 4000);
    expect(await say(b, 'late')).toMatchObject({ ok: true });
  });

  it('hand-raise: raised hands queue, and the host grants the floor', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Mum', mode: 'hand-raise' });
    const kid1 = await joinRoom(server().url, host.roomId, host.inviteCode, 'Kai');
    const kid2 = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'participant'), 'Lea');
    const [m, k, l] = await Promise.all([
      connect(server().url, host.token),
      connect(server().url, kid1.token),
      connect(server().url, kid2.token),
    ]);
    expect(await say(k, 'k0')).toMatchObject({ ok: false, error: { code: 'not_your_turn' } });
    expect(await call(k, 'floor:request')).toMatchObject({ ok: true, floor: { holder: kid1.participantId } });
    expect(await call(l, 'floor:request')).toMatchObject({
      ok: true,
      floor: { holder: kid1.participantId, queue: [kid2.participantId] },
    });
    expect(await say(k, 'k1')).toMatchObject({ ok: true });
    expect(await call(l, 'floor:grant', { participantId: kid2.participantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(m, 'floor:grant', { participantId: kid2.participantId })).toMatchObject({
      ok: true,
      floor: { holder: kid2.participantId, queue: [] },
    });
    expect(await say(l, 'l1')).toMatchObject({ ok: true });
    expect(await call(m, 'floor:grant', { participantId: 'p_nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('speaker-listener: the listener paraphrases and the speaker confirms before roles swap', async () => {
    const { a, b, host, guest } = await couple(server().url, 'speaker-listener');
    expect(await say(a, 's1', 'I feel alone on weekends.')).toMatchObject({ ok: true });
    expect(await say(b, 'l0', 'But you never ask me!')).toMatchObject({ ok: false, error: { code: 'not_your_turn' } });
    expect(await call(a, 'floor:yield')).toMatchObject({ ok: true, floor: { stage: 'paraphrasing' } });
    expect(await say(b, 'l1', 'What I hear is that weekends feel lonely for you.')).toMatchObject({ ok: true });
    expect(await call(b, 'floor:confirm', { accurate: true })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await call(a, 'floor:confirm', { accurate: true })).toMatchObject({
      ok: true,
      floor: { holder: guest.participantId, listener: host.participantId, stage: 'speaking' },
    });
    expect(await say(b, 'l2', 'I would like us to plan Saturdays together.')).toMatchObject({ ok: true });
  });

  it('room:mode: the host switches modes, others may not, and the facilitator explains', async () => {
    const { a, b } = await couple(server().url, 'open');
    expect(await call(b, 'room:mode', { mode: 'round' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(a, 'room:mode', { mode: 'banana' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    const note = next(b, 'facilitator', (f: any) => f.kind === 'mode');
    expect(await call(a, 'room:mode', { mode: 'round' })).toMatchObject({ ok: true, mode: 'round' });
    expect((await note).text).toMatch(/take turns/);
    expect(await say(b, 'x')).toMatchObject({ ok: false, error: { code: 'not_your_turn' } });
  });

  it('a mediator has the host powers over the floor and may always speak', async () => {
    const { host, a } = await couple(server().url, 'round');
    const code = await invite(server().url, host, 'mediator');
    const med = await joinRoom(server().url, host.roomId, code, 'Mira');
    const m = await connect(server().url, med.token);
    expect(await say(m, 'm1', 'Let us slow down a little.')).toMatchObject({ ok: true });
    expect(await call(m, 'room:mode', { mode: 'hand-raise' })).toMatchObject({ ok: true });
    expect(await call(a, 'floor:request')).toMatchObject({ ok: true, floor: { holder: host.participantId } });
    expect(await call(m, 'floor:yield')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });
});
