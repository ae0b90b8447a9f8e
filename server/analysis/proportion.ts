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
  if (agreement) out = out.filter((h) => h.label !== 'stonewalling');
  // "this week has been shit", "Damn, I missed the bus": swearing at a situation, not at anyone
  if (!address.directed && p.swear.test(text) && !out.some((h) => h.label === 'insult' && h.score >= 0.7)) {
    const about = [...text.matchAll(p.situation)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const swears = out.filter((h) => h.label === 'profanity');
    if (about.length && swears.every((h) => inRanges(about, h.start, h.end))) {
      out = out.map((h) => (h.label === 'profanity' ? { ...h, score: Math.min(h.score, SITUATION_SWEAR_MAX) } : h));
      modelWeight = FOND_WEIGHT;
    }
  }
  // "get over here, you goof, I missed you": a fond name, not an insult
  if (p.teasing.test(text) && p.affection.test(text) && !p.serious.test(text)) {
    const fond = (h: RuleHit) =>
      (h.label === 'insult' || h.label === 'contempt') && p.teasing.test(text.slice(h.start, h.end));
    out = out.filter((h) => !fond(h));
    if (!out.some((h) => h.score >= 0.5)) modelWeight = FOND_WEIGHT;
  }
  return { hits: out, modelWeight };
}
