import { isSafetyLabel, type Analysis, type Review } from '../../shared/analysis.js';
import { analyze, type AnalyzeContext } from './heat/index.js';
import type { FacilitatorEngine } from './facilitator/types.js';
import { safetyNotice } from './safety.js';

export interface Reviewed {
  analysis: Analysis;
  /** Set when the message is held for its sender. */
  review: Review | null;
}

/**
 * Step 2-3 of the pipeline: score the text, and when it is held, gather the suggestions the
 * sender will see. Safety labels always hold and never allow the original.
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
  const suggestions = safety ? [] : await engine.rewrite(text, analysis);
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
