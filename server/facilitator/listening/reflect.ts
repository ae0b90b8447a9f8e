import type { Heard, SaidNeed } from '../../analysis/listening/index.js';
import { lowerFirst } from '../../analysis/listening/text.js';
import { soundsRight } from './grammar.js';
import { toSecondPerson } from './person.js';

/**
 * The local engine's reflection: a person's own feeling, need and request said back to them, briefly,
 * by name ("Maya, it sounds like you felt invisible at the party, and being included matters to you").
 * Only words they used; a part that cannot be said back cleanly is left out, never guessed.
 */

export interface Speaking {
  /** The person reflected. */
  name: string;
  /** The one other person, in a room of two; null in a group. */
  other: string | null;
  /** How many people take part. */
  partyCount: number;
}

/** One kind of apostrophe in what the facilitator says: the typographic one its other words use. */
export function typographic(sentence: string): string {
  return sentence.replace(/'/g, '’');
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function feelingPart(heard: Heard, who: Speaking): string | null {
  const feelings = heard.feelings.slice(0, 3);
  if (feelings.length === 0) return null;
  const [first] = feelings;
  const verb = first.be ? (first.past ? 'were' : 'are') : first.past ? 'felt' : 'feel';
  const about = feelings.find((f) => f.about)?.about;
  const where = about ? toSecondPerson(about, who.other) : null;
  return `you ${verb} ${listOf(feelings.map((f) => f.word))}${where ? ` ${where}` : ''}`;
}

/** A plural subject ("our Sundays", "the plans") takes "matter"; its head is before any "with", "of"… */
export function matterVerb(subject: string): string {
  const head = subject.split(/\s+(?:with|of|for|about|to|in|on|at|from|between|around)\s+/i)[0];
  const last = head.split(' ').at(-1) ?? '';
  return /[^s]s$/i.test(last) && !/(?:ness|ss|us|is|ics)$/i.test(last) ? 'matter' : 'matters';
}

function needPart(need: SaidNeed, who: Speaking): string | null {
  const said = toSecondPerson(need.need, who.other);
  if (!said) return null;
  switch (need.frame) {
    case 'matters':
    case 'unmet':
      return `${said} ${matterVerb(said)} to you`;
    case 'matters-that':
      return `it matters to you ${said.replace(
        /^that you\b/,
        who.partyCount === 2 ? 'that you both' : 'that you all',
      )}`;
    case 'need':
      return `you need ${said}`;
    case 'want':
      return `you want ${said}`;
    case 'miss':
      return `you miss ${said}`;
  }
}

function askPart(heard: Heard, who: Speaking): string | null {
  // Asked of someone spoken of ("I'd like him to…") may not be anyone in the room: not said back.
  const ask = heard.asks.find((a) => a.who !== 'they');
  if (!ask) return null;
  const negative = /^(?:don't|do not)\s+/i.exec(ask.ask);
  const said = toSecondPerson(negative ? ask.ask.slice(negative[0].length) : ask.ask, who.other);
  if (!said) return null;
  const to = negative ? 'not to' : 'to';
  if (ask.who === 'we') return `you would like ${who.partyCount === 2 ? 'the two of you' : 'everyone'} ${to} ${said}`;
  return `you would like ${who.other ?? 'the others'} ${to} ${said}`;
}

/** A painful moment told without a feeling word, said back in their words, naming no feeling. */
function painBack(heard: Heard, who: Speaking): string | null {
  if (!heard.painSaid) return null;
  const told = lowerFirst(
    heard.painSaid
      .replace(/[.!]+$/, '')
      .replace(/^(?:and|so|then)\s+/i, '')
      // "That hurts, Mum": the name they spoke to is not part of what they told.
      .replace(/,\s*[\p{Lu}][\p{L}'’-]*$/u, ''),
  );
  // "That hurts" / "it really hurt": nothing in it to turn round, and it is enough to say it landed.
  const hurt = /^(?:that|it|this)\s+(?:really\s+|still\s+|just\s+)?(hurts?)$/i.exec(told);
  if (hurt)
    return typographic(`${who.name}, I hear that ${hurt[1].toLowerCase() === 'hurt' ? 'it hurt' : 'this hurts'}.`);
  const said = toSecondPerson(told, who.other);
  if (!said) return null;
  const sentence = `${who.name}, what I hear is that ${said}.`;
  return soundsRight(sentence) ? typographic(sentence) : null;
}

/** One reflection of what `who` said, or null when they said no feeling, need or request to reflect. */
export function reflection(heard: Heard, who: Speaking): string | null {
  const parts = [feelingPart(heard, who), heard.needs[0] ? needPart(heard.needs[0], who) : null, askPart(heard, who)];
  const said = parts.filter((p): p is string => p !== null);
  if (said.length === 0) return painBack(heard, who);
  const body = said.length <= 2 ? said.join(', and ') : `${said.slice(0, -1).join(', ')}, and ${said.at(-1)}`;
  const sentence = `${who.name}, it sounds like ${body}.`;
  if (soundsRight(sentence)) return typographic(sentence);
  // One part said wrongly does not sink the rest: try each part on its own, in order.
  for (const part of said) {
    const single = `${who.name}, it sounds like ${part}.`;
    if (soundsRight(single)) return typographic(single);
  }
  return null;
}
