/**
 * Figures for the heat analyzer on the held-out split, by source.
 *
 *   npm run eval:heat                 # test split (20%, by hash of the text; see scripts/heat/hash.ts)
 *   npm run eval:heat -- --split=dev  # the split used for tuning
 *   npm run eval:heat -- --json       # one JSON object instead of the table
 *   npm run eval:heat -- --errors=counsel-chat   # also print the misclassified messages of a source
 *   npm run eval:heat -- --errors=hand           # ... or the misses on the hand-written sets (data/heat-hand/)
 *   npm run eval:heat -- --errors=safety         # ... or on the safety sets (data/safety-dev/, evalSafety.ts)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyze, DEFAULT_THRESHOLD } from '../../server/analysis/index.js';
import { analyzeWithSuggestions } from '../../server/facilitator/rewrite/index.js';
import { loadLabelled, loadPairs } from './dataset.js';
import { chrfMulti } from './chrf.js';
import { printSafety, safetySets } from './evalSafety.js';

const args = process.argv.slice(2);
const split = (args.find((a) => a.startsWith('--split='))?.split('=')[1] ?? 'test') as 'test' | 'dev' | 'train';
const json = args.includes('--json');
const errorsOf = args.find((a) => a.startsWith('--errors='))?.split('=')[1];

interface Counts {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
const f3 = (x: number) => Math.round(x * 1000) / 1000;

function main(): void {
  const t0 = performance.now();
  const by = new Map<string, Counts>();
  const errors: string[] = [];
  for (const r of loadLabelled()) {
    if (r.split !== split) continue;
    const a = analyze(r.text);
    const c = by.get(r.source) ?? { n: 0, tp: 0, fp: 0, fn: 0, tn: 0 };
    c.n++;
    if (a.held && r.heated) c.tp++;
    else if (a.held) c.fp++;
    else if (r.heated) c.fn++;
    else c.tn++;
    by.set(r.source, c);
    if (errorsOf === r.source && a.held !== r.heated)
      errors.push(`${r.heated ? 'FN' : 'FP'} ${a.heat} [${a.labels.join(',')}] ${r.text.slice(0, 300)}`);
  }
  const heat: Record<string, object> = {};
  for (const [src, c] of [...by].sort()) {
    const p = c.tp / (c.tp + c.fp || 1);
    const rc = c.tp / (c.tp + c.fn || 1);
    heat[src] = {
      n: c.n,
      positives: c.tp + c.fn,
      precision: f3(p),
      recall: f3(rc),
      f1: f3((2 * p * rc) / (p + rc || 1)),
      fpr: f3(c.fp / (c.fp + c.tn || 1)),
      falsePositives: c.fp,
      accuracy: f3((c.tp + c.tn) / c.n),
    };
  }

  // rewrite pairs
  let n = 0;
  let held = 0;
  let calmN = 0;
  let calmHeld = 0;
  let sugN = 0;
  let sugNotHeld = 0;
  let chrOrig = 0;
  let chrSug = 0;
  let withSug = 0;
  for (const p of loadPairs()) {
    if (p.split !== split) continue;
    n++;
    const a = analyzeWithSuggestions(p.heated);
    for (const c of p.calm) {
      calmN++;
      if (analyze(c).held) calmHeld++;
    }
    if (!a.held) {
      if (errorsOf === 'paradetox') errors.push(`FN ${a.heat} ${p.heated}`);
      continue;
    }
    held++;
    if (a.suggestions.length === 0) continue;
    withSug++;
    const s = a.suggestions[0];
    sugN++;
    const sa = analyze(s);
    if (!sa.held) sugNotHeld++;
    else if (errorsOf === 'suggestions') errors.push(`HELD ${sa.heat} ${p.heated} => ${s}`);
    chrOrig += chrfMulti(p.heated, p.calm);
    chrSug += chrfMulti(s, p.calm);
  }
  const pairs = {
    n,
    heatedHeld: f3(held / (n || 1)),
    calmHeld: f3(calmHeld / (calmN || 1)),
    firstSuggestionNotHeld: f3(sugNotHeld / (sugN || 1)),
    withSuggestion: withSug,
    chrfOriginal: f3(chrOrig / (withSug || 1)),
    chrfFirstSuggestion: f3(chrSug / (withSug || 1)),
  };
  const hand = handSets(errorsOf === 'hand' ? errors : null);
  const result = {
    split,
    threshold: DEFAULT_THRESHOLD,
    heatLabelled: heat,
    rewritePairs: { paradetox: pairs },
    handWritten: hand,
    safetyDev: safetySets(errorsOf === 'safety' ? errors : null),
    seconds: f3((performance.now() - t0) / 1000),
  };
  if (json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    console.log(`heat analyzer, ${split} split, threshold ${DEFAULT_THRESHOLD}`);
    console.log('source              n      pos   P      R      F1     FPR    FP   acc');
    for (const [src, v] of Object.entries(heat) as [string, Record<string, number>][]) {
      console.log(
        `${src.padEnd(18)} ${String(v.n).padStart(6)} ${String(v.positives).padStart(6)}  ` +
          `${v.precision.toFixed(3)}  ${v.recall.toFixed(3)}  ${v.f1.toFixed(3)}  ${v.fpr.toFixed(3)}  ` +
          `${String(v.falsePositives).padStart(3)}  ${v.accuracy.toFixed(3)}`,
      );
    }
    console.log(
      `rewrite-pairs (paradetox) n=${pairs.n}: heated held ${(100 * pairs.heatedHeld).toFixed(1)}%, calm held ` +
        `${(100 * pairs.calmHeld).toFixed(1)}%, ` +
        `first suggestion not held ${(100 * pairs.firstSuggestionNotHeld).toFixed(1)}%, chrF original ` +
        `${pairs.chrfOriginal.toFixed(1)} -> first suggestion ${pairs.chrfFirstSuggestion.toFixed(1)} ` +
        `(n=${pairs.withSuggestion})`,
    );
    for (const [file, h] of Object.entries(hand)) {
      const by = Object.entries(h.heldByLabel)
        .map(([l, v]) => `${l} ${v.held}/${v.n}`)
        .join(', ');
      console.log(
        `hand-written ${file} n=${h.n}: right ${(100 * h.accuracy).toFixed(1)}%; not-held kept ` +
          `${h.calmKept}/${h.calmN}; held by label: ${by}`,
      );
    }
    console.log(`(${result.seconds} s)`);
  }
  if (!json) printSafety(result.safetyDev);
  for (const e of errors) console.log(e);
}

interface HandFigures {
  n: number;
  accuracy: number;
  calmN: number;
  calmKept: number;
  heldByLabel: Record<string, { n: number; held: number }>;
}

/** The hand-written sets (data/heat-hand/*.jsonl: {text, expect: held|not_held, label}), never trained on. */
function handSets(errors: string[] | null): Record<string, HandFigures> {
  const dir = resolve(import.meta.dirname, '../../data/heat-hand');
  const out: Record<string, HandFigures> = {};
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort()) {
    const h: HandFigures = { n: 0, accuracy: 0, calmN: 0, calmKept: 0, heldByLabel: {} };
    let right = 0;
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text: string; expect: 'held' | 'not_held'; label: string };
      const a = analyze(r.text);
      h.n++;
      const ok = a.held === (r.expect === 'held');
      if (ok) right++;
      else
        errors?.push(
          `${f} ${r.expect === 'held' ? 'FN' : 'FP'} ${r.label} ${a.heat} [${a.labels.join(',')}] ${r.text}`,
        );
      if (r.expect === 'held') {
        const v = (h.heldByLabel[r.label] ??= { n: 0, held: 0 });
        v.n++;
        if (a.held) v.held++;
      } else {
        h.calmN++;
        if (!a.held) h.calmKept++;
      }
    }
    h.accuracy = f3(right / (h.n || 1));
    out[f] = h;
  }
  return out;
}

main();
