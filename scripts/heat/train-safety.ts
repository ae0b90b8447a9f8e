/**
 * Trains the safety model (server/analysis/model/safety.ts) and fits its arbiter's thresholds
 * (server/analysis/safetyArbiter.ts).
 *
 *   npm run train:safety                 # trains on everything below, writes server/analysis/model/safety-*
 *   npm run train:safety -- --cv         # group cross-validation: each data/safety-train file is held out in
 *                                        # turn (and safety-dev's development files as one group), the
 *                                        # arbiter's thresholds swept on the held-out readings, by kind
 *   env: EPOCHS LR L2 W_SYN (weight of data/heat-synthetic; 0 leaves it out)
 *
 * Data: data/safety-train/*.jsonl and data/safety-dev/{messages,proportion,recall}.jsonl
 * ({text, kind, expect, room}); data/heat-synthetic/*.jsonl ({text, label}). The safety-dev *-check files
 * are never trained on: they are scored at the end. Nothing under data/eval-fresh is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeInDetail, english } from '../../server/analysis/index.js';
import { MODEL_DIR } from '../../server/analysis/model/heat.js';
import {
  BASIS_INPUTS,
  type Basis,
  basisInputs,
  SAFETY_BITS,
  SAFETY_CLASSES,
  SAFETY_MODEL_NAME,
  type SafetyClass,
  type SafetyModel,
  safetyReading,
  type SafetyReading,
} from '../../server/analysis/model/safety.js';
import { foldedFeatures } from '../../server/analysis/model/softmax.js';
import { normalize } from '../../server/analysis/normalize.js';
import { ARBITER_THRESHOLDS, arbitrate, type ArbiterThresholds, outcome } from '../../server/analysis/safetyArbiter.js';
import { type Example, trainSoftmax, writeSoftmax } from './softmaxTrain.js';
import { dataDir, loadPairs, loadPoliteness } from './dataset.js';
import { envNumber } from './trainUtil.js';

const EPOCHS = envNumber('EPOCHS', 12);
const LR = envNumber('LR', 0.25);
const L2 = envNumber('L2', 1e-7);
const W_SYN = envNumber('W_SYN', 0);
/**
 * weight of real calm text as "none" (ParaDetox's calm rewrites, polite requests from the Stanford corpus;
 * train split only): what ordinary polite words look like, so thanks alone are not read as sarcasm
 */
const W_CALM = envNumber('W_CALM', 0);
/** 0: the text alone, without the rules' verdict as inputs (for comparison) */
const DENSE = envNumber('DENSE', 1) !== 0;
/** 0: without word trigrams */
const TRIGRAMS = envNumber('TRIGRAMS', 1) !== 0;
const DATA = resolve(import.meta.dirname, '../../data');
const CHECK_FILES = ['check.jsonl', 'proportion-check.jsonl', 'recall-check.jsonl'];
/** heat-synthetic labels that are not clearly "held" in a room ("Fine." can be plain agreement) */
const SYN_SKIP = new Set(['stonewalling', 'defensiveness', 'profanity', 'shouting']);

/** groups that are only trained on, never held out (not room messages written for this project) */
const ALWAYS_TRAINED = new Set(['synthetic', 'calm']);

export interface Row {
  text: string;
  /** the analyzer's input: disguises undone */
  norm: string;
  cls: SafetyClass;
  group: string;
  w: number;
  kind?: string;
  expect?: 'safety' | 'disclosure' | 'held' | 'delivered';
  /** the rules' verdict, read once (the model's dense inputs) */
  basis?: Basis;
}

const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

type Written = { text: string; kind: string; expect: NonNullable<Row['expect']> };
function classOf(r: Written): SafetyClass {
  if (r.expect === 'safety') return r.kind === 'self_harm' ? 'self_harm' : 'threat';
  if (r.expect === 'disclosure') return 'disclosure';
  return r.expect === 'held' ? 'heat' : 'none';
}

