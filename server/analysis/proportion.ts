/**
 * Proportion: what looks hot to the rules but is not an attack on the reader, and how much less it weighs.
 * Banter about violence ("I could kill you for eating my leftovers lol") is heat, reviewed with the
 * original allowed, not a safety stop; swearing about a situation, affectionate teasing, an apology that
 * names the insult and plain agreement are delivered.
 */
import type { Address } from './address.js';
import type { ProportionPatterns } from './lang/types.js';
import { inRanges, type Range } from './mask.js';
import type { RuleHit } from './rules.js';

/** Banter about violence holds like criticism: the sender can still send it after a look. */
const BANTER_SCORE = 0.6;
/** swearing about a situation: labelled, not held */
const SITUATION_SWEAR_MAX = 0.3;
/** the heat model over-reads swear words and teasing names: how much of its heat is left */
const FOND_WEIGHT = 0.45;
/** sarcasm aimed at the reader is held like contempt: the sender can still send it after a look */
const SARCASM_SCORE = 0.6;
/** praise is sarcasm with at least this many different contrast or exaggeration markers beside it */
const SARCASM_CUES = 2;
/** an insult or contempt this strong is not teasing, whatever the laughter */
const FOND_MAX = 0.7;

/** "I'm sorry I said you were selfish": the words the apology names, in each sentence with an apology. */
export function apologyRanges(text: string, p: ProportionPatterns): Range[] {
  if (!p.apology.test(text)) return [];
  const out: Range[] = [];
  for (const s of text.matchAll(/[^.!?\n]+[.!?\n]*/g)) {
    if (!p.apology.test(s[0])) continue;
    p.named.lastIndex = 0;
    for (const m of s[0].matchAll(p.named))
      out.push({ start: s.index + m.index, end: s.index + m.index + m[0].length });
  }
  return out;
}

/** Plain agreement ("Fine. Go ahead."): every refusal the rules found is a bare "fine" or "k". */
export function plainAgreement(text: string, hits: readonly RuleHit[], p: ProportionPatterns): boolean {
  if (!p.agreement.test(text)) return false;
  return hits.every((h) => h.label !== 'stonewalling' || p.plainRefusal.test(text.slice(h.start, h.end).trim()));
}

/** Laughter or a trivial cause, and nothing that makes violent words serious (children, the police, leaving). */
export function overstated(text: string, p: ProportionPatterns): boolean {
  return p.banter.test(text) && !p.serious.test(text);
}

