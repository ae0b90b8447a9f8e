import { ALL_FEELING_WORDS, isPainful, JUDGEMENT_WORDS, NEEDS_A_FRAME, UNMET_NEED_OF } from './lexicon.js';
import { clauseStart, plain } from './text.js';

/**
 * The feelings a person says they have, as they wrote them: a word from the inventory (or a judgement
 * dressed as a feeling, "I felt ignored") that is theirs ("I", "me", nobody else named), not denied
 * ("I'm not angry"), and, for words that are mostly something else ("lost", "close", "heard"), said in
 * a feeling frame ("I feel lost"). A glad feeling denied ("I don't feel heard") names a need instead.
 */

export interface SaidFeeling {
  /** The word as written, lower-cased ("humiliated", "left out"). */
  word: string;
  /** "felt", "was", "I'm": how it was said, for the tense of a reflection. */
  past: boolean;
  /** Said with "I am" / "I was" rather than "I feel": said back the same way ("you are exhausted"). */
  be?: boolean;
  /** Where or what it was about, when said right after it ("at the party", "about the electric bill"). */
  about?: string;
}

export interface FeelingsHeard {
  feelings: SaidFeeling[];
  /** Needs named by a glad feeling said to be missing: "I don't feel heard" -> "being heard". */
  unmetNeeds: string[];
}

const FAUX = Object.keys(JUDGEMENT_WORDS);
const CANDIDATES = [...new Set([...ALL_FEELING_WORDS, ...FAUX])].sort((a, b) => b.length - a.length);
const WORD_RE = new RegExp(`(?<![\\w'])(${CANDIDATES.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\w'])`, 'gi');

const SOFTENERS =
  '(?:so|very|really|a bit|a little|kind of|kinda|sort of|pretty|quite|completely|totally|just|too|more|' +
  'less|extremely|incredibly|deeply|utterly|rather|also|still|all|even|always|often|sometimes|honestly|' +
  'actually|absolutely|super|a lot|somewhat|increasingly)';
