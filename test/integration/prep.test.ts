import { describe, expect, it } from 'vitest';
import { call, connect, couple, invite, joinRoom, next, useServer } from '../helpers/server.js';

const server = useServer();

describe('private preparation', () => {
  it('coaches from what is said, in order of what is missing, and keeps a private history', async () => {
    const { a } = await couple(server().url);
    const history0 = await call(a, 'prep:history');
    expect(history0.messages[0]).toMatchObject({ role: 'facilitator', text: expect.stringMatching(/private/) });
    const reply1 = next(a, 'prep:message');
    const r1 = await call(a, 'prep:send', { text: 'He forgot our anniversary.' });
    expect(r1.reply.text).toMatch(/How did it leave you feeling/);
    expect(await reply1).toEqual(r1.reply);
    const r2 = await call(a, 'prep:send', { text: 'Lonely and unimportant.' });
    expect(r2.reply.text).toMatch(/^It sounds like you feel lonely and unimportant.*What do you need/);
    expect((await call(a, 'prep:send', { text: 'To feel that I matter.' })).reply.text).toMatch(
      /one specific, doable thing/,
    );
    const summary = (await call(a, 'prep:send', { text: 'Plan one evening a week together.' })).reply.text;
    expect(summary).toContain('plan one evening a week together');
    expect(summary).toContain('Would you be willing to plan one evening a week together?');
    const history = await call(a, 'prep:history');
    expect(history.messages.filter((m: any) => m.role === 'you')).toHaveLength(4);
  });

  it('answers fear with safety first, not a telling-off', async () => {
    const { a } = await couple(server().url);
    const r = await call(a, 'prep:send', { text: "I'm scared of him when he drinks. He checks my phone every night." });
    expect(r.reply.text).toMatch(/safety comes first/);
  });

  it('answers harm told without a fear word (the analyzer’s disclosure) with safety first too, then coaches on', async () => {
    const { a } = await couple(server().url);
    for (const text of ['He took my bank card and checks my phone every night.', 'you said you would kill me']) {
      const r = await call(a, 'prep:send', { text });
      expect(r.reply.text).toMatch(/safety comes first/);
      expect(r.reply.text).not.toMatch(/How did it leave you feeling/);
      expect(r.reply.help.map((l: any) => l.url)).toContain('https://findahelpline.com');
    }
    // a coaching reply carries no help links
    expect((await call(a, 'prep:send', { text: 'We argued about the dishes again.' })).reply.help).toBeUndefined();
  });

  it('answers a threat plainly and warmly: not OK, a pause, a support line, maybe not a joint session', async () => {
    const { a } = await couple(server().url);
    const reply = next(a, 'prep:message');
    const r = await call(a, 'prep:send', { text: 'if she takes the kids I will hurt her' });
    const text: string = r.reply.text;
    expect(await reply).toEqual(r.reply);
    expect(text).toMatch(/angry/);
    expect(text).toMatch(/understandable/);
    expect(text).toMatch(/hurting someone is not OK, and it would not be safe for anyone/);
    expect(text).toMatch(/pause/);
    expect(text).toMatch(/support line/);
    expect(text).toMatch(/findahelpline\.com/);
    expect(text).toMatch(/a joint session may not be the right step now/);
    expect(text).not.toMatch(/thank/i);
    expect(text).not.toMatch(/share|room/i);
    // The coaching goes on without it: it is never summarised back as a point to share.
    const answers = ['She never lets me see the kids.', 'Angry and scared.', 'Time with my kids.', 'Every weekend.'];
    let last = '';
    for (const answer of answers) last = (await call(a, 'prep:send', { text: answer })).reply.text;
    expect(last).toMatch(/Here is what I heard from you/);
    expect(last).not.toMatch(/hurt her/);
  });

  it('answers self-harm with care: you matter, it is OK to talk, where to reach help now', async () => {
    const { a } = await couple(server().url);
    const r = await call(a, 'prep:send', { text: 'I just want to kill myself' });
    const text: string = r.reply.text;
    expect(text).toMatch(/You matter/);
    expect(text).toMatch(/it’s OK to talk about this/);
    expect(text).toMatch(/emergency number now/);
    expect(text).toMatch(/crisis line/);
    expect(text).toMatch(/findahelpline\.com/);
    expect(text).not.toMatch(/thank/i);
    expect(text).not.toMatch(/has not been sent|share|room/i);
  });

  it('answers a threat someone reported with safety first', async () => {
    const { a } = await couple(server().url);
    const r = await call(a, 'prep:send', { text: 'He said he will kill me if I leave' });
    expect(r.reply.text).toMatch(/safety comes first/);
    expect(r.reply.text).not.toMatch(/thank/i);
  });

  it('never lets a secret from preparation reach anyone else, unless that person shares a point', async () => {
    const { host, a, b } = await couple(server().url);
    const code = await invite(server().url, host, 'observer');
    const observer = await joinRoom(server().url, host.roomId, code, 'Olive');
    const o = await connect(server().url, observer.token);
    const SECRET = 'PINEAPPLE-7731 I have been seeing a lawyer about a divorce';
    await call(a, 'prep:send', { text: SECRET });
    await call(a, 'prep:send', { text: `I feel trapped, ${SECRET}` });
    await call(a, 'prep:history');
    // Room activity that would tempt a leak: messages, a clause offer, a recap after a break.
    for (let i = 0; i < 8; i++) {
      await call(i % 2 ? a : b, 'message:send', {
        clientMsgId: `c${i}`,
        text: `I would like us to plan our weekends together, point ${i}.`,
      });
    }
    const shared = next(b, 'message', (m: any) => m.fromPrep === true);
    const share = await call(a, 'prep:share', { text: 'I need more time together on weekends.' });
    expect(share).toMatchObject({ ok: true, status: 'delivered' });
    expect((await shared).text).toBe('I need more time together on weekends.');
    await call(a, 'break:request', { minutes: 1 });
    await call(a, 'break:end');
    await call(b, 'history', { sinceSeq: 0 });
    await call(o, 'history', { sinceSeq: 0 });
    expect(await call(b, 'prep:history')).toMatchObject({ ok: true });
    // Ben asking for prep history gets his own, never Ann's.
    for (const client of [b, o]) {
      const everything =
        JSON.stringify(client.received) + JSON.stringify((await call(client, 'history', { sinceSeq: 0 })).messages);
      expect(everything).not.toContain('PINEAPPLE');
      expect(everything).not.toContain('lawyer');
      expect(everything).toContain('I need more time together on weekends.');
    }
    // The check can fail: the secret is there, in Ann's own history.
    expect(JSON.stringify((await call(a, 'prep:history')).messages)).toContain('PINEAPPLE');
  });

  it('a shared point goes through the same pipeline and can be held', async () => {
    const { a } = await couple(server().url);
    expect(await call(a, 'prep:share', { text: 'You are a useless idiot' })).toMatchObject({
      ok: true,
      status: 'held',
    });
    expect(await call(a, 'prep:share', { text: '' })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(await call(a, 'prep:send', { text: 'x'.repeat(4001) })).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
  });

  it('is closed to observers', async () => {
    const { host } = await couple(server().url);
    const code = await invite(server().url, host, 'observer');
    const observer = await joinRoom(server().url, host.roomId, code, 'Olive');
    const o = await connect(server().url, observer.token);
    expect(await call(o, 'prep:send', { text: 'hello' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('sharing a held point', () => {
  it('is resolved like any held message, with the clientMsgId the hold names', async () => {
    const { a, b } = await couple(server().url);
    const held = await call(a, 'prep:share', { text: 'You are a useless idiot and I need more help at home' });
    expect(held).toMatchObject({ ok: true, status: 'held', clientMsgId: expect.any(String) });
    const seen = next(b, 'message', (m: any) => m.fromPrep === true);
    const sent = await call(a, 'message:resolve', { clientMsgId: held.clientMsgId, action: 'suggestion', index: 0 });
    expect(sent).toMatchObject({ ok: true, status: 'delivered', message: { fromPrep: true, reworded: true } });
    expect((await seen).text).not.toMatch(/idiot/);
  });
});
