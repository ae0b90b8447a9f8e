/**
 * Trains the safety model (server/analysis/model/safety.ts: a softmax and a small network, model/mlp.ts,
 * whose mean is the reading) and fits its arbiter's thresholds (server/analysis/safetyArbiter.ts).
 *
 *   npm run train:safety                 # trains on everything below, writes server/analysis/model/safety-*
 *   npm run train:safety -- --cv         # group cross-validation: each data/safety-train file is held out in
 *                                        # turn (and safety-dev's development files as one group), the
 *                                        # arbiter's thresholds swept on the held-out readings, by kind, and
 *                                        # refused where they lower a public slice's figure (dev split)
 *   npm run train:safety -- --sweep      # sweeps the last --cv run's saved readings again
 *                                        # (NO_SWEEP=1: the committed thresholds; MISSES=1: what they miss)
 *   env: EPOCHS LR L2 (the softmax); CLASS_POWER (0.5: classes balanced half way);
 *        NETWORK=0 (no network) NET_BITS NET_DIM NET_HIDDEN NET_EPOCHS NET_LR NET_L2;
 *        W_PUBLIC W_CALM W_SYN (weights of the public slices' train split, ParaDetox's calm rewrites and
 *        polite requests, data/heat-synthetic; 0 leaves one out); MAX_RELEASE (the sweep's largest release);
 *        CV_FOLDS=k (files dealt into k folds), CV_GROUPS=a.jsonl,b.jsonl and CV_TOGETHER=1 (quick comparisons);
 *        SEED_SOFTMAX SEED_NETWORK (17, 21, chosen among three on the dev split: the order examples are read in)
 *
 * Data: data/safety-train/*.jsonl and data/safety-dev/{messages,proportion,recall}.jsonl
 * ({text, kind, expect, room}); the train split of ../shared/data (heat-labelled without counsel-chat,
 * ParaDetox's calm rewrites, polite requests). The safety-dev *-check files are never trained on: they are
 * scored at the end. Nothing under data/eval-fresh is read.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  SAFETY_NETWORK_NAME,
  type SafetyClass,
  type SafetyModel,
  safetyReading,
  type SafetyReading,
} from '../../server/analysis/model/safety.js';
import { normalizeForModel, wordNgrams } from '../../server/analysis/model/features.js';
import { foldedFeatures } from '../../server/analysis/model/softmax.js';
import { normalize } from '../../server/analysis/normalize.js';
import { ARBITER_THRESHOLDS, arbitrate, type ArbiterThresholds, outcome } from '../../server/analysis/safetyArbiter.js';
import { type Example, trainSoftmax, writeSoftmax } from './softmaxTrain.js';
import { trainMlp, writeMlp } from './mlpTrain.js';
import type { MlpModel } from '../../server/analysis/model/mlp.js';
import { dataDir, loadLabelled, loadPairs, loadPoliteness } from './dataset.js';
import { envNumber } from './trainUtil.js';

const EPOCHS = envNumber('EPOCHS', 12);
const LR = envNumber('LR', 0.1);
const L2 = envNumber('L2', 1e-7);
/**
 * how far the classes are balanced (softmaxTrain.ts classWeights): fully (1), every kind weighed as much as
 * ordinary messages, taught the models that a phrase seen mostly in the writers' many threats is one ("I'll
 * make", "tonight"); half way (0.5) keeps more of how common ordinary messages are: 4-fold cross-validation
 * 85.5 -> 86.3% (everyday +1.1, hyperbole +4.0, threats -0.6, self-harm -1.3 points), thresholds swept again
 */
const CLASS_POWER = envNumber('CLASS_POWER', 0.5);
const W_SYN = envNumber('W_SYN', 0);
/**
 * weight of real calm text as "none" (ParaDetox's calm rewrites, polite requests from the Stanford corpus;
 * train split only): what ordinary polite words look like, so thanks alone are not read as sarcasm; 3 since the room
 * data grew to 81,000 messages (at 2, ParaDetox's calm rewrites held on the dev split rose 9.9% -> 10.4%)
 */
