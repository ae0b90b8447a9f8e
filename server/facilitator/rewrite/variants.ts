/**
 * Other ways to say the same edit, for when the analyzer still holds it: the words stay the sender's,
 * only the tone of a demand or a boundary changes ("anymore" -> "any longer", "Stop X" -> "Please stop
 * X", "Keep X" -> "Could you keep X?"). Nothing is cut here: the boundary and the request stay whole.
 */
import { politeRequests } from './requests.js';

/** "I'm not lending you money anymore" -> "... any longer": the same boundary, read as less final. */
function anyLonger(s: string): string {
  return s.replace(/\bany\s*more\b/gi, 'any longer');
}

/** A demand with "please": "Stop asking" -> "Please stop asking", "so stop asking" -> "so please stop asking". */
function withPlease(s: string): string {
  return s
    .replace(/(^|[.!?]\s+)learn\s+to\s+/gi, (_m, edge: string) => `${edge}Please `)
    .replace(
      new RegExp(
        String.raw`(^|[.!?]\s+)(stop|keep|pick|give|call|text|tell|put|take|leave|let|pay|clean|` +
          String.raw`correct|check|cook|move|come|send|answer|bring|turn|fix|read|ask|tidy|wash|show|` +
          String.raw`help|remember|explain|ring|cancel|change|sort|talk)\b`,
        'gi',
      ),
      (_m, edge: string, verb: string) => `${edge}Please ${verb.toLowerCase()}`,
    )
    .replace(/(\b(?:so|and|,)\s+)(stop|quit)\b/gi, '$1please $2')
    .replace(/\bPlease\s+please\b/gi, 'Please');
}

/** Variants of `edit`, most like it first, each different from it. */
export function variants(edit: string): string[] {
  const out: string[] = [];
  const longer = anyLonger(edit);
  for (const base of [edit, longer]) {
    out.push(base, withPlease(base));
    const asked = politeRequests(base);
    if (asked) out.push(asked);
  }
  return [...new Set(out)].filter((v) => v !== edit);
}
