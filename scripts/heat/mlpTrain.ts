/**
 * Training the small network of server/analysis/model/mlp.ts: AdaGrad on the weighted cross-entropy,
 * classes weighted so that each weighs as much in all as the others (as softmaxTrain.ts), then each matrix
 * quantised to int16 exactly as the analyzer reads it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mlpForward, type MlpMeta, type MlpModel, mlpScratch } from '../../server/analysis/model/mlp.js';
import { classWeights, type Example } from './softmaxTrain.js';
import { rng, shuffle } from './trainUtil.js';

export interface MlpTraining {
  bits: number;
  dim: number;
  hidden: number;
  epochs: number;
  lr: number;
  l2: number;
  /** the share of each target spread over all classes: a network sure of nonsense is the worse error here */
  smoothing?: number;
  /** see classWeights (default 1) */
  classPower?: number;
  seed?: number;
  verbose?: boolean;
}

export function trainMlp<C extends string>(
  data: Example[],
  classes: readonly C[],
  o: MlpTraining,
  trainedOn: Record<string, number>,
  createdBy: string,
  denseInputs: string[] = [],
): MlpModel<C> {
  const K = classes.length;
  const R = denseInputs.length;
  const inputs = o.dim + R;
  const rand = rng(o.seed ?? 11);
  const uniform = (a: number) => (rand() * 2 - 1) * a;
  const embed = Float32Array.from({ length: (1 << o.bits) * o.dim }, () => uniform(0.1));
  const w1 = Float32Array.from({ length: o.hidden * inputs }, () => uniform(Math.sqrt(6 / (inputs + o.hidden))));
  const w2 = Float32Array.from({ length: K * o.hidden }, () => uniform(Math.sqrt(6 / (o.hidden + K))));
  const b1 = new Array<number>(o.hidden).fill(0);
  const b2 = new Array<number>(K).fill(0);
  const meta: MlpMeta<C> = {
    version: 1,
    bits: o.bits,
    classes: [...classes],
    dim: o.dim,
    hidden: o.hidden,
    denseInputs,
    scales: { embed: 1, w1: 1, w2: 1 },
    b1,
    b2,
    trainedOn,
    createdBy,
  };
  const model: MlpModel<C> = { meta, embed, embedUnit: 1, w1, w2 };
  const gE = new Float32Array(embed.length).fill(1e-8);
  const g1 = new Float64Array(w1.length).fill(1e-8);
  const g2 = new Float64Array(w2.length).fill(1e-8);
  const gb1 = new Float64Array(o.hidden).fill(1e-8);
  const gb2 = new Float64Array(K).fill(1e-8);

  const cw = classWeights(data, K, o.classPower);

  const s = mlpScratch(model);
  const p = new Float64Array(K);
  const gz = new Float64Array(K);
  const ga = new Float64Array(o.hidden);
  const gx = new Float64Array(o.dim);
  const fold = (1 << o.bits) - 1;
  const order = data.map((_, i) => i);
  const eps = o.smoothing ?? 0;
  const step = (w: Float32Array | Float64Array | number[], g2: Float32Array | Float64Array, i: number, g: number) => {
    g2[i] += g * g;
    w[i] -= (o.lr * g) / Math.sqrt(g2[i]);
  };
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffle(order, rand);
    let loss = 0;
    for (const k of order) {
      const e = data[k];
      mlpForward(model, e.feats, e.feats.length, e.dense ?? [], p, s);
      const ew = e.w * cw[e.y];
      loss -= ew * Math.log(p[e.y] + 1e-12);
      for (let c = 0; c < K; c++) gz[c] = (p[c] - ((c === e.y ? 1 - eps : 0) + eps / K)) * ew;
      ga.fill(0);
      for (let c = 0; c < K; c++) {
        for (let u = 0; u < o.hidden; u++) {
          ga[u] += gz[c] * w2[c * o.hidden + u];
          step(w2, g2, c * o.hidden + u, gz[c] * s.h[u]);
        }
        step(b2, gb2, c, gz[c]);
      }
      gx.fill(0);
      for (let u = 0; u < o.hidden; u++) {
        const g = ga[u] * (1 - s.h[u] * s.h[u]);
        if (g === 0) continue;
        const row = u * inputs;
        for (let i = 0; i < o.dim; i++) gx[i] += g * w1[row + i];
        for (let i = 0; i < inputs; i++) step(w1, g1, row + i, g * s.x[i]);
        step(b1, gb1, u, g);
      }
      const n = e.feats.length;
      if (n === 0) continue;
      for (let i = 0; i < n; i++) {
        const off = (e.feats[i] & fold) * o.dim;
        for (let d = 0; d < o.dim; d++) step(embed, gE, off + d, gx[d] / n + o.l2 * embed[off + d]);
      }
    }
    if (o.verbose) console.error(`mlp epoch ${ep + 1}: loss ${(loss / order.length).toFixed(4)}`);
  }
  // quantised as the analyzer reads it: what was measured is what runs
  const quantise = (w: Float32Array) => {
    let max = 0;
    for (const v of w) max = Math.max(max, Math.abs(v));
    const scale = max / 32767 || 1;
    for (let i = 0; i < w.length; i++) w[i] = Math.round(w[i] / scale) * scale;
    return scale;
  };
  meta.scales = { embed: quantise(embed), w1: quantise(w1), w2: quantise(w2) };
  return model;
}

/** Writes `<name>-model.json` and `<name>-weights.bin` (int16: embeddings, first layer, second layer). */
export function writeMlp(model: MlpModel, dir: string, name: string): void {
  const { embed, embedUnit, w1, w2, meta } = model;
  const q = new Int16Array(embed.length + w1.length + w2.length);
  let at = 0;
  for (const [w, unit, scale] of [
    [embed, embedUnit, meta.scales.embed],
    [w1, 1, meta.scales.w1],
    [w2, 1, meta.scales.w2],
  ] as const)
    for (let i = 0; i < w.length; i++) q[at++] = Math.round(Math.fround(w[i] * unit) / scale);
  writeFileSync(join(dir, `${name}-weights.bin`), Buffer.from(q.buffer));
  writeFileSync(join(dir, `${name}-model.json`), `${JSON.stringify(meta, null, 2)}\n`);
}
