/** What the rewriter does per label. */
import type { HeatLabel } from '../../../shared/analysis.js';

/**
 * What the rewriter does per label, one record each (as analysis/labels.ts for the analyzer; the rewriter
 * imports nothing from the analyzer, so it keeps its own): a new label does not compile until it is here.
 */
interface RewriteLabel {
  /** which label leads the rewrite when a message has several: the lowest; null never leads */
  priority: number | null;
  /** an attack on the reader's character or blame: answered with an I-statement first */
  character: boolean;
  /** a phrase of it is the point of its sentence (sarcasm, a verdict on character): cut with the sentence */
  sentenceWide?: boolean;
  /** its words are never cut from a held candidate (capitals are undone instead) */
  keepWords?: boolean;
}
export const REWRITE_LABELS: Record<HeatLabel, RewriteLabel> = {
  threat: { priority: 0, character: false },
  stonewalling: { priority: 1, character: true },
  contempt: { priority: 2, character: false, sentenceWide: true },
  insult: { priority: 3, character: false },
  criticism: { priority: 4, character: true, sentenceWide: true },
  blame: { priority: 5, character: true },
  defensiveness: { priority: 6, character: true },
  profanity: { priority: 7, character: false },
  shouting: { priority: 8, character: false, keepWords: true },
  // self-harm gets no suggestions (the room shows the help message)
  self_harm: { priority: null, character: false },
};

/** The label that leads the rewrite (profanity when none does). */
export function main(labels: HeatLabel[]): HeatLabel {
  let lead: HeatLabel = 'profanity';
  let best = Number.POSITIVE_INFINITY;
  for (const l of labels) {
    const p = REWRITE_LABELS[l].priority;
    if (p !== null && p < best) {
      best = p;
      lead = l;
    }
  }
  return lead;
}
