import { analyze } from '../../analysis/index.js';
import { lowerFirst, plain, sentencesOf, tidy } from '../../analysis/listening/text.js';
import { listOf, matterVerb } from '../listening/reflect.js';
import type { Need, Notes, SaidAsk } from './notes.js';

/**
 * A first message to share in the room, built from the person's own words in the shape of nonviolent
 * communication: what happened, how it felt, what they need, what they ask. Said in their voice to the
 * other person ("When you forgot my birthday again, I felt hurt. I need to feel remembered. Would you be
 * willing to put it in the calendar?"). A part that cannot be said cleanly is left out; a draft the
 * analyzer would hold is not offered.
 */

/** He or she, said to: "he forgot" -> "you forgot". */
const TO_YOU: [RegExp, string][] = [
  [/\b(?:he|she)(?:'s| is)\b/gi, 'you are'],
  [/\b(?:he|she) was\b/gi, 'you were'],
  [/\b(?:he|she) wasn't\b/gi, "you weren't"],
  [/\b(?:he|she) has\b/gi, 'you have'],
  [/\b(?:he|she) doesn't\b/gi, "you don't"],
  [/\b(?:he|she) does\b/gi, 'you do'],
  [/\b(?:he|she)\b/gi, 'you'],
  [/\bhim\b/gi, 'you'],
  [/\bhis\b/gi, 'your'],
  [/\bher(?=\s+(?:and|to|that|about|when|if|at|for|with|so|because|\.|,|$))/gi, 'you'],
  [/\bher\b/gi, 'your'],
];

/** A verb left in the third person after the swap ("you forgets") cannot be said. */
const THIRD_PERSON_LEFT = /\byou (?!was\b|is\b|has\b|does\b|always\b|never\b|only\b|just\b|also\b)\w+s\b/i;
const NOT_VERBS = /^(?:is|was|has|does|always|never|only|just|also|this|us|as|yes|bus|gas|plus|less|across|unless)$/;

/** "you stays out" -> "you stay out", "you watches" -> "you watch", "you tries" -> "you try". */
function agree(said: string): string {
  const re = /\byou((?:\s+(?:always|never|often|just|still|also|only|usually|sometimes))?)\s+([a-z]+)\b/gi;
  return said.replace(re, (m, adverb: string, verb: string) => {
    const v = verb.toLowerCase();
    if (NOT_VERBS.test(v)) return m;
    let base = v;
    if (/(?:ss|sh|ch|x|z|o)es$/.test(v)) base = v.slice(0, -2);
    else if (/[^aeiou]ies$/.test(v)) base = `${v.slice(0, -3)}y`;
    else if (/[^s]s$/.test(v)) base = v.slice(0, -1);
    return `you${adverb} ${base}`;
  });
}

/** "to know he is safe", said to him: "to know you are safe" ("her" is left: it may be someone else's). */
function aboutThem(phrase: string): string {
  return phrase
    .replace(/\b(?:he|she)(?:'s| is)\b/gi, 'you are')
    .replace(/\b(?:he|she) was\b/gi, 'you were')
    .replace(/\bhim\b/gi, 'you')
    .replace(/\bhis\b/gi, 'your');
}

function observation(notes: Notes): string | null {
  const first = sentencesOf(notes.happened[0] ?? '')[0];
  const judged = notes.judgements.some((j) => first?.includes(j.said));
  if (first && !judged) {
    let said = tidy(plain(first)).replace(/^(?:so|well|basically|and|but|when)\s+/i, '');
    // The story up to where the feeling comes in: "…the Friday shift and I am exhausted" -> "…the Friday shift".
    const feelingAt = said.search(/,?\s+(?:and|but|so)\s+(?:i|i'm|it)\b|,?\s+(?:i|it)\s+(?:felt|feel|was|made me)\b/i);
    if (feelingAt > 0) said = said.slice(0, feelingAt);
    if (notes.feelings.some((f) => new RegExp(`\\b${f}\\b`, 'i').test(said))) said = '';
    for (const [re, to] of TO_YOU) said = said.replace(re, to);
    said = agree(said);
    if (/\byou\b/i.test(plain(first)) && /\b(?:he|she|him|his|her)\b/i.test(plain(first))) said = '';
    if (said && said.split(' ').length <= 20 && !THIRD_PERSON_LEFT.test(said)) return `When ${lowerFirst(said)}`;
  }
  return notes.object ? `When it comes to ${notes.object}` : null;
}

/** A story told in the past ("I sat alone", "he forgot") is felt in the past. */
const PAST = new RegExp(
  String.raw`\b(?:was|were|did|had|sat|went|told|said|left|forgot|came|made|bought|took|got|` +
    String.raw`gave|spent|sent|kept|broke|threw|paid|drove|wrote|saw|met|found|stood|ran|` +
    String.raw`\w+ed)\b`,
  'i',
);

function feeling(notes: Notes, when: string | null): string | null {
  const past = notes.feelingsPast || (when !== null && PAST.test(when));
  if (notes.feelings.length > 0) return `I ${past ? 'felt' : 'feel'} ${listOf(notes.feelings.slice(0, 3))}`;
  const other = notes.feelingsOtherwise[0];
  if (other && /^like\b/i.test(other)) return `I felt ${other.charAt(0).toLowerCase()}${other.slice(1)}`;
  return null;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function sentence(s: string): string {
  const t = tidy(s);
  return /[.!?]$/.test(t) ? capital(t) : `${capital(t)}.`;
}

/** The need as the person would say it in the room ("I need us to be a team about money."). */
export function needLine(need: Need): string {
  switch (need.frame) {
    case 'need':
    case 'answer':
      return `I need ${aboutThem(need.need.replace(/^i need\s+/i, ''))}.`;
    case 'matters':
    case 'unmet':
      return `${capital(need.need)} ${matterVerb(need.need)} to me.`;
    case 'matters-that':
      return `It matters to me ${need.need}.`;
    case 'want':
      return `I want ${need.need}.`;
    case 'miss':
      return `I miss ${need.need}.`;
    case 'sentence':
      return sentence(need.need);
  }
}

function askLine(ask: SaidAsk): string {
  if (ask.who === 'you' || ask.who === 'they') return `Would you be willing to ${ask.ask.replace(/^to\s+/i, '')}?`;
  if (ask.who === 'we') return `Could we ${ask.ask}?`;
  if (/^(?:i|i'm|i'd|we|could|can|would|will|please)\b/i.test(ask.ask)) return sentence(ask.ask);
  return `What I would like to ask for: ${ask.ask.charAt(0).toLowerCase()}${ask.ask.slice(1)}.`;
}

/** The draft, or null when too little has been said for one (no feeling, need or ask yet). */
export function firstMessage(notes: Notes): string | null {
  const when = observation(notes);
  const need = notes.needs[0] ? needLine(notes.needs[0]) : null;
  const ask = notes.asks[0] ? askLine(notes.asks[0]) : null;
  const build = (withWhen: boolean) => {
    const felt = feeling(notes, withWhen ? when : null);
    if (!felt && !need && !ask) return null;
    const opening = felt ? (withWhen && when ? `${when}, ${felt}.` : `${capital(felt)}.`) : null;
    return [opening, need, ask].filter((s): s is string => s !== null).join(' ');
  };
  for (const draft of [build(true), build(false)]) {
    if (draft && !analyze(draft, { threshold: 0.5, safetyModel: false }).held) return draft;
  }
  return null;
}
