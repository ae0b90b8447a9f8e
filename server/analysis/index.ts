/**
 * The heat analyzer: is this message heated, why, and what calmer message would say the same thing.
 * Offline and deterministic: a linear model on hashed word and character n-grams (model/, trained by
 * scripts/heat/train-heat.ts) combined with rules for what the data sets lack (rules.ts), with reported
 * speech ("he called me stupid") taken out before either looks at the text (mask.ts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SAFETY_LABELS, type Analysis, type HeatLabel, type Span } from '../../shared/analysis.js';
import { inRanges, literalRanges, modelView, quoteRanges, reportedRanges, type Range } from './mask.js';
import { normalize } from './normalize.js';
import { loadModel, modelHeat, wordWeight, type LinearModel } from './model/heat.js';
import { runRules, type RuleHit } from './rules.js';
import { STOPWORDS } from './lexicon.js';
import { loadLabelModel } from './model/label.js';
import { labelHits } from './labelHits.js';
import { clearWordClasses, wordClassesCached } from './wordclass.js';

export { loadModel } from './model/heat.js';
export type { Analysis, HeatLabel, Span } from '../../shared/analysis.js';

/** Heat at or above which a message is held. */
export const DEFAULT_THRESHOLD = 0.5;

/** What the caller knows about the message's setting, all optional. */
export interface AnalyzeContext {
  /** Names of the other people in the room: "Sam is an idiot" is aimed at the reader like "you" is. */
  otherNames?: string[];
  /** Private preparation with the facilitator: nobody else reads it, so third-person insults weigh less. */
  private?: boolean;
}

export interface AnalyzeOptions {
  threshold?: number;
  /**
   * Suggestions are the rewriter's (server/facilitator/rewrite): analyze() never computes them and returns
   * `suggestions: []`. `false` is still accepted so callers that said so keep compiling.
   * @deprecated
   */
  suggestions?: false;
  context?: AnalyzeContext;
  /**
   * default true: ask the label model too. The rewriter's search leaves it out (speed); every
   * suggestion it offers is still judged by the whole analyzer.
   */
  labelModel?: boolean;
  /**
   * default false: quoted words count as the sender's own, even after "he said" or "you call me". For text
   * the room did not write but would read as the sender's (suggestions, a model's output): 'I feel hurt
   * when you call me "a worthless idiot"' delivers the insult again. The text is also read the usual way
   * and the hotter reading wins: a suggestion is never let through by reading its quotes as its own.
   */
  quotesAreOwn?: boolean;
}

const YOU_RE = /(?<!\w['’]?)(?:you|your|yours|yourself|u|ur|ya)(?!['’]?\w)/gi;
const PROFANE_RE = /(?<![\w'’])(?:f+u+c+k+\w*|shit\w*|bitch\w*|bastard\w*|ass\w*|damn\w*|crap\w*|cunt\w*|dick\w*|piss\w*|whore\w*|slut\w*|hoes?|nigg\w*|fag\w*|wtf|stfu|hell)(?![\w'’])/i;
const WORD_RE = /[A-Za-z][A-Za-z'’*$@]*/g;

let model: LinearModel | null = null;
function getModel(): LinearModel {
  return (model ??= loadModel());
}

/** Replaces the model analyze() uses (cross-validation in scripts/heat/train-heat.ts); null goes back to the committed one. */
export function useModel(m: LinearModel | null): void {
  model = m;
  weightCache.clear();
  candidateVerdicts.clear();
}

/**
 * Forgets everything the analyzer remembers of what it has read; called when any room is deleted
 * or expires, so no trace of a deleted room's words stays in this process. The caches refill.
 */
export function forgetAnalyses(): void {
  weightCache.clear();
  candidateVerdicts.clear();
  clearWordClasses();
}

/**
 * Whether any cache still holds something derived from `text` (tests): a verdict on it, or one of
 * its words. The word caches hold single lower-cased words, not messages, and are bounded, but a
 * name or a rare word could still point at a room, so forgetAnalyses() clears them too.
 */
export function cacheEntriesFor(text: string): number {
  let n = 0;
  for (const [key] of candidateVerdicts) if (key.endsWith(`\u0000${verdictKey(text)}`)) n++;
  for (const word of text.toLowerCase().match(WORD_RE) ?? []) if (weightCache.has(word.replace(/[’]/g, "'"))) n++;
  return n + wordClassesCached(text);
}

// Word weights, keyed by single lower-cased words (see cacheEntriesFor), cleared when full.
const weightCache = new Map<string, number>();
function cachedWordWeight(m: LinearModel, word: string): number {
  let v = weightCache.get(word);
  if (v === undefined) {
    v = wordWeight(m, word);
    if (weightCache.size > 50_000) weightCache.clear();
    weightCache.set(word, v);
  }
  return v;
}

function isDirected(text: string, reported: { start: number; end: number }[], names: string[] | undefined): boolean {
  YOU_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YOU_RE.exec(text))) if (!inRanges(reported, m.index, m.index + m[0].length)) return true;
  if (names) {
    const lower = text.toLowerCase();
    for (const n of names) if (n && lower.includes(n.toLowerCase())) return true;
  }
  return false;
}

