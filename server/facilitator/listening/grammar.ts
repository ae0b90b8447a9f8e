/**
 * A last check of the facilitator's own sentences before anyone reads them: the slips that template
 * filling makes ("matter to we", "your that", "you is", a doubled word, an empty slot). A sentence that
 * fails is not said.
 */
const SLIPS: RegExp[] = [
  /\bto we\b/i,
  /\byour that\b/i,
  /\byou (?:is|was|am|has|doesn't)\b/i,
  /\bI (?:is|are|were)\b/,
  /\b(\w+) \1\b/i,
  /\s[,.;:!?]/,
  /,\s*,|\.\s*\./,
  /\b(?:a|an|the|and|to|of|for|with|at)\s*[,.!?]/i,
  /\uE000/,
  /\s{2,}/,
  /\bwould like \w+ to (?:not|don't)\b/i,
];

export function soundsRight(sentence: string): boolean {
  if (sentence.trim() !== sentence || sentence.length === 0) return false;
  if (!/^[A-Z]/.test(sentence) || !/[.!?]$/.test(sentence)) return false;
  return !SLIPS.some((re) => re.test(sentence));
}
