/**
 * The heat analyzer: is this message heated, and why (the calmer versions are the rewriter's:
 * server/facilitator/rewrite). analyze() runs mask -> rules -> models -> combine -> spans, one named
 * function or module each (see analyzeNormal).
 * Offline and deterministic: a linear model on hashed word and character n-grams (model/, trained by
 * scripts/heat/train-heat.ts) combined with rules for what the data sets lack (rules.ts), with reported
 * speech ("he called me stupid") taken out before either looks at the text (mask.ts).
 */
import { createHmac, randomBytes } from 'node:crypto';
import { SAFETY_LABELS, type Analysis } from '../../shared/analysis.js';
import { addressOf, type Address } from './address.js';
import { isCoerciveDemand } from './coercion.js';
import { english } from './lang/en/index.js';
import type { Language } from './lang/types.js';
import { isFragment, ruleHeat, scaleModelHeat, softenStory, type ModelReading } from './combine.js';
import { disclosureRanges } from './disclosure.js';
import { labelHits, strongestWords } from './labelHits.js';
import { ALL_FEELING_WORDS } from './listening/lexicon.js';
import { LABELS } from './labels.js';
import { inRanges, literalRanges, modelView, quoteRanges, reportedRanges, type Range } from './mask.js';
import { loadModel, modelHeat, type LinearModel } from './model/heat.js';
import { labelProbabilities, type LabelModel, loadLabelModel } from './model/label.js';
import { type Basis, loadSafetyModel, SAFETY_CLASSES, safetyReading, type SafetyReading } from './model/safety.js';
import { softmaxWordWeight } from './model/softmax.js';
import { arbitrate, type Arbitration } from './safetyArbiter.js';
import { normalize } from './normalize.js';
import { apologyRanges, overstated, plainAgreement, proportion } from './proportion.js';
import { runRules, type RuleHit } from './rules.js';
import { clearWordWeights, hasWordWeight, modelSpans, spansOf, WORD_RE } from './spans.js';

export { loadModel } from './model/heat.js';
export type { Analysis, HeatLabel, Span } from '../../shared/analysis.js';
export type { Language } from './lang/types.js';
export { english } from './lang/en/index.js';

/** Heat at or above which a message is held. */
export const DEFAULT_THRESHOLD = 0.5;
/** A disclosure's heat stays below this: the meter does not rise against someone telling of harm. */
const DISCLOSURE_HEAT_MAX = 0.3;

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
  /** default English (lang/en); see lang/types.ts for what a language provides */
  language?: Language;
  /**
   * default true (false with quotesAreOwn): the safety model (model/safety.ts) and its arbiter have the last
   * word on what people write;
   * false: the rules alone, for the product's own words (suggestions, drafts, titles, a model's replies),
   * which are not what the safety model learnt from
   */
  safetyModel?: boolean;
}

let model: LinearModel | null = null;
function getModel(): LinearModel {
  return (model ??= loadModel());
}

/**
 * Replaces the model analyze() uses (cross-validation in scripts/heat/train-heat.ts); null goes back
 * to the committed one.
 */
export function useModel(m: LinearModel | null): void {
  model = m;
  clearWordWeights();
  candidateVerdicts.clear();
}

/**
 * Forgets everything the analyzer remembers of what it has read; called when any room is deleted
 * or expires, so no trace of a deleted room's words stays in this process. The caches refill.
 */
export function forgetAnalyses(): void {
  clearWordWeights();
  candidateVerdicts.clear();
  english.words.clear();
}

/**
 * Whether any cache still holds something derived from `text` (tests): a verdict on it, or one of
 * its words. The word caches hold single lower-cased words, not messages, and are bounded, but a
 * name or a rare word could still point at a room, so forgetAnalyses() clears them too.
 */
export function cacheEntriesFor(text: string): number {
  let n = 0;
  for (const [key] of candidateVerdicts) if (key.endsWith(`\u0000${verdictKey(text)}`)) n++;
  for (const word of text.toLowerCase().match(WORD_RE) ?? []) if (hasWordWeight(word.replace(/[’]/g, "'"))) n++;
  return n + english.words.cachedIn(text);
}

