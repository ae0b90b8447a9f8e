import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, http, invite, joinRoom, next, sleep, useServer } from '../helpers/server.js';

/** Preparation first, for everyone who takes part: `room:enter` moves a person into the joint conversation. */
describe('preparing, then entering the conversation', () => {
  const server = useServer();

  const stageOf = (state: any, participantId: string) =>
    state.participants.find((p: any) => p.participantId === participantId)?.stage;

  it(
    'an invited person lands in their own preparation, ' + 'and the joint session opens only when two entered',
    async () => {
      const host = await createRoom(server().url, { kind: 'couple', name: 'Ann' });
      const a = await connect(server().url, host.token, { enter: false });
      const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
      const b = await connect(server().url, guest.token, { enter: false });

      // Both prepare: the room has not opened, and nobody was welcomed.
      let state = (await call(b, 'room:state')).state;
      expect(state.phase).toBe('prep');
      expect(stageOf(state, host.participantId)).toBe('prep');
      expect(stageOf(state, guest.participantId)).toBe('prep');
      const view = await http(server().url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token);
      expect(view.json.participants.map((p: any) => p.stage)).toEqual(['prep', 'prep']);

      // Ben prepares privately, as the join page promised.
      expect(await call(b, 'prep:send', { text: 'I feel hurt about the chair.' })).toMatchObject({ ok: true });

      // Ben enters first: still no joint session, because Ann is preparing.
      const benIn = next(a, 'room:state', (s: any) => stageOf(s, guest.participantId) === 'joint');
      expect(await call(b, 'room:enter')).toEqual({ ok: true, stage: 'joint' });
      await benIn;
      state = (await call(a, 'room:state')).state;
      expect(state.phase).toBe('prep');
      expect(state.agenda).toBeUndefined();
      await sleep(100);
      expect(b.received.filter(([e, f]: any) => e === 'facilitator' && f.kind === 'welcome')).toHaveLength(0);

      // Ann enters: two parties are in, the joint session opens with one welcome.
      const welcome = next(b, 'facilitator', (f: any) => f.kind === 'welcome');
      expect(await call(a, 'room:enter')).toEqual({ ok: true, stage: 'joint' });
      expect((await welcome).text).toMatch(/ground rules/);
      state = (await call(a, 'room:state')).state;
      expect(state.phase).toBe('joint');
      expect(state.agenda).toEqual({ topics: [], current: null });
      expect(stageOf(state, host.participantId)).toBe('joint');

      // Entering again changes nothing and welcomes no one twice.
      expect(await call(a, 'room:enter')).toEqual({ ok: true, stage: 'joint' });
      const history = (await call(a, 'history', { sinceSeq: 0 })).messages;
      expect(history.filter((m: any) => m.kind === 'welcome')).toHaveLength(1);
    },
  );

  it('a party still preparing cannot write to the room or take a turn, and reads it', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Mum', mode: 'hand-raise' });
    const a = await connect(server().url, host.token);
    const kid = await joinRoom(server().url, host.roomId, host.inviteCode, 'Noor');
    const k = await connect(server().url, kid.token, { enter: false });

    const sent = await call(k, 'message:send', { clientMsgId: 'k1', text: 'Can I say something?' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(sent.error.message).toMatch(/still preparing.*enter the conversation/i);
    expect(await call(k, 'floor:request')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const grant = await call(a, 'floor:grant', { participantId: kid.participantId });
    expect(grant).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(grant.error.message).toBe('Noor is still preparing and has not entered the conversation yet.');
    expect(await call(k, 'prep:share', { text: 'I want more time with you.' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });

    // Noor still reads the room: what Mum says reaches her.
    const heard = next(k, 'message', (m: any) => m.text === 'I am glad we are doing this.');
    expect(await call(a, 'floor:request')).toMatchObject({ ok: true });
    await call(a, 'message:send', { clientMsgId: 'a1', text: 'I am glad we are doing this.' });
    await heard;

    // Once in, she can raise her hand.
    expect(await call(k, 'room:enter')).toEqual({ ok: true, stage: 'joint' });
    expect(await call(k, 'floor:request')).toMatchObject({ ok: true });
  });

  it('round mode takes turns only among those who entered', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Mum', mode: 'round' });
    const a = await connect(server().url, host.token, { enter: false });
    const dad = await joinRoom(server().url, host.roomId, host.inviteCode, 'Dad');
    const kid = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'participant'), 'Noor');
    const d = await connect(server().url, dad.token);
    // Dad entered first: the first turn is his, not Mum's, who is still preparing.
    expect((await call(d, 'room:state')).state.floor.holder).toBe(dad.participantId);
    await connect(server().url, kid.token);
    expect(await call(a, 'room:enter')).toMatchObject({ ok: true });
    // Now all are in, the round goes in the order they joined: Mum, Dad, Noor; after Dad comes Noor, then Mum.
    expect(await call(d, 'floor:yield')).toMatchObject({ ok: true });
    expect((await call(d, 'room:state')).state.floor.holder).toBe(kid.participantId);
  });

  it('mediators and observers have no preparation: they are in the conversation from the start', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Mum' });
    const mediator = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'mediator'), 'Mo');
    const observer = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'observer'), 'Olive');
    const m = await connect(server().url, mediator.token, { enter: false });
    const o = await connect(server().url, observer.token, { enter: false });
    const state = (await call(m, 'room:state')).state;
    expect(stageOf(state, mediator.participantId)).toBe('joint');
    expect(stageOf(state, observer.participantId)).toBe('joint');
    expect(stageOf(state, host.participantId)).toBe('prep');
    for (const s of [m, o]) {
      const entered = await call(s, 'room:enter');
      expect(entered).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    }
    expect(await call(o, 'prep:send', { text: 'Hello' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A mediator and one party make no joint session: it opens with two parties.
    const a = await connect(server().url, host.token);
    expect((await call(a, 'room:state')).state.phase).toBe('prep');
    // The mediator can speak already (they guide the room), before the parties are in.
    expect(await call(m, 'message:send', { clientMsgId: 'm1', text: 'Welcome, take your time.' })).toMatchObject({
      ok: true,
    });
  });
});