const row = (r: Written, group: string, w = 1): Row => ({
  text: r.text,
  norm: normalize(r.text, english).text,
  cls: classOf(r),
  group,
  w,
  kind: r.kind,
  expect: r.expect,
});

export function loadRows(): { train: Row[]; check: Row[] } {
  const train: Row[] = [];
  const check: Row[] = [];
  const dir = join(DATA, 'safety-train');
  if (existsSync(dir))
    for (const f of readdirSync(dir)
      .filter((x) => x.endsWith('.jsonl'))
      .sort())
      for (const r of readJsonl<Written>(join(dir, f))) train.push(row(r, f));
  const dev = join(DATA, 'safety-dev');
  for (const f of readdirSync(dev)
    .filter((x) => x.endsWith('.jsonl'))
    .sort())
    for (const r of readJsonl<Written>(join(dev, f)))
      (CHECK_FILES.includes(f) ? check : train).push(row(r, CHECK_FILES.includes(f) ? f : 'safety-dev'));
  if (W_SYN > 0) {
    const syn = join(DATA, 'heat-synthetic');
    for (const f of readdirSync(syn).filter((x) => x.endsWith('.jsonl')))
      for (const r of readJsonl<{ text: string; label: string }>(join(syn, f))) {
        if (SYN_SKIP.has(r.label)) continue;
        const cls: SafetyClass =
          r.label === 'threat' || r.label === 'self_harm' ? r.label : r.label === 'none' ? 'none' : 'heat';
        train.push({ text: r.text, norm: normalize(r.text, english).text, cls, group: 'synthetic', w: W_SYN });
      }
  }
  if (W_CALM > 0 && existsSync(dataDir())) {
    const calm = (text: string) =>
      train.push({ text, norm: normalize(text, english).text, cls: 'none', group: 'calm', w: W_CALM });
    for (const p of loadPairs()) if (p.split === 'train') for (const c of p.calm) calm(c);
    for (const r of loadPoliteness()) if (r.split === 'train' && r.score >= 0.5) calm(r.text);
  }
  return { train, check };
}

export function train(rows: Row[]): SafetyModel {
  const buf = new Int32Array(16384 * 2);
  const data: Example[] = rows.map((r) => {
    const n = foldedFeatures(r.norm, SAFETY_BITS, buf, undefined, TRIGRAMS);
    const dense = DENSE ? Float64Array.from(basisInputs(basisOf(r))) : undefined;
    return { feats: buf.slice(0, n), y: SAFETY_CLASSES.indexOf(r.cls), w: r.w, dense };
  });
  const trainedOn: Record<string, number> = {};
  for (const r of rows) trainedOn[r.group] = (trainedOn[r.group] ?? 0) + 1;
  const model = trainSoftmax(
    data,
    SAFETY_CLASSES,
    { bits: SAFETY_BITS, epochs: EPOCHS, lr: LR, l2: L2 },
    trainedOn,
    'scripts/heat/train-safety.ts',
    DENSE ? BASIS_INPUTS : [],
  );
  return { ...model, meta: { ...model.meta, trigrams: TRIGRAMS } };
}

/** A held-out message as cross-validation scores it: the rules' verdict and the fold model's reading. */
interface Scored {
  row: Row;
  basis: Basis;
  reading: SafetyReading;
}

/** The kind a row is scored under, as the issue reports them (near misses count as everyday). */
function bucket(r: Row): string {
  if (r.expect === 'safety') return r.kind === 'self_harm' ? 'self_harm' : 'threat';
  if (r.expect === 'disclosure') return 'disclosure';
  if (r.expect === 'held') return r.kind === 'hyperbole' ? 'hyperbole' : 'sarcasm';
  return 'everyday';
}
/** How much each kind counts in the score: the proportions of a room's fresh set. */
const BUCKET_WEIGHT: Record<string, number> = {
  threat: 114,
  self_harm: 70,
  disclosure: 90,
  everyday: 232,
  sarcasm: 60,
  hyperbole: 50,
};

