/**
 * Undoing disguises before analysis: "k1ll", "k i l l", "k\u200bill", "kіll" (Cyrillic і), "ｋｉｌｌ",
 * "k̷i̷l̷l̷", bidi overrides. The analyzer reads the normalised text; every span it finds is mapped
 * back to the original, which is what the sender wrote and what the room would see.
 *
 * Steps, per code point and then per word:
 * 1. invisible characters (zero-width, soft hyphen, word joiner, BOM, variation selectors) and bidi
 *    controls are dropped;
 * 2. NFKD (full-width, mathematical and other compatibility forms to their plain letters), then
 *    combining marks are dropped: "k̷" and "é" read as "k" and "e";
 * 3. Cyrillic and Greek look-alikes become Latin, in words that have a Latin letter or are made only
 *    of look-alikes ("ѕtupid", "уоu"), so a real Russian or Greek word is mostly left alone;
 * 4. runs of 3+ single letters split by one space, dot, dash, underscore or star are joined when they
 *    spell known words ("k i l l", "k.i.l.l", "i w i l l k i l l y o u"; not "d d d d" or "u g h"); a
 *    wider gap between two such runs stays a word break ("k i l l   y o u");
 * 5. leetspeak inside words that have letters ("k1ll", "d1e", "h8", "a$$"), never in numbers or times
 *    ("2 kids", "3pm", "10am", "2nd").
 *
 * Text with nothing that could be a disguise (ASCII, typographic quotes and emoji; no digit touching a
 * letter, no spaced-out letters) takes a fast path: one scan, the same string and the identity map (most
 * messages; the analyzer's budget is 50 us a message).
 */

export interface Normalized {
  text: string;
  /**
   * Where an offset of `text` falls in the original. `'start'` (the default) for a span's start, `'end'`
   * for its exclusive end: the end takes in combining marks that followed the last character.
   */
  toOriginal(offset: number, side?: 'start' | 'end'): number;
}

import { english } from './lang/en/index.js';
import type { Language, NormalizeWords } from './lang/types.js';

/** Look-alikes a disguise uses: Cyrillic and Greek letters drawn like Latin ones (a small table on purpose). */
const CONFUSABLE: Record<string, string> = {
  // Cyrillic capitals and small letters
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Ԁ: 'D',
  Ү: 'Y',
  Ԛ: 'Q',
  Ԝ: 'W',
  Һ: 'H',
  Ӏ: 'I',
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ү: 'y',
  к: 'k',
  м: 'm',
  т: 't',
  п: 'n',
  в: 'b',
  ь: 'b',
  г: 'r',
  ё: 'e',
  ї: 'i',
  // Greek capitals and small letters
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  α: 'a',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  γ: 'y',
  ϳ: 'j',
  // Latin letters NFKD leaves as they are
  ı: 'i',
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  ŧ: 't',
  ƅ: 'b',
  ɑ: 'a',
  ɡ: 'g',
  // small capitals ("ʏᴏᴜ ᴀʀᴇ ᴅᴇᴀᴅ"): NFKD leaves them as they are
  ᴀ: 'a',
  ʙ: 'b',
  ᴄ: 'c',
  ᴅ: 'd',
  ᴇ: 'e',
  ꜰ: 'f',
  ɢ: 'g',
  ʜ: 'h',
  ɪ: 'i',
  ᴊ: 'j',
  ᴋ: 'k',
  ʟ: 'l',
  ᴍ: 'm',
  ɴ: 'n',
  ᴏ: 'o',
  ᴘ: 'p',
  ʀ: 'r',
  ꜱ: 's',
  ᴛ: 't',
  ᴜ: 'u',
  ᴠ: 'v',
  ᴡ: 'w',
  ʏ: 'y',
  ᴢ: 'z',
};

