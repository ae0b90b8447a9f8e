/**
 * English: how a message addresses the reader, asks a helper, or tells a story (address.ts).
 */
import type { AddressPatterns } from '../types.js';

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

export const ADDRESS: AddressPatterns = {
  you: YOU_RE,
  helpYou: HELP_YOU_RE,
  theyDid: THEY_DID_RE,
  toMe: TO_ME_RE,
  myRelation: MY_RELATION_RE,
  firstPerson: FIRST_PERSON_RE,
  sentenceEnd: SENTENCE_END_RE,
};
