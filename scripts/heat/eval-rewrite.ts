/**
 * How well the local rewriter keeps a held message: on the rewrite pairs (ParaDetox: a rude sentence
 * and human polite rewrites) and on the hand-made mediation messages of the rewriter's tests.
 *
 *   npm run eval:rewrite                    # the held-out test split (20%, by hash: scripts/heat/hash.ts)
 *   npm run eval:rewrite -- --split=train   # the part used for tuning (also: dev)
 *   npm run eval:rewrite -- --sample=50     # how many outputs to print for reading (default 20)
 *   npm run eval:rewrite -- --json
 *
 * Figures per set, over held messages: chrF of the unchanged original and of the first suggestion
 * against the human rewrites (pairs only), template rate (most content words not the sender's),
 * content-word retention (the attack words aside), held-again rate (a suggestion the analyzer holds at
 * the room threshold, read as delivered) and the share of held messages with no suggestion.
 *
 * Figures on the test split when this was written (issue 10), before -> after the rewrite of the rewriter:
 * chrF of the first suggestion 73.8 -> 77.3 (original 73.2 / 74.2: the set of messages with a suggestion
 * differs; over all held, none scored as the original, 73.2 -> 76.1); template first 4.7% -> 0%, any 67.6% -> 0%;
 * retention 89.5% -> 95.1%; held again 0% -> 0%; no suggestion 0% -> 8.3%. Hand-made mediation messages:
 * template first 34.0% -> 0%, retention 74.7% -> 90.4%, no suggestion 0% -> 10.6%.
 */
import { analyze, DEFAULT_THRESHOLD } from '../../server/analysis/index.js';
import { isTemplate, retention } from '../../server/facilitator/rewrite/contentWords.js';
import { analyzeWithSuggestions } from '../../server/facilitator/rewrite/index.js';
import { judgeSuggestion } from '../../server/rooms/messages/review.js';
import { MEDIATION_CASES } from '../../test/unit/facilitator/rewrite/mediationCases.js';
import { chrfMulti } from './chrf.js';
import { loadPairs } from './dataset.js';

const args = process.argv.slice(2);
const split = (args.find((a) => a.startsWith('--split='))?.split('=')[1] ?? 'test') as 'test' | 'dev' | 'train';
const sampleSize = Number(args.find((a) => a.startsWith('--sample='))?.split('=')[1] ?? 20);
const json = args.includes('--json');
const limit = Number(args.find((a) => a.startsWith('--limit='))?.split('=')[1] ?? Infinity);

interface Figures {
  messages: number;
  held: number;
  noSuggestion: number;
  chrfOriginal: number;
  chrfFirst: number;
  /** chrF over every held message with references, a message with no suggestion scored as its original */
  chrfOffered: number;
  chrfOriginalAllHeld: number;
  /** first suggestions scoring at least the original's chrF */
  firstAtLeastOriginal: number;
  templateFirst: number;
  templateAny: number;
  suggestions: number;
  retentionFirst: number;
  firstBelow70: number;
  heldAgain: number;
  seconds: number;
}

