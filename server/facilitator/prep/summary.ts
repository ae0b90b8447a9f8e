import { listOf } from '../listening/reflect.js';
import { needLine } from './draft.js';
import type { Notes } from './notes.js';

/**
 * What the person said, back to them in their own words: what happened, how it felt, what they need, what
 * they would ask for. Lines with nothing said are left out; non-answers were never noted down.
 */

function quote(text: string): string {
  const t = text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.;,]+$/, '');
  return `“${t.length > 200 ? `${t.slice(0, 197)}…` : t}”`;
}

export function summary(notes: Notes): string[] {
  const lines = ['Here is what I heard from you.'];
  if (notes.happened.length > 0) lines.push(`What happened: ${quote(notes.happened.join(' '))}.`);
  const felt = [...notes.feelings, ...notes.feelingsOtherwise];
  if (felt.length > 0) lines.push(`How it felt: ${listOf(felt.slice(0, 5))}.`);
  if (notes.needs.length > 0)
    // As they would say it: "I need us to be a team about money", "Being included matters to me".
    lines.push(`What you need: ${listOf(notes.needs.slice(0, 3).map((n) => quote(needLine(n))))}.`);
  if (notes.asks.length > 0)
    lines.push(`What you would ask for: ${listOf(notes.asks.slice(0, 3).map((a) => quote(a.ask)))}.`);
  return lines;
}
