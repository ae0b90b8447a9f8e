import { describe, expect, it } from 'vitest';
import { wordNgrams } from '../../../../server/analysis/model/features.js';

const grams = (text: string) => {
  const buf = new Int32Array(64);
  return Array.from(buf.subarray(0, wordNgrams(text, buf)));
};

describe('wordNgrams (the safety network’s inputs)', () => {
  it('gives each word, each pair and each three in a row: n + (n - 1) + (n - 2) for n words', () => {
    expect(grams('i will wait for you')).toHaveLength(5 + 4 + 3);
    expect(grams('thanks')).toHaveLength(1);
    expect(grams('')).toHaveLength(0);
  });

  it('hears order: "will you" is not "you will", though their words are the same', () => {
    // each in turn: the first word, the second, then the pair
    const [you, will, youWill] = grams('you will');
    const [will2, you2, willYou] = grams('will you');
    expect([will2, you2]).toEqual([will, you]);
    expect(youWill).not.toBe(willYou);
  });

  it('reads the same text the same way, runs of spaces included, and stops at the buffer’s end', () => {
    expect(grams('see you  friday')).toEqual(grams('see you friday'));
    const small = new Int32Array(4);
    expect(wordNgrams('one two three four five', small)).toBe(4);
  });
});