/** the reader ("you're" included, which address.ts leaves to the rules) or thanks, which are always to someone */
const READER_OR_THANKS = /\b(?:you['’](?:re|ve|d|ll)|youre|thank|thanks|cheers)\b/i;

/** thanks, which the label model can hear as contempt */
const THANKS = /\b(?:thank|thanks|thank u|cheers|appreciate|grateful)\b/i;

const rangeOf = (m: RegExpExecArray): Range => ({ start: m.index, end: m.index + m[0].length });

/**
 * Sarcasm aimed at the reader ("Oh sure, because you're SO organised", "Must be nice to have a mum who does
 * everything for you"): a stock phrase of it, or praise or thanks with two kinds of contrast or exaggeration
 * beside it; the praise's (or the phrase's) words, or null. Plain thanks ("Thanks SO much for the lift") has one.
 */
export function sarcasm(text: string, directed: boolean, p: ProportionPatterns): Range | null {
  p.sarcasmAlone.lastIndex = 0;
  const alone = p.sarcasmAlone.exec(text);
  if (alone) return rangeOf(alone);
  const praise = p.praise.exec(text);
  if (!praise || !(directed || READER_OR_THANKS.test(text))) return null;
  return sarcasmCues(text, p) >= SARCASM_CUES ? rangeOf(praise) : null;
}

/** How many kinds of contrast or exaggeration marker the text has. */
function sarcasmCues(text: string, p: ProportionPatterns): number {
  let cues = 0;
  for (const marker of p.sarcasmMarkers) {
    marker.lastIndex = 0;
    if (marker.test(text)) cues++;
  }
  return cues;
}

/** Thanks with no stock phrase of sarcasm and at most one marker: meant ("Thank you so much, you saved me"). */
export function sincereThanks(text: string, p: ProportionPatterns): boolean {
  p.sarcasmAlone.lastIndex = 0;
  return THANKS.test(text) && !p.sarcasmAlone.test(text) && sarcasmCues(text, p) < SARCASM_CUES;
}

/** Violence aimed at the reader over something trivial, or with a laugh: banter, held as heat. */
export function banterViolence(text: string, p: ProportionPatterns): Range | null {
  const v = p.violenceAtReader.exec(text);
  return v && overstated(text, p) ? rangeOf(v) : null;
}

/**
 * Swearing about a thing or a situation, aimed at no one: not at the reader, nor at a person, nor at words
 * someone said ("this crap"); each sentence with a swear word in it is about a thing or the sender's own day.
 */
function aboutSituation(text: string, hits: readonly RuleHit[], address: Address, p: ProportionPatterns): boolean {
  if (address.directed || !p.swear.test(text) || p.swearAtPerson.test(text) || p.swearAtWords.test(text)) return false;
  if (hits.some((h) => (h.label === 'insult' || h.label === 'contempt') && h.score >= FOND_MAX)) return false;
  for (const s of text.matchAll(/[^.!?\n]+[.!?\n]*/g)) {
    if (!p.swear.test(s[0])) continue;
    p.situation.lastIndex = 0;
    if (!p.situation.test(s[0]) && !p.aboutThing.test(s[0])) return false;
  }
  return true;
}

export interface Proportioned {
  hits: RuleHit[];
  /** what is left of the heat model's score */
  modelWeight: number;
}

/** The hits and the model's weight, once banter, teasing, situations and agreement are given their size. */
export function proportion(
  text: string,
  hits: RuleHit[],
  address: Address,
  agreement: boolean,
  p: ProportionPatterns,
): Proportioned {
  let out = hits;
  let modelWeight = 1;
  // "touch my last slice of pizza and I'll end you 😂": heat, never a safety stop
  if (out.some((h) => h.label === 'threat') && overstated(text, p))
    out = out.map((h) => (h.label === 'threat' ? { ...h, label: 'criticism', score: BANTER_SCORE } : h));
  // "I could kill you for eating my leftovers lol": still held, for a look before it goes
  const banter = banterViolence(text, p);
  if (banter && !out.some((h) => h.score >= BANTER_SCORE))
    out = [...out, { ...banter, label: 'criticism', score: BANTER_SCORE }];
  if (agreement) out = out.filter((h) => h.label !== 'stonewalling');
  // "this week has been shit", "Damn, I missed the bus": swearing at a situation, not at anyone
  if (aboutSituation(text, out, address, p)) {
    out = out.map((h) => (h.label === 'profanity' ? { ...h, score: Math.min(h.score, SITUATION_SWEAR_MAX) } : h));
    modelWeight = FOND_WEIGHT;
  }
  // "get over here, you goof, I missed you": a fond name, not an insult
  if (p.teasing.test(text) && p.affection.test(text) && !p.serious.test(text)) {
    const fond = (h: RuleHit) =>
      (h.label === 'insult' || h.label === 'contempt') &&
      (h.score < FOND_MAX || p.teasing.test(text.slice(h.start, h.end)));
    out = out.filter((h) => !fond(h));
    if (!out.some((h) => h.score >= 0.5)) modelWeight = FOND_WEIGHT;
  }
  // "Thank you so much for picking the kids up, you saved me": thanks meant, not contempt
  if (sincereThanks(text, p)) out = out.filter((h) => h.label !== 'contempt' || h.score >= FOND_MAX);
  // "Wow, thanks for the help, really": praise turned round at the reader
  const sarcastic = sarcasm(text, address.directed, p);
  if (sarcastic && !out.some((h) => h.score >= SARCASM_SCORE))
    out = [...out, { ...sarcastic, label: 'contempt', score: SARCASM_SCORE }];
  return { hits: out, modelWeight };
}