const W_CALM = envNumber('W_CALM', 3);
/**
 * weight of the public slices' train split (heat-labelled: Jigsaw sentences and Davidson's tweets, heated as
 * heat and the rest as none; counsel-chat never): what public comments look like, so the model's holds do not
 * raise their false positives and a release of the rules' hold does not cost their recall
 */
const W_PUBLIC = envNumber('W_PUBLIC', 5);
/** the largest release threshold the sweep may choose (the public slices bound it: eval:heat --split=dev) */
const MAX_RELEASE = envNumber('MAX_RELEASE', 0.3);
/** 0: the text alone, without the rules' verdict as inputs (for comparison) */
const DENSE = envNumber('DENSE', 1) !== 0;
/** 0: without word trigrams */
const TRIGRAMS = envNumber('TRIGRAMS', 1) !== 0;
const DATA = resolve(import.meta.dirname, '../../data');
const CHECK_FILES = ['check.jsonl', 'proportion-check.jsonl', 'recall-check.jsonl'];
/** heat-synthetic labels that are not clearly "held" in a room ("Fine." can be plain agreement) */
const SYN_SKIP = new Set(['stonewalling', 'defensiveness', 'profanity', 'shouting']);

/** groups that are only trained on, never held out (not room messages written for this project) */
const ALWAYS_TRAINED = new Set(['synthetic', 'calm', 'public']);

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
  if (W_PUBLIC > 0 && existsSync(dataDir()))
    for (const r of loadLabelled()) {
      if (r.split !== 'train' || r.source === 'counsel-chat') continue;
      const norm = normalize(r.text, english).text;
      const pub: Row = { text: r.text, norm, cls: r.heated ? 'heat' : 'none', group: 'public', w: W_PUBLIC };
      // a public comment's threat stays the room data's to teach: it is not heat alone
      if (!(r.heated && basisOf(pub).safety)) train.push(pub);
    }
  return { train, check };
}

const trainedOn = (rows: Row[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.group] = (out[r.group] ?? 0) + 1;
  return out;
};
const readingOf = (m: SafetyModel, r: Row): SafetyReading => ({ ...safetyReading(m, r.norm, basisOf(r)) });

export function train(rows: Row[]): SafetyModel {
  const buf = new Int32Array(16384 * 2);
  const data: Example[] = rows.map((r) => {
    const n = foldedFeatures(r.norm, SAFETY_BITS, buf, undefined, TRIGRAMS);
    const dense = DENSE ? Float64Array.from(basisInputs(basisOf(r))) : undefined;
    return { feats: buf.slice(0, n), y: SAFETY_CLASSES.indexOf(r.cls), w: r.w, dense };
  });
  const model = trainSoftmax(
    data,
    SAFETY_CLASSES,
    { bits: SAFETY_BITS, epochs: EPOCHS, lr: LR, l2: L2, classPower: CLASS_POWER, seed: envNumber('SEED_SOFTMAX', 17) },
    trainedOn(rows),
    'scripts/heat/train-safety.ts',
    DENSE ? BASIS_INPUTS : [],
  );
  return { ...model, meta: { ...model.meta, trigrams: TRIGRAMS }, network: NETWORK ? trainNetwork(rows) : null };
}

/** 1: a network (model/mlp.ts) read beside the softmax, their mean the reading; 0: the softmax alone */
const NETWORK = envNumber('NETWORK', 1) !== 0;
/**
 * the network's table: 2^NET_BITS word n-gram vectors. The room data has about 900,000 distinct word 1-3-grams:
 * 2^16 slots shared each among 14 of them, 2^18 among 3.4. 2^18 x 16 read the nine held-out files 84.8 -> 85.6%
 * (docs/HEAT.md, sixth pass); more bits add nothing, as wordNgrams' hashes have 18.
 */
