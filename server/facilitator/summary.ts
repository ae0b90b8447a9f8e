import type { LogEntry } from '../../shared/protocol.js';
import { isCalm } from './calmVerdicts.js';
import { feelingWordsIn, NEEDS } from '../analysis/listening/lexicon.js';
import { contentStems } from '../analysis/listening/paraphrase.js';
import { requestsIn } from '../analysis/listening/requests.js';
import type { RoomContext, SummaryRequest } from './types.js';

/**
 * The local engine's summaries (after a break, on a topic change, at the end): what each person said
 * matters to them, in their own words (a need from the needs inventory they used, an ask they made, or
 * a short quote), the common ground (needs or words two or more people shared) and what is still open
 * (asks no agreed clause covers yet). Only delivered room messages come in, so nothing held or private
 * is ever quoted; a sentence that would itself be held is never quoted.
 */

/** Longest quote, in words: a summary names what was said, it does not replay it. */
const QUOTE_WORDS = 14;
/** Most asks listed as open, and most people named one by one in a summary. */
const MAX_OPEN = 3;
const MAX_PEOPLE = 10;
/** From this many people on, each person's line leaves out the quote when it has a need or an ask. */
const BRIEF_FROM = 4;

export interface PersonHeard {
  id: string;
  name: string;
  /** Needs in the words they used ("being included", "fairness"), with their family in the inventory. */
  needs: { word: string; family: string }[];
  /** Their asks, as phrases in their own words. */
  asks: string[];
  /** One sentence of theirs that carries a feeling, a need or a concrete thing, calm enough to quote. */
  quote: string | null;
  /** Every content word they used, by its stem, as they wrote it: for common ground. */
  words: Map<string, string>;
}

/** Each need word with its family and its pattern, compiled once (summaries run over many messages). */
const NEED_WORDS: { word: string; family: string; re: RegExp }[] = Object.entries(NEEDS)
  .flatMap(([family, words]) => words.map((word) => ({ word, family })))
  .sort((a, b) => b.word.length - a.word.length)
  .map((n) => ({ ...n, re: new RegExp(`(?<![\\w'’])${n.word.replace(/ /g, '\\s+')}(?![\\w'’])`, 'i') }));

