import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mlpForward, mlpScratch, readMlp } from '../../../server/analysis/model/mlp.js';
import { trainMlp, writeMlp } from '../../../scripts/heat/mlpTrain.js';
import type { Example } from '../../../scripts/heat/softmaxTrain.js';

const CLASSES = ['calm', 'hot'] as const;
// "hot" where exactly one of a (1, else 3) and b (2, else 4) holds: no weight per n-gram can say that (a
// linear model cannot learn it), n-grams meeting in a hidden layer can
const examples: Example[] = [];
for (let i = 0; i < 200; i++) {
  const a = i % 4 === 0 || i % 4 === 1;
  const b = i % 4 === 0 || i % 4 === 2;
  const feats = Int32Array.from([...(a ? [1] : [3]), ...(b ? [2] : [4]), 10 + (i % 7)]);
  examples.push({ feats, y: a !== b ? 1 : 0, w: 1, dense: Float64Array.from([i % 2]) });
}
const options = { bits: 8, dim: 8, hidden: 16, epochs: 100, lr: 0.2, l2: 0 };
const dir = mkdtempSync(join(tmpdir(), 'mlp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the safety network (model/mlp.ts)', () => {
  const model = trainMlp(examples, CLASSES, options, { toy: 200 }, 'test', ['parity']);
  const read = (feats: number[], dense = [0]) =>
    Array.from(mlpForward(model, Int32Array.from(feats), feats.length, dense, new Float64Array(2), mlpScratch(model)));

  it('learns what n-grams say together, which no one of them says alone', () => {
    expect(read([1, 4, 12])[1]).toBeGreaterThan(0.9);
    expect(read([3, 2, 12])[1]).toBeGreaterThan(0.9);
    expect(read([1, 2, 12])[1]).toBeLessThan(0.1);
    expect(read([3, 4, 12])[1]).toBeLessThan(0.1);
  });

  it('gives probabilities that sum to one, also for a message without n-grams', () => {
    for (const p of [read([1, 2]), read([])]) expect(p[0] + p[1]).toBeCloseTo(1, 12);
  });

  it('reads back from its files exactly as it was measured (the int16 weights)', () => {
    writeMlp(model, dir, 'toy');
    const back = readMlp<(typeof CLASSES)[number]>(dir, 'toy');
    expect(back?.meta.classes).toEqual([...CLASSES]);
    const p = mlpForward(back!, Int32Array.from([1, 2, 12]), 3, [0], new Float64Array(2), mlpScratch(back!));
    expect(p[1]).toBeCloseTo(read([1, 2, 12])[1], 6);
  });

  it('is absent, not an error, where no network was trained', () => {
    expect(readMlp(dir, 'none')).toBeNull();
  });
});
