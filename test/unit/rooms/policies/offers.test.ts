import { describe, expect, it } from 'vitest';
import { describesPain } from '../../../../server/analysis/listening/index.js';
import { CALM_GAP, OFFER_EVERY, offerAfter } from '../../../../server/rooms/policies/offers.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const ASK = 'Could you text me if plans change?';
const CALM = 'Thank you, that helps.';

/** Plays messages (speaker, text) through the policy as the pipeline does; the offers come back by index. */
function play(room: RoomRecord, messages: [string, string][]): number[] {
  const offers: number[] = [];
  let r = room;
  messages.forEach(([speaker, text], i) => {
    const recentSpeakers = [...r.recentSpeakers, speaker].slice(-12);
    const out = offerAfter(r, text, recentSpeakers);
    if (out.offer) offers.push(i);
    r = { ...r, ...out.counters, recentSpeakers };
  });
  return offers;
}

const couple = () =>
  roomWith(
    [
      ['maya', 'host'],
      ['jordan', 'participant'],
    ],
    'open',
  );
const turns = (texts: string[]): [string, string][] => texts.map((t, i) => [i % 2 ? 'jordan' : 'maya', t]);

describe('describesPain', () => {
  it('is true for hurt told as one’s own, and for disclosures', () => {
    for (const text of [
      'I sat alone at my birthday dinner, three times.',
      'I felt so alone that night.',
      'It broke my heart when nobody came.',
      'I am exhausted and scared about the rent.',
      'I cried in the car afterwards.',
    ])
      expect(describesPain(text), text).toBe(true);
  });

  it('is false for calm asks, thanks, and feelings that are glad', () => {
    for (const text of [ASK, CALM, 'I feel hopeful about this.', 'Could we split the bills fifty-fifty?'])
      expect(describesPain(text), text).toBe(false);
  });
});

describe('offerAfter: when the facilitator offers clauses', () => {
  it(`offers once the room is calm, two people spoke and someone asked for something, every ${OFFER_EVERY}`, () => {
    expect(play(couple(), turns([ASK, CALM, CALM, CALM, CALM, CALM]))).toEqual([5]);
    expect(play(couple(), turns([ASK, CALM, CALM, CALM, CALM, CALM, CALM, CALM, CALM, CALM, CALM, CALM]))).toEqual([5]);
    expect(play(couple(), turns([ASK, CALM, CALM, CALM, CALM, CALM, ASK, CALM, CALM, CALM, CALM, CALM]))).toEqual([
      5, 11,
    ]);
  });

  it('never offers with nothing asked', () => {
    expect(play(couple(), turns(Array(18).fill(CALM)))).toEqual([]);
  });

  it(`waits ${CALM_GAP} messages after someone describes pain`, () => {
    const pain = 'I sat alone at my birthday dinner, three times.';
    // Due at message 5, but message 4 described pain: the offer waits until 4 messages have followed it.
    expect(play(couple(), turns([ASK, CALM, CALM, CALM, pain, CALM, CALM, CALM, CALM, CALM]))).toEqual([8]);
    // Pain as the sixth message: nothing then, nor in the next three.
    const offers = play(couple(), turns([ASK, CALM, CALM, CALM, CALM, pain, CALM, CALM, CALM, CALM]));
    expect(offers).toEqual([9]);
  });

  it(`waits ${CALM_GAP} messages after a held message`, () => {
    const held: RoomRecord = { ...couple(), sinceHeld: 0 };
    expect(play(held, turns([ASK, CALM, CALM, CALM, CALM, CALM]))).toEqual([5]);
    const justHeld: RoomRecord = { ...couple(), sinceOffer: OFFER_EVERY, asksSinceOffer: 1, sinceHeld: 0 };
    expect(play(justHeld, turns([CALM, CALM, CALM, CALM, CALM]))).toEqual([3]);
  });

  it('does not offer in a heated room, on a break, or once the agreement is final', () => {
    const texts = turns([ASK, CALM, CALM, CALM, CALM, CALM, CALM, CALM]);
    expect(play({ ...couple(), heat: 0.3 }, texts)).toEqual([]);
    expect(play({ ...couple(), break: { startedAt: 0, endsAt: 1, requestedBy: 'maya' } }, texts)).toEqual([]);
    expect(play({ ...couple(), phase: 'final' }, texts)).toEqual([]);
  });

  it('needs two people to have spoken', () => {
    const alone = Array.from({ length: 8 }, (): [string, string] => ['maya', ASK]);
    expect(play(couple(), alone)).toEqual([]);
  });
});