const NARRATIVE_WEIGHT = 0.4;
/** the share of a message that, once taken out as reported speech or words about things, leaves a fragment */
const FRAGMENT_SHARE = 0.25;
const DESCRIBED_WEIGHT = 0.5;
/** "you" in a request for help is not the reader being attacked: "can you help me?", "what do you think?" */
const HELP_YOU_RE =
  /\b(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:help|tell|advise|give|suggest|explain|recommend)|(?:what|how|when|where)\s+(?:do|would|should|can|could|does)\s+(?:you|u)\b|do\s+you\s+(?:think|know|have|recommend|suggest)|have\s+you\s+(?:ever|any)|if\s+you\s+(?:can|could|have)|your\s+(?:advice|help|thoughts|opinion|input|suggestions?|professional)|thank\s+you|you\s+know)\b|(?:^|[.!?]\s+)is\s+it\s+(?:normal|ok|okay|wrong|possible|healthy|common|bad|fair)\b[^.!?]*/gi;
/** "He punched a hole in the wall and said next time it will be my face": someone else did it, to the sender */
const THEY_DID_RE = /(?:^|[.!?]\s+)(?:he|she|they)\s/i;
const TO_ME_RE = /\b(?:me|my|us|our)\b/i;
const MY_RELATION_RE =
  /\bmy\s+(?:(?:ex|step|future|former|current|older|younger|little|big|own|best)[- ]?)?(?:husband|wife|boyfriend|girlfriend|partner|fianc[eé]e?|ex|boss|manager|supervisor|coworker|co-worker|colleague|mom|mother|mum|dad|father|stepdad|stepmom|stepfather|stepmother|parents?|sister|brother|sibling|son|daughter|kids?|children|family|in-?laws?|mother-in-law|father-in-law|roommate|friend|teacher|neighbou?r|landlord|spouse|bf|gf)\b/i;