function needsIn(text: string): { word: string; family: string }[] {
  const lower = text.toLowerCase();
  const found: { word: string; family: string }[] = [];
  for (const { word, family, re } of NEED_WORDS) {
    if (re.test(lower) && !found.some((f) => f.family === family || f.word.includes(word)))
      found.push({ word, family });
  }
  return found;
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A sentence short enough to quote (cut at a word, with an ellipsis), without its end mark. */
export function quoteOf(sentence: string): string {
  const words = sentence.replace(/[.!?]+$/, '').split(/\s+/);
  return words.length <= QUOTE_WORDS ? words.join(' ') : `${words.slice(0, QUOTE_WORDS).join(' ')}…`;
}

/** Calm enough to quote or draft from: what the analyzer would not hold (each text analysed once: calmVerdicts.ts). */
export const calm = (text: string): boolean => isCalm(text);

/** A quote worth giving: a feeling or something concrete, told as one's own; one sentence or two short ones. */
function salient(texts: string[]): string | null {
  let best: { s: string; score: number } | null = null;
  const score = (s: string): number =>
    (/\b(?:i|i'm|i’m|my|me)\b/i.test(s) ? 1 : 0) + 2 * feelingWordsIn(s).length + Math.min(contentStems(s).size, 6) / 6;
  for (const text of texts) {
    // Sentences that ask for something are quoted as asks; the rest may be quoted as what was said.
    const said = sentences(text).filter((s) => calm(s) && requestsIn(s).length === 0 && s.split(/\s+/).length >= 3);
    // Two sentences together only when both fit in one short quote.
    const pairs = said.slice(1).map((s, i) => `${said[i]} ${s}`);
    const candidates = [...said, ...pairs.filter((p) => p.split(/\s+/).length <= QUOTE_WORDS)];
    for (const s of candidates) {
      const value = score(s);
      if (best === null || value > best.score) best = { s, score: value };
    }
  }
  return best ? quoteOf(best.s) : best;
}

/** What each party said, from the delivered messages in `entries`, in the order they joined. */
export function heardFrom(room: RoomContext, entries: LogEntry[]): PersonHeard[] {
  const ids = room.parties ?? Object.keys(room.names);
  const people: PersonHeard[] = [];
  for (const id of ids) {
    const texts = entries.filter((e) => e.type === 'message' && e.from === id).map((e) => e.text);
    if (texts.length === 0) continue;
    const calmTexts = texts.filter(calm);
    const needs = calmTexts.flatMap(needsIn).filter((n, i, all) => all.findIndex((m) => m.family === n.family) === i);
    const asks = [...new Set(calmTexts.flatMap(requestsIn))];
    const words = new Map<string, string>();
    for (const w of calmTexts
      .join(' ')
      .toLowerCase()
      .match(/[a-z][a-z'’-]+/g) ?? [])
      for (const stem of contentStems(w)) if (!words.has(stem)) words.set(stem, w);
    people.push({ id, name: room.names[id] ?? 'someone', needs, asks, quote: salient(texts), words });
  }
  return people;
}

export function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const quoted = (s: string): string => `“${s}”`;

/** "Maya, you said: “I sat alone at my birthday dinner”; being included matters to you; and you asked: “…”." */
export function personLine(p: PersonHeard, brief = false): string {
  // In a big group each person gets one or two things, so the summary stays readable.
  const words = p.needs.map((n) => n.word);
  const quote = brief && (words.length > 0 || p.asks.length > 0) ? null : p.quote;
  // A need the quote already names is not said twice.
  const needs = words.filter((w) => !quote?.toLowerCase().includes(w)).slice(0, 2);
  const parts = [
    quote ? `you said: ${quoted(quote)}` : null,
    needs.length > 0 ? `${list(needs)} ${needs.length === 1 ? 'matters' : 'matter'} to you` : null,
    p.asks.length > 0 ? `you asked: ${list(p.asks.slice(-2).map(quoted))}` : null,
  ].filter((x): x is string => x !== null);
  if (parts.length === 0) return `${p.name}, we heard from you as well.`;
  if (parts.length === 1) return `${p.name}, ${parts[0]}.`;
  if (parts.length === 2) return `${p.name}, ${parts[0]}, and ${parts[1]}.`;
  return `${p.name}, ${parts[0]}; ${parts[1]}; and ${parts[2]}.`;
}

/** Stop-listed words that are never common ground on their own. */
const PLAIN = new Set(
  'think know want need feel time really thing something everything always never going make made said told just'.split(
    ' ',
  ),
);

/** Needs two or more people named, else words two or more people used: what they share. */
export function commonGround(people: PersonHeard[], partyCount: number): string | null {
  if (people.length < 2) return null;
  const everyone = people.length === partyCount && partyCount === 2 ? 'You both' : null;
  const families = new Map<string, string[]>();
  for (const p of people) for (const n of p.needs) families.set(n.family, [...(families.get(n.family) ?? []), p.name]);
  const shared = [...families.entries()].filter(([, names]) => names.length >= 2);
  if (shared.length > 0) {
    const [family, names] = shared[0];
    const who = everyone ?? (names.length === people.length ? 'All of you who spoke' : list(names));
    const also = shared[1] ? ` and ${shared[1][0]}` : '';
    return `${who} spoke of ${family}${also}: that is common ground to build on.`;
  }
  const counts = new Map<string, string[]>();
  const said = new Map<string, string>();
  for (const p of people)
    for (const [stem, word] of p.words) {
      if (stem.length < 4 || PLAIN.has(word) || feelingWordsIn(word).length > 0) continue;
      counts.set(stem, [...(counts.get(stem) ?? []), p.name]);
      if (!said.has(stem)) said.set(stem, word);
    }
  const words = [...counts.entries()]
    .filter(([, names]) => names.length >= 2)
    .sort((a, b) => b[1].length - a[1].length);
  if (words.length === 0) return null;
  const top = words.filter(([, names]) => names.length === words[0][1].length).slice(0, 2);
  const who = everyone ?? list(top[0][1]);
  return `${who} talked about ${list(top.map(([stem]) => quoted(said.get(stem) ?? stem)))}.`;
}

/** True when an agreed clause covers most of what an ask is about. */
function covered(ask: string, agreed: string[]): boolean {
  const stems = contentStems(ask);
  if (stems.size === 0) return true;
  return agreed.some((clause) => {
    const c = contentStems(clause);
    return [...stems].filter((w) => c.has(w)).length / stems.size >= 0.5;
  });
}

/** Asks no agreed clause covers yet, newest last, with who asked. */
export function openAsks(people: PersonHeard[], agreed: string[]): { name: string; ask: string }[] {
  return people
    .flatMap((p) => p.asks.map((ask) => ({ name: p.name, ask })))
    .filter((a) => !covered(a.ask, agreed))
    .slice(-MAX_OPEN);
}

function openLine(open: { name: string; ask: string }[], end: boolean, nothingAgreed: boolean): string | null {
  if (open.length === 0) return null;
  // Before anything is agreed every ask above is open: say so rather than list them twice.
  if (nothingAgreed && !end)
    return `Nothing is agreed yet, so ${open.length === 1 ? 'that ask is' : 'each of these asks is'} still open.`;
  const items = list(open.map((o) => `${quoted(o.ask)} (${o.name})`));
  return end
    ? `Not yet covered by the agreement: ${items}. You can come back to ${open.length === 1 ? 'it' : 'them'} ` +
        'another time.'
    : `Still open: ${items}.`;
}

function unheardLine(room: RoomContext, people: PersonHeard[]): string | null {
  const ids = room.parties ?? Object.keys(room.names);
  if (ids.length <= 2) return null;
  const unheard = ids
    .filter((id) => !people.some((p) => p.id === id) && !room.unnamed?.includes(id))
    .map((id) => room.names[id] ?? 'someone');
  if (unheard.length === 0) return null;
  if (unheard.length > 3) return 'Some of you have not spoken yet, and there is space for you whenever you are ready.';
  const you = unheard.length === 1 ? 'you' : 'each of you';
  return `We have not heard from ${list(unheard)} yet, and there is space for ${you} whenever you are ready.`;
}

/** The local engine's summary for `request.occasion`. */
export function summarise(room: RoomContext, entries: LogEntry[], request: SummaryRequest): string {
  const people = heardFrom(room, entries).slice(0, MAX_PEOPLE);
  const partyCount = (room.parties ?? Object.keys(room.names)).length;
  const open = openAsks(people, request.agreed ?? []);
  const body = [
    ...people.map((p) => personLine(p, people.length >= BRIEF_FROM)),
    commonGround(people, partyCount),
    openLine(open, request.occasion === 'end', (request.agreed ?? []).length === 0),
    unheardLine(room, people),
  ].filter((s): s is string => s !== null);
  const next = request.next ? `Let’s turn to ${request.next}.` : 'Let’s pick up one point at a time.';
  switch (request.occasion) {
    case 'break':
      if (people.length === 0)
        return 'Welcome back. We have not said much yet; whenever you are ready, let’s pick up gently.';
      return [
        'Welcome back. Here is where we were before the break.',
        ...body,
        open.length > 0 ? 'Let’s pick up with what is still open, one point at a time.' : next,
      ].join(' ');
    case 'topic': {
      const from = request.topic
        ? `Before we move on from ${request.topic}, here is what I heard.`
        : 'Before we move on, here is what I heard.';
      if (people.length === 0)
        return request.next ? `Let’s turn to ${request.next}.` : 'Let’s move on to the next point.';
      return [from, ...body, next].join(' ');
    }
    case 'end':
      return [
        'Everyone has signed, and the agreement is final. Thank you for the care you have put into this.',
        ...(people.length > 0 ? ['Looking back:', ...body] : []),
      ].join(' ');
  }
}