/** Dropped outright: zero-width characters, soft hyphen, word joiners, BOM, bidi controls. */
function invisible(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0x3164 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

const MARK = /\p{M}/u;
const LATIN_LETTER = /[A-Za-z]/;

const isLetterCode = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isDigitCode = (c: number) => c >= 48 && c <= 57;
/** letters, digits and what leetspeak writes letters with: '@', '$' */
const isRunCode = (c: number) => isLetterCode(c) || isDigitCode(c) || c === 64 || c === 36;
/** a character that makes its neighbour part of a word */
const isWordishCode = (c: number) => isRunCode(c) || c === 39 || c === 0x2019;
/** one space, dot, dash, underscore or star: what spaces letters out */
const isSepCode = (c: number) => c === 32 || c === 46 || c === 45 || c === 95 || c === 42;
/** Common in ordinary text and never part of a disguise: typographic quotes, dashes, ellipsis, emoji. */
function isPlainWide(text: string, i: number, c: number): boolean {
  if ((c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e)) return true;
  if (c >= 0xa0 && c <= 0xbf) return c !== 0xad;
  // emoji: high surrogates of U+1F000-U+1FBFF and every low surrogate (U+1D400 letters start with 0xD835)
  if ((c >= 0xd83c && c <= 0xd83e) || (c >= 0xdc00 && c <= 0xdfff)) return true;
  if (c >= 0x2190 && c <= 0x2bff) return true;
  // a variation selector after a symbol, not inside a word
  return c === 0xfe0f && i > 0 && !isLetterCode(text.charCodeAt(i - 1));
}

/**
 * Whether a text may hold a disguise: a character outside ASCII that is not plainly punctuation or emoji,
 * a digit or '@$!|' touching a letter, or three single characters spaced out. One pass, no allocation;
 * a false alarm only costs the slow path, which then finds nothing to change.
 */
export function suspect(text: string): boolean {
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // web addresses, @mentions, #tags and HTML entities are left as they are (undoLeet skips them too)
    const wordStart = i === 0 || text.charCodeAt(i - 1) <= 32;
    if ((c === 104 && text.startsWith('http', i)) || ((c === 64 || c === 35 || c === 38) && wordStart)) {
      while (i + 1 < n && text.charCodeAt(i + 1) > 32) i++;
      continue;
    }
    if (c >= 0x80) {
      if (!isPlainWide(text, i, c) || (isQuoteCode(c) && quotedWordAt(text, i))) return true;
      continue;
    }
    if (c === 34 && quotedWordAt(text, i)) return true;
    // "kiII": a capital I after a small letter, an l in disguise
    if (c === 73 && i > 0 && isLowerCode(text.charCodeAt(i - 1))) return true;
    // "i.will.kill.you": words joined by dots or underscores (two of them in one chunk)
    if ((c === 46 || c === 95 || c === 45) && joinedAt(text, i)) return true;
    if (isDigitCode(c) || c === 64 || c === 36 || c === 33 || c === 124) {
      const before = i > 0 && isLetterCode(text.charCodeAt(i - 1));
      const after = i + 1 < n && isLetterCode(text.charCodeAt(i + 1));
      // "k1ll", "a$$", "h8", a leading "1diot"
      if (before && (after || c === 36 || c === 56 || (c === 49 && text.charCodeAt(i + 1) === 49))) return true;
      // "sh00t", "k1lll": a run of leet characters with letters on both sides
      if (before && isDigitCode(c)) {
        let j = i + 1;
        while (j < n && isDigitCode(text.charCodeAt(j))) j++;
        if (j < n && j - i <= 3 && isLetterCode(text.charCodeAt(j))) return true;
      }
      const alone = i === 0 || !isWordishCode(text.charCodeAt(i - 1));
      if (after && (c === 49 || c === 48 || c === 36) && alone) return true;
      if (before || !isRunCode(c)) continue;
    }
    // "k i l l", "k.i.l.l": a lone character, a separator, a lone character, a separator, a lone character
    if (isRunCode(c) && (i === 0 || !isWordishCode(text.charCodeAt(i - 1))) && i + 4 < n) {
      let ok = true;
      for (let k = 0; k < 3 && ok; k++) {
        const at = i + 2 * k;
        const next = at + 1 < n ? text.charCodeAt(at + 1) : 32;
        ok = isRunCode(text.charCodeAt(at)) && !isWordishCode(next) && (k === 2 || isSepCode(next));
      }
      if (ok) return true;
    }
  }
  return false;
}

const isLowerCode = (c: number) => c >= 97 && c <= 122;
/** quote marks that can hug one word: " « » “ ” */
const isQuoteCode = (c: number) => c === 34 || c === 0xab || c === 0xbb || c === 0x201c || c === 0x201d;
/** an opening quote at i, then letters only, then a closing quote: "I'll «end» you", 'I will "end" you' */
function quotedWordAt(text: string, i: number): boolean {
  let j = i + 1;
  while (j < text.length && isLetterCode(text.charCodeAt(j))) j++;
  return j > i + 1 && j < text.length && isQuoteCode(text.charCodeAt(j));
}
/** a dot, underscore or dash between letters, with another such joint in the same chunk after it: "i.will.kill" */
function joinedAt(text: string, i: number): boolean {
  if (i === 0 || !isLetterCode(text.charCodeAt(i - 1)) || !isLetterCode(text.charCodeAt(i + 1))) return false;
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 46 || c === 95 || c === 45) return j + 1 < text.length && isLetterCode(text.charCodeAt(j + 1));
    if (!isLetterCode(c)) return false;
  }
  return false;
}
const IDENTITY_END = (text: string) => (offset: number) => Math.max(0, Math.min(offset, text.length));

