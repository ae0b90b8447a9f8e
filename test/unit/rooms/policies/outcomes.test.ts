import { describe, expect, it } from 'vitest';
import {
  afterAgreement,
  countBreak,
  countSuggestion,
  HEAT_SAMPLES,
  outcomesOf,
  sampleHeat,
  secondsSinceJoint,
} from '../../../../server/rooms/policies/outcomes.js';
import { caucusPair, CAUCUS_LINES, withCaucusLine } from '../../../../server/rooms/policies/caucus.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const clause = (acceptedBy: string[]) => ({ id: 'c1', text: 'We alternate weekends.', acceptedBy }) as never;

describe('outcomes', () => {
  it('count each choice on a held message under its own name', () => {
    let room = roomWith([
      ['ann', 'host'],
      ['ben', 'participant'],
    ]);
    for (const o of ['suggestion', 'suggestion', 'edited', 'original', 'discarded'] as const)
      room = { ...room, outcomes: countSuggestion(room, o) };
    expect(outcomesOf(room).suggestions).toEqual({ taken: 2, edited: 1, original: 1, discarded: 1 });
    expect(countBreak(room).breaks).toBe(1);
  });

  it('keep the newest heat samples only', () => {
    let room = roomWith([['ann', 'host']]);
    for (let i = 0; i < HEAT_SAMPLES + 5; i++) room = { ...room, outcomes: sampleHeat(room, 0.123, i) };
    const heat = outcomesOf(room).heat;
    expect(heat).toHaveLength(HEAT_SAMPLES);
    expect(heat[0]).toEqual({ at: 5, heat: 0.12 });
  });

  it('note the first clause every party accepted and the signing once each', () => {
    const room = {
      ...roomWith([
        ['ann', 'host'],
        ['ben', 'participant'],
        ['maya', 'mediator'],
      ]),
    };
    room.outcomes = { ...outcomesOf(room), jointAt: 1000 };
    const one = afterAgreement(room, { clauses: [clause(['ann'])], signedBy: [], final: false }, 2000);
    expect(one.firstAgreed).toBe(false);
    const both = afterAgreement(room, { clauses: [clause(['ann', 'ben'])], signedBy: [], final: false }, 3000);
    expect(both).toMatchObject({ firstAgreed: true, signed: false, outcomes: { firstAgreedAt: 3000 } });
    const later = { ...room, outcomes: both.outcomes };
    const signed = afterAgreement(later, { clauses: [clause(['ann', 'ben'])], signedBy: [], final: true }, 9000);
    expect(signed).toMatchObject({
      firstAgreed: false,
      signed: true,
      outcomes: { firstAgreedAt: 3000, signedAt: 9000 },
    });
    expect(secondsSinceJoint(signed.outcomes, 9000)).toBe(8);
  });
});

describe('caucus', () => {
  const room = roomWith([
    ['ann', 'host'],
    ['ben', 'participant'],
    ['maya', 'mediator'],
    ['olu', 'observer'],
  ]);

  it('is between a mediator and one other person, whoever writes first', () => {
    expect(caucusPair(room, 'maya', 'ben')).toEqual({ ok: true, mediator: 'maya', with: 'ben' });
    expect(caucusPair(room, 'ben', 'maya')).toEqual({ ok: true, mediator: 'maya', with: 'ben' });
    expect(caucusPair(room, 'ann', 'ben')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(caucusPair(room, 'maya', 'maya')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(caucusPair(room, 'maya', 'nobody')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('keeps the newest lines only', () => {
    let r = room;
    for (let i = 0; i < CAUCUS_LINES + 3; i++) {
      r = withCaucusLine(r, { id: `c${i}`, mediator: 'maya', with: 'ben', from: 'maya', text: `line ${i}`, at: i });
    }
    const lines = r.caucus?.['maya:ben'] ?? [];
    expect(lines).toHaveLength(CAUCUS_LINES);
    expect(lines[0].text).toBe('line 3');
  });
});
