/**
 * The sender's own demand, asked as a request: "Correct it with the team by Monday." -> "Could you
 * correct it with the team by Monday?", "Do not text me after 10pm." -> "Please don't text me after
 * 10pm." The object, the deadline and the boundary stay; only the order's tone changes.
 */

/** Verbs a demand starts with (an imperative sentence). */
const IMPERATIVE = new Set(
  (
    'stop keep pick give call text tell put take leave pay clean correct check cook move send answer bring fix read ' +
    'ask listen respect quit drop return tidy wash show help remember explain ring book cancel change sort talk wait ' +
    'finish cover sign stay'
  ).split(' '),
);

/** "ever again", "I mean it": emphasis that turns a request back into an order. */
const EMPHASIS = /\s*(?:,?\s*(?:ever\s+again|i\s+mean\s+it|right\s+now|already|for\s+once)\b)+/gi;

function lowerFirst(s: string): string {
  return /^I\b/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}

/** One sentence as a request, or null when it is not a demand. */
function asRequest(sentence: string): string | null {
  const body = sentence.replace(/[.!?]+$/, '').trim();
  const m = body.match(/^(?:please\s+)?(do\s+not|don['’]t|never)\s+(.+)$/i);
  if (m) return `Please don't ${m[2].replace(EMPHASIS, '')}.`;
  const first = body.match(/^(?:please\s+)?([A-Za-z]+)\s+\S/);
  if (!first || !IMPERATIVE.has(first[1].toLowerCase())) return null;
  // a request is about the two people: "me", "your", "us", "it" ... (else it is a remark about the world)
  if (!/\b(?:me|my|us|our|you|your|it|them|him|her|this|that)\b/i.test(body)) return null;
  const rest = body.replace(/^please\s+/i, '').replace(EMPHASIS, '');
  return `Could you ${lowerFirst(rest)}?`;
}

/** The text with each of its demands asked as a request; null when it makes no demand. */
export function politeRequests(text: string): string | null {
  const sentences = text.match(/[^.!?]+[.!?]*\s*/g) ?? [];
  let changed = false;
  const out = sentences.map((s) => {
    const r = asRequest(s.trim());
    if (!r) return s.trim();
    changed = true;
    return r;
  });
  return changed ? out.join(' ').replace(/\s+/g, ' ').trim() : null;
}