const TAIL = `(?:\\s+${SOFTENERS})*\\s*$`;
/** "feel", "felt", "made me (feel)", "left me (feeling)": the strict frame. */
const FEEL_FRAME = new RegExp(
  `\\b(?:feel|feels|felt|feeling|make me|made me|makes me|making me|left me|leaves me|leave me)${TAIL}`,
  'i',
);
/** "I'm", "I was", "I've been", "I get": enough for words that are feelings in most uses. */
const BE_FRAME = new RegExp(
  `\\b(?:i'm|im|i am|i was|i've been|ive been|i have been|i had been|i get|i got|i became|i grew)${TAIL}`,
  'i',
);
/** Words that need only a "be" frame ("I was so mad"); the rest of NEEDS_A_FRAME need "feel". */
const BE_IS_ENOUGH = new Set(['mad', 'awful', 'terrible', 'trapped', 'drained', 'crushed', 'hurt', 'lost']);
/** The last person a clause speaks of, before the feeling word. */
const SUBJECT_RE =
  /\b(i|i'm|im|i've|me|myself|you|you're|youre|he|he's|she|she's|they|they're|we|we're|everyone|nobody|he'd|she'd)\b/g;
const FIRST_PERSON = new Set(['i', "i'm", 'im', "i've", 'me', 'myself']);
const NEGATION = new RegExp(
  String.raw`\b(?:not|never|no longer|hardly|barely|don't|dont|didn't|didnt|doesn't|can't|` +
    String.raw`cant|won't|isn't|wasn't|haven't|aren't|nor)\b`,
  'i',
);
/** "close to quitting", "seen by the doctor", "moved to nights", "lost my keys". */
const NOT_A_FEELING_AFTER =
  /^\s*(?:to\s+\w+ing|by\b|to\s+(?:the|a|another|nights|days)\b|my\b|our\b|his\b|her\b|the\b|it\b|them\b|him\b)/i;

/** "at the party", "about the electric bill": a place or thing named right after the feeling. */
const ABOUT_RE = new RegExp(
  String.raw`^\s*((?:at|about|over|during|after|on|with)\s+(?:the|my|our|his|her|their|this|` +
    String.raw`your)\s+[^,.;:!?]+?)\s*(?:[,.;:!?]|$|\b(?:and|but|because|when|so|which)\b)`,
  'i',
);

function aboutOf(after: string): string | undefined {
  const m = ABOUT_RE.exec(after);
  if (!m) return undefined;
  const phrase = m[1].replace(/\s+/g, ' ').trim();
  return phrase.split(' ').length <= 8 ? phrase : undefined;
}

function frameOk(word: string, before: string, after: string): boolean {
  if (word === 'hurt' && /^\s+me\b/i.test(after)) return true;
  if (NOT_A_FEELING_AFTER.test(after) && NEEDS_A_FRAME.has(word)) return false;
  if (word === 'hurt' && /\b(?:it|that|this)\s+(?:really\s+)?$/i.test(before)) return true;
  if (!NEEDS_A_FRAME.has(word) && !FAUX.includes(word)) return true;
  if (FEEL_FRAME.test(before)) return true;
  return (BE_IS_ENOUGH.has(word) || FAUX.includes(word)) && BE_FRAME.test(before);
}

/** Whose feeling: true when the clause speaks of the writer, or of nobody in particular. */
function isOwn(before: string): boolean {
  const found = [...before.toLowerCase().matchAll(SUBJECT_RE)];
  const last = found.at(-1);
  // "Maya is upset", "my mum was so hurt": someone else, named, after the last pronoun
  const rest = last ? before.slice((last.index ?? 0) + last[0].length) : before;
  if (OTHER_NAMED.test(rest)) return false;
  return last === undefined || FIRST_PERSON.has(last[1]);
}

/** A person named as the subject of a feeling: "Maya is", "my mum felt", "Dad seems". */
const OTHER_NAMED = new RegExp(
  String.raw`(?:\b(?!I\b)[A-Z][a-z]+|\b(?:my|our|his|her|their|your)\s+[a-z]+)\s+(?:is|was|` +
    String.raw`feels|felt|seems|seemed|gets|got|looks|looked|sounds|sounded|has been|` +
    String.raw`had been)\b`,
);

function isPast(before: string): boolean {
  return /\b(?:felt|was|were|made me|left me|had been|got|became)\b/i.test(before);
}

/** "I'm so happy you finally showed up": a glad word said through the teeth is not a glad feeling. */
const SARCASM = /\b(?:finally|for once|at last|oh great|great job|yeah right|thanks a lot|how nice|wow)\b/i;

/** "hurt and scared", "tired, lonely": what may stand between two feelings of one list. */
const LIST_GOES_ON = new RegExp(`^\\s*(?:,|and|or|,\\s*and)?${TAIL}`, 'i');

export function feelingsIn(raw: string): FeelingsHeard {
  const text = plain(raw);
  const sarcastic = SARCASM.test(text);
  const feelings: SaidFeeling[] = [];
  const unmetNeeds: string[] = [];
  let lastEnd = -1;
  let lastPast = false;
  let lastBe = false;
  for (const m of text.matchAll(WORD_RE)) {
    const index = m.index ?? 0;
    const word = m[1].toLowerCase().replace(/\s+/g, ' ');
    if (sarcastic && !isPainful(word) && !FAUX.includes(word)) continue;
    const after = text.slice(index + m[0].length);
    // "hurt and scared", "tired, lonely": a list goes on in the first one's frame.
    const between = lastEnd >= 0 ? text.slice(lastEnd, index) : null;
    if (between !== null && LIST_GOES_ON.test(between)) {
      if (!NOT_A_FEELING_AFTER.test(after) || !NEEDS_A_FRAME.has(word)) {
        feelings.push({ word, past: lastPast, be: lastBe, about: aboutOf(after) });
        lastEnd = index + m[0].length;
      }
      continue;
    }
    const before = text.slice(clauseStart(text, index), index);
    if (!isOwn(before) || !frameOk(word, before, after)) continue;
    // The subject and the word: "I don't feel heard", "I'm not angry".
    const subjectAt = before.toLowerCase().search(/\b(?:i|i'm|im|me)\b/);
    const tail = subjectAt >= 0 ? before.slice(subjectAt) : before;
    if (NEGATION.test(tail)) {
      if (UNMET_NEED_OF[word]) unmetNeeds.push(UNMET_NEED_OF[word]);
      continue;
    }
    lastPast = isPast(before) || (word === 'hurt' && /^\s+me\b/i.test(after));
    lastBe = !FEEL_FRAME.test(before) && BE_FRAME.test(before);
    feelings.push({ word, past: lastPast, be: lastBe, about: aboutOf(after.replace(/^\s+me\b/i, '')) });
    lastEnd = index + m[0].length;
  }
  const seen = new Set<string>();
  return {
    feelings: feelings
      .filter((f) => !seen.has(f.word) && seen.add(f.word))
      .map((f) => ({
        word: f.word,
        past: f.past,
        ...(f.be ? { be: true } : {}),
        ...(f.about === undefined ? {} : { about: f.about }),
      })),
    unmetNeeds: [...new Set(unmetNeeds)],
  };
}
