/**
 * The rewriter: calmer versions of a held message that keep what the sender is saying. The first is the
 * same message minus the attack (insults, contempt, profanity, shouting, sarcasm and absolute framing
 * taken out, every fact, request and boundary kept: substitutions.ts, search.ts); the second, when the
 * message makes a demand, asks it as a request in the sender's own words (requests.ts). Nothing is a
 * fill-in template: a suggestion most of whose words are not the sender's is not offered, nor one that
 * reads broken, nor one that drops most of the message. When nothing passes, there are fewer
 * suggestions (possibly none: the sender can still edit the message themselves).
 */
import { SAFETY_LABELS, type HeatLabel } from '../../../shared/analysis.js';
import { isTemplate, retention, wordKey, wordsOf } from './contentWords.js';
import { readsBroken } from './grammar.js';
import { observationAndFeeling } from './nvc.js';
import { searchEdit, type Judges } from './search.js';
import { LONE_TAG, minimalEdit } from './substitutions.js';
import { deleteSpans } from './tidy.js';
import { variants } from './variants.js';

export type { Judges } from './search.js';

/** The least share of the sender's content words a suggestion keeps. */
const MIN_RETENTION = 0.6;

/** Text as compared for sameness: lower case, letters and digits. */
function sameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9$]+/g, ' ')
    .trim();
}

