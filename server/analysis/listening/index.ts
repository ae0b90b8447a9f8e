import { type FeelingsHeard, feelingsIn, type SaidFeeling } from './feelings.js';
import { type Judgement, judgementsIn } from './judgements.js';
import { isPainful } from './lexicon.js';
import { type SaidNeed, needsIn } from './needs.js';
import { objectIn, type SaidObject } from './object.js';
import { type Repair, repairsIn } from './repairs.js';
import { type Ask, asksIn } from './asks.js';
import { plain, sentencesOf } from './text.js';

/**
 * What a person said, heard the way a listener would: their feelings and needs in their own words,
 * their judgements of the other with what usually lies beneath, the thing it is about, what they ask
 * for, their repair attempts and questions, and whether they are describing pain. Pure and offline:
 * the facilitator's reflections, acknowledgements and preparation coaching are built on it.
 */

export type { Ask, Judgement, Repair, SaidFeeling, SaidNeed, SaidObject };
export { requestsIn } from './requests.js';

export interface Heard {
  feelings: SaidFeeling[];
  needs: SaidNeed[];
  judgements: Judgement[];
  object: SaidObject | null;
  asks: Ask[];
  repairs: Repair[];
  questions: string[];
  /** The person describes something that hurt them. */
  pain: boolean;
  /**
   * A short sentence of their own that tells a painful moment without a feeling word ("I sat alone at my
   * birthday dinner, three times"): what a listener can say back when there is no feeling to name.
   */
  painSaid: string | null;
  /** The person describes being hurt by, or afraid of, someone: handled with safety first, not reflected. */
  disclosure: boolean;
}

/** Words that describe pain without a feeling word: "it broke my heart", "I cried", "I sat alone". */
const PAIN = new RegExp(
  [
    String.raw`\b(?:cried|crying|in tears|broke my heart|heartbreak|humiliat\w*|sat (?:there )?alone|on my own|`,
    String.raw`nobody (?:came|called|showed up)|no one (?:came|called|showed up)|before anyone came|`,
    String.raw`spent (?:it|the (?:night|evening|day|weekend)) alone|felt (?:so )?(?:small|invisible|worthless)|`,
    String.raw`can't sleep|couldn't sleep|could not sleep|keeps me up at night|it hurts?|that hurts?|hurt me|`,
    String.raw`so hard for me|(?:died|passed away)|lost (?:my|the baby)|miscarriage|funeral|hospital|`,
    String.raw`panic attacks?|can't stop crying|lay on the (?:kitchen |bathroom )?floor)\b`,
  ].join(''),
  'i',
);

/** Hurt by, or afraid of, another person. */
const DISCLOSURE = [
  new RegExp(
    String.raw`\b(?:scared|afraid|frightened|terrified) (?:of|that) (?:you|him|her|them|what ` +
      String.raw`(?:you|he|she|they)(?:'ll| will| might| could))\b`,
    'i',
  ),
  /\b(?:you|he|she|they) (?:hit|hits|pushed|shoved|slapped|choked|grabbed|kicked|threatened|threatens) (?:me|my)\b/i,
  /\bi (?:don't|do not|never) feel safe (?:with|around|near|at home)\b/i,
  /\b(?:you|he|she|they) (?:won't|doesn't|does not|will not) let me (?:see|leave|go|have|talk|use)\b/i,
  new RegExp(
    String.raw`\b(?:you|he|she|they) (?:control|controls|check|checks|track|tracks|monitor|` +
      String.raw`monitors) (?:my|all my) (?:money|phone|messages|location|accounts)\b`,
    'i',
  ),
];

/** A question starts like one: "What if he refuses?", "Then what?"; "Maybe frustrated?" is an unsure answer. */
const QUESTION_START = new RegExp(
  String.raw`^(?:(?:so|and|but|ok|okay|well|then|also|now|honestly|sorry|[A-Z][a-z]+),?\s+)*` +
    String.raw`(?:what|how|why|when|where|who|whom|whose|which|will|would|should|could|can|is|` +
    String.raw`are|am|do|does|did|was|were|has|have|had|if|isn't|aren't|don't|doesn't|didn't|` +
    String.raw`won't|wouldn't|shouldn't|can't|couldn't|may|might|shall)\b`,
  'i',
);

export function isQuestion(sentence: string): boolean {
  return sentence.endsWith('?') && QUESTION_START.test(sentence);
}

export function questionsIn(text: string): string[] {
  return sentencesOf(text).filter(isQuestion);
}

export function disclosesHarm(text: string): boolean {
  const t = plain(text);
  return DISCLOSURE.some((re) => re.test(t));
}

function painOf(text: string, heard: FeelingsHeard, judgements: Judgement[]): boolean {
  return heard.feelings.some((f) => isPainful(f.word)) || judgements.length > 0 || PAIN.test(plain(text));
}

/** The first short first-person sentence that tells of pain in other words than a feeling. */
function painSentence(text: string): string | null {
  for (const s of sentencesOf(text)) {
    const words = s.split(/\s+/).length;
    if (PAIN.test(s) && /^(?:and\s+|so\s+|then\s+)?(?:i|it|that)\b/i.test(s) && words <= 16 && !s.endsWith('?'))
      return s;
  }
  return null;
}

/** Whether a text describes pain: a painful feeling, a judgement of being wronged, or pain in other words. */
export function describesPain(text: string): boolean {
  const heard = feelingsIn(text);
  return painOf(text, heard, judgementsIn(text));
}

export function listen(text: string): Heard {
  const heard = feelingsIn(text);
  const judgements = judgementsIn(text);
  return {
    feelings: heard.feelings,
    needs: needsIn(text, heard.unmetNeeds),
    judgements,
    object: objectIn(text),
    asks: asksIn(text),
    repairs: repairsIn(text),
    questions: questionsIn(text),
    pain: painOf(text, heard, judgements),
    painSaid: painSentence(text),
    disclosure: disclosesHarm(text),
  };
}
