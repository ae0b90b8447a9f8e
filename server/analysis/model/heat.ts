import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ClassOf, DIM, HASH_BITS, featurize, makeFeatureBuffer, normalizeForModel } from './features.js';

/** What model/heat-model.json holds beside the weights. */
export interface ModelMeta {
  version: number;
  hashBits: number;
  /** weights are int16; real weight = q * scale */
  scale: number;
  bias: number;
  /** heat = sigmoid(calA * z + calB), so that the tuned decision point sits at heat 0.5 */
  calA: number;
  calB: number;
  trainedOn: Record<string, number>;
  createdBy: string;
}

export interface LinearModel {
  meta: ModelMeta;
  /** a weight is fround(weights[i] * unit): the file's int16 and meta.scale (half of float32's memory) */
  weights: Int16Array | Float32Array;
  unit: number;
  loadMs: number;
}

/** The weights sit next to this module. */
export const MODEL_DIR = dirname(fileURLToPath(import.meta.url));
export const META_FILE = 'heat-model.json';
export const WEIGHTS_FILE = 'heat-weights.bin';

let loaded: LinearModel | null = null;

/** Loads the committed weights once (about 1 MB); later calls return the same model. */
export function loadModel(dir: string = MODEL_DIR): LinearModel {
  if (loaded && dir === MODEL_DIR) return loaded;
  const t0 = performance.now();
  const meta = JSON.parse(readFileSync(join(dir, META_FILE), 'utf8')) as ModelMeta;
  if (meta.hashBits !== HASH_BITS) throw new Error(`heat model: hashBits ${meta.hashBits} != ${HASH_BITS}`);
  const buf = readFileSync(join(dir, WEIGHTS_FILE));
  const q = new Int16Array(buf.buffer, buf.byteOffset, buf.byteLength >> 1);
  if (q.length !== DIM) throw new Error(`heat model: ${q.length} weights, expected ${DIM}`);
  // a copy: the view would keep readFileSync's whole buffer
  const model = { meta, weights: q.slice(), unit: meta.scale, loadMs: performance.now() - t0 };
  if (dir === MODEL_DIR) loaded = model;
  return model;
}

export function isModelLoaded(): boolean {
  return loaded !== null;
}

const scratch = makeFeatureBuffer();

/** Raw margin z of the linear model for an already normalised text. */
export function margin(
  model: { weights: Int16Array | Float32Array; unit: number; meta: { bias: number } },
  norm: string,
  classOf?: ClassOf,
): number {
  const n = featurize(norm, scratch, classOf);
  if (n === 0) return model.meta.bias;
  let s = 0;
  const { weights: w, unit } = model;
  for (let i = 0; i < n; i++) s += Math.fround(w[scratch[i]] * unit);
  return model.meta.bias + s / Math.sqrt(n);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** Model heat in 0..1 for raw text (normalisation included). */
export function modelHeat(model: LinearModel, text: string, classOf: ClassOf): number {
  const norm = normalizeForModel(text);
  if (!/[a-z0-9]/.test(norm)) return 0; // nothing left to judge (empty, or all reported speech)
  const z = margin(model, norm, classOf);
  return sigmoid(model.meta.calA * z + model.meta.calB);
}

/**
 * Per-word contribution to the margin (unigram weight only): used to point at the words that made the
 * model hot when no rule did. Returns word offsets in the normalised text's word order.
 */
export function wordWeight(model: LinearModel, wordLower: string, classOf: ClassOf): number {
  const buf = new Int32Array(64);
  const n = featurize(wordLower, buf, classOf);
  // first feature is the unigram; character grams follow the two word-level features
  let s = 0;
  for (let i = 0; i < n; i++) if (i !== 1) s += Math.fround(model.weights[buf[i]] * model.unit);
  return s / Math.sqrt(Math.max(1, n));
}
