import { describe, expect, it } from 'vitest';
import { isCoerciveDemand, isControllingClause } from '../../../server/analysis/coercion.js';
import { draftClauses } from '../../../server/facilitator/drafts.js';

const CONTROL = [
  "you're not seeing your sister again",
  'You are not going to see your friends any more.',
  'give me your phone every night',
  "you don't get a card, I'll give you cash",
  'Hand over your wages on Friday.',
  'I check your phone every night and that is that',
  'Stop talking to your mother.',
  "You can't leave the house without me.",
  'You need my permission to go out.',
  'Share your location with me, always.',
  'You won’t see your mates again, understood?',
  'you dont need your own bank account',
];
const NOT_CONTROL = [
  "I'm not seeing my sister this weekend.",
  'Can you give me your phone number for the school?',
  'I would like us to visit your parents more often.',
  'Please tell me if plans change.',
  'I felt alone when you went out with your friends without telling me.',
  "Let's agree on a monthly budget meeting.",
  'Could you text me when you leave work?',
  'Stop buying things over $200 without asking me.',
  'He checks my phone every night and I am scared.',
];

describe('isCoerciveDemand', () => {
  it.each(CONTROL)('hears control in %j', (text) => expect(isCoerciveDemand(text)).toBe(true));
  it.each(NOT_CONTROL)('leaves %j alone', (text) => expect(isCoerciveDemand(text)).toBe(false));
});

describe('draft clauses never come from a controlling demand', () => {
  it('drafts a fair ask, and nothing from the same words made into control', () => {
    const fair = draftClauses(['Please text me if plans change.'], { parties: 2 });
    expect(fair).toHaveLength(1);
    expect(draftClauses(['Give me your phone every night.'], { parties: 2 })).toEqual([]);
    expect(
      draftClauses(["Stop seeing your friends. You don't get a card, I'll give you cash."], { parties: 2 }),
    ).toEqual([]);
  });
});

describe('control written as the terms of an agreement (isControllingClause)', () => {
  it.each([
    ['Ann hands me her phone every night.', true],
    ['Jo does not see her sister without asking.', true],
    ['We agree that we only go out with friends when we say so.', true],
    ['We text each other whenever we leave the house.', true],
    ['Sam gives Alex his bank card on Fridays.', true],
    ["You're not seeing your sister again.", true],
    // near misses: ordinary terms
    ['We each text the other by 6pm if plans change.', false],
    ['We visit our families on alternate Sundays.', false],
    ['We agree not to buy anything over $200 without asking first.', false],
    ['Sam picks up the kids from school on Fridays.', false],
    ['We share the phone bill equally.', false],
  ])('%j: %s', (text, want) => {
    expect(isControllingClause(text)).toBe(want);
  });
});
