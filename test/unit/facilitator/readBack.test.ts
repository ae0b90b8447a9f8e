import { describe, expect, it } from 'vitest';
import { draftsOf, readingOf } from '../../../server/facilitator/readBack.js';

describe('readBack: what a clause offer reads in a message, once per entry', () => {
  it('reads a calm ask, and a demand to control someone, as draftClauses would', () => {
    const ask = readingOf({ text: 'Could you text me if plans change?' });
    expect(ask).toMatchObject({ calm: true, coercive: false });
    expect(ask.asks.length).toBeGreaterThan(0);
    expect(draftsOf(ask, { parties: 2 }).filter(Boolean).join(' ')).toMatch(/either of us|each other|we/i);
    expect(readingOf({ text: 'Give me your phone every night.' }).coercive).toBe(true);
    expect(readingOf({ text: 'You are a pathetic idiot, text me if plans change.' })).toMatchObject({
      calm: false,
      asks: [],
    });
  });

  it('remembers the reading with the entry object it came from, and words drafts for the number of parties', () => {
    const entry = { text: 'I would like us to take turns picking up the kids from school.' };
    const first = readingOf(entry);
    expect(readingOf(entry)).toBe(first);
    // Another object with the same words is read again: nothing outlives the entry it was read from.
    expect(readingOf({ ...entry })).not.toBe(first);
    expect(draftsOf(first, { parties: 2 })).toBe(draftsOf(first, { parties: 2 }));
    expect(draftsOf(first, { parties: 3 })).not.toBe(draftsOf(first, { parties: 2 }));
  });
});