/** Text being rebuilt: its characters and, for each, the original range [s, e) it came from. */
interface Built {
  chars: string[];
  s: number[];
  e: number[];
}

function push(b: Built, ch: string, s: number, e: number): void {
  b.chars.push(ch);
  b.s.push(s);
  b.e.push(e);
}

/** Steps 1-3. */
function unicodeStep(text: string): Built {
  const b: Built = { chars: [], s: [], e: [] };
  const foldable: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    if (cp < 0x80) {
      push(b, text[i], i, i + 1);
    } else if (!invisible(cp)) {
      const ch = text.slice(i, i + len);
      const d = ch.normalize('NFKD');
      for (const c of d) {
        if (MARK.test(c)) {
          // a combining mark belongs to the letter before it: a span over that letter takes it in
          if (b.e.length) b.e[b.e.length - 1] = i + len;
          continue;
        }
        if (CONFUSABLE[c]) foldable.push(b.chars.length);
        push(b, c, i, i + len);
      }
    }
    i += len;
  }
  // step 3: fold look-alikes only in words that are Latin already or made only of look-alikes
  for (const k of foldable) {
    if (!/[A-Za-z]/.test(CONFUSABLE[b.chars[k]] ?? '') || LATIN_LETTER.test(b.chars[k])) continue;
    let a = k;
    while (a > 0 && /\p{L}/u.test(b.chars[a - 1])) a--;
    let z = k;
    while (z + 1 < b.chars.length && /\p{L}/u.test(b.chars[z + 1])) z++;
    let latin = false;
    let foreign = false;
    for (let j = a; j <= z; j++) {
      const c = b.chars[j];
      if (LATIN_LETTER.test(c)) latin = true;
      else if (!CONFUSABLE[c]) foreign = true;
    }
    if (latin || !foreign) b.chars[k] = CONFUSABLE[b.chars[k]];
  }
  return b;
}