/** With thresholds null: the rules alone. */
function right(s: Scored, t: ArbiterThresholds | null): boolean {
  const o = t ? outcome(s.basis, arbitrate(s.basis, s.reading, t)) : s.basis;
  switch (s.row.expect) {
    case 'safety':
      return o.safety;
    case 'disclosure':
      return o.disclosure && !o.held;
    case 'held':
      return o.held && !o.safety;
    default:
      // a check-in about harm to someone who spoke of a chair is a false alarm too
      return !o.held && !o.disclosure;
  }
}

function byBucket(scored: Scored[], t: ArbiterThresholds | null): Record<string, { n: number; right: number }> {
  const out: Record<string, { n: number; right: number }> = {};
  for (const s of scored) {
    const b = (out[bucket(s.row)] ??= { n: 0, right: 0 });
    b.n++;
    if (right(s, t)) b.right++;
  }
  return out;
}

/** The issue's targets by kind (hyperbole has none of its own: held as heat like sarcasm). */
const TARGET: Record<string, number> = {
  threat: 0.97,
  self_harm: 0.97,
  disclosure: 0.95,
  everyday: 0.95,
  sarcasm: 0.8,
  hyperbole: 0.8,
};

/**
 * Weighted accuracy, less five times each kind's shortfall below its target: a point of everyday
 * delivery below 95% costs more than a point of sarcasm held above 80%.
 */
function score(scored: Scored[], t: ArbiterThresholds | null): number {
  const b = byBucket(scored, t);
  let sum = 0;
  let weight = 0;
  for (const [k, v] of Object.entries(b)) {
    const w = BUCKET_WEIGHT[k] ?? 0;
    const acc = v.right / v.n;
    sum += w * (acc - 5 * Math.max(0, (TARGET[k] ?? 0) - acc));
    weight += w;
  }
  return sum / weight;
}

/** Weighted accuracy alone, as reported. */
function accuracy(scored: Scored[], t: ArbiterThresholds | null): number {
  const b = byBucket(scored, t);
  let sum = 0;
  let weight = 0;
  for (const [k, v] of Object.entries(b)) {
    sum += (BUCKET_WEIGHT[k] ?? 0) * (v.right / v.n);
    weight += BUCKET_WEIGHT[k] ?? 0;
  }
  return sum / weight;
}

const pct = (x: number, n: number) => `${((100 * x) / (n || 1)).toFixed(1)}%`;
function report(title: string, scored: Scored[], t: ArbiterThresholds | null): void {
  const a = byBucket(scored, null);
  const b = t ? byBucket(scored, t) : null;
  console.log(
    `${title} n=${scored.length}: rules alone ${pct(accuracy(scored, null), 1)}` +
      (t ? `, with the model ${pct(accuracy(scored, t), 1)}` : ''),
  );
  for (const k of Object.keys(BUCKET_WEIGHT))
    if (a[k])
      console.log(
        `  ${k.padEnd(12)} ${String(a[k].n).padStart(5)}  ${pct(a[k].right, a[k].n).padStart(6)}` +
          (b ? `  -> ${pct(b[k].right, b[k].n).padStart(6)}` : ''),
      );
}

function sweep(scored: Scored[]): ArbiterThresholds {
  let best: ArbiterThresholds = { ...ARBITER_THRESHOLDS, guarded: { ...ARBITER_THRESHOLDS.guarded } };
  let bestScore = score(scored, best);
  const grid = {
    safety: [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
    disclosure: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    hold: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 0.95],
  };
  const keys = Object.keys(grid) as (keyof typeof grid)[];

  // coordinate ascent, a few rounds, over the plain and the guarded thresholds
  for (let round = 0; round < 3; round++)
    for (const guarded of [false, true])
      for (const key of keys)
        for (const v of grid[key]) {
          const t = guarded ? { ...best, guarded: { ...best.guarded, [key]: v } } : { ...best, [key]: v };
          const s = score(scored, t);
          if (s > bestScore + 1e-9) {
            best = t;
            bestScore = s;
          }
        }
  return best;
}

