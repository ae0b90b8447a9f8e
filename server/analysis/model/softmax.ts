/**
 * A softmax over hashed n-gram features (features.ts), folded to 2^bits buckets: the shape both the
 * label model (label.ts) and the safety model (safety.ts) share. Weights are stored as int16 with one
 * scale, bucket-major, so one bucket's classes share a cache line: weights[bucket * classes + c].
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClassOf, featurize, makeFeatureBuffer, normalizeForModel, wordTrigrams } from './features.js';

export interface SoftmaxMeta<C extends string = string> {
  version: 1;
  bits: number;
  classes: C[];
  /** real weight = q * scale */
  scale: number;
  biases: number[];
  /**
   * Named numbers beside the n-grams (what the rules decided, say), not scaled by the text's length:
   * dense[c][j] is the weight of input j for class c. Empty for a model of the text alone.
   */
  denseInputs: string[];
  dense: number[][];
  /** word trigrams beside featurize()'s n-grams (features.ts: wordTrigrams) */
  trigrams?: boolean;
  trainedOn: Record<string, number>;
  createdBy: string;
}

export interface SoftmaxModel<C extends string = string> {
  meta: SoftmaxMeta<C>;
  /**
   * A weight is fround(weights[i] * unit): the file's int16 with unit = meta.scale (half the memory of
   * float32; fround gives the float32 the table held before, to the bit), or a trainer's floats with unit 1.
   */
  weights: Int16Array | Float32Array;
  unit: number;
}

/** Reads a model written by scripts/heat/softmaxTrain.ts, or null when its files are not there. */
export function readSoftmax<C extends string>(dir: string, name: string, bits: number): SoftmaxModel<C> | null {
  const metaFile = join(dir, `${name}-model.json`);
  if (!existsSync(metaFile)) return null;
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SoftmaxMeta<C>;
  if (meta.bits !== bits) throw new Error(`${name} model: bits ${meta.bits} != ${bits}`);
  const buf = readFileSync(join(dir, `${name}-weights.bin`));
  const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
  if (q.length !== meta.classes.length << bits)
    throw new Error(`${name} model: ${q.length} weights, expected ${meta.classes.length << bits}`);
  // a copy: the view would keep readFileSync's whole buffer
  return { meta, weights: q.slice(), unit: meta.scale };
}

const scratch = makeFeatureBuffer();

/** Folded feature buckets of a text; returns the count written into buf. */
export function foldedFeatures(
  text: string,
  bits: number,
  buf: Int32Array = scratch,
  classOf?: ClassOf,
  trigrams = false,
): number {
  const norm = normalizeForModel(text);
  let n = featurize(norm, buf, classOf);
  if (trigrams) n = wordTrigrams(norm, buf, n);
  const fold = (1 << bits) - 1;
  for (let i = 0; i < n; i++) buf[i] &= fold;
  return n;
}

/**
 * Class probabilities in meta.classes order, written into `out` (which is returned); `dense` holds the
 * values of meta.denseInputs in order.
 */
export function softmaxInto(
  model: SoftmaxModel,
  feats: Int32Array,
  n: number,
  out: Float64Array,
  dense: ArrayLike<number> = [],
): Float64Array {
  const k = model.meta.classes.length;
  const z = out.subarray(0, k);
  sumClasses(model.weights, model.unit, k, feats, n, z);
  const inv = 1 / Math.sqrt(Math.max(1, n));
  const { biases, dense: dw } = model.meta;
  for (let c = 0; c < k; c++) {
    let d = 0;
    for (let j = 0; j < dense.length; j++) d += (dw[c]?.[j] ?? 0) * dense[j];
    z[c] = z[c] * inv + biases[c] + d;
  }
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
  for (let c = 0; c < k; c++) z[c] /= sum;
  return z;
}

/**
 * z[c] = the sum over the n features of fround(w[feature * k + c] * unit), added in feature order (so the result
 * is the same to the bit whichever path runs). The label model's 10 classes and the safety model's 5 are summed in
 * locals: a loop over k kept in a typed array cost a quarter of analyze() (a store per class per feature).
 */
export function sumClasses(
  w: Int16Array | Float32Array,
  unit: number,
  k: number,
  feats: Int32Array,
  n: number,
  z: Float64Array,
): void {
  const f = Math.fround;
  if (k === 10) {
    let z0 = 0,
      z1 = 0,
      z2 = 0,
      z3 = 0,
      z4 = 0,
      z5 = 0,
      z6 = 0,
      z7 = 0,
      z8 = 0,
      z9 = 0;
    for (let i = 0; i < n; i++) {
      const o = feats[i] * 10;
      z0 += f(w[o] * unit);
      z1 += f(w[o + 1] * unit);
      z2 += f(w[o + 2] * unit);
      z3 += f(w[o + 3] * unit);
      z4 += f(w[o + 4] * unit);
      z5 += f(w[o + 5] * unit);
      z6 += f(w[o + 6] * unit);
      z7 += f(w[o + 7] * unit);
      z8 += f(w[o + 8] * unit);
      z9 += f(w[o + 9] * unit);
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
    z[4] = z4;
    z[5] = z5;
    z[6] = z6;
    z[7] = z7;
    z[8] = z8;
    z[9] = z9;
    return;
  }
  if (k === 5) {
    let z0 = 0,
      z1 = 0,
      z2 = 0,
      z3 = 0,
      z4 = 0;
    for (let i = 0; i < n; i++) {
      const o = feats[i] * 5;
      z0 += f(w[o] * unit);
      z1 += f(w[o + 1] * unit);
      z2 += f(w[o + 2] * unit);
      z3 += f(w[o + 3] * unit);
      z4 += f(w[o + 4] * unit);
    }
    z[0] = z0;
    z[1] = z1;
    z[2] = z2;
    z[3] = z3;
    z[4] = z4;
    return;
  }
  z.fill(0);
  for (let i = 0; i < n; i++) {
    const off = feats[i] * k;
    for (let c = 0; c < k; c++) z[c] += f(w[off + c] * unit);
  }
}

const wordBuf = new Int32Array(256);
/** How much one word pulls towards class `cls` against the first class: for spans. */
export function softmaxWordWeight(
  model: SoftmaxModel,
  cls: number,
  wordLower: string,
  classOf: ClassOf | undefined,
): number {
  const n = foldedFeatures(wordLower, model.meta.bits, wordBuf, classOf, model.meta.trigrams);
  let s = 0;
  const k = model.meta.classes.length;
  const { weights: w, unit } = model;
  for (let i = 0; i < n; i++) s += Math.fround(w[wordBuf[i] * k + cls] * unit) - Math.fround(w[wordBuf[i] * k] * unit);
  return s / Math.sqrt(Math.max(1, n));
}
