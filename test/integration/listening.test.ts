import { describe, expect, it } from 'vitest';
import { call, connect, couple, createRoom, invite, joinRoom, next, sleep, useServer } from '../helpers/server.js';

/**
 * The facilitator that listens, through real sockets: the summary after a break carries what each
 * person said, clause offers wait for a calm room, and a rebuttal is not a paraphrase.
 */
const server = useServer();

const said = (c: { received: [string, unknown][] }, kind: string) =>
  c.received.filter(([e, p]: [string, any]) => e === 'facilitator' && p.kind === kind).map(([, p]) => p as any);

const HELD = 'You are such an idiot, you never listen to anything I say';
const CALM = ['Thank you for saying that.', 'I hear you.', 'That makes sense to me.', 'Okay, I follow.'];

describe('summaries', () => {
  it('after a break, the recap names what each person said matters to them, in their words', async () => {
    const { a, b } = await couple(server().url);
    const send = (c: typeof a, id: string, text: string) => call(c, 'message:send', { clientMsgId: id, text });
    expect(await send(a, 'a1', 'I sat alone at my birthday dinner for an hour.')).toMatchObject({ ok: true });
    expect(
      await send(b, 'b1', 'Honesty matters to me. Can you tell me what things cost before you buy them?'),
    ).toMatchObject({ status: 'delivered' });
    expect(await send(a, 'a2', 'Could you text me if plans change?')).toMatchObject({ status: 'delivered' });
    // A held message is never quoted back, nor anything from private preparation.
    expect(await send(b, 'b2', HELD)).toMatchObject({ status: 'held' });
    expect(
      await call(a, 'prep:send', { text: 'I need you to stop calling PERIWINKLE-4217 every night.' }),
    ).toMatchObject({ ok: true });
    expect(await call(a, 'break:request', { minutes: 5 })).toMatchObject({ ok: true });
    const recap = next(b, 'facilitator', (f: any) => f.kind === 'recap');
    expect(await call(a, 'break:end')).toMatchObject({ ok: true });
    const text = (await recap).text as string;
    expect(text).toMatch(/^Welcome back\./);
    expect(text).toContain('Ann, you said: “I sat alone at my birthday dinner for an hour”');
    expect(text).toContain('“text me if plans change”');
    expect(text).toContain('Ben, you said: “Honesty matters to me”');
    expect(text).toContain('“tell me what things cost before you buy them”');
    expect(text).not.toMatch(/idiot|listen to anything|PERIWINKLE/);
  });

  it('when the agreement becomes final, the facilitator sums up once, naming what the agreement covers', async () => {
    const { a, b } = await couple(server().url);
    await call(a, 'message:send', { clientMsgId: 'a1', text: 'Could you text me if plans change?' });
    await call(b, 'message:send', { clientMsgId: 'b1', text: 'Could we split the bills fifty-fifty?' });
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We text each other if plans change.' });
    expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true });
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'agreed' });
    const summary = next(b, 'facilitator', (f: any) => f.kind === 'recap');
    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: true, final: false });
    expect(await call(b, 'agreement:sign')).toMatchObject({ ok: true, final: true });
    const text = (await summary).text as string;
    expect(text).toMatch(/^Everyone has signed, and the agreement is final\./);
    expect(text).toContain('Not yet covered by the agreement: “split the bills fifty-fifty” (Ben)');
    expect(text).not.toContain('“text me if plans change” (Ann)');
    await sleep(100);
    expect(said(a, 'recap')).toHaveLength(1);
  });
});

