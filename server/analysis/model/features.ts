/**
 * Hashed features for the linear heat model: word unigrams and bigrams, character 3-5 grams
 * inside a space-padded, punctuation-free form of the text, and word classes (wordclass.ts: a word
 * from the insult or profanity lists, and the word before it with that class). No allocation per
 * n-gram: hashes are rolled over char codes.
 */
import { english } from '../lang/en/index.js';
import { WORD_CLASS } from '../lang/types.js';

/** A language's word classes (Language.words.classOf); the training scripts read English. */
export type ClassOf = (word: string) => number;
const ENGLISH: ClassOf = english.words.classOf;
const { insult: C_INSULT, strong: C_STRONG, mild: C_MILD, insultExtra: C_INSULT_EXTRA } = WORD_CLASS;

export const HASH_BITS = 18;
export const DIM = 1 << HASH_BITS;
const MASK = DIM - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEED_WORD = 0x1234567;
const SEED_BIGRAM = 0x7654321;
const SEED_CHAR = 0x2468ace;
const SEED_CLASS = 0x51ed27f;

function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & MASK;
}
const F_INSULT = mix(SEED_CLASS ^ 1);
const F_STRONG = mix(SEED_CLASS ^ 2);
const F_MILD = mix(SEED_CLASS ^ 3);
const classBuf = new Int32Array(1024);

// The heat model and the label model read the same text one after the other: the last result of
// normalizeForModel and featurize is kept so the second asks for nothing new.
let lastText = '';
let lastNorm = '';
let lastFeatNorm: string | null = null;
let lastClassOf: ClassOf | null = null;
let lastCount = 0;
const lastFeats = new Int32Array(16384 * 2);

/** Lower case, straight apostrophes, anything but letters, digits and apostrophes as one space. */
export function normalizeForModel(text: string): string {
  if (text === lastText) return lastNorm;
  lastNorm = normalizeOnce(text);
  lastText = text;
  return lastNorm;
}

function normalizeOnce(text: string): string {
  let out = '';
  let space = true;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90)
      c += 32; // A-Z
    else if (c === 0x2019 || c === 0x2018 || c === 96) c = 39;
    const keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39 || c > 0xbf;
    if (keep) {
      out += String.fromCharCode(c > 0xbf ? String.fromCharCode(c).toLowerCase().charCodeAt(0) : c);
      space = false;
    } else if (!space) {
      out += ' ';
      space = true;
    }
  }
  return out.trimEnd();
}

/** Feature indices (with repeats) of a normalised text, written into buf; returns the count. */
export function featurize(norm: string, buf: Int32Array, classOf: ClassOf = ENGLISH): number {
  // copied by hand: subarray() would make a view object on every call
  if (norm === lastFeatNorm && classOf === lastClassOf && buf.length >= lastCount) {
    for (let i = 0; i < lastCount; i++) buf[i] = lastFeats[i];
    return lastCount;
  }
  const n = featurizeOnce(norm, buf, classOf);
  // only a full buffer's features are kept (a small one may have cut them short)
  if (buf.length >= lastFeats.length) {
    for (let i = 0; i < n; i++) lastFeats[i] = buf[i];
    lastFeatNorm = norm;
    lastClassOf = classOf;
    lastCount = n;
  }
  return n;
}