const SOFT_IN_STORY = new Set<HeatLabel>(['stonewalling', 'defensiveness', 'contempt', 'shouting']);
const FIRST_PERSON_RE = /(?<![\w'’])(?:i|i'm|i’m|im|i've|i’ve|ive|i'd|i’d|me|my|myself|mine)(?![\w'’])/gi;
const SENTENCE_END_RE = /[.!?]+(?:\s|$)/g;

/** Several sentences, several of them about the sender: someone telling what happens to them. */
function isNarrative(text: string): boolean {
  if (text.length < 80) return false;
  const sentences = text.match(SENTENCE_END_RE)?.length ?? 0;
  if (sentences < 2) return false;
  return (text.match(FIRST_PERSON_RE)?.length ?? 0) >= 3;
}

/** The words the model leans on most, as spans, when no rule explains the heat. */
function modelSpans(m: LinearModel, text: string, reported: { start: number; end: number }[]): RuleHit[] {
  const scored: { start: number; end: number; w: number; word: string }[] = [];
  WORD_RE.lastIndex = 0;
  let mm: RegExpExecArray | null;
  while ((mm = WORD_RE.exec(text))) {
    if (inRanges(reported, mm.index, mm.index + mm[0].length)) continue;
    const word = mm[0].toLowerCase().replace(/[’]/g, "'");
    const wgt = cachedWordWeight(m, word);
    // a span points at a word that carries meaning, not at "a" or "like"
    if (wgt > 0.15 && !STOPWORDS.has(word)) scored.push({ start: mm.index, end: mm.index + mm[0].length, w: wgt, word });
  }
  scored.sort((a, b) => b.w - a.w);
  const top = scored.filter((s, i) => i < 3 && s.w >= scored[0].w * 0.5);
  return top.map((s) => ({
    start: s.start,
    end: s.end,
    label: (PROFANE_RE.test(s.word) ? 'profanity' : 'insult') as HeatLabel,
    score: 0,
  }));
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * A candidate suggestion (text already normalised, as the rewriter builds it from the normalised
 * message) judged by the whole analyzer as it would be delivered: its quotes are the sender's own. The template sentences come back again and again,
 * so their verdicts are remembered (only without a room context, which could change them). A candidate
 * is built from the message, so it is keyed by an HMAC under a key of this process's own (the text is
 * not kept, and a heap dump cannot be searched for a guessed sentence), least recently used first out.
 */
const candidateVerdicts = new Map<string, Analysis>();
const VERDICTS_MAX = 2000;
const VERDICT_KEY = randomBytes(32);
const verdictKey = (text: string) => createHmac('sha256', VERDICT_KEY).update(text).digest('base64url');
export function judgeDelivered(c: string, threshold: number, ctx: AnalyzeContext | undefined): Analysis {
  // a suggestion is sent in the sender's name: words it quotes are delivered, not reported
  if (ctx) return analyzeNormalised(c, { threshold, context: ctx, quotesAreOwn: true }).analysis;
  const key = `${threshold}\u0000${verdictKey(c)}`;
  let a = candidateVerdicts.get(key);
  if (a) candidateVerdicts.delete(key); // re-inserted below as the most recently used
  else a = analyzeNormalised(c, { threshold, quotesAreOwn: true }).analysis;
  candidateVerdicts.set(key, a);
  if (candidateVerdicts.size > VERDICTS_MAX) candidateVerdicts.delete(candidateVerdicts.keys().next().value!);
  return a;
}

/** The words the rules point at in `text` (already normalised), outside reported speech. */
export function ruleHits(text: string): RuleHit[] {
  return runRules(text, reportedRanges(text)).hits;
}

/** `ranges` with the `holes` taken out (a report's quoted words, judged when quotes are the sender's own). */
function without(ranges: Range[], holes: Range[]): Range[] {
  if (!holes.length) return ranges;
  let out = ranges;
  for (const h of holes) {
    const next: Range[] = [];
    for (const r of out) {
      if (h.end <= r.start || h.start >= r.end) next.push(r);
      else {
        if (h.start > r.start) next.push({ start: r.start, end: h.start });
        if (h.end < r.end) next.push({ start: h.end, end: r.end });
      }
    }
    out = next;
  }
  return out;
}

/**
 * Scores a message: heat 0..1, held, labels and spans (offsets into `text`); `suggestions` is always
 * empty here (the rewriter's, see server/facilitator/rewrite).
 * Disguises ("k1ll", "k i l l", zero-width characters, look-alike letters) are undone first
 * (normalize.ts); the spans still point into `text` as written.
 */
export function analyze(text: string, options: AnalyzeOptions = {}): Analysis {
  return analyzeInDetail(text, options).analysis;
}

/** What the rewriter needs besides the verdict: the normalised text its candidates are built from. */
export interface Detailed {
  /** spans into the text as written */
  analysis: Analysis;
  /** the text as analysed (disguises undone) */
  normalised: string;
  /** aimed at the reader ("you", a participant's name) */
  directed: boolean;
}

/** analyze(), with the normalised text and whether it is aimed at the reader. */
export function analyzeInDetail(text: string, options: AnalyzeOptions = {}): Detailed {
  const norm = normalize(text);
  if (norm.text === text) return analyzeNormalised(text, options);
  // names are compared with the normalised text, so they are normalised too ("José" reads "Jose")
  const names = options.context?.otherNames;
  const context = names ? { ...options.context, otherNames: names.map((n) => normalize(n).text) } : options.context;
  const d = analyzeNormalised(norm.text, { ...options, context });
  const spans = d.analysis.spans.map((sp) => ({
    start: norm.toOriginal(sp.start),
    end: norm.toOriginal(sp.end, 'end'),
    label: sp.label,
  }));
  return { ...d, analysis: { ...d.analysis, spans } };
}

/** analyze() of a text already normalised: the rewriter's candidates are built from the normalised text. */
function analyzeNormalised(text: string, options: AnalyzeOptions): Detailed {
  // without a quotation the two readings are one (an apostrophe alone, "don't", is no quotation)
  const quoted = options.quotesAreOwn === true && QUOTE_MARK.test(text) && quoteRanges(text).length > 0;
  const a = analyzeNormal(text, quoted ? options : { ...options, quotesAreOwn: false });
  if (!quoted) return a;
  // masking less can also move the label model the other way ("i say ' whatever '" read whole is calm,
  // read with the quote masked is contempt): a suggestion must pass both readings
  const usual = analyzeNormal(text, { ...options, quotesAreOwn: false });
  return hotter(usual.analysis, a.analysis) ? usual : a;
}

const QUOTE_MARK = /["“”«»'‘’]/;
function hotter(x: Analysis, y: Analysis): boolean {
  const safe = (a: Analysis) => a.labels.some((l) => SAFETY_LABELS.includes(l));
  if (x.held !== y.held) return x.held;
  if (safe(x) !== safe(y)) return safe(x);
  return x.heat > y.heat;
}

function analyzeNormal(text: string, options: AnalyzeOptions): Detailed {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const ctx = options.context;
  const m = getModel();
  const quotesAreOwn = options.quotesAreOwn === true;
  const quotes = quotesAreOwn ? quoteRanges(text) : [];
  const said = without(reportedRanges(text, { quotesAreOwn }), quotes);
  const reported = [...said, ...without(literalRanges(text), quotes)];
  const rules = runRules(text, reported, said);
  const directed = isDirected(text, reported, ctx?.otherNames);

  let hits = rules.hits;
  if (ctx?.otherNames?.length && hits.some((h) => h.label === 'insult' && h.score < 0.85)) {
    // "Sam is such a liar": a named participant is the reader
    const lower = text.toLowerCase();
    hits = hits.map((h) => {
      if (h.label !== 'insult' || h.score >= 0.85) return h;
      const near = lower.slice(Math.max(0, h.start - 40), h.end);
      return ctx.otherNames!.some((n) => n && near.includes(n.toLowerCase())) ? { ...h, score: 0.85 } : h;
    });
  }
  // a story about the sender's life, aimed at no one in the room: "I give up", "I'm done", capitals,
  // "oh please" and a bare "lazy" in it tell how the sender felt or what someone did, so they are
  // labelled but not held (profanity, directed insults, threats and self-harm still are)
  const addressed = directed && isDirected(text.replace(HELP_YOU_RE, (x) => ' '.repeat(x.length)), reported, ctx?.otherNames);
  const narrative = !addressed && isNarrative(text);
  // "My boss is a bully and everyone knows it", "my stepdad is a drunk and a liar. he hits my mom. can
  // you help me?": someone in the sender's life described to a helper, not the reader attacked
  const aboutSomeone = !addressed && !narrative && (MY_RELATION_RE.test(text) || (THEY_DID_RE.test(text) && TO_ME_RE.test(text)));
  // what the rules have no words for ("Accidents happen, you know. Especially to people who talk too much.")
  const labelModel = options.labelModel === false ? null : loadLabelModel();
  if (labelModel) hits = hits.concat(labelHits(labelModel, text, hits, { masked: reported, addressed, aboutSomeone }));
  if (narrative) hits = hits.map((h) => (SOFT_IN_STORY.has(h.label) && h.score > 0.35 ? { ...h, score: 0.35 } : h));
  let ruleCold = 1;
  const best = new Map<HeatLabel, number>();
  for (const h of hits) {
    // in a story the soft signs count once, together: a feeling told, not several attacks
    const soft = narrative && (SOFT_IN_STORY.has(h.label) || h.score < 0.5);
    const key = soft ? 'stonewalling' : h.label;
    best.set(key, Math.max(best.get(key) ?? 0, h.score));
  }
  for (const s of best.values()) ruleCold *= 1 - s;
  const ruleHeat = 1 - ruleCold;

  let mh = 0;
  if (reported.length) {
    // what is left around reported speech is often a fragment ("and walked out"), on which the
    // model (trained on whole sentences) is unreliable: trust it less
    const rest = modelView(text, reported);
    mh = modelHeat(m, rest);
    // (also when a good part of the message was taken out: "our drummer absolutely ... last night")
    const taken = reported.reduce((n, r) => n + r.end - r.start, 0);
    if ((rest.match(/[A-Za-z]+/g)?.length ?? 0) <= 4 || taken >= FRAGMENT_SHARE * text.length) mh *= 0.6;
  } else if (text.trim()) {
    mh = modelHeat(m, text);
    // no word at all ("a1", "k", "?"): the model has nothing to read
    if (!/[A-Za-z]{2}/.test(text)) mh *= 0.6;
  }
  if (ctx?.private && !directed) mh *= 0.8;
  // a story about the sender's life, aimed at no one in the room ("My mom is always bossy and treats me
  // like a child. She argues with me over stupid stuff."): the model (trained on single hostile sentences
  // and tweets) over-reads its hard words, so it alone cannot hold it; the rules still judge it in full
  if (narrative) mh *= NARRATIVE_WEIGHT;
  else if (aboutSomeone) mh *= DESCRIBED_WEIGHT;
  const heat = Math.max(mh, ruleHeat);
  const safety = hits.some((h) => SAFETY_LABELS.includes(h.label));
  const held = heat >= threshold || safety;

  let spansFrom = hits.filter((h) => held || h.score >= 0.3);
  if (held && mh >= threshold && !hits.some((h) => h.score >= 0.5 && h.label !== 'shouting')) {
    spansFrom = spansFrom.concat(modelSpans(m, text, reported));
  }
  spansFrom.sort((a, b) => a.start - b.start || b.end - a.end);
  const spans: Span[] = [];
  const labels: HeatLabel[] = [];
  for (const h of spansFrom) {
    if (spans.some((s) => s.label === h.label && s.start <= h.start && s.end >= h.end)) continue;
    spans.push({ start: h.start, end: h.end, label: h.label });
    if (!labels.includes(h.label)) labels.push(h.label);
  }

  const analysis = { heat: round3(heat), held, labels, spans, suggestions: [] };
  return { analysis, normalised: text, directed };
}
