/**
 * Who a message is addressed to: the reader ("you", a participant's name), a helper asked for advice,
 * or no one in the room (a story about the sender's life, someone in it described).
 */
import type { AddressPatterns } from './lang/types.js';
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

function isDirected(text: string, reported: Range[], names: string[] | undefined, you: RegExp): boolean {
  you.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = you.exec(text))) if (!inRanges(reported, m.index, m.index + m[0].length)) return true;
  if (names) {
    const lower = text.toLowerCase();
    for (const n of names) if (n && lower.includes(n.toLowerCase())) return true;
  }
  return false;
}

/** Several sentences, several of them about the sender: someone telling what happens to them. */
function isNarrative(text: string, { sentenceEnd, firstPerson }: AddressPatterns): boolean {
  if (text.length < 80) return false;
  const sentences = text.match(sentenceEnd)?.length ?? 0;
  if (sentences < 2) return false;
  return (text.match(firstPerson)?.length ?? 0) >= 3;
}

/** "my husband ...", or a sentence that opens with "he"/"she"/"they" and has "me"/"my" */
function describesSomeone(text: string, lang: AddressPatterns): boolean {
  return lang.myRelation.test(text) || (lang.theyDid.test(text) && lang.toMe.test(text));
}

/** Who `text` is addressed to; `reported` is what others said (not the sender's address). */
export function addressOf(
  text: string,
  reported: Range[],
  names: string[] | undefined,
  lang: AddressPatterns,
): Address {
  const directed = isDirected(text, reported, names, lang.you);
  // a story about the sender's life, aimed at no one in the room: "I give up", "I'm done", capitals,
  // "oh please" and a bare "lazy" in it tell how the sender felt or what someone did, so they are
  // labelled but not held (profanity, directed insults, threats and self-harm still are)
  const helpless = directed ? text.replace(lang.helpYou, (x) => ' '.repeat(x.length)) : '';
  const addressed = directed && isDirected(helpless, reported, names, lang.you);
  const narrative = !addressed && isNarrative(text, lang);
  // "My boss is a bully and everyone knows it", "my stepdad is a drunk and a liar. he hits my mom. can
  // you help me?": someone in the sender's life described to a helper, not the reader attacked
  const aboutSomeone = !addressed && !narrative && describesSomeone(text, lang);
  return { directed, addressed, narrative, aboutSomeone };
}
