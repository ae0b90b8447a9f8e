/**
 * Speed of the heat analyzer, one core: median and p99 microseconds per message with and without
 * suggestions, and the model's load time. Run alone: `npx tsx test/bench/heat.bench.ts`
 * (or import benchHeat from the bench runner).
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadModel } from '../../server/analysis/index.js';
import { analyzeWithSuggestions as analyze } from '../../server/facilitator/rewrite/index.js';
import { MODEL_DIR } from '../../server/analysis/model/heat.js';
import { loadLabelModel } from '../../server/analysis/model/label.js';
import { loadLabelled, loadPairs, dataDir } from '../../scripts/heat/dataset.js';

const FALLBACK_TEXTS = [
  'Can we talk about the schedule for next week?',
  'You never listen to me!!!',
  'he called me stupid in front of the kids',
  'this fucking meeting is a waste of time',
  'I felt hurt when the plans changed without me. Could we decide together next time?',
  'whatever',
];

function texts(split: 'test' | 'dev' = 'test'): string[] {
  try {
    if (!existsSync(dataDir())) return FALLBACK_TEXTS;
    const out: string[] = [];
    for (const r of loadLabelled()) if (r.split === split) out.push(r.text);
    for (const p of loadPairs()) if (p.split === split) out.push(p.heated, ...p.calm);
    return out;
  } catch {
    return FALLBACK_TEXTS;
  }
}

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function time(list: string[], suggestions: boolean): { median: number; p99: number; mean: number; n: number } {
  const us: number[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const t0 = process.hrtime.bigint();
    analyze(list[i], { suggestions });
    us[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const mean = us.reduce((a, b) => a + b, 0) / us.length;
  us.sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 10) / 10;
  return { median: r(pct(us, 0.5)), p99: r(pct(us, 0.99)), mean: r(mean), n: us.length };
}

export async function benchHeat(): Promise<object> {
  // a fresh read of the weights (the cached model is keyed by the exact directory string)
  const t0 = performance.now();
  const fresh = loadModel(MODEL_DIR + '/');
  const loadMs = Math.round((performance.now() - t0) * 10) / 10;
  // the label model is read on the first analyze() as well
  const t1 = performance.now();
  loadLabelModel(MODEL_DIR + '/');
  const labelLoadMs = Math.round((performance.now() - t1) * 10) / 10;
  loadModel();
  const list = texts();
  // Steady state, as in a running server: warm the JIT on other texts (the dev split), then time
  // every test text once.
  for (const t of texts('dev')) analyze(t, { suggestions: true });
  const without = time(list, false);
  const withS = time(list, true);
  const heldTexts = list.filter((t) => analyze(t, { suggestions: false }).held);
  const heldOnly = time(heldTexts, true);
  return {
    name: 'heat analyzer',
    messages: list.length,
    modelLoadMs: Math.round((loadMs + labelLoadMs) * 10) / 10,
    heatModelLoadMs: loadMs,
    labelModelLoadMs: labelLoadMs,
    modelReadMs: Math.round(fresh.loadMs * 10) / 10,
    withoutSuggestionsUs: without,
    withSuggestionsUs: withS,
    heldMessagesWithSuggestionsUs: heldOnly,
    targets: { medianUs: 50, p99Us: 500, withSuggestionsP99Us: 1000, modelLoadMs: 300 },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchHeat().then((r) => console.log(JSON.stringify(r, null, 2)));
}