/** Would the sender recognise this as their message, whole and readable, minus the attack? */
export function keepsTheMessage(original: string, s: string, attack?: Set<string>): boolean {
  const words = s.match(/[A-Za-z][A-Za-z'’]*/g) ?? [];
  return (
    words.length >= 2 &&
    // never the unchanged original (a calmer case or punctuation is a change)
    s.replace(/\s+/g, ' ').trim() !== original.replace(/\s+/g, ' ').trim() &&
    !LONE_TAG.test(s.trim()) &&
    // a stand-in after an intensifier ("so not good") reads as mockery, not as the sender's words
    !/\b(?:so|very|really|too|such)\s+not\s+(?:good|smart)\b/i.test(s) &&
    !isTemplate(original, s) &&
    retention(original, s, attack) >= MIN_RETENTION &&
    !readsBroken(s, original)
  );
}

const ATTACK_LABELS = new Set<string>(['insult', 'profanity', 'contempt']);
let lastAttack: { text: string; judges: Judges; words: Set<string> } | null = null;

/** The words of `text` the analyzer's rules point at: the attack, not the content a rewrite must keep. */
export function attackWords(text: string, judges: Judges): Set<string> {
  // asked twice per held message (candidates, then rewrite): the last answer is kept
  if (lastAttack?.text === text && lastAttack.judges === judges) return lastAttack.words;
  const out = new Set<string>();
  // name-calling and swearing only, a word or two: a criticism's span holds what it is about
  const spans = [...judges.ruleHits(text), ...judges.quick(text).spans].filter((sp) => ATTACK_LABELS.has(sp.label));
  for (const sp of spans) {
    const words = wordsOf(text.slice(sp.start, sp.end));
    if (words.length > 2) continue;
    // with the words that describe it: "a nosy old witch"
    const np = text
      .slice(0, sp.start)
      .match(/\b(?:a|an|the|this|that|such|you|your|my|his|her|their)\s+((?:[A-Za-z'’-]+\s+){1,3})$/i);
    for (const w of [...words, ...wordsOf(np?.[1] ?? '')]) out.add(wordKey(w));
  }
  lastAttack = { text, judges, words: out };
  return out;
}

/** "You are such an idiot!", "you're a fucking moron": nothing in it but a name for the reader. */
const ONLY_A_NAME = new RegExp(
  "^\\W*(?:you|u)(?:\\s*['’]\\s*re|re|\\s+are|\\s+r)\\s+(?:(?:such|so|a|an|the|total|complete|absolute|utter|" +
    'fucking|fuckin|freaking|damn|bloody|real|big|little|stupid|dumb|pathetic|useless|worthless|lazy|selfish)\\s+)*' +
    '(?:idiot|moron|imbecile|loser|fool|jerk|clown|bastard|asshole|arsehole|prick|dickhead|twat|cunt|retard|' +
    'dumbass|jackass|stupid|dumb|pathetic|useless|worthless|idiotic|moronic)s?\\W*$',
  'i',
);

/**
 * Candidates in order of preference; the caller judges them. The first that passes is the one most like the
 * sender's message; a demand asked as a request comes next.
 */
export function candidates(text: string, labels: HeatLabel[], judges: Judges): string[] {
  // a threat or self-harm is never softened into something sendable: the room shows the safety notice
  if (labels.some((l) => SAFETY_LABELS.includes(l))) return [];
  const found = searchEdit(text, judges);
  // a message that is nothing but a name for the reader ("You are an idiot"): said as disagreement
  if (ONLY_A_NAME.test(text)) return ["I think you're wrong."];
  if (!found || found.held) return [];
  const edit = found.s;
  const attack = attackWords(text, judges);
  // when the search had to cut words to cool the edit, the uncut edit asked more gently may do
  // without the cut: tried first, so a word the analyzer wrongly marks ("hands") is not lost
  const uncut = minimalEdit(text);
  // "Oh great, take her side like always": sarcasm, not a request: never turned into "Please take her side"
  if (SARCASTIC.test(text)) return [edit].filter((c) => keepsTheMessage(text, c, attack));
  const gentler = uncut === edit ? [] : [uncut, ...variants(uncut)];
  // the edit itself first: the nearest to what the sender wrote; then the same words asked more gently
  // observation, feeling and request, when the sender gave all of them in their own words
  const nvc = observationAndFeeling(text, edit);
  return [...new Set([...gentler, edit, ...(nvc ? [nvc] : []), ...variants(edit)])].filter((c) =>
    keepsTheMessage(text, c, attack),
  );
}

/** Sarcasm aimed at the reader: what follows is an accusation, not a request. */
const SARCASTIC =
  /\b(?:oh great|oh sure|yeah right|thanks a lot|nice one|well done|good job|way to go|like always|as usual)\b/i;

/**
 * A held message as the analyzer read it: its text with disguises undone, its labels, whether it is aimed
 * at the reader.
 */
export interface HeldMessage {
  text: string;
  labels: HeatLabel[];
  directed: boolean;
}

/**
 * Up to three calmer versions of a held message, each judged as it would be delivered; fewer (or none)
 * when no version keeps the message and passes.
 */
export function rewrite(message: HeldMessage, judges: Judges): string[] {
  if (message.labels.some((l) => SAFETY_LABELS.includes(l))) return [];
  const all = candidates(message.text, message.labels, judges);
  const attack = attackWords(message.text, judges);
  const suggestions: string[] = [];
  const seen = new Set<string>();
  const offer = (c: string): boolean => {
    const key = sameKey(c);
    if (seen.has(key)) return false;
    seen.add(key);
    if (judges.delivered(c).held) return false;
    suggestions.push(c);
    return true;
  };
  for (const c of all) if (suggestions.length < 3) offer(c);
  if (suggestions.length > 0) return suggestions;
  // none passes as it is: the words a rule points at go, twice at most, while the message stays whole
  for (let c of all) {
    for (let round = 0; round < 2 && suggestions.length === 0; round++) {
      const a = judges.delivered(c);
      if (a.labels.some((l) => SAFETY_LABELS.includes(l))) break;
      // only words a rule points at: the model's favourite words are too often innocent ones
      // and only name-calling, swearing or contempt: a cut of anything else loses what the message says
      const words = judges.ruleHits(c).filter((h) => ATTACK_LABELS.has(h.label) && h.score >= 0.3);
      if (words.length === 0) break;
      const next = deleteSpans(c, words);
      if (next === c || !keepsTheMessage(message.text, next, attack) || !keepsBoundary(c, next)) break;
      c = next;
      offer(c);
    }
    if (suggestions.length) break;
  }
  if (suggestions.length) return suggestions;
  // still none: what the sender holds against the reader, told as their experience rather than as a verdict
  // ("It feels to me like you only show up for Christmas presents."): the claim and its words stay theirs
  for (const c of [...all, minimalEdit(message.text)]) {
    const framed = asExperience(c);
    if (framed && keepsTheMessage(message.text, framed, attack) && offer(framed)) break;
  }
  if (suggestions.length) return suggestions;
  // last: the parts of the message that can be said calmly, each accusation told as experience, the rest left out
  const kept = calmParts(message.text, judges);
  if (kept && !readsBroken(kept, message.text) && retention(message.text, kept, attack) >= MIN_PARTS_KEPT) offer(kept);
  return suggestions;
}

/** The least of the sender's words a message of calm parts must keep, as for any suggestion. */
const MIN_PARTS_KEPT = 0.6;

/** Clauses of `text` ("X, Y and Z") that pass on their own once edited, accusations told as experience. */
function calmParts(text: string, judges: Judges): string | null {
  const clauses = text
    .split(/[.!?;]+\s*|,\s*|\s+and\s+/i)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).length >= 3);
  const kept: string[] = [];
  for (const clause of clauses) {
    const edited = minimalEdit(clause).replace(/[.!?,;\s]+$/, '');
    if (edited.split(/\s+/).length < 3 || edited.toLowerCase() === edited.toUpperCase()) continue;
    const said = (asExperience(edited) ?? edited).replace(/[.!?]+$/, '');
    if (!judges.delivered(said).held) kept.push(said);
  }
  if (kept.length === 0) return null;
  const joined = kept.map((k, i) => (i === 0 ? k.charAt(0).toUpperCase() + k.slice(1) : k)).join(', and ');
  return judges.delivered(`${joined}.`).held ? null : `${joined}.`;
}

/** A sentence that accuses the reader ("You ...", "You two are ..."): said as how it feels to the sender. */
const ACCUSING = /^(?:you|you two|you both|you all|you lot)\b/i;

/** Each accusing sentence of `text` as "It feels to me like you ...", or null when none accuses. */
export function asExperience(text: string): string | null {
  const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
  let changed = false;
  const out = sentences.map((raw) => {
    const s = raw.trim();
    if (!ACCUSING.test(s)) return s;
    changed = true;
    const body = s.replace(/[.!?]+$/, '');
    return `It feels to me like ${body.charAt(0).toLowerCase()}${body.slice(1)}.`;
  });
  return changed ? out.join(' ') : null;
}

/** The words that make a boundary or a refusal ("not", "anymore", "stop"): a cut may not take one. */
const BOUNDARY_WORDS = /\b(?:not|no|never|nothing|n['’]t|anymore|any\s+longer|stop|until|unless|before|after|by)\b/gi;

function keepsBoundary(before: string, after: string): boolean {
  return (after.match(BOUNDARY_WORDS)?.length ?? 0) >= (before.match(BOUNDARY_WORDS)?.length ?? 0);
}
