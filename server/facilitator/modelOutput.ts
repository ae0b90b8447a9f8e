import { z } from 'zod';
import { LIMITS } from '../../shared/protocol.js';

/**
 * Reading what a model answered: one JSON object, possibly wrapped in a code fence or a little
 * prose (many OpenAI-compatible servers do not enforce JSON), checked with zod.
 */

const line = z.string().trim().min(1);

export const TextOut = z.object({ text: line.max(LIMITS.messageChars) });
export const ClauseOfferOut = z.object({
  text: line.max(LIMITS.messageChars),
  drafts: z.array(z.string()).max(10).default([]),
});
export const RewriteOut = z.object({ suggestions: z.array(z.string()).min(1).max(10) });

/** The JSON object in a model's answer, or undefined when there is none. */
export function extractJson(content: string): unknown {
  const text = content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const candidates = [text, fenced?.[1]?.trim()];
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  if (first >= 0 && last > first) candidates.push(text.slice(first, last + 1));
  for (const c of candidates) {
    if (!c) continue;
    try {
      return JSON.parse(c);
    } catch {
      /* try the next reading */
    }
  }
  return undefined;
}

/** `content` parsed and checked against `schema`, or null when it is malformed. */
export function readOutput<T>(content: string, schema: z.ZodType<T>): T | null {
  const parsed = schema.safeParse(extractJson(content));
  return parsed.success ? parsed.data : null;
}

const APOLOGY = /\b(sorry|apologi[sz]e|apologies|my fault|forgive me)\b/i;

/**
 * A model's suggestion is usable when it is non-empty, within the message limit, not the original,
 * and does not apologise on the writer's behalf when the writer did not. Heat is checked separately.
 */
export function plausibleSuggestion(suggestion: string, original: string): boolean {
  const s = suggestion.trim();
  if (s.length === 0 || s.length > LIMITS.messageChars) return false;
  if (s.toLowerCase() === original.trim().toLowerCase()) return false;
  if (APOLOGY.test(s) && !APOLOGY.test(original)) return false;
  return true;
}
