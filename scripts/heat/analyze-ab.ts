/**
 * Old against new analyze() in one process, text by text: on a machine shared with other work, runs minutes apart
 * differ more than most speed changes do (docs/BENCHMARKS.md), so both trees are loaded side by side and each
 * test-split text is timed with one, then the other (in turn first), after both are warmed up on the dev split.
 * Both read the cache-hungry models in turn, so both figures are higher than the bench's; compare them, not it.
 *   git worktree add /tmp/old HEAD && ln -s "$PWD/node_modules" /tmp/old/node_modules
 *   HEAT_DATA_DIR=... npx tsx scripts/heat/analyze-ab.ts /tmp/old . [passes]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadLabelled, loadPairs } from './dataset.js';

type Analyze = (text: string) => unknown;

const [oldRoot, newRoot, passArg] = process.argv.slice(2);
if (!oldRoot || !newRoot) throw new Error('usage: analyze-ab.ts OLD_TREE NEW_TREE [passes]');
const passes = Number(passArg ?? 3);
const load = async (root: string): Promise<Analyze> =>
  ((await import(pathToFileURL(resolve(root, 'server/analysis/index.ts')).href)) as { analyze: Analyze }).analyze;
const [a, b] = [await load(oldRoot), await load(newRoot)];

function texts(split: 'dev' | 'test'): string[] {
  const out: string[] = [];
  for (const r of loadLabelled()) if (r.split === split) out.push(r.text);
  for (const p of loadPairs()) if (p.split === split) out.push(p.heated, ...p.calm);
  return out;
}

for (const t of texts('dev')) {
  a(t);
  b(t);
}
const list = texts('test');
const us = (f: Analyze, t: string) => {
  const t0 = process.hrtime.bigint();
  f(t);
  return Number(process.hrtime.bigint() - t0) / 1000;
};
const [ta, tb]: number[][] = [[], []];
for (let p = 0; p < passes; p++)
  for (let i = 0; i < list.length; i++) {
    if ((i + p) % 2) {
      ta.push(us(a, list[i]));
      tb.push(us(b, list[i]));
    } else {
      tb.push(us(b, list[i]));
      ta.push(us(a, list[i]));
    }
  }
const stat = (x: number[]) => {
  const s = [...x].sort((p, q) => p - q);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
  return `median ${at(0.5)} p99 ${at(0.99)} mean ${(x.reduce((p, q) => p + q, 0) / x.length).toFixed(1)} us`;
};
console.log(`${list.length} texts x ${passes}\nold ${stat(ta)}\nnew ${stat(tb)}`);
