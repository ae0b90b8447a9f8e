/**
 * Spans and labels from the hits: rule hits, and when only the heat model explains the heat, the words
 * it leans on most. Also the cache of word weights those spans read.
 */
import type { HeatLabel, Span } from '../../shared/analysis.js';
import type { WordClasses } from './lang/types.js';
import { inRanges, type Range } from './mask.js';
import { wordWeight, type LinearModel } from './model/heat.js';
import type { RuleHit } from './rules.js';

export const WORD_RE = /[A-Za-z][A-Za-z'’*$@]*/g;

// Word weights, keyed by single lower-cased words (see cacheEntriesFor), cleared when full.
const weightCache = new Map<string, number>();
function cachedWordWeight(m: LinearModel, word: string, classOf: (word: string) => number): number {
  let v = weightCache.get(word);
  if (v === undefined) {
    v = wordWeight(m, word, classOf);
    if (weightCache.size > 50_000) weightCache.clear();
    weightCache.set(word, v);
  }
  return v;
}

/** Forgets the word weights (see forgetAnalyses). */
export function clearWordWeights(): void {
  weightCache.clear();
}

/** Whether the word weights hold `word` (lower-cased, typographic apostrophes plain). */
export function hasWordWeight(word: string): boolean {
  return weightCache.has(word);
}

/** The words the model leans on most, as spans, when no rule explains the heat. */
export function modelSpans(m: LinearModel, text: string, reported: Range[], words: WordClasses): RuleHit[] {
  const scored: { start: number; end: number; w: number; word: string }[] = [];
  WORD_RE.lastIndex = 0;
  let mm: RegExpExecArray | null;
  while ((mm = WORD_RE.exec(text))) {
    if (inRanges(reported, mm.index, mm.index + mm[0].length)) continue;
    const word = mm[0].toLowerCase().replace(/[’]/g, "'");
    const wgt = cachedWordWeight(m, word, words.classOf);
    // a span points at a word that carries meaning, not at "a" or "like"
    if (wgt > 0.15 && !words.stopwords.has(word))
      scored.push({ start: mm.index, end: mm.index + mm[0].length, w: wgt, word });
  }
  scored.sort((a, b) => b.w - a.w);
  const top = scored.filter((s, i) => i < 3 && s.w >= scored[0].w * 0.5);
  return top.map((s) => ({
    start: s.start,
    end: s.end,
    label: (words.profane.test(s.word) ? 'profanity' : 'insult') as HeatLabel,
    score: 0,
  }));
}

/**
 * The spans to show and the labels, in order of where they start: every hit when held (else those
 * scoring 0.3 or more), and the model's words when only the model explains the heat.
 */
export function spansOf(
  hits: RuleHit[],
  held: boolean,
  modelHolds: boolean,
  modelWords: () => RuleHit[],
): { spans: Span[]; labels: HeatLabel[] } {
  let spansFrom = hits.filter((h) => held || h.score >= 0.3);
  if (held && modelHolds && !hits.some((h) => h.score >= 0.5 && h.label !== 'shouting')) {
    spansFrom = spansFrom.concat(modelWords());
  }
  spansFrom.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  const labels: HeatLabel[] = [];
  for (const h of spansFrom) {
    if (spans.some((s) => s.label === h.label && s.start <= h.start && s.end >= h.end)) continue;
    spans.push({ start: h.start, end: h.end, label: h.label });
    if (!labels.includes(h.label)) labels.push(h.label);
  }
  return { spans, labels };
}
