import { isSafetyLabel, type Analysis, type Review } from '../../../shared/analysis.js';
import type { AnalyzeContext } from '../../analysis/index.js';
import { analyzeWithSuggestions as analyze } from '../../facilitator/rewrite/index.js';
import { LocalFacilitator } from '../../facilitator/local.js';
import { plausibleSuggestion } from '../../facilitator/modelOutput.js';
import type { FacilitatorEngine } from '../../facilitator/types.js';
import { safetyNotice } from './safety.js';

export interface Reviewed {
  analysis: Analysis;
  /** Set when the message is held for its sender. */
  review: Review | null;
}

/**
 * A suggestion judged as it would be delivered: in the sender's name, so quoted words are the sender's
 * own (a model's 'I feel hurt when you call me "a worthless idiot"' delivers the insult again).
 */
export function judgeSuggestion(text: string, threshold: number, context?: AnalyzeContext): Analysis {
  return analyze(text, { threshold, suggestions: false, context, quotesAreOwn: true, safetyModel: false });
}

/** The suggestions that may reach the room as they are. */
export function deliverableSuggestions(suggestions: string[], threshold: number, context?: AnalyzeContext): string[] {
  return suggestions.filter((s) => !judgeSuggestion(s, threshold, context).held);
}

/** Words offline, at once: a held message is answered with these while a model (if any) is asked. */
const LOCAL = new LocalFacilitator();

/**
 * Step 2-3 of the pipeline: score the text, and when it is held, gather the suggestions the sender
 * sees at once: the local engine's (a model's come later, see modelSuggestions). Safety labels always
 * hold and never allow the original.
 */
export async function reviewText(
  text: string,
  threshold: number,
  engine: FacilitatorEngine,
  timeAnalyzer: (seconds: number) => void,
  context?: AnalyzeContext,
): Promise<Reviewed> {
  const started = process.hrtime.bigint();
  const analysis = analyze(text, { threshold, suggestions: true, context });
  timeAnalyzer(Number(process.hrtime.bigint() - started) / 1e9);
  if (!analysis.held) return { analysis, review: null };
  const safety = analysis.labels.some(isSafetyLabel);
  const now = engine.name === 'local' ? engine : LOCAL;
  // whatever an engine offers is judged again here, in the room's context, before the sender sees it
  const offered = safety ? [] : deliverableSuggestions(await now.rewrite(text, analysis), threshold, context);
  const suggestions = safety ? [] : offered.length ? offered : fallbackSuggestions(analysis, threshold, context);
  return {
    analysis,
    review: {
      heat: analysis.heat,
      labels: analysis.labels,
      spans: analysis.spans,
      suggestions: suggestions.slice(0, 3),
      originalAllowed: !safety,
      ...(safety ? { safety: safetyNotice(analysis.labels) } : {}),
    },
  };
}

/**
 * A model's suggestions for a held message, judged as the local ones are (not held again, in the room's
 * context; plausible), or null when it has nothing better to offer than `current` (it fell back to the
 * local words, or nothing it offered passes). Never for a safety hold: that offers no rewording.
 */
export async function modelSuggestions(
  engine: FacilitatorEngine,
  text: string,
  analysis: Analysis,
  current: Review,
  threshold: number,
  context?: AnalyzeContext,
): Promise<string[] | null> {
  if (engine.name === 'local' || !current.originalAllowed) return null;
  const offered = (await engine.rewrite(text, analysis))
    .map((s) => s.trim())
    .filter((s) => plausibleSuggestion(s, text));
  const suggestions = [...new Set(deliverableSuggestions(offered, threshold, context))].slice(0, 3);
  if (suggestions.length === 0 || sameList(suggestions, current.suggestions)) return null;
  return suggestions;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

/** The local rewriter's suggestions that pass; none rather than a generic line (the sender can still edit). */
function fallbackSuggestions(analysis: Analysis, threshold: number, context?: AnalyzeContext): string[] {
  return deliverableSuggestions(analysis.suggestions, threshold, context);
}

/**
 * A held message's review once a suggestion in it turned out to be held itself (offered by an older
 * review, or judged without the room's context): the suggestions that still pass, or fresh local ones.
 */
export function withoutHeldSuggestions(
  review: Review,
  heldText: string,
  threshold: number,
  context?: AnalyzeContext,
): Review {
  if (!review.originalAllowed && review.suggestions.length === 0) return review;
  let suggestions = deliverableSuggestions(review.suggestions, threshold, context);
  if (suggestions.length === 0) {
    const analysis = analyze(heldText, { threshold, suggestions: true, context });
    suggestions = analysis.labels.some(isSafetyLabel) ? [] : fallbackSuggestions(analysis, threshold, context);
  }
  return { ...review, suggestions: suggestions.slice(0, 3) };
}
