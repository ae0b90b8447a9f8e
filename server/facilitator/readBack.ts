import { isCoerciveDemand } from '../analysis/coercion.js';
import { analyze } from '../analysis/index.js';
import { requestsIn } from '../analysis/listening/requests.js';
import { isCalm } from './calmVerdicts.js';
import { type DraftOptions, draftFromAsk } from './drafts.js';

/**
 * What a clause offer reads in a message of the log: whether it is calm enough to draft from, whether it is
 * a demand to control someone, its asks, and the clause each ask makes. An offer reads back the last 60
 * entries, most of them read for the offer before: the reading is remembered per entry object, in a
 * WeakMap, so it lives exactly as long as the store keeps that entry as an object (the memory store's
 * newest 500 per room) and is gone with it (a deleted room's entries, an entry kept as JSON). A store
 * that parses entries on every read (Redis) gets new objects, and only the calm verdict is remembered
 * (calmVerdicts.ts).
 */
export interface Reading {
  calm: boolean;
  coercive: boolean;
  /** The asks of a calm text, in order (none for a text that is not calm). */
  asks: string[];
}

const readings = new WeakMap<object, Reading>();
/** Per reading, the clause of each ask for two parties and for more ("either of us" / "any of us"). */
const drafted = new WeakMap<Reading, { two?: (string | null)[]; more?: (string | null)[] }>();

export function readingOf(entry: { text: string }): Reading {
  const known = readings.get(entry);
  if (known) return known;
  const calm = isCalm(entry.text);
  const reading = { calm, coercive: isCoerciveDemand(entry.text), asks: calm ? requestsIn(entry.text) : [] };
  readings.set(entry, reading);
  return reading;
}

const told = new WeakMap<object, boolean>();

/**
 * Whether a delivered message tells of harm done to its sender or of fear (the analyzer's disclosure): summaries
 * leave it out. Asked only of messages by someone who disclosed this session, and remembered per entry object.
 */
export function toldHarm(entry: { text: string }): boolean {
  let known = told.get(entry);
  if (known === undefined) told.set(entry, (known = analyze(entry.text, { suggestions: false }).disclosure === true));
  return known;
}

/** The clause each of the reading's asks makes (null: the ask makes none), for `options.parties`. */
export function draftsOf(reading: Reading, options: DraftOptions): (string | null)[] {
  const byParties = drafted.get(reading) ?? {};
  const key = options.parties > 2 ? 'more' : 'two';
  const drafts = byParties[key] ?? reading.asks.map((ask) => draftFromAsk(ask, options));
  byParties[key] = drafts;
  drafted.set(reading, byParties);
  return drafts;
}
