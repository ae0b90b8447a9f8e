import { describe, expect, it } from 'vitest';
import { addressOf } from '../../../server/analysis/address.js';
import { analyze } from '../../../server/analysis/index.js';
import { english } from '../../../server/analysis/lang/en/index.js';

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
});
