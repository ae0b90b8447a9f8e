import { describe, expect, it } from 'vitest';
import { testConfig } from '../../server/config.js';
import { addressees } from '../../server/rooms/messages/addressees.js';
import { judgeSuggestion } from '../../server/rooms/messages/review.js';
import { nextHeat } from '../../server/rooms/policies/heat.js';
import { roundHeat } from '../../server/rooms/view.js';
import { call, couple, next, sleep, useServer } from '../helpers/server.js';

const server = useServer();

const HEATED = 'You are such an idiot, you never listen to anything I say';

/** The heats in the room states a client received. */
const heatsSeen = (c: { received: [string, unknown][] }) =>
  c.received.filter(([e]) => e === 'room:state').map(([, s]) => (s as { heat: number }).heat);

describe('the shown heat rides with the message (issue 13)', () => {
  it('a message carries the room’s shown heat to the others and in its answer; a heat step sends no room:state', async () => {
    const { a, b } = await couple(server().url);
    // b's gauge as the web client keeps it: the last room:state, then each message's heat.
    let shown = (await call(b, 'room:state')).state.heat as number;
    let states = 0;
    b.on('room:state', (s: { heat: number }) => {
      shown = s.heat;
      states++;
    });
    const carried: number[] = [];
    b.on('message', (_m: unknown, after?: { heat: number }) => {
      if (after) {
        carried.push(after.heat);
        shown = after.heat;
      }
    });
    // Delivered (below the threshold), warm enough to move the shown heat.
    const texts = [
      'I feel like you never listen to me.',
      'I feel like you never help with the bins.',
      'Why do you always leave it to the last minute?',
    ];
    const last = next(b, 'message', (m: any) => m.clientMsgId === 'w2');
    let answered = 0;
    for (let i = 0; i < texts.length; i++) {
      const sent = await call(a, 'message:send', { clientMsgId: `w${i}`, text: texts[i] });
      expect(sent).toMatchObject({ ok: true, status: 'delivered' });
      answered = sent.heat;
    }
    await last;
    await sleep(150);
    const now = (await call(b, 'room:state')).state.heat;
    expect(carried).toHaveLength(texts.length);
    expect(shown).toBe(now);
    expect(answered).toBe(now);
    expect(now).toBeGreaterThan(0);
    // Nothing but the heat changed for these messages: no room:state of their own.
    expect(states).toBe(0);
    // A retry answers as the first send did, without the heat (it changed nothing).
    const again = await call(a, 'message:send', { clientMsgId: 'w2', text: texts[2] });
    expect(again).toMatchObject({ ok: true, status: 'delivered' });
    expect(again.heat).toBeUndefined();
  });
});

describe('room heat counts only delivered messages (issue 11)', () => {
  it('a held message that is discarded moves nothing the other person sees', async () => {
    const { a, b } = await couple(server().url);
    const before = (await call(b, 'room:state')).state.heat;
    const held = await call(a, 'message:send', { clientMsgId: 'h1', text: HEATED });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    expect(await call(a, 'message:resolve', { clientMsgId: 'h1', action: 'discard' })).toMatchObject({
      ok: true,
      status: 'discarded',
    });
    await sleep(150); // a room:state broadcast, had there been one, arrives by now
    expect((await call(b, 'room:state')).state.heat).toBe(before);
    expect(heatsSeen(b).every((h) => h === before)).toBe(true);
    expect((await call(a, 'room:state')).state.heat).toBe(before);
  });

  it('a held message moves the heat by what is delivered: the calm suggestion, not the held text', async () => {
    const { a } = await couple(server().url);
    const held = await call(a, 'message:send', { clientMsgId: 'h2', text: HEATED });
    const suggestion: string = held.review.suggestions[0];
    expect(held.review.heat).toBeGreaterThan(0.5);
    const sent = await call(a, 'message:resolve', { clientMsgId: 'h2', action: 'suggestion', index: 0 });
    expect(sent).toMatchObject({ ok: true, status: 'delivered', message: { text: suggestion } });
    const judged = judgeSuggestion(suggestion, testConfig().heatThreshold, {
      otherNames: addressees('couple', ['Ben']),
    });
    expect((await call(a, 'room:state')).state.heat).toBe(roundHeat(nextHeat(0, judged.heat)));
  });

  it('held messages that are discarded never call the facilitator’s heat break', async () => {
    const { a, b } = await couple(server().url);
    for (let i = 0; i < 5; i++) {
      const who = i % 2 ? a : b;
      expect(await call(who, 'message:send', { clientMsgId: `d${i}`, text: HEATED })).toMatchObject({
        status: 'held',
      });
      await call(who, 'message:resolve', { clientMsgId: `d${i}`, action: 'discard' });
    }
    await sleep(150);
    const state = (await call(b, 'room:state')).state;
    expect(state).toMatchObject({ break: null, heat: 0 });
    expect(b.received.some(([e, p]: any) => e === 'facilitator' && p.kind === 'break')).toBe(false);
    // The room is open: a calm message goes through.
    const seen = next(a, 'message', (m: any) => m.clientMsgId === 'calm');
    expect(await call(b, 'message:send', { clientMsgId: 'calm', text: 'Can we talk about Sunday?' })).toMatchObject({
      status: 'delivered',
    });
    await seen;
  });
});
