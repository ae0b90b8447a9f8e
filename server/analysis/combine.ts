/**
 * How the rule hits and the heat model's score become one heat: each scaling of the model's heat is
 * named here, with why; the rules count as a noisy-or of the best score per label.
 */
import type { HeatLabel } from '../../shared/analysis.js';
import type { Address } from './address.js';
import { LABELS } from './labels.js';
import type { RuleHit } from './rules.js';

/** a story about the sender's life: the model alone cannot hold it */
const NARRATIVE_WEIGHT = 0.4;
/** someone in the sender's life described to a helper */
const DESCRIBED_WEIGHT = 0.5;
/** what is left around reported speech, or a text with no word, is a fragment the model reads badly */
const FRAGMENT_WEIGHT = 0.6;
/** the share of a message that, once taken out as reported speech or words about things, leaves a fragment */
const FRAGMENT_SHARE = 0.25;
/** at most this many words left around reported speech: a fragment */
const FRAGMENT_WORDS = 4;
/** private preparation, aimed at no one: nobody else reads it */
const PRIVATE_WEIGHT = 0.8;
/** in a story the soft signs count once, together, at most this much: labelled, not held */
const STORY_SOFT_MAX = 0.35;

/** In a story the soft signs are a feeling told, not attacks: at most STORY_SOFT_MAX each. */
export function softenStory(hits: RuleHit[], narrative: boolean): RuleHit[] {
  if (!narrative) return hits;
  return hits.map((h) =>
    LABELS[h.label].softInStory && h.score > STORY_SOFT_MAX ? { ...h, score: STORY_SOFT_MAX } : h,
  );
}

/** The rules' heat: noisy-or of the best score per label (in a story, the soft signs count once, together). */
export function ruleHeat(hits: RuleHit[], narrative: boolean): number {
  let ruleCold = 1;
  const best = new Map<HeatLabel, number>();
  for (const h of hits) {
    // in a story the soft signs count once, together: a feeling told, not several attacks
    const soft = narrative && (LABELS[h.label].softInStory || h.score < 0.5);
    const key = soft ? 'stonewalling' : h.label;
    best.set(key, Math.max(best.get(key) ?? 0, h.score));
  }
  for (const s of best.values()) ruleCold *= 1 - s;
  return 1 - ruleCold;
}

/** What the heat model read, for scaleModelHeat. */
export interface ModelReading {
  /** the model's heat on the text it read */
  heat: number;
  /** it read only what was left around reported speech, and that was a fragment */
  fragment: boolean;
  /** the text has no word at all ("a1", "k", "?") */
  noWords: boolean;
}

/** Whether what is left around reported speech is a fragment: few words, or much taken out. */
export function isFragment(rest: string, taken: number, length: number): boolean {
  return (rest.match(/[A-Za-z]+/g)?.length ?? 0) <= FRAGMENT_WORDS || taken >= FRAGMENT_SHARE * length;
}

/** The model's heat weighed by what the model is known to over-read. */
export function scaleModelHeat(reading: ModelReading, address: Address, isPrivate: boolean): number {
  let mh = reading.heat;
  // what is left around reported speech is often a fragment ("and walked out"), on which the
  // model (trained on whole sentences) is unreliable: trust it less; so also with no word at all
  if (reading.fragment || reading.noWords) mh *= FRAGMENT_WEIGHT;
  if (isPrivate && !address.directed) mh *= PRIVATE_WEIGHT;
  // a story about the sender's life, aimed at no one in the room ("My mom is always bossy and treats me
  // like a child. She argues with me over stupid stuff."): the model (trained on single hostile sentences
  // and tweets) over-reads its hard words, so it alone cannot hold it; the rules still judge it in full
  if (address.narrative) mh *= NARRATIVE_WEIGHT;
  else if (address.aboutSomeone) mh *= DESCRIBED_WEIGHT;
  return mh;
}
