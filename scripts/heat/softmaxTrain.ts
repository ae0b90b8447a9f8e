/**
 * Training a softmax over hashed features (server/analysis/model/softmax.ts): AdaGrad on the weighted
 * cross-entropy with a little L2, classes weighted so that each weighs as much in all as the others,
 * then weights quantised to int16 exactly as the analyzer reads them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SoftmaxMeta, SoftmaxModel } from '../../server/analysis/model/softmax.js';
import { rng, shuffle } from './trainUtil.js';

export interface Example {
  feats: Int32Array;
  /** class index */
  y: number;
  /** example weight (before the class balance) */
  w: number;
  /** values of the named dense inputs, in order */
  dense?: Float64Array;
}

/**
 * Weights that make each class weigh as much in all as the others (power 1), or part of the way there (power
 * 0.5: the square root of that weight, so a common class still weighs more than a rare one).
 */
export function classWeights(data: Example[], classes: number, power = 1): number[] {
  const mass = new Float64Array(classes);
  for (const e of data) mass[e.y] += e.w;
  const target = mass.reduce((a, b) => a + b, 0) / classes;
  return Array.from(mass, (m) => (m > 0 ? (target / m) ** power : 0));
}

export interface SoftmaxTraining {
  bits: number;
  epochs: number;
  lr: number;
  l2: number;
  /** see classWeights (default 1) */
  classPower?: number;
  seed?: number;
  /** print the loss per epoch */
  verbose?: boolean;
}

export function trainSoftmax<C extends string>(
  data: Example[],
  classes: readonly C[],
  o: SoftmaxTraining,
  trainedOn: Record<string, number>,
  createdBy: string,
  denseInputs: string[] = [],
): SoftmaxModel<C> {
  const K = classes.length;
  const R = denseInputs.length;
  const dw = Array.from({ length: K }, () => new Float64Array(R));
  const gd = Array.from({ length: K }, () => new Float64Array(R).fill(1e-8));
  const D = 1 << o.bits;
  const cw = classWeights(data, K, o.classPower);
  // bucket-major like the analyzer reads them: w[bucket * K + c]
  const w = new Float64Array(K * D);
  const g2 = new Float64Array(K * D).fill(1e-8);
  const bias = new Float64Array(K);
  const gb = new Float64Array(K).fill(1e-8);
  const order = data.map((_, i) => i);
  const rand = rng(o.seed ?? 7);
  const z = new Float64Array(K);
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffle(order, rand);
    let loss = 0;
    for (const k of order) {
      const e = data[k];
      const inv = 1 / Math.sqrt(Math.max(1, e.feats.length));
      z.set(bias);
      for (let i = 0; i < e.feats.length; i++) {
        const off = e.feats[i] * K;
        for (let c = 0; c < K; c++) z[c] += w[off + c] * inv;
      }
      if (e.dense) for (let c = 0; c < K; c++) for (let j = 0; j < R; j++) z[c] += dw[c][j] * e.dense[j];
      let max = -Infinity;
      for (let c = 0; c < K; c++) max = Math.max(max, z[c]);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += z[c] = Math.exp(z[c] - max);
      const ew = e.w * cw[e.y];
      loss -= ew * Math.log(z[e.y] / sum + 1e-12);
      for (let c = 0; c < K; c++) {
        const g = (z[c] / sum - (c === e.y ? 1 : 0)) * ew;
        if (Math.abs(g) < 1e-7) continue;
        for (let i = 0; i < e.feats.length; i++) {
          const f = e.feats[i] * K + c;
          const gi = g * inv + o.l2 * w[f];
          g2[f] += gi * gi;
          w[f] -= (o.lr * gi) / Math.sqrt(g2[f]);
        }
        gb[c] += g * g;
        bias[c] -= (o.lr * g) / Math.sqrt(gb[c]);
        if (e.dense)
          for (let j = 0; j < R; j++) {
            const gj = g * e.dense[j];
            gd[c][j] += gj * gj;
            dw[c][j] -= (o.lr * gj) / Math.sqrt(gd[c][j]);
          }
      }
    }
    if (o.verbose) console.error(`epoch ${ep + 1}: loss ${(loss / order.length).toFixed(4)}`);
  }
  let maxAbs = 0;
  for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]));
  const scale = maxAbs / 32767 || 1;
  const weights = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) weights[i] = Math.round(w[i] / scale) * scale;
  const meta: SoftmaxMeta<C> = {
    version: 1,
    bits: o.bits,
    classes: [...classes],
    scale,
    biases: Array.from(bias),
    denseInputs,
    dense: dw.map((row) => Array.from(row)),
    trainedOn,
    createdBy,
  };
  return { meta, weights, unit: 1 };
}

/** Writes `<name>-model.json` and `<name>-weights.bin` (int16) as readSoftmax reads them. */
export function writeSoftmax(model: SoftmaxModel, dir: string, name: string): void {
  const q = new Int16Array(model.weights.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.round(Math.fround(model.weights[i] * model.unit) / model.meta.scale);
  writeFileSync(join(dir, `${name}-weights.bin`), Buffer.from(q.buffer));
  writeFileSync(join(dir, `${name}-model.json`), `${JSON.stringify(model.meta, null, 2)}\n`);
}
