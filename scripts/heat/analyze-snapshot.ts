/**
 * A snapshot of what the analyzer says about a fixed corpus, to show a speed change left every output as it was:
 * one line per (text, options) with a hash of analyzeInDetail()'s whole result (the analysis, the normalised text,
 * directed, the basis and the safety model's reading; numbers exact, and rounded to 1e-9 in a second hash).
 * Corpus: data/safety-train and data/safety-dev (`text`), and the test split of HEAT_DATA_DIR (scripts/heat/dataset.ts).
 *   npx tsx scripts/heat/analyze-snapshot.ts /tmp/before.snap       write
 *   npx tsx scripts/heat/analyze-snapshot.ts /tmp/after.snap /tmp/before.snap   write, then compare
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeInDetail, type AnalyzeOptions } from '../../server/analysis/index.js';
import { dataDir, loadLabelled, loadPairs } from './dataset.js';

const ROOT = resolve(import.meta.dirname, '../..');

function corpus(): string[] {
  const out: string[] = [];
  for (const sub of ['data/safety-train', 'data/safety-dev']) {
    const dir = join(ROOT, sub);
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith('.jsonl'))
      .sort())
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n'))
        if (line.trim()) out.push((JSON.parse(line) as { text: string }).text);
  }
  if (existsSync(dataDir())) {
    for (const r of loadLabelled()) if (r.split === 'test') out.push(r.text);
    for (const p of loadPairs()) if (p.split === 'test') out.push(p.heated, ...p.calm);
  }
  return out;
}

// the option sets the server and the rewriter use
const VARIANTS: [string, AnalyzeOptions][] = [
  ['default', {}],
  ['names', { context: { otherNames: ['Sam', 'José'] } }],
  ['private', { context: { private: true } }],
  ['own', { quotesAreOwn: true }],
  ['noLabel', { labelModel: false }],
  ['rules', { safetyModel: false }],
];

const sha = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 24);
const round9 = (_k: string, v: unknown) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v);

const [outFile, compareWith] = process.argv.slice(2);
if (!outFile) throw new Error('usage: analyze-snapshot.ts OUT [BEFORE]');
const texts = corpus();
const lines: string[] = [];
const t0 = performance.now();
for (const [name, opts] of VARIANTS)
  for (let i = 0; i < texts.length; i++) {
    const d = analyzeInDetail(texts[i], opts);
    lines.push(`${name}\t${i}\t${sha(JSON.stringify(d))}\t${sha(JSON.stringify(d, round9))}`);
  }
writeFileSync(outFile, lines.join('\n') + '\n');
const all = sha(lines.join('\n'));
console.log(`${texts.length} texts x ${VARIANTS.length} variants, ${Math.round(performance.now() - t0)} ms; ${all}`);
if (compareWith) {
  const before = readFileSync(compareWith, 'utf8').trimEnd().split('\n');
  let exact = 0;
  let rounded = 0;
  for (let i = 0; i < Math.max(before.length, lines.length); i++) {
    const [a, b] = [before[i]?.split('\t'), lines[i]?.split('\t')];
    if (a?.[2] !== b?.[2]) {
      if (exact++ < 10) console.log(`differs: ${b?.[0]} ${texts[Number(b?.[1])]?.slice(0, 100)}`);
    }
    if (a?.[3] !== b?.[3]) rounded++;
  }
  console.log(exact || rounded ? `DIFFERENT: ${exact} exact, ${rounded} rounded` : 'IDENTICAL');
  if (exact || rounded) process.exitCode = 1;
}
