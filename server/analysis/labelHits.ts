/**
 * Label-model hits: where the label model (labelModel.ts) hears a kind of heat the rules did not, a hit
 * like a rule's, pointing at the words that pulled most towards that label.
 */
import { SAFETY_LABELS, type HeatLabel } from '../../shared/analysis.js';
import { labelProbabilities, labelWordWeight, type LabelModel } from './model/label.js';
import type { Language } from './lang/types.js';
import { inRanges, modelView, type Range } from './mask.js';
import { LABELS } from './labels.js';
import type { RuleHit } from './rules.js';

/** How hot a label-model hit makes a message: enough to hold it, less than a rule's sure hit. */
const HIT_SCORE = 0.6;
/** What is left when reported speech and words about things are taken out must be a sentence, not a fragment. */
const MIN_WORDS = 5;
/** Fewer words than this ("sure thing", "ok fine") tell the model too little for anything but safety. */
const MIN_WORDS_SOFT = 3;

const WORD_RE = /[A-Za-z][A-Za-z'’*]*/g;

export interface LabelHitContext {
  /** reported speech and words about things, kept from the model */
  masked: Range[];
  /** someone in the room is addressed ("you", a participant's name) */
  addressed: boolean;
  /** the message describes someone in the sender's life to a helper */
  aboutSomeone: boolean;
}

export function labelHits(
  model: LabelModel,
  text: string,
  have: readonly RuleHit[],
  ctx: LabelHitContext,
  lang: Language,
  /** the model's probabilities for modelView(text, ctx.masked), when the caller has them already */
  probabilities?: ArrayLike<number>,
): RuleHit[] {
  const classOf = lang.words.classOf;
  const view = modelView(text, ctx.masked);
  const words = view.match(/[A-Za-z]+/g)?.length ?? 0;
  if (ctx.masked.length && words < MIN_WORDS) return [];
  // a safety stop needs whole words ("I'm" one): "last night. I'm sorry." is what is left of "I was a jerk last
  // night. I'm sorry.", a fragment of an apology, not a crisis
  const safetyFragment = ctx.masked.length > 0 && (view.match(/[A-Za-z]+(?:['’][A-Za-z]+)?/g)?.length ?? 0) < MIN_WORDS;
  const p = probabilities ?? labelProbabilities(model, view, classOf);
  const out: RuleHit[] = [];
  const { classes, thresholds } = model.meta;
  for (let c = 1; c < classes.length; c++) {
    const label = classes[c] as HeatLabel;
    const t = thresholds[label];
    const spec = LABELS[label].labelModel;
    if (t === undefined || p[c] < t || !spec.gives) continue;
    const safety = SAFETY_LABELS.includes(label);
    if (safety && safetyFragment) continue;
    if (!safety && (ctx.aboutSomeone || (spec.needsReader && !ctx.addressed) || words < MIN_WORDS_SOFT)) continue;
    const anchor = spec.anchored ? lang.labelModel.anchors[label] : undefined;
    if (anchor && !anchor.test(view) && !(p[c] >= (spec.unanchored ?? 2))) continue;
    if (spec.notWithCare && lang.labelModel.care.test(view)) continue;
    if (have.some((h) => h.label === label && h.score >= HIT_SCORE)) continue;
    const span = strongestWords(text, ctx.masked, lang.words.stopwords, (word) =>
      labelWordWeight(model, c, word, classOf),
    );
    if (span) out.push({ label, start: span.start, end: span.end, score: safety ? 1 : spec.soft ? 0.35 : HIT_SCORE });
  }
  return out;
}

/**
 * The run of text from the first to the last of the (up to 3) words that pull most towards a class, by
 * `weight` (a word's pull, lower-cased): a span for a model's hit.
 */
export function strongestWords(
  text: string,
  masked: Range[],
  stopwords: ReadonlySet<string>,
  weight: (wordLower: string) => number,
): Range | null {
  const scored: { start: number; end: number; w: number }[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text))) {
    if (inRanges(masked, m.index, m.index + m[0].length)) continue;
    const word = m[0].toLowerCase().replace(/’/g, "'");
    if (stopwords.has(word)) continue;
    const w = weight(word);
    if (w > 0) scored.push({ start: m.index, end: m.index + m[0].length, w });
  }
  if (scored.length === 0) return null;
  scored.sort((a, b) => b.w - a.w);
  const top = scored.filter((s, i) => i < 3 && s.w >= scored[0].w * 0.5);
  // one span per word group that sits together; far-apart words give the strongest word alone
  top.sort((a, b) => a.start - b.start);
  const first = top[0];
  const last = top[top.length - 1];
  return last.start - first.end <= 24
    ? { start: first.start, end: last.end }
    : { start: scored[0].start, end: scored[0].end };
}
