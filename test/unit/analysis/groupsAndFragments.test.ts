import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/analysis/index.js';
import { rulesAlone } from '../../helpers/rulesAlone.js';

rulesAlone();

const held = (text: string) => analyze(text, { threshold: 0.5, suggestions: false }).held;

describe('an insult said to several people at once is held as it is to one', () => {
  it.each(["You're all lazy and I'm sick of carrying this ward.", 'You two are so selfish.', 'You lot are useless.'])(
    '%s',
    (text) => expect(held(text)).toBe(true),
  );

  it.each(['You are all welcome.', 'You both are so kind.', 'You two are the best.'])('not: %s', (text) =>
    expect(held(text)).toBe(false),
  );
});

describe('one or two words: the model alone does not hold them, the rules still do', () => {
  it.each(['chores', 'the dishes', 'Chores', 'the bins'])('delivered: %s', (text) => expect(held(text)).toBe(false));
  it.each(['idiot', 'you idiot', 'shut up', 'loser', 'grow up'])('held: %s', (text) => expect(held(text)).toBe(true));
});

describe('a feeling the sender owns is not read as an attack', () => {
  it.each([
    "My phone was dead. I feel embarrassed when you call my friends' parents.",
    "I'm worried sick about Grandad's driving, and I'd like us to talk about it as a family.",
    'I feel stupid.',
  ])('delivered: %s', (text) => expect(held(text)).toBe(false));
  it.each(['You make me feel stupid.', "I'm so hurt and angry, you selfish pig."])('held: %s', (text) =>
    expect(held(text)).toBe(true),
  );
});
