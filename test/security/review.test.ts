import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { json, openaiSettings, startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';
import { call, closeClients, couple, next, sleep, startServer, type TestServer } from '../helpers/server.js';

/**
 * Issue 8: with the `openai` engine, a model suggestion that quotes the insult must not reach the room.
 * Real app, real socket.io clients, the real openai client against a fake OpenAI-compatible server.
 */

const HEATED = 'You are such an idiot, you never listen to anything I say';
const QUOTING = 'I feel hurt when you call me "a worthless idiot".';
const CALM = 'When I talk and get no reply, I feel hurt, because I need to be heard. Would you be willing to listen?';

let fake: FakeOpenAI;
let srv: TestServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  srv = await startServer({ ...openaiSettings(fake) });
});
afterEach(() => {
  closeClients();
  fake.reset();
});
afterAll(async () => {
  await srv.close();
  await fake.close();
});

/** What a review stored before this check could hold: suggestions nobody judged as delivered. */
async function offerInReview(roomId: string, key: string, suggestions: string[]): Promise<void> {
  await srv.app.rooms.change(roomId, (r) => {
    const held = r.held[key];
    const stale = { ...held, review: { ...held.review, suggestions } };
    return { room: { ...r, held: { ...r.held, [key]: stale } }, result: undefined };
  });
}

describe('suggestions are judged as they will be delivered', () => {
  it('a model suggestion that quotes the insult is not offered', async () => {
    const { a } = await couple(srv.url);
    fake.script('rewrite', json({ suggestions: [QUOTING] }));
    const held = await call(a, 'message:send', { clientMsgId: 'q1', text: HEATED });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    while (!fake.requests.some((r) => r.task === 'rewrite')) await sleep(20);
    await sleep(150);
    // the model offered nothing that passes: the local suggestions stay, and no update is sent
    expect(a.received.some(([e]) => e === 'message:review')).toBe(false);
    const stored = await call(a, 'message:send', { clientMsgId: 'q1', text: HEATED });
    expect(stored.review.suggestions).not.toContain(QUOTING);
    expect(stored.review.suggestions.length).toBeGreaterThan(0);
    for (const s of stored.review.suggestions) expect(s).not.toMatch(/worthless|idiot/i);
  });

  it('only the quoting suggestion is dropped when the model offers a calm one too', async () => {
    const { a } = await couple(srv.url);
    fake.script('rewrite', json({ suggestions: [QUOTING, CALM] }));
    await call(a, 'message:send', { clientMsgId: 'q2', text: HEATED });
    const update = await next(a, 'message:review', (u: any) => u.clientMsgId === 'q2');
    expect(update.review.suggestions).toEqual([CALM]);
  });

  it('a quoting suggestion offered by an older review is not delivered as it is: the message stays held', async () => {
    const { host, a, b } = await couple(srv.url);
    fake.script('rewrite', json({ suggestions: [CALM] }));
    const held = await call(a, 'message:send', { clientMsgId: 'q3', text: HEATED });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    // a review stored before this check existed offered the quoting suggestion
    const key = `${host.participantId}:q3`;
    await offerInReview(host.roomId, key, [QUOTING, CALM]);
    const again = await call(a, 'message:resolve', { clientMsgId: 'q3', action: 'suggestion', index: 0 });
    expect(again).toMatchObject({ ok: true, status: 'held', clientMsgId: 'q3' });
    expect(again.review.suggestions).toEqual([CALM]);
    await sleep(100);
    expect(b.received.filter(([e, p]: any) => e === 'message' && p.clientMsgId === 'q3')).toHaveLength(0);
    const history = await call(b, 'history', { sinceSeq: 0 });
    expect(history.messages.some((m: any) => m.type === 'message' && /worthless/.test(m.text))).toBe(false);
    // the suggestion that passes is still delivered, reworded
    const seen = next(b, 'message', (m: any) => m.clientMsgId === 'q3');
    const sent = await call(a, 'message:resolve', { clientMsgId: 'q3', action: 'suggestion', index: 0 });
    expect(sent).toMatchObject({ ok: true, status: 'delivered' });
    expect(await seen).toMatchObject({ text: CALM, reworded: true });
  });

  it('a threat hidden in a suggestion from an older review is withheld too', async () => {
    const { host, a, b } = await couple(srv.url);
    const held = await call(a, 'message:send', { clientMsgId: 'q4', text: HEATED });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    const key = `${host.participantId}:q4`;
    const sneaky = 'I need a break. "I will k1ll you" is how it feels right now.';
    await offerInReview(host.roomId, key, [sneaky]);
    const again = await call(a, 'message:resolve', { clientMsgId: 'q4', action: 'suggestion', index: 0 });
    expect(again).toMatchObject({ ok: true, status: 'held' });
    expect(again.review.suggestions).not.toContain(sneaky);
    expect(again.review.suggestions.length).toBeGreaterThan(0);
    await sleep(100);
    expect(b.received.filter(([e, p]: any) => e === 'message' && p.clientMsgId === 'q4')).toHaveLength(0);
  });
});