function featurizeOnce(norm: string, buf: Int32Array, wordClass: ClassOf): number {
  let n = 0;
  const cap = buf.length;
  // words and bigrams
  let prevWordHash = 0x9e3779b9;
  let w = FNV_OFFSET ^ SEED_WORD;
  let inWord = false;
  let wordStart = 0;
  let nc = 0;
  const len = norm.length;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? norm.charCodeAt(i) : 32;
    if (c === 32) {
      if (inWord) {
        const wh = w >>> 0;
        const cls = wordClass(norm.slice(wordStart, i));
        if (cls !== 0 && nc + 5 <= classBuf.length) {
          if (cls & C_INSULT) classBuf[nc++] = F_INSULT;
          if (cls & C_INSULT_EXTRA) classBuf[nc++] = F_INSULT;
          if (cls & C_STRONG) classBuf[nc++] = F_STRONG;
          if (cls & C_MILD) classBuf[nc++] = F_MILD;
          // the word before it with the class: "you" + insult, "a" + insult, "the" + profanity
          const k = cls & (C_INSULT | C_INSULT_EXTRA) ? 1 : cls & C_STRONG ? 2 : 0;
          if (k) classBuf[nc++] = mix(Math.imul(prevWordHash ^ SEED_CLASS, FNV_PRIME) ^ k);
        }
        if (n < cap) buf[n++] = wh & MASK;
        let b = Math.imul(prevWordHash ^ SEED_BIGRAM, FNV_PRIME) ^ wh;
        b = Math.imul(b ^ (b >>> 15), 0x85ebca6b);
        if (n < cap) buf[n++] = (b ^ (b >>> 13)) & MASK;
        prevWordHash = wh;
        inWord = false;
        w = FNV_OFFSET ^ SEED_WORD;
      }
    } else {
      if (!inWord) wordStart = i;
      w = Math.imul(w ^ c, FNV_PRIME);
      inWord = true;
    }
  }
  // end-of-text bigram
  {
    let b = Math.imul(prevWordHash ^ SEED_BIGRAM, FNV_PRIME) ^ 0x5bd1e995;
    b = Math.imul(b ^ (b >>> 15), 0x85ebca6b);
    if (n < cap) buf[n++] = (b ^ (b >>> 13)) & MASK;
  }
  // character 3..5 grams over " " + norm + " "
  const L = len + 2;
  for (let i = 0; i + 3 <= L; i++) {
    let h = FNV_OFFSET ^ SEED_CHAR;
    for (let k = 0; k < 5 && i + k < L; k++) {
      const p = i + k - 1;
      const c = p < 0 || p >= len ? 32 : norm.charCodeAt(p);
      h = Math.imul(h ^ c, FNV_PRIME);
      if (k >= 2) {
        let m = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
        m ^= m >>> 13;
        if (n < cap) buf[n++] = m & MASK;
      }
    }
  }
  for (let i = 0; i < nc; i++) if (n < cap) buf[n++] = classBuf[i];
  return n;
}

/** A scratch buffer large enough for the 4000-character messages the protocol allows. */
export function makeFeatureBuffer(): Int32Array {
  return new Int32Array(16384 * 2);
}

const SEED_TRIGRAM = 0x3c6ef372;
/**
 * Word trigrams of a normalised text ("know where you", "won't be around"), appended to buf from `n` on;
 * returns the new count. The safety model reads them besides featurize()'s n-grams: what a threat or a
 * goodbye says often lives in three plain words.
 */
export function wordTrigrams(norm: string, buf: Int32Array, n: number): number {
  // the words are norm.split(' ') (an empty one included), hashed in place rather than split into strings
  const cap = buf.length;
  let h0 = 0;
  let h1 = 0;
  let at = 0;
  let h = FNV_OFFSET ^ SEED_TRIGRAM;
  for (let i = 0; i <= norm.length; i++) {
    const c = i < norm.length ? norm.charCodeAt(i) : 32;
    if (c !== 32) {
      h = Math.imul(h ^ c, FNV_PRIME);
      continue;
    }
    h >>>= 0;
    if (at >= 2 && n < cap) buf[n++] = mix(Math.imul(Math.imul(h0 ^ SEED_TRIGRAM, FNV_PRIME) ^ h1, FNV_PRIME) ^ h);
    h0 = h1;
    h1 = h;
    at++;
    h = FNV_OFFSET ^ SEED_TRIGRAM;
  }
  return n;
}

const SEED_NET = 0x6a09e667;
/**
 * Word 1-, 2- and 3-grams of a normalised text, hashed (no character n-grams): the safety network's inputs
 * (mlp.ts), three a word where featurize() gives about 3.5 a character, so it reads a message in a fraction
 * of the time; the softmax beside it still reads the characters (typos, disguises).
 */
export function wordNgrams(norm: string, buf: Int32Array): number {
  const cap = buf.length;
  let n = 0;
  let h1 = 0;
  let h2 = 0;
  let at = 0;
  // the non-empty words of norm.split(' '), hashed in place
  let h = FNV_OFFSET ^ SEED_NET;
  let len = 0;
  for (let j = 0; j <= norm.length; j++) {
    const c = j < norm.length ? norm.charCodeAt(j) : 32;
    if (c !== 32) {
      h = Math.imul(h ^ c, FNV_PRIME);
      len++;
      continue;
    }
    if (len === 0) continue;
    h >>>= 0;
    if (n < cap) buf[n++] = mix(h);
    if (at >= 1 && n < cap) buf[n++] = mix(Math.imul(h1 ^ SEED_NET, FNV_PRIME) ^ h);
    if (at >= 2 && n < cap) buf[n++] = mix(Math.imul(Math.imul(h2 ^ SEED_NET, FNV_PRIME) ^ h1, FNV_PRIME) ^ h ^ 1);
    h2 = h1;
    h1 = h;
    at++;
    h = FNV_OFFSET ^ SEED_NET;
    len = 0;
  }
  return n;
}
