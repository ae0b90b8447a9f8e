import { plain } from '../../analysis/listening/text.js';
import { needLine } from './draft.js';
import type { Notes } from './notes.js';

/**
 * Real answers to the questions people ask while they prepare ("What if he refuses?", "What do I say
 * first?", "Will she see this?"): what they could do or say, in plain words. The person's own situation
 * decides which; a question the coach cannot answer is said to be one worth bringing, with what helps.
 */

type Answer = (notes: Notes, draft: string | null) => string;

const he = (notes: Notes) => ({ him: 'he', her: 'she', them: 'they' })[notes.them];
const says = (notes: Notes) => (notes.them === 'them' ? 'say' : 'says');

const ANSWERS: [RegExp, Answer][] = [
  [
    new RegExp(
      String.raw`\b(?:will|can|does|could|would) (?:he|she|they|anyone|my \w+|the others?) ` +
        String.raw`(?:see|read|know|find out)\b|\bis (?:this|it) (?:private|confidential)\b`,
      'i',
    ),
    () =>
      'No. Nothing you write here is shown to anyone unless you choose to share a specific point, and then ' +
      'only the words you choose.',
  ],
  [
    /\bwhat if (?:he|she|they|\w+) (?:gets? (?:angry|mad|upset|defensive)|shouts?|yells?|storms? off|walks? out)\b/i,
    (n) =>
      `If ${he(n)} gets upset, you can slow things down: either of you can ask for a break at any time, and I ` +
      'hold back messages that come across as heated and offer a calmer way to say them. You never have to ' +
      'carry on with a conversation that does not feel safe.',
  ],
  [
    new RegExp(
      String.raw`\bwhat if (?:he|she|they|\w+) (?:refuses?|says? no|won'?t|doesn'?t (?:agree|` +
        String.raw`want|listen|care|change)|disagrees?|ignores?|denies|laughs?)\b`,
      'i',
    ),
    (n) =>
      `If ${he(n)} ${says(n)} no, it does not have to end there. You could ask what makes it hard for ` +
      `${n.them}, say again in one sentence what you need, and suggest something smaller to try for a week or ` +
      'two. You can also take a break and come back to it; a no today is often a “not like this” rather than ' +
      'a “never”.',
  ],
  [
    /\bwhat if i (?:cry|get (?:angry|upset|emotional)|lose it|freeze|panic|say the wrong thing|can'?t)\b/i,
    () =>
      'That can happen, and it is OK. You can ask for a break at any time, take a moment before you reply, ' +
      'and write in short pieces. If a message comes out sharper than you mean, I hold it back and offer a ' +
      'calmer way to say it before anyone sees it.',
  ],
  [
    /\bwhat if (?:he|she|they|\w+) (?:says?|tells? me|claims?|thinks?|brings? up)\b/i,
    (n) =>
      `If ${he(n)} ${says(n)} that, you do not have to win the point there. You could say back what you heard, ` +
      `so ${he(n)} ${n.them === 'them' ? 'know' : 'knows'} you listened, and then come back to what you need` +
      `${n.needs[0] ? `, in your words: “${needLine(n.needs[0])}”` : '.'} If it gets heated, either of you can ask ` +
      'for a break.',
  ],
  [
    new RegExp(
      String.raw`\b(?:what|how) (?:should|do|can|could) i (?:say|start|begin|open|put it|bring ` +
        String.raw`(?:it|this) up)\b|\bwhere (?:do|should) i (?:start|begin)\b`,
      'i',
    ),
    (_n, draft) =>
      draft
        ? `You could start with what happened and how it felt, in a sentence or two. From what you have told ` +
          `me so far: “${draft}” Change anything that does not sound like you.`
        : 'A good first message is short: what happened, how it felt, and what you need, in your own words. ' +
          'Tell me a little more and I will help you put it together.',
  ],
  [
    new RegExp(
      String.raw`\b(?:is it|was it|am i|was i) (?:my fault|wrong|overreacting|crazy|unreasonable|` +
        String.raw`being (?:unreasonable|dramatic|too sensitive))\b`,
      'i',
    ),
    () =>
      'I am not here to judge who is right. What you feel makes sense from where you stand, and it tells us ' +
      'what matters to you. In the room it helps to speak about what happened and what you need, rather than ' +
      'about who is to blame.',
  ],
  [
    /\bshould i (?:leave|stay|break up|divorce|quit|move out|give up|forgive)\b/i,
    () =>
      'That is a big decision, and it is yours to make, not mine. What I can help with is getting clear on what ' +
      'you feel and need, so that whatever you decide, you decide it knowing that. A counsellor can help you ' +
      'weigh it too.',
  ],
  [
    /\bwhy (?:does|did|do|would|can't|won't|doesn't) (?:he|she|they)\b/i,
    (n) =>
      `I can’t know what goes on for ${n.them}; that is something you could ask in the room, with curiosity ` +
      'rather than as a charge: “Can you help me understand what was going on for you when…?”',
  ],
  [
    /\bhow (?:does|will) (?:this|it|the room|the session|mediation) work\b|\bwhat happens (?:next|in the room|now)\b/i,
    () =>
      'When everyone is ready, you talk in a shared room in turns. I hold back messages that come across as ' +
      'heated and suggest a calmer way to say them, anyone can ask for a break, and at the end you can write ' +
      'down agreements together. You can share a point from here whenever you like.',
  ],
];

/** A real answer to `question`, or a plain word on what helps when the coach cannot know. */
export function answer(question: string, notes: Notes, draft: string | null): string {
  const q = plain(question);
  const found = ANSWERS.find(([re]) => re.test(q));
  if (found) return found[1](notes, draft);
  return (
    'That is a good question to bring with you. I can’t know how the conversation will go, but saying what ' +
    'happened, how it felt and what you need, in your own words, gives it the best chance.'
  );
}
