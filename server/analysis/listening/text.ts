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

/** Words that start a sentence as often as any: lowered inside one. Anything else capitalised may be a name. */
const COMMON_STARTS = new Set(
  `the a an my your our his her their this that these those it its he she they we you when if but and so because
  then there here what who how why where which every each some any all no not do does did is are was were have has
  had can could would should will just really honestly also still maybe ok okay yes well last next one two after
  before since until while work money life everything nothing something someone everyone nobody dinner home
  school things time today yesterday tonight mum mom dad`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_AS_SUBJECT = new RegExp(
  String.raw`^([A-Z][a-z]+)(?:'s\b|\s+(?:is|was|has|had|said|says|told|tells|forgot|missed|got|never|always|` +
    String.raw`did|does|didn't|doesn't|won't|can't|and I)\b)`,
);

/**
 * A phrase taken from the start of a sentence, for use inside another: "Being included" -> "being included";
 * a name keeps its capital ("When Maya is upset"), and so does I.
 */
export function lowerFirst(phrase: string): string {
  if (/^I\b/.test(phrase) || /^[A-Z]{2}/.test(phrase)) return phrase;
  // a capitalised word that is the subject of what follows ("Maya is", "Sam's", "Jordan never") is a name
  const named = NAME_AS_SUBJECT.exec(phrase);
  if (named && !COMMON_STARTS.has(named[1].toLowerCase()) && !named[1].endsWith('ing')) return phrase;
  return phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

export const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9$'-]+/g) ?? [];
