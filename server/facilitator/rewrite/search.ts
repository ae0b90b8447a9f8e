/**
 * The analyzer-guided edit: while the minimal edit would still be held, the smallest cut that cools it
 * (words the analyzer marks first), at most a few cuts and a few re-scorings.
 */
import type { Analysis, HeatLabel } from '../../../shared/analysis.js';
import { brokenSpots as brokenJoints } from './grammar.js';
import { REWRITE_LABELS } from './labels.js';
import { SOFT, STOPWORDS } from './rewriteLexicon.js';
import { minimalEdit } from './substitutions.js';
import { caseLike, tidy, tidyOnce } from './tidy.js';

const WORD = /(?<![A-Za-z'’])[A-Za-z][A-Za-z'’*-]*/g;
const DANGLING = new RegExp(
  [
    '\\b(?:is|are|was|were|be|been|am|so|too|very|really|more|most|as|the|a|an|of|my|your|his|her|their|our|this|',
    'these|those)\\s*(?:[.!?,;]|$)',
  ].join(''),
  'i',
);

/** Spans that may be taken out of a held edit: what the analyzer marks, and every content word. */
interface Cut {
  start: number;
  end: number;
  /** the analyzer points at it */
  marked: boolean;
  /** a function word ("these"): cut only as a last resort */
  minor?: boolean;
}

/** The sentence holding [start, end), with its closing punctuation. */
function sentenceAround(s: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(s[a - 1])) a--;
  while (a < start && /\s/.test(s[a])) a++;
  let b = end;
  while (b < s.length && !/[.!?\n]/.test(s[b])) b++;
  while (b < s.length && /[.!?]/.test(s[b])) b++;
  return { start: a, end: b };
}

