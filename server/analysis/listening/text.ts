/** Small text helpers the listening extractors share. */

/** Curly apostrophes and quotes as straight ones, so one pattern reads "I’m" and "I'm" alike. */
export function plain(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

/** Sentences, trimmed, each with its closing mark (".", "!", "?" or none). */
export function sentencesOf(text: string): string[] {
  return (plain(text).match(/[^.!?\n]+[.!?]*/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** A phrase tidied for reuse inside another sentence: no outer spaces, quotes or closing marks. */
export function tidy(phrase: string): string {
  return phrase
    .replace(/\s+/g, ' ')
    .replace(/^[\s"',;:-]+|[\s"',;:.!?-]+$/g, '')
    .trim();
}

/** Where the clause holding `index` starts: after the last mark or joining word before it. */
export function clauseStart(text: string, index: number): number {
  const before = text.slice(0, index);
  let start = 0;
  for (const m of before.matchAll(/[.!?;:,\n]|\b(?:but|and|because|although|though|while|when)\b/gi))
    start = (m.index ?? 0) + m[0].length;
  return start;
}

/** A phrase taken from the start of a sentence, for use inside another: "Being included" -> "being included". */
export function lowerFirst(phrase: string): string {
  return /^I\b/.test(phrase) || /^[A-Z]{2}/.test(phrase) ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

export const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9$'-]+/g) ?? [];
