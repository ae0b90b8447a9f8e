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
  // eight dimensions at a time, summed over the n-grams in locals (the same order per dimension, so the same sums)
  const f = Math.fround;
  let d0 = 0;
  for (; d0 + 8 <= dim; d0 += 8) {
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    let a4 = 0;
    let a5 = 0;
    let a6 = 0;
    let a7 = 0;
    for (let i = 0; i < n; i++) {
      const off = (feats[i] & fold) * dim + d0;
      a0 += f(embed[off] * embedUnit);
      a1 += f(embed[off + 1] * embedUnit);
      a2 += f(embed[off + 2] * embedUnit);
      a3 += f(embed[off + 3] * embedUnit);
      a4 += f(embed[off + 4] * embedUnit);
      a5 += f(embed[off + 5] * embedUnit);
      a6 += f(embed[off + 6] * embedUnit);
      a7 += f(embed[off + 7] * embedUnit);
    }
    x[d0] = a0;
    x[d0 + 1] = a1;
    x[d0 + 2] = a2;
    x[d0 + 3] = a3;
    x[d0 + 4] = a4;
    x[d0 + 5] = a5;
    x[d0 + 6] = a6;
    x[d0 + 7] = a7;
  }
  for (let i = 0; i < n; i++) {
    const off = (feats[i] & fold) * dim;
    for (let d = d0; d < dim; d++) x[d] += f(embed[off + d] * embedUnit);
  }
  if (n > 0) for (let d = 0; d < dim; d++) x[d] /= n;
  for (let j = 0; j < m.meta.denseInputs.length; j++) x[dim + j] = dense[j] ?? 0;
  // four units at a time: four sums in flight instead of one chain of dependent adds (each still in input order)
  const { w1 } = m;
  const { b1 } = m.meta;
  const h = s.h;
  let u = 0;
  for (; u + 4 <= hidden; u += 4) {
    let z0 = b1[u];
    let z1 = b1[u + 1];
    let z2 = b1[u + 2];
    let z3 = b1[u + 3];
    const r0 = u * inputs;
    const r1 = r0 + inputs;
    const r2 = r1 + inputs;
    const r3 = r2 + inputs;
    for (let i = 0; i < inputs; i++) {
      const xi = x[i];
      z0 += w1[r0 + i] * xi;
      z1 += w1[r1 + i] * xi;
      z2 += w1[r2 + i] * xi;
      z3 += w1[r3 + i] * xi;
    }
    h[u] = Math.tanh(z0);
    h[u + 1] = Math.tanh(z1);
    h[u + 2] = Math.tanh(z2);
    h[u + 3] = Math.tanh(z3);
  }
  for (; u < hidden; u++) {
    let z = b1[u];
    const row = u * inputs;
    for (let i = 0; i < inputs; i++) z += w1[row + i] * x[i];
    h[u] = Math.tanh(z);
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
