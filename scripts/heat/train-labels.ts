/**
 * Trains the label model (server/analysis/model/label.ts): a softmax over "none" and the heat labels
 * on hashed n-grams, from the messages written for this project (data/heat-synthetic/*.jsonl, one
 * {text, label} per line) plus real calm text from ../shared/data as "none" (counsel-chat, ParaDetox
 * calm rewrites, polite requests; train split only). The hand-written check sets (data/heat-hand/) are
 * never trained on: `npm run eval:heat` reports them.
 *
 *   npm run train:labels          # writes server/analysis/model/label-*.{json,bin}
 *   env: EPOCHS LR L2 W_COUNSEL W_CALM W_NORMAL THRESHOLD THRESHOLD_SAFETY
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { envNumber, rng, shuffle } from './trainUtil.js';
import { join, resolve } from 'node:path';
import { loadLabelled, loadPairs, loadPoliteness } from './dataset.js';
import { modelView } from '../../server/analysis/mask.js';
import {
  LABEL_BITS,
  LABEL_CLASSES,
  LABEL_DIM,
  LABEL_META_FILE,
  LABEL_WEIGHTS_FILE,
  labelFeatures,
  type LabelModelMeta,
} from '../../server/analysis/model/label.js';
import { MODEL_DIR } from '../../server/analysis/model/heat.js';
import { makeFeatureBuffer } from '../../server/analysis/model/features.js';

const EPOCHS = envNumber('EPOCHS', 10);
const LR = envNumber('LR', 0.3);
const L2 = envNumber('L2', 1e-6);
const W_COUNSEL = envNumber('W_COUNSEL', 2);
const W_CALM = envNumber('W_CALM', 1);
const W_NORMAL = envNumber('W_NORMAL', 0.5);
/** the probability at which each label is given: high, since the model learnt from written examples, not real rooms */
const THRESHOLD = envNumber('THRESHOLD', 0.8);
const THRESHOLD_SAFETY = envNumber('THRESHOLD_SAFETY', 0.9);
export const SYNTHETIC_DIR = resolve(import.meta.dirname, '../../data/heat-synthetic');

interface Example {
  feats: Int32Array;
  y: number;
  w: number;
}

const buf = makeFeatureBuffer();
function example(text: string, cls: string, w: number): Example | null {
  const y = LABEL_CLASSES.indexOf(cls as (typeof LABEL_CLASSES)[number]);
  if (y < 0) return null; // "shouting" is the rules' (the features are lower-cased)
  // the model sees what the heat model sees: reported speech blanked out
  const n = labelFeatures(modelView(text), buf);
  return { feats: buf.slice(0, n), y, w };
}

function main(): void {
  const t0 = performance.now();
  const data: Example[] = [];
  const count: Record<string, number> = {};
  const add = (text: string, cls: string, w: number, source: string) => {
    const e = example(text, cls, w);
    if (!e) return;
    data.push(e);
    count[source] = (count[source] ?? 0) + 1;
  };
  for (const f of readdirSync(SYNTHETIC_DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(SYNTHETIC_DIR, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text: string; label: string };
      add(r.text, r.label, 1, `synthetic:${r.label}`);
    }
  }
  for (const r of loadLabelled()) {
    if (r.split !== 'train' || r.heated) continue;
    // people describing pain to a helper, and public comments labelled not toxic: what "none" looks like in real text
    if (r.source === 'counsel-chat') add(r.text, 'none', W_COUNSEL, 'counsel-chat');
    else add(r.text, 'none', W_NORMAL, `${r.source}-normal`);
  }
  for (const p of loadPairs())
    if (p.split === 'train') for (const c of p.calm) add(c, 'none', W_CALM / p.calm.length, 'paradetox-calm');
  for (const r of loadPoliteness()) if (r.split === 'train' && r.score >= 0) add(r.text, 'none', W_CALM, 'politeness');

  // each class weighs as much in all as "none" does divided among them: rare labels are not drowned
  const K = LABEL_CLASSES.length;
  const mass = new Float64Array(K);
  for (const e of data) mass[e.y] += e.w;
  const target = mass.reduce((a, b) => a + b, 0) / K;
  const cw = Array.from(mass, (m) => (m > 0 ? target / m : 0));

  const w = new Float64Array(K * LABEL_DIM);
  const g2 = new Float64Array(K * LABEL_DIM).fill(1e-8);
  const bias = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = data.map((_, i) => i);
  const rand = rng(7);
  const z = new Float64Array(K);
  for (let ep = 0; ep < EPOCHS; ep++) {
    shuffle(order, rand);
    let loss = 0;
    for (const k of order) {
      const e = data[k];
      const inv = 1 / Math.sqrt(Math.max(1, e.feats.length));
      let max = -Infinity;
      for (let c = 0; c < K; c++) {
        let s = bias[c];
        const off = c * LABEL_DIM;
        for (let i = 0; i < e.feats.length; i++) s += w[off + e.feats[i]] * inv;
        z[c] = s;
        max = Math.max(max, s);
      }
      let sum = 0;
      for (let c = 0; c < K; c++) sum += z[c] = Math.exp(z[c] - max);
      const ew = e.w * cw[e.y];
      loss -= ew * Math.log(z[e.y] / sum + 1e-12);
      for (let c = 0; c < K; c++) {
        const g = (z[c] / sum - (c === e.y ? 1 : 0)) * ew;
        if (Math.abs(g) < 1e-6) continue;
        const off = c * LABEL_DIM;
        for (let i = 0; i < e.feats.length; i++) {
          const f = off + e.feats[i];
          const gi = g * inv + L2 * w[f];
          g2[f] += gi * gi;
          w[f] -= (LR * gi) / Math.sqrt(g2[f]);
        }
        gb[c] += g * g;
        bias[c] -= (LR * g) / Math.sqrt(gb[c]);
      }
    }
    console.error(`epoch ${ep + 1}: loss ${(loss / order.length).toFixed(4)}`);
  }

  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
  const scale = maxAbs / 32767 || 1;
  // written bucket-major (labelModel.ts): weights[bucket * K + c]
  const q = new Int16Array(w.length);
  for (let c = 0; c < K; c++)
    for (let b = 0; b < LABEL_DIM; b++) q[b * K + c] = Math.round(w[c * LABEL_DIM + b] / scale);
  const thresholds: LabelModelMeta['thresholds'] = {};
  for (const c of LABEL_CLASSES)
    if (c !== 'none') thresholds[c] = c === 'threat' || c === 'self_harm' ? THRESHOLD_SAFETY : THRESHOLD;
  const meta: LabelModelMeta = {
    version: 1,
    labelBits: LABEL_BITS,
    classes: [...LABEL_CLASSES],
    scale,
    biases: Array.from(bias),
    thresholds,
    trainedOn: count,
    createdBy:
      `scripts/heat/train-labels.ts epochs=${EPOCHS} lr=${LR} l2=${L2} w_counsel=${W_COUNSEL} w_calm=${W_CALM} ` +
      `w_normal=${W_NORMAL}`,
  };
  writeFileSync(join(MODEL_DIR, LABEL_WEIGHTS_FILE), Buffer.from(q.buffer));
  writeFileSync(join(MODEL_DIR, LABEL_META_FILE), JSON.stringify(meta, null, 2) + '\n');
  console.error(
    `trained on ${data.length} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s; wrote ` +
      `${MODEL_DIR}/${LABEL_META_FILE}`,
  );
}

main();
