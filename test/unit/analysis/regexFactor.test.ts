import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { english } from '../../../server/analysis/lang/en/index.js';
import { factored } from '../../../server/analysis/regexFactor.js';

/**
 * regexFactor.ts joins a long group of alternatives by first letter for speed; every match must stay the
 * original's: the same places, the same text, in the same order.
 */

function matches(re: RegExp, text: string): string[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  return [...text.matchAll(g)].map((m) => `${m.index}:${m[0]}`);
}

const MANY = /\b(?:kill\s+myself|killing\s+myself|end\s+it|end\s+my\s+life|die|dying|disappear|drown|dead|done)\b/i;

describe('factored', () => {
  it('joins a long group by first letter and matches what the original matches', () => {
    const f = factored(MANY);
    expect(f.source).not.toBe(MANY.source);
    expect(f.source).toContain('k(?:');
    for (const t of ['I want to kill myself', 'killing myself slowly', 'I am done, dead tired', 'END IT', 'undone'])
      expect(matches(f, t), t).toEqual(matches(MANY, t));
  });

  it('keeps the order of alternatives that start alike: the first that matches still wins', () => {
    const re = /(?:end|ending|a1|b1|c1|d1|e1|f1|g1|endless)/i;
    expect(matches(factored(re), 'endless ending')).toEqual(matches(re, 'endless ending'));
  });

  it('leaves alone what it cannot join safely: no i flag, the u flag, capturing groups, few alternatives', () => {
    for (const re of [
      /(?:a1|b1|c1|d1|e1|f1|g1|h1)/,
      /(?:a1|b1|c1|d1|e1|f1|g1|h1)/iu,
      /(a1|b1|c1|d1|e1|f1|g1|h1)\1/i,
      /(?:a1|b1|c1)/i,
    ])
      expect(factored(re)).toBe(re);
  });

  it("every English rule pattern, factored, matches exactly as written on the repository's room messages", () => {
    const dirs = ['data/safety-dev', 'data/safety-oblique', 'data/heat-hand'].map((d) =>
      resolve(import.meta.dirname, '../../..', d),
    );
    const texts = dirs.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) =>
          readFileSync(resolve(dir, f), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => (JSON.parse(line) as { text: string }).text),
        ),
    );
    expect(texts.length).toBeGreaterThan(2000);
    const patterns = Object.values(english.rules.byLabel).flat();
    let changed = 0;
    for (const re of patterns) {
      const f = factored(re);
      if (f === re) continue;
      changed++;
      for (const t of texts)
        if (matches(f, t).join() !== matches(re, t).join()) expect(matches(f, t), t).toEqual(matches(re, t));
    }
    expect(changed).toBeGreaterThan(0);
  });
});
