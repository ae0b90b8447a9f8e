import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, invite, joinRoom, next, useServer } from '../helpers/server.js';

const server = useServer();

describe('the local facilitator in the room', () => {
  it('welcomes everyone with ground rules when the second party enters, once', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Ann', mode: 'speaker-listener' });
    const a = await connect(server().url, host.token);
    const welcome = next(a, 'facilitator', (f: any) => f.kind === 'welcome');
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(server().url, guest.token); // Ben enters: the second party in
    const w = await welcome;
    expect(w.text).toMatch(/ground rules/);
    expect(w.text).toMatch(/says back what they heard/);
    const cleo = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'participant'), 'Cleo');
    await connect(server().url, cleo.token);
    const history = await call(b, 'history', { sinceSeq: 0 });
    expect(history.messages.filter((m: any) => m.kind === 'welcome')).toHaveLength(1);
    expect((await call(b, 'room:state')).state.phase).toBe('joint');
  });

  it('in open mode, invites the quietest after several messages in a row from one person', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Dad', mode: 'open' });
    const kid = await joinRoom(server().url, host.roomId, host.inviteCode, 'Noor');
    const d = await connect(server().url, host.token);
    const k = await connect(server().url, kid.token);
    const nudge = next(k, 'facilitator', (f: any) => f.kind === 'nudge');
    for (let i = 0; i < 4; i++)
      await call(d, 'message:send', {
        clientMsgId: `d${i}`,
        text: `Here is another thing I want to say, number ${i}.`,
      });
    const n = await nudge;
    expect(n.text).toContain('Noor');
    expect(n.text).toContain('Dad');
  });

  it('hand-raise: invites a sibling who has been silent a while, by name, with how to get the floor', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Mum', mode: 'hand-raise' });
    const kai = await joinRoom(server().url, host.roomId, host.inviteCode, 'Kai');
    const lea = await joinRoom(server().url, host.roomId, await invite(server().url, host, 'participant'), 'Lea');
    const [m, k, l] = await Promise.all([
      connect(server().url, host.token),
      connect(server().url, kai.token),
      connect(server().url, lea.token),
    ]);
    const invited = next(l, 'facilitator', (f: any) => f.kind === 'nudge');
    expect(await call(k, 'floor:request')).toMatchObject({ ok: true, floor: { holder: kai.participantId } });
    expect(await call(k, 'message:send', { clientMsgId: 'k0', text: 'I would like a say in this too.' })).toMatchObject(
      { ok: true },
    );
    expect(await call(m, 'floor:grant', { participantId: host.participantId })).toMatchObject({ ok: true });
    for (let i = 0; i < 5; i++)
      expect(
        await call(m, 'message:send', { clientMsgId: `m${i}`, text: `Here is one more thing about Sundays, ${i}.` }),
      ).toMatchObject({ ok: true });
    const n = await invited;
    expect(n.text).toMatch(/^Lea, /);
    expect(n.text).toMatch(/raise your hand/);
    void k;
  });

  it('when the room settles, offers draft clauses from what people said and shared', async () => {
    const host = await createRoom(server().url, { kind: 'couple', name: 'Ann' });
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const a = await connect(server().url, host.token);
    const b = await connect(server().url, guest.token);
    const offer = next(b, 'facilitator', (f: any) => f.kind === 'clause-offer');
    await call(a, 'prep:share', { text: 'Please stop making plans for both of us without asking.' });
    const lines = [
      'I hear you.',
      'Thank you for saying that.',
      'Would you be willing to check the calendar with me on Sundays?',
      'That sounds fair.',
      'I need a quiet evening now and then.',
      'Okay.',
    ];
    for (const [i, text] of lines.entries()) await call(i % 2 ? a : b, 'message:send', { clientMsgId: `l${i}`, text });
    const o = await offer;
    expect(o.drafts.length).toBeGreaterThan(0);
    expect(o.drafts.join(' ')).toMatch(/We /);
    expect(
      o.drafts.some((d: string) =>
        /check the calendar with each other on Sundays|quiet evening|making plans for both of us/.test(d),
      ),
    ).toBe(true);
    // A draft becomes a clause in one step; the room moves to the agreement phase.
    const proposed = await call(b, 'agreement:propose', { text: o.drafts[0] });
    expect(proposed).toMatchObject({ ok: true, clauseId: expect.any(String) });
    expect((await call(a, 'room:state')).state.phase).toBe('agreement');
  });
});
