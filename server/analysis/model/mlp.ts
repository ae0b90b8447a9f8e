/**
 * A small network over hashed n-grams (features.ts), the second reader beside the safety softmax: each
 * n-gram has a learnt vector, the message is their mean, and one tanh layer over that mean and the dense
 * inputs (what the rules decided) gives the classes. A linear model weighs each n-gram on its own ("you
 * won't" is a threat wherever it stands); shared vectors and one hidden layer let words share what they
 * learnt and meet each other ("you won't come out for anything" is a regret, not a threat).
 * Written by scripts/heat/mlpTrain.ts; weights stored as int16 with one scale per matrix.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MlpMeta<C extends string = string> {
  version: 1;
  bits: number;
  classes: C[];
  /** embedding size, hidden size */
  dim: number;
  hidden: number;
  denseInputs: string[];
  /** its inputs are word 1-3-grams (features.ts wordNgrams), not featurize()'s n-grams */
  words?: boolean;
  /** real weight = q * scale, one scale per matrix: embeddings, first layer, second layer */
  scales: { embed: number; w1: number; w2: number };
  b1: number[];
  b2: number[];
  trainedOn: Record<string, number>;
  createdBy: string;
}

export interface MlpModel<C extends string = string> {
  meta: MlpMeta<C>;
  /**
   * (1 << bits) x dim; an entry is fround(embed[i] * embedUnit): the file's int16 and scales.embed as read
   * (half of float32's memory), a trainer's floats with unit 1
   */
  embed: Int16Array | Float32Array;
  embedUnit: number;
  /** hidden x (dim + dense) */
  w1: Float32Array;
  /** classes x hidden */
  w2: Float32Array;
}

/** Reads a model written by scripts/heat/mlpTrain.ts, or null when its files are not there. */
export function readMlp<C extends string>(dir: string, name: string): MlpModel<C> | null {
  const metaFile = join(dir, `${name}-model.json`);
  if (!existsSync(metaFile)) return null;
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as MlpMeta<C>;
  const buf = readFileSync(join(dir, `${name}-weights.bin`));
  const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
  const nE = (1 << meta.bits) * meta.dim;
  const nW1 = meta.hidden * (meta.dim + meta.denseInputs.length);
  const nW2 = meta.classes.length * meta.hidden;
  if (q.length !== nE + nW1 + nW2) throw new Error(`${name} model: ${q.length} weights, expected ${nE + nW1 + nW2}`);
  const part = (from: number, n: number, scale: number) => {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = q[from + i] * scale;
    return out;
  };
  return {
    meta,
    embed: q.slice(0, nE),
    embedUnit: meta.scales.embed,
    w1: part(nE, nW1, meta.scales.w1),
    w2: part(nE + nW1, nW2, meta.scales.w2),
  };
}

/** Scratch for one forward pass (the analyzer reads one message at a time). */
export interface MlpScratch {
  x: Float64Array;
  h: Float64Array;
}
export const mlpScratch = (m: MlpModel): MlpScratch => ({
  x: new Float64Array(m.meta.dim + m.meta.denseInputs.length),
  h: new Float64Array(m.meta.hidden),
});

/**
 * Class probabilities in meta.classes order, written into `out`; feats are folded to meta.bits. The hidden
 * activations stay in scratch.h and the input in scratch.x (the trainer's backward pass reads them).
 */
export function mlpForward(
  m: MlpModel,
  feats: Int32Array,
  n: number,
  dense: ArrayLike<number>,
  out: Float64Array,
  s: MlpScratch,
): Float64Array {
  const { dim, hidden } = m.meta;
  const k = m.meta.classes.length;
  const inputs = dim + m.meta.denseInputs.length;
  const x = s.x;
  x.fill(0);
  const fold = (1 << m.meta.bits) - 1;
  const { embed, embedUnit } = m;
  for (let i = 0; i < n; i++) {
    const off = (feats[i] & fold) * dim;
    for (let d = 0; d < dim; d++) x[d] += Math.fround(embed[off + d] * embedUnit);
  }
  if (n > 0) for (let d = 0; d < dim; d++) x[d] /= n;
  for (let j = 0; j < m.meta.denseInputs.length; j++) x[dim + j] = dense[j] ?? 0;
  for (let u = 0; u < hidden; u++) {
    let z = m.meta.b1[u];
    const row = u * inputs;
    for (let i = 0; i < inputs; i++) z += m.w1[row + i] * x[i];
    s.h[u] = Math.tanh(z);
  }
  let max = -Infinity;
  for (let c = 0; c < k; c++) {
    let z = m.meta.b2[c];
    for (let u = 0; u < hidden; u++) z += m.w2[c * hidden + u] * s.h[u];
    out[c] = z;
    if (z > max) max = z;
  }
  let sum = 0;
  for (let c = 0; c < k; c++) sum += out[c] = Math.exp(out[c] - max);
  for (let c = 0; c < k; c++) out[c] /= sum;
  return out;
}