const NETWORK_BITS = envNumber('NET_BITS', 18);
/** 1: the network reads word 1-3-grams only (features.ts wordNgrams), about a tenth of the n-grams */
const NET_WORDS = envNumber('NET_WORDS', 1) !== 0;
function trainNetwork(rows: Row[]): MlpModel<SafetyClass> {
  const buf = new Int32Array(16384 * 2);
  const data: Example[] = rows.map((r) => {
    const n = NET_WORDS
      ? wordNgrams(normalizeForModel(r.norm), buf)
      : foldedFeatures(r.norm, NETWORK_BITS, buf, undefined, TRIGRAMS);
    const dense = Float64Array.from(basisInputs(basisOf(r)));
    return { feats: buf.slice(0, n), y: SAFETY_CLASSES.indexOf(r.cls), w: r.w, dense };
  });
  const o = {
    bits: NETWORK_BITS,
    dim: envNumber('NET_DIM', 16),
    hidden: envNumber('NET_HIDDEN', 32),
    epochs: envNumber('NET_EPOCHS', 4),
    lr: envNumber('NET_LR', 0.05),
    l2: envNumber('NET_L2', 0),
    smoothing: envNumber('NET_SMOOTHING', 0.1),
    classPower: CLASS_POWER,
    seed: envNumber('SEED_NETWORK', 21),
    verbose: !!process.env.VERBOSE,
  };
  const net = trainMlp(data, SAFETY_CLASSES, o, trainedOn(rows), 'scripts/heat/train-safety.ts', BASIS_INPUTS);
  return NET_WORDS ? { ...net, meta: { ...net.meta, words: true } } : net;
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
function roomScore(scored: Scored[], t: ArbiterThresholds | null): number {
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

/**
 * The public slices' development split, read by the model trained on everything (it trained on their train
 * split only): the issue allows no public figure to fall, so a threshold that costs one is refused.
 */
interface PublicSlice {
  name: string;
  /** heated (should be held) or not */
  items: { s: Scored; heated: boolean }[];
  /** F1 of held against heated, or the share of calm text held (counsel-chat, ParaDetox's rewrites) */
  metric: 'f1' | 'calmHeld';
}
function publicSlices(model: SafetyModel, read = (r: Row) => readingOf(model, r)): PublicSlice[] {
  if (!existsSync(dataDir())) return [];
  const scoredOf = (text: string, heated: boolean) => {
    const r: Row = { text, norm: normalize(text, english).text, cls: heated ? 'heat' : 'none', group: 'public', w: 1 };
    return { s: { row: r, basis: basisOf(r), reading: read(r) }, heated };
  };
  const labelled = loadLabelled();
  const slice = (name: string, metric: PublicSlice['metric'], rows: { text: string; heated: boolean }[]) => ({
    name,
    metric,
    items: rows.map((r) => scoredOf(r.text, r.heated)),
  });
  return [
    ...['davidson', 'jigsaw-sentences'].map((src) =>
      slice(
        src,
        'f1',
        labelled.filter((r) => r.source === src && r.split === 'dev'),
      ),
    ),
    // counsel-chat is never trained on: all of it is read
    slice(
      'counsel-chat',
      'calmHeld',
      labelled.filter((r) => r.source === 'counsel-chat'),
    ),
    slice(
      'paradetox calm',
      'calmHeld',
      loadPairs()
        .filter((p) => p.split === 'dev')
        .map((p) => ({ text: p.calm[0], heated: false })),
    ),
  ];
}
function publicFigure(p: PublicSlice, t: ArbiterThresholds | null): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { s, heated } of p.items) {
    const held = (t ? outcome(s.basis, arbitrate(s.basis, s.reading, t)) : s.basis).held;
    if (held && heated) tp++;
    else if (held) fp++;
    else if (heated) fn++;
  }
  // higher is better for both: F1, or the share of calm text delivered
  return p.metric === 'f1' ? (2 * tp) / (2 * tp + fp + fn || 1) : 1 - fp / (p.items.length || 1);
}
/** what a point of a public figure lost costs in the sweep, against a point of the rooms' weighted accuracy */
const PUBLIC_PENALTY = envNumber('PUBLIC_PENALTY', 5);
let publicBase: number[] = [];
function publicPenalty(slices: PublicSlice[], t: ArbiterThresholds): number {
  if (publicBase.length !== slices.length) publicBase = slices.map((p) => publicFigure(p, null));
  return slices.reduce((sum, p, i) => sum + PUBLIC_PENALTY * Math.max(0, publicBase[i] - publicFigure(p, t)), 0);
}
function reportPublic(slices: PublicSlice[], t: ArbiterThresholds): void {
  for (const p of slices)
    console.log(
      `public ${p.name.includes('(') ? p.name : `${p.name} (dev split)`} ${p.metric === 'f1' ? 'F1' : 'calm delivered'}: ` +
        `rules alone ${publicFigure(p, null).toFixed(3)}, with the model ${publicFigure(p, t).toFixed(3)}`,
    );
}