/**
 * The rules' verdicts are the slow part of a run and change only with the rules: kept in .tmp between runs,
 * keyed by a hash of the rules' sources and the text.
 */
const CACHE_FILE = resolve(import.meta.dirname, '../../.tmp/safety-basis.json');
const RULES_KEY = createHash('sha256')
  .update(
    readdirSync(resolve(import.meta.dirname, '../../server/analysis'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && !f.includes('safety'))
      .sort()
      .map((f) => readFileSync(resolve(import.meta.dirname, '../../server/analysis', f), 'utf8'))
      .join('\n'),
  )
  .digest('hex')
  .slice(0, 16);
const cache: Record<string, Basis> = (() => {
  try {
    const c = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { key: string; basis: Record<string, Basis> };
    return c.key === RULES_KEY ? c.basis : {};
  } catch {
    return {};
  }
})();
let cacheGrew = false;
function basisOf(r: Row): Basis {
  if (r.basis) return r.basis;
  const key = createHash('sha1').update(r.text).digest('base64');
  let b = cache[key];
  if (!b) {
    b = cache[key] = analyzeInDetail(r.text, { safetyModel: false }).basis;
    cacheGrew = true;
  }
  return (r.basis = b);
}
function saveCache(): void {
  if (!cacheGrew) return;
  mkdirSync(dirname(CACHE_FILE), { recursive: true });
  writeFileSync(CACHE_FILE, JSON.stringify({ key: RULES_KEY, basis: cache }));
}

function crossValidate(rows: Row[], check: Row[]): void {
  const groups = [...new Set(rows.filter((r) => !ALWAYS_TRAINED.has(r.group)).map((r) => r.group))];
  const scored: Scored[] = [];
  for (const g of groups) {
    const model = train(rows.filter((r) => r.group !== g));
    const held = rows.filter((r) => r.group === g);
    const part = held.map((r) => ({
      row: r,
      basis: basisOf(r),
      reading: { ...safetyReading(model, r.norm, basisOf(r)) },
    }));
    report(`held out ${g}`, part, ARBITER_THRESHOLDS);
    scored.push(...part);
  }
  report('all held-out groups, committed thresholds', scored, ARBITER_THRESHOLDS);
  const t = sweep(scored);
  console.log(`swept thresholds: ${JSON.stringify(t)}`);
  if (process.env.MISSES) {
    const f = (x: number) => x.toFixed(2);
    for (const s of scored)
      if (!right(s, t))
        console.log(
          `MISS ${s.row.group} ${s.row.kind}/${s.row.expect} rules:${s.basis.safety ? 'S' : ''}` +
            `${s.basis.disclosure ? 'D' : ''}${s.basis.held ? 'H' : ''} p(n ${f(s.reading.none)} h ${f(s.reading.heat)} ` +
            `t ${f(s.reading.threat)} s ${f(s.reading.self_harm)} d ${f(s.reading.disclosure)}) ${s.row.text}`,
        );
  }
  report('all held-out groups, swept thresholds', scored, t);
  const model = train(rows);
  const checked = check.map((r) => ({
    row: r,
    basis: basisOf(r),
    reading: { ...safetyReading(model, r.norm, basisOf(r)) },
  }));
  report('safety-dev check files (never trained on), swept thresholds', checked, t);
}

function main(): void {
  const { train: rows, check } = loadRows();
  console.error(`${rows.length} training rows, ${check.length} check rows`);
  if (process.argv.includes('--cv')) {
    crossValidate(rows, check);
    return saveCache();
  }
  const model = train(rows);
  saveCache();
  writeSoftmax(model, MODEL_DIR, SAFETY_MODEL_NAME);
  console.log(`wrote ${SAFETY_MODEL_NAME}-model.json and ${SAFETY_MODEL_NAME}-weights.bin to ${MODEL_DIR}`);
}

main();