function removable(s: string, spans: { start: number; end: number; label: string }[]): Cut[] {
  const words: { start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(s))) words.push({ start: m.index, end: m.index + m[0].length });
  const content = (x: { start: number; end: number }) =>
    !STOPWORDS.has(s.slice(x.start, x.end).toLowerCase().replace(/’/g, "'"));
  const out: Cut[] = [];
  const seen = new Set<string>();
  const add = (x: { start: number; end: number }, marked: boolean, minor = false) => {
    const k = `${x.start}:${x.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ ...x, marked, minor });
  };
  const phrases: { start: number; end: number }[] = [];
  for (const sp of spans) {
    if (REWRITE_LABELS[sp.label as HeatLabel]?.keepWords) continue;
    // a phrase ("nobody cares") goes as a whole, a word only if it is not a function word
    const inside = words.filter((x) => x.start >= sp.start && x.end <= sp.end);
    if (inside.length > 1 && REWRITE_LABELS[sp.label as HeatLabel]?.sentenceWide) {
      // sarcasm or a verdict on the reader's character is the point of its sentence: cutting the phrase
      // leaves a fragment ("Honestly person I have ever met."), so the sentence goes
      const sentence = sentenceAround(s, sp.start, sp.end);
      add(sentence, true);
      phrases.push(sentence);
    } else if (inside.length > 1) {
      add({ start: sp.start, end: sp.end }, true);
      phrases.push(sp);
    } else if (
      inside.length === 1 &&
      !/^(?:a|an|the)$/i.test(s.slice(inside[0].start, inside[0].end)) &&
      !/^\s*['’]\w/.test(s.slice(inside[0].end))
    ) {
      // never a lone article, nor the stem of "haven 't"
      add(inside[0], true, !content(inside[0]));
    }
  }
  const free = (x: { start: number; end: number }) => !phrases.some((p) => x.start >= p.start && x.end <= p.end);
  for (const x of words.filter((x) => content(x) && free(x)).slice(0, 30)) add(x, false);
  return out;
}

/**
 * Ways to take one word or phrase out of `s`, with what each costs: a harsh word with a gentler one is
 * swapped ("ignorant" -> "uninformed"); a cut that would leave "is." behind becomes "is not good"
 * ("the guy is a murderer" -> "the guy is not good"); "like a coward" goes as a whole.
 */
function cuts(original: string, s: string, sp: Cut): { c: string; cost: number }[] {
  const word = s.slice(sp.start, sp.end);
  const before = s.slice(0, sp.start);
  const after = s.slice(sp.end);
  const base = (sp.marked ? 0 : 4) + (sp.minor ? 15 : 0);
  const out: { c: string; cost: number }[] = [];
  const broken = brokenJoints(s);
  // every new broken joint ("to with", "a and", "is.") costs as much as a long word
  const make = (b: string, by: string, a: string, cost: number) => {
    // one tidying pass per try (the search makes dozens); the edit it keeps is tidied in full
    const c = caseLike(original, tidyOnce(`${b} ${by} ${a}`));
    out.push({ c, cost: cost + 10 * Math.max(0, brokenJoints(c) - broken) });
  };
  const soft = SOFT[word.toLowerCase()];
  // before a noun ("a silly remark") the word can simply go; after "is" it needs a replacement
  if (soft && !/\b(?:not|n['’]?t|never)\s+(?:so\s+|that\s+|very\s+)?$/i.test(before))
    make(
      before,
      soft,
      after,
      base + word.length / 2 + (/^\s+(?!(?:and|or|but|to|for|if|as)\b)[a-z]/i.test(after) ? word.length : 0),
    );
  const cut = caseLike(original, tidyOnce(`${before} ${after}`));
  const dangles = DANGLING.test(cut) && !DANGLING.test(s);
  make(before, '', after, base + word.length + (dangles ? 12 : 0));
  const ends = /^\s*(?:[.!?]|$)/.test(after);
  const art = before.match(/(?:\b(?:like|such)\s+)?\b(?:a|an)\s+(?:[a-z]+\s+){0,3}$/i);
  // only a noun goes with its article ("like a coward"), not an adjective before one ("a mad man")
  if (art && /^\s*(?:[.!?,;]|$|(?:and|or|but|who|that|to|from|in|on|at|of|with|for|like|than)\b)/i.test(after)) {
    const b = before.slice(0, before.length - art[0].length);
    if (ends && /\b(?:is|are|was|were|be|been|am|['’]s|['’]re)\s+$/i.test(b))
      make(b, 'not good', after, base + word.length / 2 + 3);
    else make(b, '', after, base + word.length + art[0].length / 2);
  } else if (dangles && ends && /\b(?:is|are|was|were|be|been|am|so|too|very|really|['’]s|['’]re)\s+$/i.test(before)) {
    make(before, 'not good', after, base + word.length / 2 + 3);
  }
  // the whole clause, when nothing smaller reads whole ("Your mother is a nosy old witch and she ...")
  const clauseStart = Math.max(before.search(/(?:[,;:.!?]|\b(?:and|but|so)\b)[^,;:.!?]*$/), 0);
  const clauseEnd = after.search(/[,;.!?]|\b(?:and|but|so)\b/);
  if (clauseEnd >= 0) {
    const b = before.slice(0, clauseStart).replace(/\b(?:and|but|so)\s*$/i, '');
    const a = after.slice(clauseEnd).replace(/^\s*(?:,|and\b|but\b|so\b)\s*/i, ' ');
    make(b, '', a, base + 2 * (before.length - clauseStart + clauseEnd + word.length));
  }
  // "sending that to hell with us": the preposition goes with its word
  const prep = before.match(/\b(?:to|in|into|from|at|on|of|with)\s+$/i);
  if (prep && /^\s*(?:[.!?,;]|$|(?:to|in|into|from|at|on|of|with|for|and|or|but)\b)/i.test(after)) {
    make(before.slice(0, before.length - prep[0].length), '', after, base + word.length + prep[0].length / 2);
  }
  return out;
}

/**
 * How the rewriter learns whether a text would be held: it imports nothing from the analyzer, the
 * caller passes these in (see index.ts: localJudges). Texts are already normalised.
 */
export interface Judges {
  /** The final word on a candidate, read as it would be delivered in the sender's name, in the room's context. */
  delivered(candidate: string): Analysis;
  /** The search's quicker reading of an edit (the analyzer without its label model, default threshold). */
  quick(candidate: string): Analysis;
  /** The words the rules point at in a candidate, with their scores (outside reported speech). */
  ruleHits(candidate: string): { start: number; end: number; label: HeatLabel; score: number }[];
}

interface Held {
  held: boolean;
  heat: number;
  spans: { start: number; end: number; label: string }[];
}

/**
 * How many re-scorings cleanEdit may spend on one message (each is one analyze() of the edit), and on how many
 * characters in all.
 */
const SEARCH_CALLS = 7;
const SEARCH_CHARS = 1200;
/** Tries per cut among words the analyzer did not mark. */
const UNMARKED_TRIES = 2;
/**
 * How many cuts at most: more leave a sentence too broken to offer (a message of LONG_WORDS words or more:
 * MAX_CUTS_LONG).
 */
const MAX_CUTS = 3;
const MAX_CUTS_LONG = 5;
const LONG_WORDS = 12;

/**
 * The minimal edit that the analyzer does not hold. While it is held, the smallest single cut that
 * cools it enough is made (words the analyzer marks tried first); failing that, the cut that cools it
 * most; at most MAX_CUTS cuts and SEARCH_CALLS re-scorings. Null when there is no such edit (or it
 * would keep fewer than two words, or the message is a threat, self-harm or stonewalling).
 */
export function cleanEdit(text: string, judges: Judges): string | null {
  const r = searchEdit(text, judges);
  return r && !r.held ? r.s : null;
}

/**
 * The search behind cleanEdit; `held` when it ran out of tries (null: threat, self-harm, stonewalling, or nothing
 * left).
 */
export function searchEdit(text: string, judges: Judges): { s: string; held: boolean } | null {
  const judge = (x: string): Held => judges.quick(x);
  let s = minimalEdit(text);
  // the sender's own text is the measure: an edit may not read more broken than it ("This is such bullshit." -> "This
  // is.")
  const joints = brokenJoints(text);
  // a minimal edit that broke the sentence is dropped: the search starts from the sender's words instead
  if (brokenJoints(s) > joints) s = text;
  let j = judge(s);
  let budget = SEARCH_CALLS;
  let chars = SEARCH_CHARS;
  // a long message can lose a few more words and still read as the sender's
  const maxCuts = (s.match(/[A-Za-z]+/g)?.length ?? 0) >= LONG_WORDS ? MAX_CUTS_LONG : MAX_CUTS;
  for (let round = 0; round < maxCuts && j.held && budget > 0; round++) {
    // a threat, self-harm or shutting the conversation down is not edited: the I-statement answers it
    if (j.spans.some((sp) => sp.label === 'threat' || sp.label === 'self_harm' || sp.label === 'stonewalling'))
      return null;
    let coolest: { s: string; j: Held } | null = null;
    let cheapest: { s: string; j: Held } | null = null;
    const options = removable(s, j.spans);
    // the words the analyzer marks first; other words only when cutting a marked one is not enough.
    // Tries go cheapest first, so the first one that is not held is the one to take.
    for (const marked of [true, false]) {
      if (cheapest) break;
      const tries = new Map<string, number>();
      // among words nobody marked only the shortest are worth a try (a cut costs about its length)
      const pool = marked
        ? options.filter((sp) => sp.marked)
        : options
            .filter((sp) => !sp.marked)
            .sort((x, y) => x.end - x.start - (y.end - y.start))
            .slice(0, 2 * UNMARKED_TRIES);
      for (const sp of pool) {
        for (const { c, cost } of cuts(text, s, sp)) if (c && c !== s && !(tries.get(c)! <= cost)) tries.set(c, cost);
      }
      // words nobody marked are only worth a few tries
      for (const [c] of [...tries].sort((x, y) => x[1] - y[1]).slice(0, marked ? undefined : UNMARKED_TRIES)) {
        if (budget-- <= 0 || (chars -= c.length) < 0) break;
        const cj = judge(c);
        if (!cj.held && brokenJoints(c) <= joints) {
          cheapest = { s: c, j: cj };
          break;
        }
        if (cj.held && (!coolest || cj.heat < coolest.j.heat)) coolest = { s: c, j: cj };
      }
    }
    const next = cheapest ?? coolest;
    if (!next) break;
    s = next.s;
    j = next.j;
  }
  if (j.spans.some((sp) => sp.label === 'threat' || sp.label === 'self_harm' || sp.label === 'stonewalling'))
    return null;
  // cuts that left the sentence broken ("he is and refuses") are not offered
  if (brokenJoints(s) > joints) return null;
  s = caseLike(text, tidy(s));
  const words = s.match(/[A-Za-z][A-Za-z'’]*/g) ?? [];
  return words.length >= 2 && words.some((x) => !/^(?:a|an|the|of|to|up|in|on|at|and|or|but|so|off|out)$/i.test(x))
    ? { s, held: j.held }
    : null;
}
