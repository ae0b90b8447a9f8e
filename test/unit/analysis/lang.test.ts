import { describe, expect, it } from 'vitest';
import { addressOf } from '../../../server/analysis/address.js';
import { analyze, ruleHits } from '../../../server/analysis/index.js';
import { english } from '../../../server/analysis/lang/en/index.js';
import { normalize } from '../../../server/analysis/normalize.js';
import { rulesAlone } from '../../helpers/rulesAlone.js';

rulesAlone();

describe('analyzer languages', () => {
  it('who is addressed comes from the language given', () => {
    expect(addressOf('du hörst nie zu', [], undefined, english.address).directed).toBe(false);
    const you = /(?<![\p{L}])(?:du|dich|dir|dein\w*)(?![\p{L}])/giu;
    expect(addressOf('du hörst nie zu', [], undefined, { ...english.address, you }).directed).toBe(true);
  });

  it('English is the default', () => {
    const t = 'You never listen to me, what is wrong with you?';
    expect(analyze(t, { language: english })).toEqual(analyze(t));
  });

  it('the rules read their words from the language given', () => {
    const t = 'du bist ein Trottel';
    expect(ruleHits(t).filter((h) => h.label === 'insult')).toEqual([]);
    const insult = /(?<![\p{L}])du\s+bist\s+ein\s+trottel(?![\p{L}])/giu;
    const never = /(?!)/g;
    const byLabel = { ...english.rules.byLabel, insult: [insult, never, never] };
    const german = { ...english, code: 'de', rules: { ...english.rules, byLabel } };
    expect(ruleHits(t, german)).toContainEqual({ label: 'insult', start: 0, end: t.length, score: 0.85 });
    expect(analyze(t, { language: german }).held).toBe(true);
  });

  it('a language must give each label as many rule patterns as labels.ts has rules', () => {
    const byLabel = { ...english.rules.byLabel, insult: [] };
    const broken = { ...english, code: 'xx', rules: { ...english.rules, byLabel } };
    expect(() => analyze('hello there', { language: broken })).toThrow(/insult/);
  });

  it('spaced letters and leetspeak are undone only into words of the language given', () => {
    const t = 'ich werde dich t 0 t e n';
    expect(normalize(t).text).toBe(t);
    const hostile = (w: string) => w === 'toten' || english.normalize.hostile(w);
    const german = { ...english, code: 'de', normalize: { ...english.normalize, hostile } };
    expect(normalize(t, german).text).toBe('ich werde dich toten');
  });
});
