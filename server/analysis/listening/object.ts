import { plain } from './text.js';

/**
 * The concrete thing a complaint is about, as written: "the $800 chair", "the on-call rota", "my
 * birthday dinner", "the comments about my weight". A determiner and the few words after it, up to
 * where the phrase turns into something else; vague phrases ("the way", "my fault") are not objects.
 */

export interface SaidObject {
  /** The phrase as written ("my birthday dinner"). */
  phrase: string;
  /** The word before it when it places the feeling ("at", "about", "with", "over", "on"), else null. */
  preposition: string | null;
}

const DETERMINER = String.raw`(?:the|my|our|your|his|her|their|this)`;
/** Words that end a noun phrase: verbs, joiners, pronouns and small words. */
const STOPS = new Set(
  (
    'a an and or but so to of in on at for from with without about again is was were are be been being ' +
    'i you he she they we it me him her them us that this which who when while because if then than as by ' +
    'not never always just really very too also all every any some no yes had has have do did does will would ' +
    'could should can went got get made make said told left came put paid bought took gave there here up down ' +
    'out over into after before since until like even only still anymore today yesterday tonight now ever ' +
    'either lately once twice'
  ).split(' '),
);
/** Phrases that point at nothing concrete. */
const VAGUE = new RegExp(
  String.raw`^(?:the|my|our|your|his|her|their|this|that) (?:way|time|thing|things|point|` +
    String.raw`fault|side|problem|end|feelings?|life|head|mind|best|part|whole thing|same|` +
    String.raw`other|one|moment|day|night|issue|situation|stuff|reason|truth|kind|lot|rest)$`,
  'i',
);
/** People are who a complaint is with, not what it is about. */
const PEOPLE = new RegExp(
  String.raw`\b(?:husband|wife|partner|boyfriend|girlfriend|mum|mom|mother|dad|father|` +
    String.raw`parents|brother|sister|son|daughter|kids|children|boss|manager|colleague|` +
    String.raw`coworker|team|friend|friends|family|self)$`,
  'i',
);
const PLACING = new Set(['at', 'about', 'with', 'over', 'on', 'for', 'during', 'after', 'before']);

function phraseAt(tokens: string[], i: number): string | null {
  const taken = [tokens[i]];
  for (let j = i + 1; j < tokens.length && taken.length < 5; j++) {
    const w = tokens[j];
    const bare = w.toLowerCase().replace(/[^a-z0-9$'-]/g, '');
    if (
      bare.length === 0 ||
      STOPS.has(bare) ||
      PEOPLE.test(bare) ||
      (/^[a-z]+(?:ed|ing)$/.test(bare) && taken.length > 1)
    )
      break;
    taken.push(w.replace(/[.,;:!?"]+$/, ''));
    if (/[.,;:!?"]$/.test(w)) break;
  }
  if (taken.length < 2) return null;
  // "the comments about my weight", "the state of the kitchen": one short tail that says what it is.
  const next = tokens[i + taken.length]?.toLowerCase();
  const last = taken[taken.length - 1];
  if ((next === 'about' || next === 'of') && !/[.,;:!?]$/.test(last)) {
    const tail = phraseAt(tokens, i + taken.length + 1);
    if (tail && new RegExp(`^${DETERMINER} `, 'i').test(tail)) return `${taken.join(' ')} ${next} ${tail}`;
  }
  return taken.join(' ');
}

/** The first concrete object of the complaint in a text, or null. */
export function objectIn(raw: string): SaidObject | null {
  const tokens = plain(raw)
    .split(/\s+/)
    .filter((t) => t.length > 0);
  const det = new RegExp(`^${DETERMINER}$`, 'i');
  let best: SaidObject | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (!det.test(tokens[i])) continue;
    const phrase = phraseAt(tokens, i);
    if (!phrase || VAGUE.test(phrase) || PEOPLE.test(phrase)) continue;
    const prev = (tokens[i - 1] ?? '').toLowerCase();
    const found = { phrase, preposition: PLACING.has(prev) ? prev : null };
    // A price makes it the thing: "the $800 chair" over "the card".
    if (/\$\d|£\d|€\d|\d/.test(phrase)) return found;
    best ??= found;
  }
  return best;
}