const RUN_CHAR = /[A-Za-z0-9@$]/;
const SEP = /[ .\-_*\u00b7]/;
const LETTER = /[A-Za-z]/;
const WORDISH = /[A-Za-z0-9'’@$]/;

/** Step 4: "k i l l" and "k.i.l.l" become "kill"; a wider gap between two runs becomes one space. */
function joinSpaced(b: Built, p: NormalizeWords): Built {
  const out: Built = { chars: [], s: [], e: [] };
  const n = b.chars.length;
  // one character standing alone: nothing word-like on either side
  const single = (j: number) =>
    j < n &&
    RUN_CHAR.test(b.chars[j]) &&
    (j === 0 || !WORDISH.test(b.chars[j - 1])) &&
    (j + 1 >= n || !WORDISH.test(b.chars[j + 1]));
  let lastRunEnd = -1;
  for (let i = 0; i < n; ) {
    // a run: single characters, each followed by one separator, 3 or more of them, 3 or more letters
    if (single(i)) {
      let j = i;
      let count = 1;
      let letters = LETTER.test(b.chars[i]) ? 1 : 0;
      while (j + 2 < n && SEP.test(b.chars[j + 1]) && single(j + 2)) {
        j += 2;
        count++;
        if (LETTER.test(b.chars[j])) letters++;
      }
      // only when the letters spell known words: "d d d d", "u g h" and "p e r i o d" are left as written
      const spelt = count >= 3 && letters >= 3 ? spell(b.chars, i, j, p) : null;
      if (spelt) {
        // "kill   you": the gap between two joined runs is one space
        const gap = lastRunEnd >= 0 ? out.chars.slice(lastRunEnd) : [];
        if (gap.length > 0 && gap.every((c) => /\s/.test(c))) {
          const s = out.s[lastRunEnd];
          const e = out.e[out.e.length - 1];
          out.chars.length = out.s.length = out.e.length = lastRunEnd;
          push(out, ' ', s, e);
        }
        const cuts = spelt;
        for (let k = i, w = 0; k <= j; k += 2, w++) {
          // "k i l l y o u": a word break where the letters spell words only apart
          if (cuts.has(w)) push(out, ' ', b.s[k - 1], b.e[k - 1]);
          push(out, b.chars[k], b.s[k], b.e[k]);
        }
        lastRunEnd = out.chars.length;
        i = j + 1;
        continue;
      }
    }
    if (!/\s/.test(b.chars[i])) lastRunEnd = -1;
    push(out, b.chars[i], b.s[i], b.e[i]);
    i++;
  }
  return out;
}

const known = (w: string, p: NormalizeWords) => p.glue.has(w) || p.hostile(w);

/**
 * Where to put word breaks in letters that were spaced out one by one ("killyou" -> after "kill"): only
 * when the letters are not one known word and split wholly into known words; otherwise none.
 */
function segment(word: string, p: NormalizeWords): Set<number> {
  const none = new Set<number>();
  if (word.length < 4 || word.length > 40 || known(word, p)) return none;
  // best[k]: fewest words for word[0..k), from[k]: where the last of them starts
  const best = new Array<number>(word.length + 1).fill(Infinity);
  const from = new Array<number>(word.length + 1).fill(-1);
  best[0] = 0;
  for (let k = 1; k <= word.length; k++) {
    for (let a = Math.max(0, k - 12); a < k; a++) {
      if (best[a] + 1 < best[k] && known(word.slice(a, k), p)) {
        best[k] = best[a] + 1;
        from[k] = a;
      }
    }
  }
  if (best[word.length] === Infinity) return none;
  const cuts = new Set<number>();
  for (let k = from[word.length]; k > 0; k = from[k]) cuts.add(k);
  return cuts;
}

/** Word breaks for the spaced letters chars[i], chars[i+2] ... chars[j] when they spell known words, else null. */
function spell(chars: string[], i: number, j: number, p: NormalizeWords): Set<number> | null {
  let word = '';
  for (let k = i; k <= j; k += 2) word += p.leetSpaced[chars[k]] ?? chars[k].toLowerCase();
  if (known(word, p)) return new Set();
  const cuts = segment(word, p);
  return cuts.size ? cuts : null;
}

const TOKEN_CHAR = /[A-Za-z0-9@$!|]/;

/** Step 5: leetspeak, only in words with letters, never in numbers and times. */
function undoLeet(b: Built, p: NormalizeWords): Built {
  const { leet, leetAfter } = p;
  const out: Built = { chars: [], s: [], e: [] };
  const n = b.chars.length;
  for (let i = 0; i < n; ) {
    if (!TOKEN_CHAR.test(b.chars[i])) {
      push(out, b.chars[i], b.s[i], b.e[i]);
      i++;
      continue;
    }
    let j = i;
    while (j < n && TOKEN_CHAR.test(b.chars[j])) j++;
    const tok = b.chars.slice(i, j);
    const isLetter = tok.map((c) => LETTER.test(c));
    const firstLetter = isLetter.indexOf(true);
    const lastLetter = isLetter.lastIndexOf(true);
    const word = tok.join('').toLowerCase();
    // web addresses, @mentions and #tags are names, not words
    let a = i;
    while (a > 0 && !/\s/.test(b.chars[a - 1])) a--;
    let z = j;
    while (z < n && !/\s/.test(b.chars[z])) z++;
    const chunk = b.chars.slice(a, z).join('');
    const mapped: string[] = [];
    for (let k = 0; k < tok.length; k++) {
      const c = tok[k];
      let rep: string | undefined;
      if (!isLetter[k] && firstLetter >= 0 && leet[c] !== undefined) {
        const inside = k > firstLetter && k < lastLetter;
        const letters = isLetter.filter(Boolean).length;
        // "h8", "a$$"; a leading "1diot", "0wned", "$hit" (3+ letters after, no other digit: not "1st", "3pm", "10am")
        const trailing =
          k > lastLetter && (p.leetTrailing.has(word) || (c === '$' && word.replace(/\$+$/, '').length >= 1));
        const leading =
          k === 0 && firstLetter === 1 && /^[10$]$/.test(c) && letters >= 3 && !/[0-9]/.test(word.slice(1));
        // "!" and "|" are punctuation unless a letter is on both sides ("k!ll", "ki||")
        const flanked =
          k > 0 && k + 1 < tok.length && (isLetter[k - 1] || tok[k - 1] === c) && (isLetter[k + 1] || tok[k + 1] === c);
        const punct = (c === '!' || c === '|') && !flanked;
        if ((inside || trailing || leading) && !punct) rep = leet[c];
        // "ki11": two ones in a row are "ll"
        if (rep && c === '1' && (tok[k - 1] === '1' || tok[k + 1] === '1')) rep = 'l';
        if (rep && Object.hasOwn(leetAfter, rep) && !(k > 0 && leetAfter[rep].test(tok[k - 1]))) rep = undefined;
        // "ki11": a run of ones after the last letter is "ll"
        if (!rep && c === '1' && k > lastLetter && k > 0 && (tok[k - 1] === '1' || tok[k + 1] === '1')) rep = 'l';
      }
      // "kiII": a capital I inside a word of small letters is an l
      if (!rep && c === 'I' && k > 0 && /[a-zI]/.test(tok[k - 1]) && /[a-z]/.test(tok.join(''))) rep = 'l';
      mapped.push(rep ?? c);
    }
    const result = mapped.join('');
    const use = result !== tok.join('') && !/:\/\/|www\.|^[@#]|&#/.test(chunk) && p.hostile(result.toLowerCase());
    for (let k = 0; k < tok.length; k++) {
      const piece = use ? mapped[k] : tok[k];
      for (const r of piece) push(out, r, b.s[i + k], b.e[i + k]);
    }
    i = j;
  }
  return out;
}

/**
 * Step 6: words joined by dots, underscores or dashes ("i.will.kill.you", "I-will-hurt-you") are spaced again when
 * every piece is a word a threat is made of and one of them is hostile; "e.g." and "file_name.txt" stay.
 * The separators become spaces in place, so offsets are unchanged.
 */
function splitJoined(b: Built, p: NormalizeWords): Built {
  const n = b.chars.length;
  for (let i = 0; i < n; ) {
    if (/\s/.test(b.chars[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/\s/.test(b.chars[j])) j++;
    const chunk = b.chars.slice(i, j).join('');
    const pieces = chunk.replace(/[!?,;:]+$/, '').split(/[._-]/);
    if (pieces.length >= 3 && pieces.every((w) => /^[A-Za-z'’]+$/.test(w))) {
      const words = pieces.map((w) => w.toLowerCase().replace(/['’]/g, ''));
      if (words.every((w) => p.glue.has(w) || p.hostile(w)) && words.some((w) => p.hostile(w) && !p.glue.has(w))) {
        for (let k = i; k < j; k++) if (/[._-]/.test(b.chars[k])) b.chars[k] = ' ';
      }
    }
    i = j;
  }
  return b;
}

/**
 * Step 7: quote marks hugging one hostile word ("I'll «end» you") become spaces: the word is read in its
 * sentence. Other quoted words keep their quotes (scare quotes, 'your "help"', are contempt).
 */
function unhug(b: Built, p: NormalizeWords): Built {
  const n = b.chars.length;
  const quote = (c: string | undefined) => c !== undefined && /["«»“”]/.test(c);
  for (let i = 0; i < n; i++) {
    if (!quote(b.chars[i])) continue;
    let j = i + 1;
    while (j < n && LETTER.test(b.chars[j])) j++;
    if (
      j > i + 1 &&
      quote(b.chars[j]) &&
      p.hostile(
        b.chars
          .slice(i + 1, j)
          .join('')
          .toLowerCase(),
      )
    ) {
      b.chars[i] = ' ';
      b.chars[j] = ' ';
      i = j;
    }
  }
  return b;
}

/** The text the analyzer reads, and the way back to the sender's offsets. */
export function normalize(text: string, lang: Language = english): Normalized {
  const clamp = IDENTITY_END(text);
  if (!suspect(text)) return { text, toOriginal: clamp };
  const words = lang.normalize;
  const b = unhug(splitJoined(undoLeet(joinSpaced(unicodeStep(text), words), words), words), words);
  const out = b.chars.join('');
  if (out === text) return { text, toOriginal: clamp };
  const { s, e } = b;
  return {
    text: out,
    toOriginal(offset: number, side: 'start' | 'end' = 'start'): number {
      if (side === 'end') {
        if (offset <= 0) return s.length ? s[0] : 0;
        return e[Math.min(offset, e.length) - 1];
      }
      if (offset >= s.length) return text.length;
      return s[Math.max(0, offset)];
    },
  };
}
