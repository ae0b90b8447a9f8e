import { clauseStart, lowerFirst, plain, sentencesOf, tidy } from './text.js';

/**
 * The needs a person names, in their own words and frame, so a reflection can say them back the way
 * they were said: "being included matters to me", "it is important to me that we talk first",
 * "I need help with the kids", "I just want to feel safe", "I miss our Sundays".
 */

export type NeedFrame = 'need' | 'matters' | 'matters-that' | 'want' | 'miss' | 'unmet';

export interface SaidNeed {
  /** The need as written ("being included", "help with the kids on Sundays", "that we talk first"). */
  need: string;
  frame: NeedFrame;
}

/** Where a need phrase ends: the clause's end, or a turn to something else. */
const PHRASE_END = /\s*(?:[,;:.!?]|\b(?:but|because|and i|and you|so i|so that|which|when you|if you)\b)/i;

function phraseFrom(text: string): string {
  const end = text.search(PHRASE_END);
  return tidy(end >= 0 ? text.slice(0, end) : text);
}

const MATTERS_THAT = new RegExp(
  String.raw`\b(?:it|this|that)\s+(?:really\s+|just\s+|also\s+)?(?:matters|is important|` +
    String.raw`'s important|means a lot)\s+to me\s+(that\s+.+|to\s+.+|when\s+.+)`,
  'i',
);
const MATTERS = new RegExp(
  String.raw`(?:^|\s)(.+?)\s+(?:really\s+|just\s+|also\s+)?(matters|matter|is important|` +
    String.raw`are important|means a lot|mean a lot)\s+to me\b`,
  'i',
);
const NEED = new RegExp(
  String.raw`\bi\s+(?:really\s+|just\s+|also\s+|still\s+)?(?:need|needed)\s+(?!(?:you|him|` +
    String.raw`her|them|everyone|somebody|someone)\s+to\b)(.+)`,
  'i',
);
const WANT = /\bi\s+(?:really\s+|just\s+|only\s+)?(?:want|wanted|would like|'d like)\s+(to\s+(?:feel|be)\s+.+)/i;
const MISS = /\bi\s+(?:really\s+|just\s+)?miss\s+(.+)/i;

/** A subject phrase worth keeping: a few words, not a pronoun ("it", "this"). */
function usableSubject(phrase: string): boolean {
  const n = phrase.split(' ').length;
  return n >= 1 && n <= 8 && !/^(?:it|this|that|what|which|who)$/i.test(phrase);
}

export function needsIn(raw: string, unmet: string[] = []): SaidNeed[] {
  const out: SaidNeed[] = [];
  for (const sentence of sentencesOf(plain(raw))) {
    const that = MATTERS_THAT.exec(sentence);
    if (that) {
      const need = phraseFrom(that[1]);
      if (need.split(' ').length >= 2) out.push({ need, frame: 'matters-that' });
      continue;
    }
    const matters = MATTERS.exec(sentence);
    if (matters) {
      const start = matters.index + matters[0].indexOf(matters[1]);
      const from = clauseStart(sentence, start + matters[1].length);
      const subject = tidy(sentence.slice(Math.max(from, start), start + matters[1].length));
      const need = lowerFirst(subject.replace(/^(?:and|but|so|just|really|honestly)\s+/i, ''));
      if (usableSubject(need)) out.push({ need, frame: 'matters' });
      continue;
    }
    for (const [re, frame] of [
      [NEED, 'need'],
      [WANT, 'want'],
      [MISS, 'miss'],
    ] as const) {
      const m = re.exec(sentence);
      if (!m) continue;
      const need = phraseFrom(m[1]);
      if (need.length > 0 && need.split(' ').length <= 14) out.push({ need, frame });
    }
  }
  for (const need of unmet) if (!out.some((n) => n.need === need)) out.push({ need, frame: 'unmet' });
  return out;
}
