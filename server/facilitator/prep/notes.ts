import type { PrepMessage } from '../../../shared/protocol.js';
import {
  type Ask,
  type Heard,
  isQuestion,
  type Judgement,
  listen,
  requestsIn,
  type SaidNeed,
} from '../../analysis/listening/index.js';
import { feelingsIn } from '../../analysis/listening/feelings.js';
import { lowerFirst, plain, sentencesOf, tidy } from '../../analysis/listening/text.js';

/**
 * What a person has told the coach so far, gathered from their preparation in their own words: what
 * happened, how it felt, what they need, what they would ask for. Each message adds what it says; an
 * answer to the coach's question counts for that question even when it is not a full sentence ("Time
 * with my kids."). Non-answers ("I don't know", "idk", "nothing") add nothing.
 */

export type Step = 'happened' | 'feeling' | 'need' | 'ask';
export const STEPS: Step[] = ['happened', 'feeling', 'need', 'ask'];

/** An ask as said in answer to the coach: a sentence of its own, or the ask alone. */
export type SaidAsk = Ask | { who: 'sentence'; ask: string };
/** A need as said in answer to the coach ("time with my kids"), or in a sentence of its own. */
export type Need = SaidNeed | { need: string; frame: 'answer' | 'sentence' };

export interface Notes {
  happened: string[];
  /** Feeling words from the inventory, as written. */
  feelings: string[];
  /** Whether the feelings were said in the past tense ("I felt"). */
  feelingsPast: boolean;
  /** A feeling said in other words in answer to "how did it feel" ("like garbage"). */
  feelingsOtherwise: string[];
  needs: Need[];
  asks: SaidAsk[];
  judgements: Judgement[];
  /** The thing it is about, from what happened ("my birthday dinner"). */
  object: string | null;
  /** Who the person speaks of, as the coach refers to them: "him", "her" or "them". */
  them: 'him' | 'her' | 'them';
}

/** The messages, in order, each with the step the coach had asked about before it. */
export interface Turn {
  text: string;
  asked: Step | 'done';
  heard: Heard;
  nonAnswer: boolean;
}