/**
 * A candidate suggestion (text already normalised, as the rewriter builds it from the normalised
 * message) judged by the whole analyzer as it would be delivered: its quotes are the sender's own.
 * The template sentences come back again and again, so their verdicts are remembered (only without
 * a room context, which could change them). A candidate is built from the message, so it is keyed
 * by an HMAC under a key of this process's own (the text is not kept, and a heap dump cannot be
 * searched for a guessed sentence), least recently used first out.
 */
const candidateVerdicts = new Map<string, Analysis>();
const VERDICTS_MAX = 2000;
const VERDICT_KEY = randomBytes(32);
const verdictKey = (text: string) => createHmac('sha256', VERDICT_KEY).update(text).digest('base64url');
export function judgeDelivered(
  c: string,
  threshold: number,
  ctx: AnalyzeContext | undefined,
  language: Language = english,
): Analysis {
  // a suggestion is sent in the sender's name: words it quotes are delivered, not reported
  // the product's own words: the rules judge them, as they always have (the safety model learnt from people's)
  const own = { threshold, quotesAreOwn: true, language, safetyModel: false };
  if (ctx) return analyzeNormalised(c, { ...own, context: ctx }).analysis;
  const key = `${language.code}\u0000${threshold}\u0000${verdictKey(c)}`;
  let a = candidateVerdicts.get(key);
  if (a)
    candidateVerdicts.delete(key); // re-inserted below as the most recently used
  else a = analyzeNormalised(c, own).analysis;
  candidateVerdicts.set(key, a);
  if (candidateVerdicts.size > VERDICTS_MAX) candidateVerdicts.delete(candidateVerdicts.keys().next().value!);
  return a;
}

/**
 * Whether `text` tells of harm done to its sender or of fear, by the rules' patterns alone, whatever else it says:
 * the insult beside it ("you useless man, you hit me in front of the kids") makes analyze() hold it, not a
 * disclosure; sent as written after its review, it is still one (its sender gets the check-in).
 */
export function tellsOfHarm(text: string, language: Language = english): boolean {
  return disclosureRanges(normalize(text, language).text, language.disclosure).length > 0;
}

/** The words the rules point at in `text` (already normalised), outside reported speech. */
export function ruleHits(text: string, language: Language = english): RuleHit[] {
  return runRules(text, language, reportedRanges(text, language)).hits;
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
  /** the verdict before the safety model, and its reading (cross-validation in scripts/heat/train-safety.ts) */
  basis: Basis;
  reading: SafetyReading | null;
}

/** analyze(), with the normalised text and whether it is aimed at the reader. */
export function analyzeInDetail(text: string, options: AnalyzeOptions = {}): Detailed {
  const lang = options.language ?? english;
  const norm = normalize(text, lang);
  if (norm.text === text) return analyzeNormalised(text, options);
  // names are compared with the normalised text, so they are normalised too ("José" reads "Jose")
  const names = options.context?.otherNames;
  const context = names
    ? { ...options.context, otherNames: names.map((n) => normalize(n, lang).text) }
    : options.context;
  // a threat or self-harm word that only undoing a disguise shows ("m-u-r-d-e-r", "k i l l") was meant: never banter
  const revealed = !analyzeNormalised(text, { ...options, safetyModel: false }).basis.safety;
  const d = analyzeNormalised(norm.text, { ...options, context }, revealed);
  const spans = d.analysis.spans.map((sp) => ({
    start: norm.toOriginal(sp.start),
    end: norm.toOriginal(sp.end, 'end'),
    label: sp.label,
  }));
  return { ...d, analysis: { ...d.analysis, spans } };
}

/** analyze() of a text already normalised: the rewriter's candidates are built from the normalised text. */
function analyzeNormalised(text: string, given: AnalyzeOptions, revealed = false): Detailed {
  // words read as the sender's own quotes are the product's own words: the rules' reading (see safetyModel)
  const options = { ...given, safetyModel: given.safetyModel ?? given.quotesAreOwn !== true };
  // without a quotation the two readings are one (an apostrophe alone, "don't", is no quotation)
  const quoted = options.quotesAreOwn === true && QUOTE_MARK.test(text) && quoteRanges(text).length > 0;
  const a = analyzeNormal(text, quoted ? options : { ...options, quotesAreOwn: false }, revealed);
  if (!quoted) return a;
  // masking less can also move the label model the other way ("i say ' whatever '" read whole is calm,
  // read with the quote masked is contempt): a suggestion must pass both readings
  const usual = analyzeNormal(text, { ...options, quotesAreOwn: false }, revealed);
  return hotter(usual.analysis, a.analysis) ? usual : a;
}