interface Out {
  text: string;
  first: string | null;
  all: string[];
  chrfOriginal?: number;
  chrfFirst?: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function measure(items: { text: string; refs?: string[] }[]): { figures: Figures; outs: Out[] } {
  const t0 = performance.now();
  const f: Figures = {
    messages: 0,
    held: 0,
    noSuggestion: 0,
    chrfOriginal: 0,
    chrfFirst: 0,
    chrfOffered: 0,
    chrfOriginalAllHeld: 0,
    firstAtLeastOriginal: 0,
    templateFirst: 0,
    templateAny: 0,
    suggestions: 0,
    retentionFirst: 0,
    firstBelow70: 0,
    heldAgain: 0,
    seconds: 0,
  };
  const outs: Out[] = [];
  let withRefs = 0;
  let heldWithRefs = 0;
  let chrfOriginalAll = 0;
  for (const { text, refs } of items) {
    f.messages++;
    const a = analyzeWithSuggestions(text, { threshold: DEFAULT_THRESHOLD });
    if (!a.held || a.labels.includes('self_harm')) continue;
    f.held++;
    const all = a.suggestions;
    const first = all[0] ?? null;
    const out: Out = { text, first, all };
    outs.push(out);
    if (refs) {
      heldWithRefs++;
      const o = chrfMulti(text, refs);
      chrfOriginalAll += o;
      f.chrfOffered += first ? chrfMulti(first, refs) : o;
    }
    if (!first) {
      f.noSuggestion++;
      // an unchanged original stays what it was: no suggestion scores as the original would not be sent
      continue;
    }
    if (refs) {
      withRefs++;
      out.chrfOriginal = chrfMulti(text, refs);
      out.chrfFirst = chrfMulti(first, refs);
      f.chrfOriginal += out.chrfOriginal;
      f.chrfFirst += out.chrfFirst;
      if (out.chrfFirst >= out.chrfOriginal) f.firstAtLeastOriginal++;
    }
    if (isTemplate(text, first)) f.templateFirst++;
    const ret = retention(text, first);
    f.retentionFirst += ret;
    if (ret < 0.7) f.firstBelow70++;
    for (const s of all) {
      f.suggestions++;
      if (isTemplate(text, s)) f.templateAny++;
      // held as it would be delivered (quotes counted as the sender's), or by a plain analyze()
      if (judgeSuggestion(s, DEFAULT_THRESHOLD).held || analyze(s, { threshold: DEFAULT_THRESHOLD }).held)
        f.heldAgain++;
    }
  }
  const withFirst = f.held - f.noSuggestion || 1;
  f.chrfOriginal = r3(f.chrfOriginal / (withRefs || 1));
  f.chrfFirst = r3(f.chrfFirst / (withRefs || 1));
  f.chrfOffered = r3(f.chrfOffered / (heldWithRefs || 1));
  f.chrfOriginalAllHeld = r3(chrfOriginalAll / (heldWithRefs || 1));
  f.firstAtLeastOriginal = r3(f.firstAtLeastOriginal / (withRefs || 1));
  f.templateFirst = r3(f.templateFirst / withFirst);
  f.templateAny = r3(f.templateAny / (f.suggestions || 1));
  f.retentionFirst = r3(f.retentionFirst / withFirst);
  f.firstBelow70 = r3(f.firstBelow70 / withFirst);
  f.heldAgain = r3(f.heldAgain / (f.suggestions || 1));
  f.noSuggestion = r3(f.noSuggestion / (f.held || 1));
  f.seconds = r3((performance.now() - t0) / 1000);
  return { figures: f, outs };
}

function print(name: string, f: Figures, withRefs: boolean): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const chrf = withRefs
    ? `chrF original ${f.chrfOriginal.toFixed(1)} -> first suggestion ${f.chrfFirst.toFixed(1)} (first >= original ` +
      `on ${pct(f.firstAtLeastOriginal)}; over all held, none scored as the original: ` +
      `${f.chrfOriginalAllHeld.toFixed(1)} -> ${f.chrfOffered.toFixed(1)}); `
    : '';
  console.log(
    `${name}: ${f.held}/${f.messages} held; ${chrf}template first ${pct(f.templateFirst)}, any ` +
      `${pct(f.templateAny)}; retention first ${pct(f.retentionFirst)} (below 70%: ${pct(f.firstBelow70)}); ` +
      `held again ${pct(f.heldAgain)} of ${f.suggestions}; no suggestion ${pct(f.noSuggestion)} (${f.seconds} s)`,
  );
}

/** A fixed, spread-out sample: every k-th output. */
function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const step = xs.length / n;
  return Array.from({ length: n }, (_, i) => xs[Math.floor(i * step)]);
}

function main(): void {
  const pairs = loadPairs()
    .filter((p) => p.split === split)
    .slice(0, limit)
    .map((p) => ({ text: p.heated, refs: p.calm }));
  const onPairs = measure(pairs);
  const onCases = measure(MEDIATION_CASES.map((c) => ({ text: c.text })));
  if (json) {
    console.log(JSON.stringify({ split, pairs: onPairs.figures, mediation: onCases.figures }, null, 2));
    return;
  }
  console.log(`local rewriter, rewrite-pairs ${split} split, threshold ${DEFAULT_THRESHOLD}`);
  print(`rewrite-pairs (${split})`, onPairs.figures, true);
  print('mediation cases (hand-made, no references)', onCases.figures, false);
  const show = (o: Out) =>
    `- ${o.text}\n  => ${o.all.length ? o.all.join('\n   | ') : '(no suggestion)'}` +
    (o.chrfFirst !== undefined ? `\n  chrF ${o.chrfOriginal!.toFixed(1)} -> ${o.chrfFirst.toFixed(1)}` : '');
  console.log(`\nsample of ${Math.min(sampleSize, onPairs.outs.length)} pair outputs:`);
  for (const o of sample(onPairs.outs, sampleSize)) console.log(show(o));
  console.log(`\nsample of ${Math.min(sampleSize, onCases.outs.length)} mediation outputs:`);
  for (const o of sample(onCases.outs, sampleSize)) console.log(show(o));
}

main();