function sweep(scored: Scored[], slices: PublicSlice[] = []): ArbiterThresholds {
  const score = (x: Scored[], t: ArbiterThresholds) => roomScore(x, t) - publicPenalty(slices, t);
  let best: ArbiterThresholds = { ...ARBITER_THRESHOLDS, guarded: { ...ARBITER_THRESHOLDS.guarded } };
  let bestScore = score(scored, best);
  const grid = {
    safety: [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95],
    disclosure: [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    hold: [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8, 0.9, 0.95],
  };
  // at most 0.3: a threat of the rules dropped costs the person threatened their notice, a banter kept costs a
  // pause, so the sweep may not buy hyperbole with threats (the weighted score alone would go to 0.5)
  const drops = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
  const releases = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];
  const keys = Object.keys(grid) as (keyof typeof grid)[];

  // coordinate ascent, a few rounds, over the plain and the guarded thresholds
  for (let round = 0; round < 3; round++)
    for (const guarded of [false, true])
      for (const key of keys)
        for (const v of grid[key]) {
          const t = guarded ? { ...best, guarded: { ...best.guarded, [key]: v } } : { ...best, [key]: v };
          // where the rules saw a reason to let the words pass, the model must be at least as sure
          if (t.guarded[key] < t[key]) continue;
          const s = score(scored, t);
          if (s > bestScore + 1e-9) {
            best = t;
            bestScore = s;
          }
        }
  for (let round = 0; round < 2; round++)
    for (const drop of drops) {
      const s = score(scored, { ...best, drop });
      if (s > bestScore + 1e-9) {
        best = { ...best, drop };
        bestScore = s;
      }
    }
  for (const release of MAX_RELEASE >= 0 ? releases.filter((r) => r <= MAX_RELEASE) : []) {
    const s = score(scored, { ...best, release });
    if (s > bestScore + 1e-9) {
      best = { ...best, release };
      bestScore = s;
    }
  }
  // never looser than the plain hold: it holds more readily what is aimed at the reader, never less
  for (const directedHold of grid.hold.filter((h) => h <= best.hold)) {
    const s = score(scored, { ...best, directedHold });
    if (s > bestScore + 1e-9) {
      best = { ...best, directedHold };
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
      .filter((f) => f.endsWith('.ts') && !f.includes('safety') && !f.includes('mlp'))
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

/** The held-out readings of the last cross-validation, so thresholds can be swept again (`--sweep`). */
const READINGS_FILE = resolve(
  process.env.CV_READINGS ?? resolve(import.meta.dirname, '../../.tmp/safety-cv-readings.json'),
);
type SavedReadings = { folds: [string, string, SafetyReading][]; public: SafetyReading[][]; check: SafetyReading[] };

function crossValidate(rows: Row[], check: Row[]): void {
  // CV_GROUPS=a.jsonl,b.jsonl holds out only those (a quick comparison of two settings)
  const only = process.env.CV_GROUPS?.split(',');
  const groups = [...new Set(rows.filter((r) => !ALWAYS_TRAINED.has(r.group)).map((r) => r.group))].filter(
    (g) => !only || only.includes(g),
  );
  const scored: Scored[] = [];
  // CV_TOGETHER=1: the CV_GROUPS held out together, one fold (a quicker comparison still); CV_FOLDS=k: the
  // files dealt into k folds (each file still held out whole)
  const k = envNumber('CV_FOLDS', 0);
  const folds = process.env.CV_TOGETHER
    ? [groups]
    : k > 0
      ? Array.from({ length: k }, (_, i) => groups.filter((_, j) => j % k === i))
      : groups.map((g) => [g]);
  let last: SafetyModel | undefined;
  for (const fold of folds) {
    const g = fold.join('+');
    const model = (last = train(rows.filter((r) => !fold.includes(r.group))));
    const held = rows.filter((r) => fold.includes(r.group));
    const part = held.map((r) => ({ row: r, basis: basisOf(r), reading: readingOf(model, r) }));
    report(`held out ${g}`, part, ARBITER_THRESHOLDS);
    scored.push(...part);
  }
  // the public slices' dev split and the check files are never trained on: the last fold's model reads them
  const model = last ?? train(rows);
  const slices = publicSlices(model);
  const checked = check.map((r) => ({ row: r, basis: basisOf(r), reading: readingOf(model, r) }));
  mkdirSync(dirname(READINGS_FILE), { recursive: true });
  const saved: SavedReadings = {
    folds: scored.map((x) => [x.row.group, x.row.text, x.reading]),
    public: slices.map((p) => p.items.map((i) => i.s.reading)),
    check: checked.map((x) => x.reading),
  };
  writeFileSync(READINGS_FILE, JSON.stringify(saved));
  sweepAndReport(scored, slices, checked);
}

/** Sweeps the thresholds on the held-out readings and the public slices, and reports both. */
function sweepAndReport(scored: Scored[], slices: PublicSlice[], checked: Scored[]): void {
  report('all held-out groups, committed thresholds', scored, ARBITER_THRESHOLDS);
  // NO_SWEEP=1: the committed thresholds (MISSES=1 then lists what they miss)
  const t = process.env.NO_SWEEP ? ARBITER_THRESHOLDS : sweep(scored, slices);
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
  reportPublic(slices, t);
  report('safety-dev check files (never trained on), swept thresholds', checked, t);
}

/** `--sweep`: the last cross-validation's readings, swept again (after a change to the arbiter or the grid). */
function sweepSaved(rows: Row[], check: Row[]): void {
  const saved = JSON.parse(readFileSync(READINGS_FILE, 'utf8')) as SavedReadings;
  const byKey = new Map(rows.map((r) => [`${r.group}\n${r.text}`, r]));
  const scored = saved.folds.flatMap(([group, text, reading]) => {
    const row = byKey.get(`${group}\n${text}`);
    return row ? [{ row, basis: basisOf(row), reading }] : [];
  });
  // the slices are rebuilt as they were read, each item given its saved reading
  const none: SafetyReading = { none: 1, heat: 0, threat: 0, self_harm: 0, disclosure: 0 };
  const slices = publicSlices({ meta: { denseInputs: [] } } as unknown as SafetyModel, () => none);
  slices.forEach((p, i) => p.items.forEach((x, j) => (x.s.reading = saved.public[i][j])));
  const checked = check.map((r, i) => ({ row: r, basis: basisOf(r), reading: saved.check[i] }));
  sweepAndReport(scored, slices, checked);
}

function main(): void {
  const { train: rows, check } = loadRows();
  console.error(`${rows.length} training rows, ${check.length} check rows`);
  if (process.argv.includes('--cv')) {
    crossValidate(rows, check);
    return saveCache();
  }
  if (process.argv.includes('--sweep')) return sweepSaved(rows, check);
  const model = train(rows);
  saveCache();
  writeSoftmax(model, MODEL_DIR, SAFETY_MODEL_NAME);
  console.log(`wrote ${SAFETY_MODEL_NAME}-model.json and ${SAFETY_MODEL_NAME}-weights.bin to ${MODEL_DIR}`);
  if (model.network) {
    writeMlp(model.network, MODEL_DIR, SAFETY_NETWORK_NAME);
    console.log(`wrote ${SAFETY_NETWORK_NAME}-model.json and ${SAFETY_NETWORK_NAME}-weights.bin to ${MODEL_DIR}`);
  } else
    for (const f of ['model.json', 'weights.bin'])
      rmSync(join(MODEL_DIR, `${SAFETY_NETWORK_NAME}-${f}`), { force: true });
}

main();
