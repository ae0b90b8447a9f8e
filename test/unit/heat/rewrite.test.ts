import { describe, expect, it } from 'vitest';
import { analyze } from '../../../server/mediation/heat/index.js';
import { chrf, chrfMulti } from '../../../server/mediation/heat/chrf.js';
import { minimalEdit } from '../../../server/mediation/heat/rewrite.js';

const HEATED = [
  'You never listen to me!!!',
  'You are an idiot',
  'you are such a selfish jerk, you only think about yourself',
  'Oh please, who do you think you are',
  'whatever',
  "It's all your fault that we are late",
  'this fucking meeting is a waste of time',
  'WHY DO YOU NEVER CALL ME BACK',
  'im not gonna sell the fucking picture , i just want to contribute to the fucking article .',
  'the garbage that is being created by cnn and other news agencies is outrageous .',
  'I will kill you',
];

describe('rewriter', () => {
  for (const t of HEATED) {
    it(`suggestions for "${t}" are 1-3, distinct, not held, and never apologise`, () => {
      const a = analyze(t);
      expect(a.held).toBe(true);
      expect(a.suggestions.length).toBeGreaterThanOrEqual(1);
      expect(a.suggestions.length).toBeLessThanOrEqual(3);
      expect(new Set(a.suggestions).size).toBe(a.suggestions.length);
      for (const s of a.suggestions) {
        expect(analyze(s, { suggestions: false }).held, s).toBe(false);
        expect(s).not.toMatch(/\b(sorry|apologi[sz]e)/i);
        expect(s).not.toMatch(/\b(fuck|idiot|jerk|selfish)/i);
      }
    });
  }

  it('turns a "you" attack into an I-statement with a feeling, a need and a request', () => {
    const [first] = analyze('You never listen to me!!!').suggestions;
    expect(first).toMatch(/^When you .*listen to me, I feel \w+/);
    expect(first).toMatch(/because I need/);
    expect(first).toMatch(/Would you be willing to .*\?$/);
  });

  it('keeps the content of an undirected message (minimal edit first)', () => {
    const [first] = analyze('im not gonna sell the fucking picture , i just want to contribute to the fucking article .').suggestions;
    expect(first).toBe("I'm not gonna sell the picture, i just want to contribute to the article.");
  });

  it('offers a break for stonewalling', () => {
    expect(analyze("I'm done talking.").suggestions[0]).toMatch(/pause|break/i);
  });

  it('minimal edit drops profanity and softens absolutes', () => {
    expect(minimalEdit('You ALWAYS do this, damn it')).toMatch(/^You often do this/);
    expect(minimalEdit('what the hell is this')).toBe('what is this');
  });
});

describe('chrF', () => {
  it('is 100 for identical strings and lower for different ones', () => {
    expect(chrf('the cat sat', 'the cat sat')).toBeCloseTo(100);
    expect(chrf('the cat sat', 'a dog ran')).toBeLessThan(30);
    expect(chrfMulti('the cat', ['dog', 'the cat'])).toBeCloseTo(100);
  });
});