describe('clause offers at the right moment', () => {
  it('not within a few messages of a held message; later, when calm, with drafts from the concrete ask', async () => {
    const { a, b } = await couple(server().url);
    const lines = [
      [b, 'Could you text me if plans change?'],
      [a, CALM[0]],
      [b, CALM[1]],
    ] as const;
    for (const [i, [c, text]] of lines.entries()) await call(c, 'message:send', { clientMsgId: `m${i}`, text });
    expect(await call(a, 'message:send', { clientMsgId: 'h', text: HELD })).toMatchObject({ status: 'held' });
    // Three more calm messages: the offer would be due by count, but a message was held just now.
    for (let i = 3; i < 6; i++)
      await call(i % 2 ? a : b, 'message:send', { clientMsgId: `m${i}`, text: CALM[i % CALM.length] });
    await sleep(150);
    expect(said(a, 'clause-offer')).toEqual([]);
    const offer = next(a, 'facilitator', (f: any) => f.kind === 'clause-offer');
    await call(b, 'message:send', { clientMsgId: 'm6', text: CALM[2] });
    const o = await offer;
    expect(o.text).toContain('Ben, you asked: “text me if plans change”.');
    expect(o.drafts).toEqual(['We text each other if plans change.']);
    expect(o.text).not.toMatch(/It feels calmer in here/);
  });

  it('not within a few messages of someone describing pain', async () => {
    const { a, b } = await couple(server().url);
    const texts = [
      [a, 'Could you text me if plans change?'],
      [b, CALM[0]],
      [a, CALM[1]],
      [b, CALM[2]],
      [a, 'I sat alone at my birthday dinner, three times, and I felt so lonely.'],
      [b, CALM[3]],
      [a, CALM[0]],
      [b, CALM[1]],
    ] as const;
    for (const [i, [c, text]] of texts.entries()) await call(c, 'message:send', { clientMsgId: `p${i}`, text });
    await sleep(150);
    expect(said(a, 'clause-offer')).toEqual([]);
    const offer = next(a, 'facilitator', (f: any) => f.kind === 'clause-offer');
    await call(a, 'message:send', { clientMsgId: 'p8', text: CALM[2] });
    expect((await offer).drafts).toEqual(['We text each other if plans change.']);
  });

  it('to eight coworkers: names who asked what, never "you both"', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'workplace', name: 'Ana', mode: 'open' });
    const names = ['Bo', 'Cy', 'Dee', 'Eli', 'Fay', 'Gus', 'Hal'];
    const joined = [];
    for (const n of names) joined.push(await joinRoom(url, host.roomId, await invite(url, host, 'participant'), n));
    const sockets = [await connect(url, host.token), ...(await Promise.all(joined.map((j) => connect(url, j.token))))];
    const offer = next(sockets[0], 'facilitator', (f: any) => f.kind === 'clause-offer');
    const texts = ['Could we post the rota a month ahead?', 'Could we take turns with the Saturday shift?', ...CALM];
    for (const [i, text] of texts.entries())
      await call(sockets[i % sockets.length], 'message:send', { clientMsgId: `w${i}`, text });
    const o = await offer;
    expect(o.text).toContain('“post the rota a month ahead” (Ana)');
    expect(o.text).toContain('“take turns with the Saturday shift” (Bo)');
    expect(o.text).not.toMatch(/you both|two of you/);
    expect(o.drafts).toEqual(['We post the rota a month ahead.', 'We take turns with the Saturday shift.']);
  });
});

describe('speaker-listener: the paraphrase', () => {
  it('a rebuttal does not advance the stage; the facilitator asks for what was heard; a paraphrase does', async () => {
    const { a, b } = await couple(server().url, 'speaker-listener');
    const send = (c: typeof a, id: string, text: string) => call(c, 'message:send', { clientMsgId: id, text });
    expect(await send(a, 's1', 'I felt so alone at dinner when you stayed at work.')).toMatchObject({ ok: true });
    expect(await call(a, 'floor:yield')).toMatchObject({ ok: true, floor: { stage: 'paraphrasing' } });
    const ask = next(b, 'facilitator', (f: any) => f.kind === 'floor');
    expect(await send(b, 'l1', "That's not true, I was working late.")).toMatchObject({ status: 'delivered' });
    expect((await call(a, 'room:state')).state.floor).toMatchObject({ stage: 'paraphrasing' });
    expect((await ask).text).toMatch(/^Ben, before you answer, could you first say back what you heard Ann say/);
    // The speaker cannot confirm a rebuttal; the listener still has the floor.
    expect(await call(a, 'floor:confirm', { accurate: true })).toMatchObject({ ok: false });
    expect(await send(b, 'l2', 'What I hear is you felt alone at dinner when I stayed at work.')).toMatchObject({
      status: 'delivered',
    });
    expect((await call(a, 'room:state')).state.floor).toMatchObject({ stage: 'confirming' });
    expect(await call(a, 'floor:confirm', { accurate: true })).toMatchObject({
      ok: true,
      floor: { stage: 'speaking' },
    });
    await sleep(100);
    expect(said(a, 'floor')).toHaveLength(1);
  });
});
