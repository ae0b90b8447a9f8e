/**
 * Names and titles are shown to other people, so what they see must be what was typed: no
 * invisible characters to make "Ha\u200Bna" look like, yet differ from, "Hana", no direction
 * controls to reorder the text around it, no name made of nothing visible.
 */

/**
 * Format characters (zero-width spaces and joiners, direction marks, embeddings, overrides and
 * isolates, the BOM, soft hyphens, tag characters), controls, variation selectors, and letters
 * that render as blank (Hangul fillers, the blank Braille pattern).
 */
// biome-ignore lint/suspicious/noMisleadingCharacterClass: variation selectors are listed on purpose, to be removed
const INVISIBLE = /[\p{Cf}\p{Cc}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u115F\u1160\u3164\uFFA0\u2800]/gu;
const SPACES = /[\s\p{Z}]+/gu;
/** Line breaks and tabs are spaces in a one-line name, not characters to delete. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** NFKC (full-width and styled letters become plain ones), invisible characters removed, spaces collapsed. */
export function normaliseDisplayText(text: string): string {
  return text.normalize('NFKC').replace(BREAKS, ' ').replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/** Two names are the same person's name to a reader when they match ignoring case. */
export function nameKey(name: string): string {
  return normaliseDisplayText(name).toLowerCase();
}