const QUOTE_MARK = /["“”«»'‘’]/;
function hotter(x: Analysis, y: Analysis): boolean {
  const safe = (a: Analysis) => a.labels.some((l) => SAFETY_LABELS.includes(l));
  if (x.held !== y.held) return x.held;
  if (safe(x) !== safe(y)) return safe(x);
  return x.heat > y.heat;
}

/** Stage 1: what the sender did not say to the reader, taken out before the rules and the models read. */
interface Masked {
  /** reported speech: what others said, did or wrote (and the sender about themselves) */
  said: Range[];
  /** `said` and words about things ("this stupid printer"), idioms ("kill the job") */
  reported: Range[];
}
function mask(text: string, quotesAreOwn: boolean, lang: Language, told: Range[]): Masked {
  const quotes = quotesAreOwn ? quoteRanges(text) : [];
  const said = [...without(reportedRanges(text, lang, { quotesAreOwn }), quotes), ...told];
  const reported = [...said, ...without(literalRanges(text, lang), quotes)];
  return { said, reported };
}

/** The score a hit is raised to beside a participant's name, or undefined. */
function raise(h: RuleHit): number | undefined {
  const to = LABELS[h.label].nearName;
  return to !== undefined && h.score < to ? to : undefined;
}

/** Stage 2: the rules; an insult next to a participant's name is aimed at the reader ("Sam is such a liar"). */
function rules(text: string, masked: Masked, names: string[] | undefined, lang: Language): RuleHit[] {
  const hits = runRules(text, lang, masked.reported, masked.said).hits;
  if (!names?.length || !hits.some((h) => raise(h) !== undefined)) return hits;
  const lower = text.toLowerCase();
  return hits.map((h) => {
    const to = raise(h);
    if (to === undefined) return h;
    const near = lower.slice(Math.max(0, h.start - 40), h.end);
    return names.some((n) => n && near.includes(n.toLowerCase())) ? { ...h, score: to } : h;
  });
}

/**
 * Stage 3a: the label model, for what the rules have no words for ("Accidents happen, you know.
 * Especially to people who talk too much."): its hits join the rules'.
 */
function labelModelHits(
  text: string,
  hits: RuleHit[],
  masked: Masked,
  address: Address,
  label: LabelReading | null,
  lang: Language,
): RuleHit[] {
  if (!label) return hits;
  const ctx = { masked: masked.reported, addressed: address.addressed, aboutSomeone: address.aboutSomeone };
  return hits.concat(labelHits(label.model, text, hits, ctx, lang, label.p));
}

/** "I feel embarrassed", "I'm so hurt": a feeling the sender owns. */
const OWN_FEELING = new RegExp(
  String.raw`\bi(?:'m|’m| am| feel| felt| was| get| got)\s+(?:so |really |very |a bit |quite |just )?` +
    `(?:${ALL_FEELING_WORDS.filter((w) => !w.includes(' ')).join('|')})\\b` +
    // "worried sick", "scared stiff", "bored to death": still the sender's own feeling
    String.raw`(?:\s+(?:sick|stiff|to death|out of my (?:mind|wits)))?`,
  'gi',
);

/** How much of the model's heat is left when it leans on a feeling the sender owns. */
const OWN_FEELING_WEIGHT = 0.6;

function leansOnOwnFeeling(m: LinearModel, text: string, masked: Masked, lang: Language): boolean {
  const own = [...text.matchAll(OWN_FEELING)].map((f) => ({ start: f.index, end: f.index + f[0].length }));
  if (own.length === 0) return false;
  const [strongest] = modelSpans(m, text, masked.reported, lang.words);
  return strongest !== undefined && inRanges(own, strongest.start, strongest.end);
}

/** So few words are a fragment the character model reads by letters alone ("switch" ~ "witch"). */
const SHORT_WORDS = 3;

/** Stage 3b: the heat model, on what is left once reported speech is taken out. */
function heatModel(m: LinearModel, text: string, masked: Masked, lang: Language): ModelReading {
  const classOf = lang.words.classOf;
  const { reported } = masked;
  if (reported.length) {
    const rest = modelView(text, reported);
    // (also a fragment when a good part of the message was taken out: "our drummer absolutely ... last night")
    const taken = reported.reduce((n, r) => n + r.end - r.start, 0);
    return { heat: modelHeat(m, rest, classOf), fragment: isFragment(rest, taken, text.length), noWords: false };
  }
  if (!text.trim()) return { heat: 0, fragment: false, noWords: false };
  // no word at all ("a1", "k", "?"): the model has nothing to read; up to SHORT_WORDS ("chores", "the dishes")
  // are a fragment it reads by their letters alone (chores ~ whores): an insult that short is the rules' to find
  const words = text.match(/[A-Za-z]+/g)?.length ?? 0;
  return { heat: modelHeat(m, text, classOf), fragment: words > 0 && words <= SHORT_WORDS, noWords: words === 0 };
}

// at module level: tsx (keepNames) wraps a named closure made inside a function in __name() on every call
const isSafety = (h: RuleHit) => SAFETY_LABELS.includes(h.label);

/** One reading of a normalised text: mask -> rules -> models -> combine -> spans. */
function analyzeNormal(text: string, options: AnalyzeOptions, revealed = false): Detailed {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const ctx = options.context;
  const m = getModel();
  const lang = options.language ?? english;
  // what was done to the sender, and the insult an apology names, are told, not said to the reader
  let disclosed = disclosureRanges(text, lang.disclosure);
  const told = [...disclosed, ...apologyRanges(text, lang.proportion)];
  const masked = mask(text, options.quotesAreOwn === true, lang, told);
  const address = addressOf(text, masked.reported, ctx?.otherNames, lang.address);
  let hits = rules(text, masked, ctx?.otherNames, lang);
  // swearing or insults of the sender's own beside it: not someone telling of harm ("scared of her...her pussy")
  if (
    disclosed.length &&
    hits.some((h) => (h.label === 'insult' && h.score >= 0.7) || (h.label === 'profanity' && h.score >= 0.55))
  )
    disclosed = [];
  const agreement = plainAgreement(text, hits, lang.proportion);
  const ruleSafety = hits.some((h) => SAFETY_LABELS.includes(h.label));
  const apology = told.length > disclosed.length;
  const label = labelReading(text, masked, options.labelModel !== false, lang);
  hits = labelModelHits(text, hits, masked, address, label, lang);
  // the label model alone hears "I'll die if I don't get coffee soon" as self-harm: not with a trivial cause
  const isOverstated = overstated(text, lang.proportion);
  if (!ruleSafety && hits.some((h) => SAFETY_LABELS.includes(h.label)) && isOverstated)
    hits = hits.filter((h) => !SAFETY_LABELS.includes(h.label));
  // a threat that starts inside what the sender was told ("he said he'd take the kids and I'd never see them") is
  // the one they received, not theirs
  if (disclosed.length)
    hits = hits.filter((h) => h.label !== 'threat' || !disclosed.some((r) => h.start >= r.start && h.start < r.end));
  const sized = proportion(text, hits, address, agreement, lang.proportion);
  hits = softenStory(sized.hits, address.narrative);
  let mh = scaleModelHeat(heatModel(m, text, masked, lang), address, ctx?.private === true) * sized.modelWeight;
  // the model learnt feeling words from hostile comments: when the word it leans on most is a feeling the
  // sender owns ("I feel embarrassed when you call my friends' parents"), it is not heard as an attack
  if (mh >= threshold && leansOnOwnFeeling(m, text, masked, lang)) mh *= OWN_FEELING_WEIGHT;
  const ruleMax = Math.max(mh, ruleHeat(hits, address.narrative));
  const heatBefore = disclosed.length && !hits.some(isSafety) ? Math.min(ruleMax, DISCLOSURE_HEAT_MAX) : ruleMax;
  const heatWithoutSafety = Math.max(
    mh,
    ruleHeat(
      hits.filter((h) => !isSafety(h)),
      address.narrative,
    ),
  );
  const hatred = lang.proportion.hatred.test(text);
  const basis: Basis = {
    safety: hits.some(isSafety),
    disclosure: disclosed.length > 0,
    held: heatBefore >= threshold || hits.some(isSafety),
    heldWithoutSafety:
      (disclosed.length ? Math.min(heatWithoutSafety, DISCLOSURE_HEAT_MAX) : heatWithoutSafety) >= threshold,
    heat: heatBefore,
    directed: address.directed,
    ruleSafety,
    modelHeat: mh,
    ...labelSafety(label),
    reported: masked.said.length > told.length,
    literal: masked.reported.length > masked.said.length,
    apology,
    overstated: isOverstated,
    serious: lang.proportion.serious.test(text) || hatred,
    hatred,
    revealed: revealed && hits.some(isSafety),
    thanks: lang.proportion.thanks.test(text),
    agreement,
    care: lang.labelModel.care.test(text),
    story: address.narrative || address.aboutSomeone,
    demand: !disclosed.length && isCoerciveDemand(text),
    words: text.match(/[\p{L}\p{N}']+/gu)?.length ?? 0,
    selfHarmWords: lang.labelModel.anchors.self_harm?.test(text) ?? true,
  };
  const safetyModel = options.safetyModel === false ? null : loadSafetyModel();
  const reading = safetyModel ? safetyReading(safetyModel, text, basis, lang.words.classOf) : null;
  const arb = reading ? arbitrate(basis, reading) : null;
  if (arb) hits = arbitratedHits(hits, arb, text, lang, threshold);
  const safety = hits.some(isSafety);
  let heat = Math.max(mh, ruleHeat(hits, address.narrative));
  const disclosure = arb ? arb.disclosure : disclosed.length > 0;
  // a disclosure is never held, nor made to look hot: the alarm must not turn against the person at risk
  if (disclosure && !safety) heat = Math.min(heat, DISCLOSURE_HEAT_MAX);
  if (arb?.hold) heat = Math.max(heat, threshold);
  if (arb?.release) heat = Math.min(heat, RELEASED_HEAT_MAX * threshold);
  const held = heat >= threshold || safety;
  const { spans, labels } = spansOf(hits, held, mh >= threshold && held, () =>
    modelSpans(m, text, masked.reported, lang.words),
  );
  const analysis: Analysis = { heat: round3(heat), held, labels, spans, suggestions: [] };
  if (disclosure) analysis.disclosure = true;
  return { analysis, normalised: text, directed: address.directed, basis, reading };
}

/**
 * The label model's probabilities on what is left once reported speech is taken out: read once, as both its hits
 * and the safety model's inputs use them (each read costs a softmax over ten classes).
 */
interface LabelReading {
  model: LabelModel;
  p: Float64Array;
}
function labelReading(text: string, masked: Masked, use: boolean, lang: Language): LabelReading | null {
  const model = use ? loadLabelModel() : null;
  if (!model) return null;
  // a copy: labelProbabilities() reuses its array
  return { model, p: labelProbabilities(model, modelView(text, masked.reported), lang.words.classOf).slice() };
}

/** The label model's threat and self-harm probabilities, as the safety model reads them. */
function labelSafety(label: LabelReading | null) {
  if (!label) return { labelThreat: 0, labelSelfHarm: 0 };
  const { p, model } = label;
  const { classes } = model.meta;
  return { labelThreat: p[classes.indexOf('threat')] ?? 0, labelSelfHarm: p[classes.indexOf('self_harm')] ?? 0 };
}

/** A release leaves the heat just under the line, so the meter still shows it was warm. */
const RELEASED_HEAT_MAX = 0.9;

/** The hits once the safety model's arbitration is applied (its own hits point at the words it leaned on). */
function arbitratedHits(hits: RuleHit[], arb: Arbitration, text: string, lang: Language, threshold: number): RuleHit[] {
  let out = arb.drop ? hits.filter((h) => !SAFETY_LABELS.includes(h.label)) : hits;
  const model = loadSafetyModel();
  const at = (cls: (typeof SAFETY_CLASSES)[number]) => {
    const c = SAFETY_CLASSES.indexOf(cls);
    const weight = (w: string) => (model ? softmaxWordWeight(model, c, w, lang.words.classOf) : 0);
    return strongestWords(text, [], lang.words.stopwords, weight) ?? { start: 0, end: text.length };
  };
  if (arb.add) out = out.concat({ label: arb.add, ...at(arb.add), score: 1 });
  if (arb.hold) out = out.concat({ label: 'contempt', ...at('heat'), score: Math.max(threshold, 0.6) });
  if (arb.release) out = out.map((h) => (h.score >= threshold ? { ...h, score: RELEASED_HEAT_MAX * threshold } : h));
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
