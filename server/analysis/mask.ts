/**
 * Reported speech: the parts of a message where the sender describes what someone else said or did
 * to them ("he called me stupid in front of the kids", "my wife told me I'm worthless", quoted words).
 * Those words are not an attack on the reader. The rules ignore insults inside these ranges and the
 * model sees the message with them blanked out. The words are the language's (lang/<code>/mask.ts).
 */

import { english } from './lang/en/index.js';
import { WORD_CLASS, type Language, type MaskPatterns } from './lang/types.js';

export interface Range {
  start: number;
  end: number;
}

// Who is speaking, looking back from the reporting verb to the start of the sentence: the nearest
// subject decides. Someone else ("he", "my husband", "Sam", "you") makes it reported speech; the
// sender ("I", "we") or no subject at all (an imperative: "call him a scumbag") makes it their own.
function otherSubject(text: string, at: number, p: MaskPatterns, youCounts = true): boolean {
  let a = at;
  while (a > 0 && !/[.!?\n;:"“”]/.test(text[a - 1])) a--;
  const words = text.slice(a, at).match(/[A-Za-z][A-Za-z'’-]*/g);
  if (!words) return false;
  for (let i = words.length - 1; i >= 0; i--) {
    const raw = words[i].replace(/’/g, "'");
    const w = raw.toLowerCase();
    // "I mean", "I swear" are asides, not the subject: "my dad is always, and I mean always, screaming at me"
    if (p.senderSubjects.has(w) && !(i + 1 < words.length && p.aside.test(words[i + 1]))) return false;
    if (p.otherSubjects.has(w)) return youCounts || !p.readerSubject(w);
    // "my husband called me ..." (but not "at my work, or call my mother": a place after a preposition)
    if (i > 0 && p.possessive.test(words[i - 1]) && !p.structure.has(w) && !(i > 1 && p.preposition.test(words[i - 2])))
      return true;
    // a name inside the sentence: "then Sam called me a liar"
    if (i > 0 && /^[A-Z][a-z]/.test(raw) && !p.notAName.test(w)) return true;
  }
  // the sentence's first word as a name: "Sam called me a liar"
  return (
    /^[A-Z][a-z]+$/.test(words[0]) && !p.senderSubjects.has(words[0].toLowerCase()) && !p.commandStart.test(words[0])
  );
}

const QUOTE = new RegExp(
  [
    '["“”«»]([^"“”«»\\n]{1,300})["“”«»]|(?<![A-Za-z])[\'‘]((?:[^\'‘’\\n]|',
    "(?<=[A-Za-z])['’](?=[A-Za-z])){3,200})['’](?![A-Za-z])",
  ].join(''),
  'g',
);

const SELF_WORD = /[A-Za-z][A-Za-z'’]*/g;
function selfInsults(text: string, out: Range[], lang: Language): void {
  const { selfStart, negation } = lang.mask;
  selfStart.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = selfStart.exec(text))) {
    SELF_WORD.lastIndex = m.index + m[0].length;
    // within the next few words, before the clause ends
    for (let k = 0; k < 5; k++) {
      const w = SELF_WORD.exec(text);
      if (!w || /[.!?,;]/.test(text.slice(m.index + m[0].length, w.index))) break;
      if (negation.test(w[0])) break; // "I'm not an idiot, you are" is about the reader
      if (lang.words.classOf(w[0].toLowerCase()) & (WORD_CLASS.insult | WORD_CLASS.insultExtra)) {
        out.push({ start: m.index, end: w.index + w[0].length });
        break;
      }
    }
  }
}

/**
 * Quoted words are someone else's when someone else is said to have said them ('"You're useless," he
 * said', 'my husband texted me: "..."', 'I keep hearing "..."', "His text last night: '...'"), as before.
 * They are the sender's own when the sender is the one who says them ('I said "you're an idiot"',
 * '"you idiot," I said'), when the message opens with the quote ("'I will kill you'", '"you're worthless"
 * - that's what you are'), and when a quote to "you" follows a lead-in that turns to the reader with no
 * one else in it ('Remember this: "I will kill you"'). Words mentioned as words ('the word "retard"')
 * stay masked.
 */
function quotedSpeech(text: string, out: Range[], p: MaskPatterns): void {
  QUOTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE.exec(text))) {
    const inner = m[1] ?? m[2] ?? '';
    const s = m.index + 1;
    const lead = text.slice(Math.max(0, m.index - 40), m.index);
    const tail = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
    // "she said", "he texted me:" before the quote belong to the report; "I said" is the sender's own
    const before = p.reportBeforeQuote.exec(lead);
    if (before) {
      const theirs = !p.senderBefore.test(before[0]) || p.heardBefore.test(lead);
      if (theirs) out.push({ start: m.index - before[0].length, end: s + inner.length });
      continue;
    }
    if (p.heardBefore.test(lead)) {
      out.push({ start: s, end: s + inner.length });
      continue;
    }
    // '"You're useless," he said' is theirs; '"you idiot," I said' is the sender's
    if (p.reportAfterQuote.test(tail)) {
      if (!p.senderAfter.test(tail)) out.push({ start: s, end: s + inner.length });
      continue;
    }
    // a message that opens with a quote nobody is said to have said is the sender's own words (a retweet,
    // a slogan, a threat in quotation marks)
    if (!/\S/.test(text.slice(0, m.index))) continue;
    let a = m.index;
    while (a > 0 && !/[.!?\n]/.test(text[a - 1])) a--;
    const leadIn = text.slice(a, m.index);
    if (p.quoteYou.test(inner) && p.toReaderLead.test(leadIn) && !p.thirdLead.test(leadIn)) continue;
    out.push({ start: s, end: s + inner.length });
  }
}

/** Where the quotes are: with `quotesAreOwn` their words are judged even inside a report ("you call me \"...\""). */
export function quoteRanges(text: string): Range[] {
  const out: Range[] = [];
  QUOTE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTE.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/** Ranges of reported speech in the original text, sorted, non-overlapping. */
export function reportedRanges(text: string, lang: Language, options: { quotesAreOwn?: boolean } = {}): Range[] {
  const p = lang.mask;
  const out: Range[] = [];
  selfInsults(text, out, lang);
  let m: RegExpExecArray | null;
  for (const { re, speaker, extent } of p.reports) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      // "he called me stupid" is reported; "I called him a sociopath", "call him a scumbag" and
      // "don't tell me you wrote this junk" are the sender's own words
      if (speaker === 'other' && !otherSubject(text, m.index, p)) continue;
      // "you said I'm an idiot, you moron": what the reader said is not masked here (as above)
      if (speaker === 'otherThanReader' && !otherSubject(text, m.index, p, false)) continue;
      // the range covers the reporting words too: "called me" says nothing hostile on its own
      const start = m.index;
      // the sender about themselves: the words themselves, not the rest of the clause ("I feel so worthless and I want
      // to die")
      if (extent === 'match') {
        out.push({ start, end: start + m[0].length });
        continue;
      }
      const ender = extent === 'sentence' ? p.sentenceEnd : p.clauseEnd;
      ender.lastIndex = m.index + m[0].length;
      const e = ender.exec(text);
      let end = e ? e.index : text.length;
      if (end - start > 120) end = start + 120;
      if (end > start) out.push({ start, end });
    }
  }
  if (!options.quotesAreOwn) quotedSpeech(text, out, p);
  if (out.length < 2) return out;
  out.sort((a, b) => a.start - b.start);
  const merged: Range[] = [out[0]];
  for (let i = 1; i < out.length; i++) {
    const last = merged[merged.length - 1];
    if (out[i].start <= last.end) last.end = Math.max(last.end, out[i].end);
    else merged.push({ ...out[i] });
  }
  return merged;
}

export function inRanges(ranges: Range[], start: number, end: number): boolean {
  for (const r of ranges) if (start >= r.start && end <= r.end) return true;
  return false;
}

/** The text the model scores: reported speech blanked out. */
/** (`ranges` defaults to English reported speech: the training scripts read English.) */
export function modelView(text: string, ranges: Range[] = reportedRanges(text, english)): string {
  if (ranges.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const r of ranges) {
    out += text.slice(pos, r.start) + ' ';
    pos = r.end;
  }
  return out + text.slice(pos);
}

export function literalRanges(text: string, lang: Language): Range[] {
  const out: Range[] = [];
  for (const re of lang.mask.literal) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}
