import { hash, randomBytes } from 'node:crypto';
import { analyze } from '../analysis/index.js';

/**
 * Whether a text is calm enough to quote or draft from (what the analyzer would not hold at 0.5), remembered:
 * clause offers and summaries read back the same recent messages again and again, and analysing each one
 * every time cost up to 60 analyses per offer. Keyed by a hash under this process's own key (the text is
 * not kept, and a heap dump cannot be searched for a guessed sentence), bounded, least recently used first
 * out, and forgotten whenever a room is deleted, like the analyzer's own caches (app.ts).
 */
const VERDICTS_MAX = 20_000;
const KEY = randomBytes(32).toString('base64');
const verdicts = new Map<string, boolean>();

/** sha256 of this process's random key and the text: a lookup key only (a fifth of an HMAC's cost). */
const keyOf = (text: string): string => hash('sha256', KEY + text, 'base64url');

export function isCalm(text: string): boolean {
  const key = keyOf(text);
  const known = verdicts.get(key);
  if (known !== undefined) {
    // Re-inserted: the most recently used is the last to go.
    verdicts.delete(key);
    verdicts.set(key, known);
    return known;
  }
  // the words the facilitator quotes or drafts from are judged as its own words are: by the rules
  const verdict = !analyze(text, { threshold: 0.5, safetyModel: false }).held;
  verdicts.set(key, verdict);
  if (verdicts.size > VERDICTS_MAX) verdicts.delete(verdicts.keys().next().value as string);
  return verdict;
}

/** Forgets every verdict (a room was deleted or expired). */
export function forgetCalmVerdicts(): void {
  verdicts.clear();
}

/** Whether a verdict on `text` is remembered (tests). */
export function remembersCalm(text: string): boolean {
  return verdicts.has(keyOf(text));
}
