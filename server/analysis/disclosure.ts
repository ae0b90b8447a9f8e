/**
 * Disclosures: someone telling that they were hurt, threatened, controlled or are afraid of someone
 * ("he hit me last year and I am still afraid of him", "she checks my phone every night"). What they
 * tell is what was done to them, so it is read like reported speech (never as the sender's own attack),
 * and a message that discloses is never held: holding it would turn the alarm against the person at risk.
 */
import type { DisclosurePatterns } from './lang/types.js';
import type { Range } from './mask.js';

/** The clauses of `text` that tell of harm done to the sender, each to the end of its clause. */
export function disclosureRanges(text: string, p: DisclosurePatterns): Range[] {
  const out: Range[] = [];
  for (const re of p.accounts) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = m.index;
      p.clauseEnd.lastIndex = start + m[0].length;
      const end = p.clauseEnd.exec(text)?.index ?? text.length;
      out.push({ start, end: Math.max(end, start + m[0].length) });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
