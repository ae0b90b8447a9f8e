import type { Repair } from '../../analysis/listening/index.js';
import { soundsRight } from './grammar.js';
import { toSecondPerson } from './person.js';
import { type Speaking, typographic } from './reflect.js';

/**
 * The local engine's acknowledgement of a repair attempt: warm, brief, by name, about what they said,
 * and asking nothing of anyone else ("Thank you, Sam. Saying you're sorry you weren't there takes
 * courage."). Whether the other accepts it is theirs to decide; the facilitator does not ask.
 */

/** "That was on me", "my fault", "my bad": owning a part, said without a particular. */
const OWNING = new RegExp(
  String.raw`^(?:(?:that|it)(?:'s| was| is) (?:on me|my fault)|my (?:fault|bad|mistake)|` +
    String.raw`i take (?:full )?responsibility|i own that)$`,
  'i',
);

function apology(repair: Repair, who: Speaking): string | null {
  if (repair.about === '') return `Thank you, ${who.name}. Saying sorry takes courage.`;
  const about = toSecondPerson(repair.about, who.other);
  return about ? `Thank you, ${who.name}. Saying you’re sorry ${about} takes courage.` : null;
}

function responsibility(repair: Repair, who: Speaking): string | null {
  if (OWNING.test(repair.about)) return `Thank you, ${who.name}. Owning your part in this takes courage.`;
  const about = toSecondPerson(repair.about, who.other);
  return about ? `Thank you, ${who.name}. Saying ${about} takes courage.` : null;
}

/** Thanks for what was just said ("thank you for saying that", "thanks for sharing this"). */
const FOR_WORDS = /^(?:saying|sharing|telling me|explaining)(?: (?:that|this|it))?$/i;

function appreciation(repair: Repair, who: Speaking): string | null {
  if (FOR_WORDS.test(repair.about))
    return who.other
      ? `Thank you, ${who.name}. Noticing what ${who.other} shared, and saying so, makes a difference.`
      : `Thank you, ${who.name}. Noticing what was shared, and saying so, makes a difference.`;
  const about = toSecondPerson(repair.about, who.other);
  if (!about) return null;
  // "that Sam covered your shift": a clause; "picking up the kids", "the flowers": a thing.
  if (/^(?:that\s+)?[A-Z]\w*\s+\w+/.test(about) && who.other && about.replace(/^that\s+/, '').startsWith(who.other))
    return `Thank you, ${who.name}. Noticing that ${about.replace(/^that\s+/, '')}, and saying so, makes a difference.`;
  return `Thank you, ${who.name}. Naming what you appreciate, like ${about}, makes a difference.`;
}

const WORDING: Record<Repair['kind'], (r: Repair, who: Speaking) => string | null> = {
  apology,
  responsibility,
  appreciation,
};
const ORDER: Repair['kind'][] = ['apology', 'responsibility', 'appreciation'];

/** One acknowledgement of the strongest repair attempt in `repairs`, or null when there is none to say. */
export function acknowledgement(repairs: Repair[], who: Speaking): string | null {
  const sorted = [...repairs].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  for (const repair of sorted) {
    const sentence = WORDING[repair.kind](repair, who);
    if (sentence && soundsRight(sentence.replace(/’/g, "'"))) return typographic(sentence);
  }
  const first = sorted[0];
  if (!first) return null;
  return first.kind === 'appreciation'
    ? `Thank you, ${who.name}. Saying what you appreciate makes a difference.`
    : `Thank you, ${who.name}. Owning your part in this takes courage.`;
}
