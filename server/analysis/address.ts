/**
 * Who a message is addressed to: the reader ("you", a participant's name), a helper asked for advice,
 * or no one in the room (a story about the sender's life, someone in it described).
 */
import { inRanges, type Range } from './mask.js';

export interface Address {
  /** "you"/"your" (or a participant's name) outside reported speech */
  directed: boolean;
  /** directed, and not only in a request for help ("can you help me?") */
  addressed: boolean;
  /** a story about the sender's life, aimed at no one in the room */
  narrative: boolean;
  /** someone in the sender's life described to a helper ("my boss is a bully") */
  aboutSomeone: boolean;
}

const YOU_RE = /(?<!\w['’]?)(?:you|your|yours|yourself|u|ur|ya)(?!['’]?\w)/gi;
/** "you" in a request for help is not the reader being attacked: "can you help me?", "what do you think?" */
const HELP_YOU_RE = new RegExp(
  [
    '\\b(?:(?:can|could|would|will)\\s+(?:you|u)\\s+(?:please\\s+)?(?:help|tell|advise|give|suggest|explain|',
    'recommend)|(?:what|how|when|where)\\s+(?:do|would|should|can|could|does)\\s+(?:you|u)\\b|do\\s+you\\s+(?:think|',
    'know|have|recommend|suggest)|have\\s+you\\s+(?:ever|any)|if\\s+you\\s+(?:can|could|have)|your\\s+(?:advice|',
    'help|thoughts|opinion|input|suggestions?|professional)|thank\\s+you|you\\s+know)\\b|(?:^|',
    '[.!?]\\s+)is\\s+it\\s+(?:normal|ok|okay|wrong|possible|healthy|common|bad|fair)\\b[^.!?]*',
  ].join(''),
  'gi',
);
/** "He punched a hole in the wall and said next time it will be my face": someone else did it, to the sender */
const THEY_DID_RE = /(?:^|[.!?]\s+)(?:he|she|they)\s/i;
const TO_ME_RE = /\b(?:me|my|us|our)\b/i;
const MY_RELATION_RE = new RegExp(
  [
    '\\bmy\\s+(?:(?:ex|step|future|former|current|older|younger|little|big|own|best)[- ]?)?(?:husband|wife|',
    'boyfriend|girlfriend|partner|fianc[eé]e?|ex|boss|manager|supervisor|coworker|co-worker|colleague|mom|mother|',
    'mum|dad|father|stepdad|stepmom|stepfather|stepmother|parents?|sister|brother|sibling|son|daughter|kids?|',
    'children|family|in-?laws?|mother-in-law|father-in-law|roommate|friend|teacher|neighbou?r|landlord|spouse|bf|',
    'gf)\\b',
  ].join(''),
  'i',
);
const FIRST_PERSON_RE = /(?<![\w'’])(?:i|i'm|i’m|im|i've|i’ve|ive|i'd|i’d|me|my|myself|mine)(?![\w'’])/gi;
const SENTENCE_END_RE = /[.!?]+(?:\s|$)/g;

function isDirected(text: string, reported: Range[], names: string[] | undefined): boolean {
  YOU_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = YOU_RE.exec(text))) if (!inRanges(reported, m.index, m.index + m[0].length)) return true;
  if (names) {
    const lower = text.toLowerCase();
    for (const n of names) if (n && lower.includes(n.toLowerCase())) return true;
  }
  return false;
}

/** Several sentences, several of them about the sender: someone telling what happens to them. */
function isNarrative(text: string): boolean {
  if (text.length < 80) return false;
  const sentences = text.match(SENTENCE_END_RE)?.length ?? 0;
  if (sentences < 2) return false;
  return (text.match(FIRST_PERSON_RE)?.length ?? 0) >= 3;
}

/** Who `text` is addressed to; `reported` is what others said (not the sender's address). */
export function addressOf(text: string, reported: Range[], names: string[] | undefined): Address {
  const directed = isDirected(text, reported, names);
  // a story about the sender's life, aimed at no one in the room: "I give up", "I'm done", capitals,
  // "oh please" and a bare "lazy" in it tell how the sender felt or what someone did, so they are
  // labelled but not held (profanity, directed insults, threats and self-harm still are)
  const addressed =
    directed &&
    isDirected(
      text.replace(HELP_YOU_RE, (x) => ' '.repeat(x.length)),
      reported,
      names,
    );
  const narrative = !addressed && isNarrative(text);
  // "My boss is a bully and everyone knows it", "my stepdad is a drunk and a liar. he hits my mom. can
  // you help me?": someone in the sender's life described to a helper, not the reader attacked
  const aboutSomeone =
    !addressed && !narrative && (MY_RELATION_RE.test(text) || (THEY_DID_RE.test(text) && TO_ME_RE.test(text)));
  return { directed, addressed, narrative, aboutSomeone };
}
