/**
 * The word 1-3-grams the safety data has almost only under one verdict: where a phrase ("wait for you",
 * "oh wow", "my husband") appears nearly always in threats, sarcasm or disclosures, the model learns the phrase,
 * not the harm, and stops ordinary messages that use it. The list briefs a writer of counterweights
 * (data/safety-train/README.md, eighth wave).
 *   npx tsx scripts/heat/skewed-phrases.ts [expect=safety] [min uses=10] [min share=0.85]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const [expect = 'safety', minUses = '10', minShare = '0.85'] = process.argv.slice(2);
const DATA = resolve(import.meta.dirname, '../../data');
const uses = new Map<string, number>();
const under = new Map<string, number>();
for (const dir of ['safety-train', 'safety-dev'])
  for (const file of readdirSync(resolve(DATA, dir)).filter((f) => f.endsWith('.jsonl')))
    for (const line of readFileSync(resolve(DATA, dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { text: string; expect: string };
      const words =
        row.text
          .toLowerCase()
          .replace(/’/g, "'")
          .match(/[a-z0-9']+/g) ?? [];
      const grams = new Set<string>();
      for (let n = 1; n <= 3; n++)
        for (let i = 0; i + n <= words.length; i++) grams.add(words.slice(i, i + n).join(' '));
      for (const g of grams) {
        uses.set(g, (uses.get(g) ?? 0) + 1);
        if (row.expect === expect) under.set(g, (under.get(g) ?? 0) + 1);
      }
    }
const skewed = [...uses]
  .map(([g, n]) => ({ g, n, share: (under.get(g) ?? 0) / n }))
  .filter((x) => x.n >= Number(minUses) && x.share >= Number(minShare))
  .sort((a, b) => b.n - a.n);
for (const x of skewed) console.log(`${x.g}\t${x.n}\t${x.share.toFixed(2)}`);
