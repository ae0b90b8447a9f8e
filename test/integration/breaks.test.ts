import { afterEach, describe, expect, it } from 'vitest';
import {
  call,
  closeClients,
  connect,
  couple,
  invite,
  joinRoom,
  next,
  sleep,
  startServer,
  type TestServer,
} from '../helpers/server.js';

let srv: TestServer | undefined;
afterEach(async () => {
  closeClients();
  await srv?.close();
});

describe('breaks', () => {
  it('anyone asks for one; during it no one sends; the one who asked ends it and the facilitator recaps', async () => {
    srv = await startServer();
    const { a, b } = await couple(srv.url);
    await call(a, 'message:send', { clientMsgId: 'm1', text: 'I want to talk about money.' });
    const announced = next(a, 'facilitator', (f: any) => f.kind === 'break');
    const started = await call(b, 'break:request', { minutes: 15 });
    expect(started).toMatchObject({ ok: true, break: { requestedBy: expect.any(String) } });
    expect(started.break.endsAt - started.break.startedAt).toBe(15 * 60_000);
    expect((await announced).text).toMatch(/Ben asked for a break/);
    expect(await call(a, 'message:send', { clientMsgId: 'm2', text: 'Hello?' })).toMatchObject({
      ok: false,
      error: { code: 'on_break' },
    });
    expect(await call(b, 'message:send', { clientMsgId: 'm3', text: 'Hello?' })).toMatchObject({
      ok: false,
      error: { code: 'on_break' },
    });
    // Private preparation still works during a break.
    expect(await call(b, 'prep:send', { text: 'I need a minute to think.' })).toMatchObject({ ok: true });
    // Ben asked for it: the host cannot end it for him, and is told so warmly.
    const refused = await call(a, 'break:end');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error.message).toMatch(/asked for by Ben; they or a mediator can end it early/);
    expect((await call(a, 'room:state')).state.break).toMatchObject({ requestedBy: started.break.requestedBy });
    const recap = next(a, 'facilitator', (f: any) => f.kind === 'recap');
    expect(await call(b, 'break:end')).toMatchObject({ ok: true });
    expect((await recap).text).toMatch(/Welcome back/);
    expect(await call(b, 'message:send', { clientMsgId: 'm4', text: 'Thanks for waiting.' })).toMatchObject({
      ok: true,
      status: 'delivered',
    });
  });

  it('refuses break lengths outside 1..60 minutes', async () => {
    srv = await startServer();
    const { a } = await couple(srv.url);
    expect(await call(a, 'break:request', { minutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'break:request', { minutes: 600 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'break:end')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
  });

  it('the facilitator calls a break when heat stays high, and it ends by time with a recap', async () => {
    srv = await startServer({ breakMinutes: 0.03 });
    const { a, b } = await couple(srv.url);
    const called = next(b, 'facilitator', (f: any) => f.kind === 'break', 8000);
    const heated = [
      'You are a selfish idiot',
      'Shut up, you never listen, you moron',
      'You always ruin everything, you pathetic jerk',
      'What is wrong with you, you stupid idiot',
      'I hate you, you liar',
    ];
    // Heat counts delivered messages: each is held, and its sender sends it as written.
    for (const [i, text] of heated.entries()) {
      const who = i % 2 ? a : b;
      const ack = await call(who, 'message:send', { clientMsgId: `hot${i}`, text });
      if (!ack.ok) break;
      expect(ack.status).toBe('held');
      const sent = await call(who, 'message:resolve', { clientMsgId: `hot${i}`, action: 'original' });
      if (!sent.ok) break;
    }
    expect((await called).text).toMatch(/pause/);
    const state = await call(a, 'room:state');
    expect(state.state.break).toMatchObject({ requestedBy: 'facilitator' });
    const recap = await next(a, 'facilitator', (f: any) => f.kind === 'recap', 8000);
    expect(recap.text).toMatch(/Welcome back/);
    expect((await call(a, 'room:state')).state.break).toBeNull();
  });

  it('a mediator may end a break someone else asked for', async () => {
    srv = await startServer();
    const { host, a, b } = await couple(srv.url);
    const code = await invite(srv.url, host, 'mediator');
    const m = await connect(srv.url, (await joinRoom(srv.url, host.roomId, code, 'Mira')).token);
    expect(await call(b, 'break:request', { minutes: 10 })).toMatchObject({ ok: true });
    expect(await call(a, 'break:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(m, 'break:end')).toMatchObject({ ok: true });
    expect((await call(a, 'room:state')).state.break).toBeNull();
  });

  it('a safety pause: the host cannot end the one their own message caused, a mediator can', async () => {
    srv = await startServer();
    const { host, a, b } = await couple(srv.url);
    const code = await invite(srv.url, host, 'mediator');
    const m = await connect(srv.url, (await joinRoom(srv.url, host.roomId, code, 'Mira')).token);
    const held = await call(a, 'message:send', { clientMsgId: 't1', text: 'I will hurt you if you do that again' });
    expect(held).toMatchObject({ status: 'held', review: { originalAllowed: false } });
    const state = (await call(b, 'room:state')).state;
    // The pause is the facilitator's; whose message caused it is not shown.
    expect(state.break).toEqual({
      startedAt: expect.any(Number),
      endsAt: expect.any(Number),
      requestedBy: 'facilitator',
    });
    const refused = await call(a, 'break:end');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error.message).toMatch(/a mediator can end it early/);
    expect(await call(b, 'break:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(m, 'break:end')).toMatchObject({ ok: true });
    expect((await call(b, 'room:state')).state.break).toBeNull();
  });

  it('a safety pause caused by the other person: the host may end it', async () => {
    srv = await startServer();
    const { a, b } = await couple(srv.url);
    const held = await call(b, 'message:send', { clientMsgId: 't1', text: 'I will hurt you if you do that again' });
    expect(held).toMatchObject({ status: 'held', review: { originalAllowed: false } });
    expect((await call(a, 'room:state')).state.break).toMatchObject({ requestedBy: 'facilitator' });
    const refused = await call(b, 'break:end');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error.message).not.toMatch(/Ben|Ann|your/);
    expect(await call(a, 'break:end')).toMatchObject({ ok: true });
  });

  it('a safety stop is one pause: four safety holds in a row give one break, one heads-up, one recap', async () => {
    srv = await startServer({ breakMinutes: 0.05 });
    const { a, b } = await couple(srv.url);
    const threats = [
      'I will hurt you if you do that again',
      'I am going to kill you',
      'I will hurt you badly',
      'You will regret this, I will hurt you',
    ];
    // Typed fast, one after another: all four are held, and each would have paused the room.
    const held = await Promise.all(threats.map((text, i) => call(b, 'message:send', { clientMsgId: `t${i}`, text })));
    for (const ack of held) expect(ack).toMatchObject({ ok: true, status: 'held', review: { originalAllowed: false } });
    // Rewording one of them into another threat during the pause is a fifth hold, and changes nothing either.
    const edited = await call(b, 'message:resolve', { clientMsgId: 't0', action: 'edit', text: 'I will kill you' });
    expect(edited).toMatchObject({ ok: true, status: 'held' });
    await sleep(300);
    const said = (c: typeof a, kind: string) =>
      c.received.filter(([e, p]: any) => e === 'facilitator' && p.kind === kind).map(([, p]: any) => p.text);
    for (const c of [a, b]) {
      expect(said(c, 'break')).toHaveLength(1);
      expect(said(c, 'recap')).toHaveLength(0);
    }
    // The host heard once that a message was withheld, then what changed for Ben (docs/SAFETY.md: the second
    // threat pauses his room messages, the third removes him); Ben heard only about his own part.
    expect(said(a, 'safety')).toEqual([
      expect.stringMatching(/^A message from Ben was not delivered/),
      'Ben’s messages to the room are paused for now.',
      'Ben is no longer part of the joint conversation.',
    ]);
    expect(said(b, 'safety')).toEqual([
      expect.stringMatching(/^Your messages to the room are paused/),
      expect.stringMatching(/^You are no longer part of the joint conversation/),
    ]);
    expect(JSON.stringify(a.received)).not.toMatch(/hurt you|kill you/);
    // The pause ends once, by time, with one recap.
    await next(a, 'facilitator', (f: any) => f.kind === 'recap', 8000);
    await sleep(300);
    expect(said(a, 'break')).toHaveLength(1);
    expect(said(a, 'recap')).toHaveLength(1);
    // Ben, out of the joint session by then, no longer gets the room's entries.
    expect(said(b, 'recap')).toHaveLength(0);
    expect((await call(a, 'room:state')).state.break).toBeNull();
  });
});
