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

/** A model's thinking is never part of its answer. */
function withoutThinking(content: string): string {
  return content.replace(/<think>[\s\S]*?(<\/think>|$)/gi, '').trim();
}

/**
 * `content` parsed and checked against `schema`, or null when it is malformed. With `prose` (a server
 * that takes no response format at all), an answer with no JSON in it counts as the `text` of a
 * text-only shape: such servers often answer in plain words however they are asked.
 */
export function readOutput<T>(content: string, schema: z.ZodType<T>, options: { prose?: boolean } = {}): T | null {
  const found = extractJson(content);
  const value = found === undefined && options.prose ? { text: withoutThinking(content) } : found;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The JSON Schema a server is asked to follow (`response_format: json_schema`, strict): the zod shape
 * without the keywords strict mode refuses (string lengths, defaults); zod checks those afterwards.
 */
export function modelSchema(schema: z.ZodType): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$schema' || k === 'minLength' || k === 'maxLength' || k === 'default') continue;
      out[k] = strip(v);
    }
    return out;
  };
  return strip(z.toJSONSchema(schema, { unrepresentable: 'any' })) as Record<string, unknown>;
}

/**
 * Strict mode takes only closed objects whose every property is required: a shape with optional
 * fields is sent as a schema without `strict`, rather than refused (and the format lowered for all).
 */
export function isStrictable(node: unknown): boolean {
  if (Array.isArray(node)) return node.every(isStrictable);
  if (node === null || typeof node !== 'object') return true;
  const n = node as Record<string, unknown>;
  if (n.type === 'object' || n.properties) {
    const keys = Object.keys((n.properties as object) ?? {});
    const required = new Set((n.required as string[]) ?? []);
    if (n.additionalProperties !== false || keys.some((k) => !required.has(k))) return false;
  }
  return Object.values(n).every(isStrictable);
}

/**
 * The `text` written so far in a streamed answer still being written (`{"text": "Thank you, An`), or
 * '' before it starts (an answer in plain prose shows nothing until it is whole).
 */
export function partialText(content: string): string {
  const text = withoutThinking(content);
  const start = /"text"\s*:\s*"/.exec(text);
  if (!start) return '';
  let out = '';
  for (let i = start.index + start[0].length; i < text.length; i++) {
    const c = text[i];
    if (c === '"') break;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[i + 1];
    if (e === undefined) break;
    if (e === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-f]{4}$/i.test(hex)) break;
      out += String.fromCharCode(Number.parseInt(hex, 16));
      i += 5;
    } else {
      out += ({ n: '\n', t: '\t', r: '', b: '', f: '' } as Record<string, string>)[e] ?? e;
      i += 1;
    }
  }
  return out.trim();
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
