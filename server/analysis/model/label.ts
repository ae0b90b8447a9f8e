/**
 * The label model: which kind of heat a message carries (a threat, self-harm, contempt, stonewalling...),
 * learnt from messages written for this project (data/heat-synthetic/) where the public data sets have
 * next to none. A softmax over the labels and "none" on the same hashed features as the heat model
 * (features.ts), folded to 2^16 buckets. It adds label hits beside the rules; it never removes one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeatLabel } from '../../../shared/analysis.js';
import { type ClassOf, featurize, makeFeatureBuffer, normalizeForModel } from './features.js';
import { MODEL_DIR } from './heat.js';
import { sumClasses } from './softmax.js';

export const LABEL_BITS = 16;
export const LABEL_DIM = 1 << LABEL_BITS;
const FOLD = LABEL_DIM - 1;
export const LABEL_META_FILE = 'label-model.json';
export const LABEL_WEIGHTS_FILE = 'label-weights.bin';

/** The classes, "none" first; shouting is left to the rules (the features are lower-cased). */
export const LABEL_CLASSES = [
  'none',
  'insult',
  'contempt',
  'criticism',
  'defensiveness',
  'stonewalling',
  'blame',
  'profanity',
  'threat',
  'self_harm',
] as const;
export type LabelClass = (typeof LABEL_CLASSES)[number];

export interface LabelModelMeta {
  version: 1;
  labelBits: number;
  classes: LabelClass[];
  /**
   * real weight = q * scale; bucket-major, so one bucket's classes share a cache line: weights[bucket * classes + c]
   */
  scale: number;
  biases: number[];
  /** a label is given when its probability reaches this */
  thresholds: Partial<Record<HeatLabel, number>>;
  trainedOn: Record<string, number>;
  createdBy: string;
}

export interface LabelModel {
  meta: LabelModelMeta;
  /** a weight is fround(weights[i] * unit): int16 and meta.scale as read, see SoftmaxModel */
  weights: Int16Array | Float32Array;
  unit: number;
}

let loaded: LabelModel | null | undefined;

/** The committed label model, or null when none has been trained (the rules then work alone). */
export function loadLabelModel(dir: string = MODEL_DIR): LabelModel | null {
  if (loaded !== undefined && dir === MODEL_DIR) return loaded;
  let model: LabelModel | null = null;
  if (existsSync(join(dir, LABEL_META_FILE))) {
    const meta = JSON.parse(readFileSync(join(dir, LABEL_META_FILE), 'utf8')) as LabelModelMeta;
    if (meta.labelBits !== LABEL_BITS) throw new Error(`label model: labelBits ${meta.labelBits} != ${LABEL_BITS}`);
    const buf = readFileSync(join(dir, LABEL_WEIGHTS_FILE));
    const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
    if (q.length !== meta.classes.length * LABEL_DIM)
      throw new Error(`label model: ${q.length} weights, expected ${meta.classes.length * LABEL_DIM}`);
    model = { meta, weights: q.slice(), unit: meta.scale };
  }
  if (dir === MODEL_DIR) loaded = model;
  return model;
}

/** Replaces the committed label model (training and tests); undefined goes back to it. */
export function useLabelModel(m: LabelModel | null | undefined): void {
  loaded = m;
}

const scratch = makeFeatureBuffer();

/** Folded feature buckets of a text, as the label model sees them. */
export function labelFeatures(text: string, buf: Int32Array = scratch, classOf?: ClassOf): number {
  const n = featurize(normalizeForModel(text), buf, classOf);
  for (let i = 0; i < n; i++) buf[i] &= FOLD;
  return n;
}

const probs = new Float64Array(64);

/** Class probabilities (softmax), in meta.classes order; the array is reused by the next call. */
export function labelProbabilities(model: LabelModel, text: string, classOf?: ClassOf): Float64Array {
  const k = model.meta.classes.length;
  const z = probs.subarray(0, k);
  z.fill(0);
  const n = labelFeatures(text, scratch, classOf);
  if (n === 0) {
    z[0] = 1; // nothing left to judge: "none"
    return z;
  }
  sumClasses(model.weights, model.unit, k, scratch, n, z);
  const inv = 1 / Math.sqrt(Math.max(1, n));
  for (let c = 0; c < k; c++) z[c] = z[c] * inv + model.meta.biases[c];
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < k; c++) sum += z[c] = Math.exp(z[c] - max);
  for (let c = 0; c < k; c++) z[c] /= sum;
  return z;
}

const wordBuf = new Int32Array(256);
/** How much one word pulls towards a class (its features' weights against "none"): for spans. */
export function labelWordWeight(model: LabelModel, cls: number, wordLower: string, classOf: ClassOf): number {
  const n = labelFeatures(wordLower, wordBuf, classOf);
  let s = 0;
  const k = model.meta.classes.length;
  const { weights: w, unit } = model;
  for (let i = 0; i < n; i++) s += Math.fround(w[wordBuf[i] * k + cls] * unit) - Math.fround(w[wordBuf[i] * k] * unit);
  return s / Math.sqrt(Math.max(1, n));
}