const NON_ANSWER = new RegExp(
  String.raw`^(?:i\s+)?(?:do not|don't|dont|really don't|honestly don't)\s+know$|^(?:idk|` +
    String.raw`dunno|no idea|not sure|i'm not sure|i am not sure|unsure|nothing|nothing really|` +
    String.raw`no|nope|pass|n/a|none|whatever|i have no idea|not really|can't say|no clue|` +
    String.raw`hmm+|um+|\?+|-+|ok|okay|sure|yes|yeah|fine|thanks|thank you|thanks a lot|cool|` +
    String.raw`right)$`,
  'i',
);
/** "I don't know, maybe…": the lead is dropped, the rest is an answer. */
const NON_ANSWER_LEAD = new RegExp(
  String.raw`^(?:(?:i\s+)?(?:do not|don't|dont)\s+know\b|idk\b|not sure\b)?[,.;:!\s-]*(?:` +
    String.raw`(?:maybe|perhaps|probably|i guess|i think|i suppose)\b[,\s]*)?`,
  'i',
);
/** "I don't know where to start", "idk what to say": asking for a way in, not answering. */
const NO_WAY_IN =
  /^(?:i\s+)?(?:do not|don't|dont|idk)\s*(?:know\s+|really know\s+)?(?:where|how|what) to (?:start|begin|say|write)\b/i;

export function isNonAnswer(text: string): boolean {
  const t = tidy(plain(text));
  return NON_ANSWER.test(t.toLowerCase()) || NO_WAY_IN.test(t);
}

/** A message without a non-answer lead and without its questions: what it tells. */
export function telling(text: string): string {
  const rest = plain(text).trim().replace(NON_ANSWER_LEAD, '');
  return sentencesOf(rest)
    .filter((s) => !isQuestion(s) || requestsIn(s).length > 0)
    .join(' ');
}

export function emptyNotes(): Notes {
  return {
    happened: [],
    feelings: [],
    feelingsPast: false,
    feelingsOtherwise: [],
    needs: [],
    asks: [],
    judgements: [],
    object: null,
    them: 'them',
  };
}

/** The first step not yet answered, or 'done'. */
export function nextStep(notes: Notes): Step | 'done' {
  if (notes.happened.length === 0) return 'happened';
  if (notes.feelings.length === 0 && notes.feelingsOtherwise.length === 0) return 'feeling';
  if (notes.needs.length === 0) return 'need';
  if (notes.asks.length === 0) return 'ask';
  return 'done';
}

const SUBJECT_START = /^(?:i|i'm|i'd|i've|we|he|she|they|you|it|my|our)\b/i;
const VERB_START = new RegExp(
  String.raw`^(?:to\s+)?(?:text|call|tell|let|stop|ask|give|come|check|talk|pick|pay|clean|` +
    String.raw`wait|listen|help|send|show|leave|keep|try|cover|split|share|plan|remember|book|` +
    String.raw`put|take|cook|drive|message|answer|include|invite|agree|spend|do|be|make|see|` +
    String.raw`visit|split|say|apologi[sz]e|admit|respect|trust)\b`,
  'i',
);

function whoTheyAre(text: string, current: Notes['them']): Notes['them'] {
  if (current !== 'them') return current;
  const t = plain(text).toLowerCase();
  const he = (t.match(/\b(?:he|him|his|he's)\b/g) ?? []).length;
  const she = (t.match(/\b(?:she|her|hers|she's)\b/g) ?? []).length;
  return he > she ? 'him' : she > he ? 'her' : 'them';
}

/** `text` added to `notes`, as an answer to `asked`. */
export function noteDown(notes: Notes, text: string, asked: Step | 'done', heard: Heard): Notes {
  const told = lowerFirst(tidy(telling(text)));
  const them = whoTheyAre(text, notes.them);
  if ((told.length === 0 && heard.asks.length === 0) || isNonAnswer(text) || isNonAnswer(told))
    return { ...notes, them };
  const next: Notes = { ...notes, them };
  const feelings = heard.feelings.map((f) => f.word).filter((w) => !notes.feelings.includes(w));
  if (feelings.length > 0) {
    next.feelings = [...notes.feelings, ...feelings];
    next.feelingsPast = notes.feelings.length === 0 ? heard.feelings[0].past : notes.feelingsPast;
  }
  next.judgements = [...notes.judgements, ...heard.judgements];
  if (heard.needs.length > 0) next.needs = [...notes.needs, ...heard.needs];
  // "I need us to be a team" is a need; the same words are not asked for twice.
  const asks = heard.asks.filter((a) => !heard.needs.some((n) => n.need.toLowerCase().includes(a.ask.toLowerCase())));
  if (asks.length > 0) next.asks = [...notes.asks, ...asks];

  const nothingFound = feelings.length === 0 && heard.needs.length === 0 && heard.asks.length === 0;
  if (asked === 'happened' || (notes.happened.length === 0 && nothingFound)) {
    // What happened, without the sentences that say a need or ask for something (those have their own lines).
    const story = sentencesOf(telling(text)).filter((s) => {
      const h = listen(s);
      return h.needs.length === 0 && h.asks.length === 0;
    });
    if (story.length > 0) next.happened = [...notes.happened, story.join(' ')];
    next.object = notes.object ?? heard.object?.phrase ?? null;
  } else if (nothingFound && asked === 'feeling' && told.split(' ').length <= 8)
    next.feelingsOtherwise = [...notes.feelingsOtherwise, told];
  // Asked what they need, "I want her to trust me again" is the need, said as a wish for the other.
  else if (asked === 'need' && heard.needs.length === 0 && feelings.length === 0)
    next.needs = [...notes.needs, { need: told, frame: SUBJECT_START.test(told) ? 'sentence' : 'answer' }];
  else if (nothingFound && asked === 'ask')
    next.asks = [
      ...notes.asks,
      SUBJECT_START.test(told) || !VERB_START.test(told) ? { who: 'sentence', ask: told } : { who: 'you', ask: told },
    ];
  return next;
}

/** The person's messages replayed: what each told, and what the coach had asked before each. */
export function replay(history: PrepMessage[]): { notes: Notes; turns: Turn[] } {
  let notes = emptyNotes();
  const turns: Turn[] = [];
  for (const m of history) {
    if (m.role !== 'you') continue;
    const asked = nextStep(notes);
    const heard = listen(m.text);
    // Asked how it felt, "Hurt. Invisible." is said in a feeling frame: the question is the frame.
    if (asked === 'feeling') {
      const framed = feelingsIn(
        sentencesOf(telling(m.text))
          .map((s) => `I feel ${s}`)
          .join(' '),
      ).feelings;
      if (framed.length > heard.feelings.length) heard.feelings = framed;
    }
    turns.push({ text: m.text, asked, heard, nonAnswer: isNonAnswer(m.text) });
    notes = noteDown(notes, m.text, asked, heard);
  }
  return { notes, turns };
}
