/**
 * The rewriter with the local analyzer as its judge: what callers use to get a held message's
 * suggestions. The rewriter itself (rewrite.ts) imports nothing from the analyzer, and the analyzer
 * nothing from it; this module ties the two together.
 */
import type { Analysis } from '../../../shared/analysis.js';
import {
  analyze,
  analyzeInDetail,
  DEFAULT_THRESHOLD,
  judgeDelivered,
  ruleHits,
  type AnalyzeContext,
  type AnalyzeOptions,
  type Language,
} from '../../analysis/index.js';
import { rewrite, type Judges } from './rewrite.js';

export { rewrite, type Judges } from './rewrite.js';

/**
 * The analyzer as the rewriter's judge, at `threshold`, in the room's `context`,
 * reading `language` (default English).
 */
export function localJudges(threshold = DEFAULT_THRESHOLD, context?: AnalyzeContext, language?: Language): Judges {
  return {
    delivered: (c) => judgeDelivered(c, threshold, context, language),
    quick: (c) => analyze(c, { labelModel: false, language, safetyModel: false }),
    ruleHits: (c) => ruleHits(c, language),
  };
}

export type AnalyzeWithSuggestionsOptions = Omit<AnalyzeOptions, 'suggestions'> & {
  /** default true: when the message is held, up to three calmer versions (see rewrite.ts) */
  suggestions?: boolean;
};

/** analyze(), then, when the message is held, the rewriter's suggestions judged by the analyzer. */
export function analyzeWithSuggestions(text: string, options: AnalyzeWithSuggestionsOptions = {}): Analysis {
  const { suggestions = true, ...rest } = options;
  if (!suggestions) return analyze(text, rest);
  const d = analyzeInDetail(text, rest);
  if (!d.analysis.held) return d.analysis;
  const judges = localJudges(rest.threshold ?? DEFAULT_THRESHOLD, rest.context, rest.language);
  const message = { text: d.normalised, labels: d.analysis.labels, directed: d.directed };
  return { ...d.analysis, suggestions: rewrite(message, judges) };
}
