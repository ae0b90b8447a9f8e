/**
 * Rules for what the data sets lack or the model cannot point at: directed insults, contempt without
 * swearing, criticism (absolutes), defensiveness, stonewalling, blame, shouting, threats, self-harm.
 * Every hit is a span [start, end) in the original text; hits inside reported speech are ignored.
 */
import type { HeatLabel, Span } from '../../shared/analysis.js';
import { LABELS, type RuleSpec } from './labels.js';
import type { Language } from './lang/types.js';
import { inRanges, type Range } from './mask.js';
import { factored } from './regexFactor.js';

export interface RuleHit extends Span {
  /** how hot this hit alone makes the message, 0..1 */
  score: number;
}

export interface RuleResult {
  hits: RuleHit[];
  /** noisy-or of the best score per label */
  heat: number;
}

interface Rule extends RuleSpec {
  label: HeatLabel;
  re: RegExp;
}

/** Each label's rules (labels.ts) with the language's patterns, in LABELS' ruleOrder; built once per language. */
const compiled = new WeakMap<Language, Rule[]>();
function rulesOf(lang: Language): Rule[] {
  let rules = compiled.get(lang);
  if (rules) return rules;
  const labels = (Object.keys(LABELS) as HeatLabel[]).sort((a, b) => LABELS[a].ruleOrder - LABELS[b].ruleOrder);
  rules = labels.flatMap((label) => {
    const specs = LABELS[label].rules;
    const patterns = lang.rules.byLabel[label];
    if (patterns.length !== specs.length)
      throw new Error(`${lang.code}: ${label} has ${patterns.length} rule patterns for ${specs.length} rules`);
    return specs.map((spec, i) => ({ ...spec, label, re: factored(patterns[i]) }));
  });
  compiled.set(lang, rules);
  return rules;
}

function clauseShare(text: string, start: number, end: number): number {
  let a = start;
  while (a > 0 && !/[.!?\n,;:]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !/[.!?\n,;:]/.test(text[b])) b++;
  const all = text.slice(a, b).trim().split(/\s+/).length;
  const own = text.slice(start, end).trim().split(/\s+/).length;
  return own / Math.max(1, all);
}

function sentenceWords(text: string, start: number, end: number): number {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(text[a - 1])) a--;
  let b = end;
  while (b < text.length && !/[.!?\n]/.test(text[b])) b++;
  const s = text.slice(a, b).trim();
  return s ? s.split(/\s+/).length : 0;
}

const BANGS = /!{2,}|[!?]{3,}|\?{2,}/g;

/** A run of capitalised words as a shouting hit, if it is one. */
function flushRun(text: string, hits: RuleHit[], runStart: number, runEnd: number, words: number, letters: number) {
  // a few capitalised words are often emphasis ("a LOT WORSE", "RIGHT NOW"): labelled, held only with
  // something else; a long run is shouting
  if (words >= 4 && letters >= 12) hits.push({ label: 'shouting', start: runStart, end: runEnd, score: 0.55 });
  else if (words >= 2 && letters >= 6) hits.push({ label: 'shouting', start: runStart, end: runEnd, score: 0.45 });
  else if (words === 1 && letters >= 5 && /^\s*!/.test(text.slice(runEnd, runEnd + 2)))
    hits.push({ label: 'shouting', start: runStart, end: runEnd, score: 0.45 });
}

/** Capitals scattered over a message at the reader (at least four words, acronyms and reported words aside). */
function scattered(text: string, masked: Range[], lang: Language): boolean {
  const { capsWord: CAPS_WORD, acronym, atReader } = lang.rules;
  let capsWords = 0;
  let m: RegExpExecArray | null;
  CAPS_WORD.lastIndex = 0;
  while ((m = CAPS_WORD.exec(text)))
    if (!acronym.test(m[0]) && !inRanges(masked, m.index, m.index + m[0].length)) capsWords++;
  return capsWords >= 4 && atReader.test(text);
}

function shouting(text: string, out: RuleHit[], masked: Range[], lang: Language): void {
  const { capsWord: CAPS_WORD, joy } = lang.rules;
  const hits: RuleHit[] = [];
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      upper++;
    } else if (c >= 97 && c <= 122) letters++;
  }
  // runs of capitalised words
  CAPS_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let runStart = -1;
  let runEnd = -1;
  let runWords = 0;
  let runLetters = 0;
  const wholeCaps = letters >= 8 && upper / letters >= 0.7;
  while ((m = CAPS_WORD.exec(text))) {
    if (runStart >= 0 && /^[\s,!?.'’-]*$/.test(text.slice(runEnd, m.index))) {
      runEnd = m.index + m[0].length;
      runWords++;
      runLetters += m[0].length;
    } else {
      if (runStart >= 0) flushRun(text, hits, runStart, runEnd, runWords, runLetters);
      runStart = m.index;
      runEnd = m.index + m[0].length;
      runWords = 1;
      runLetters = m[0].length;
    }
  }
  if (runStart >= 0) flushRun(text, hits, runStart, runEnd, runWords, runLetters);
  if (wholeCaps && !hits.some((h) => h.label === 'shouting'))
    hits.push({ label: 'shouting', start: 0, end: text.length, score: 0.55 });
  BANGS.lastIndex = 0;
  while ((m = BANGS.exec(text)))
    hits.push({ label: 'shouting', start: m.index, end: m.index + m[0].length, score: m[0].length >= 3 ? 0.35 : 0.2 });
  // someone else's shouting, reported, is not the sender's ("he screamed WHAT IS WRONG WITH YOU at me")
  const own = hits.filter((h) => !inRanges(masked, h.start, h.end));
  // capitals and "!!!" together, capitals all through, or capitals scattered over the message
  // ("why is it SO HARD to just CALL when you're LATE") are shouting, not emphasis
  const caps = own.filter((h) => h.score >= 0.45);
  const bangs = own.some((h) => h.score < 0.45 && text.slice(h.start, h.end).length >= 2);
  // (scattered capitals only at the reader: "VICTORY! ... FIRST PLACE" is cheering); counted only when they decide
  if (caps.length && (bangs || scattered(text, masked, lang) || (wholeCaps && own.length === hits.length))) {
    const first = caps[0];
    own.push({ label: 'shouting', start: first.start, end: caps[caps.length - 1].end, score: 0.55 });
  }
  // joy in capitals is not a raised voice ("I GOT THE JOB!!", "HAPPY BIRTHDAY MUM!!!"): labelled, not held
  if (own.length && joy.test(text)) for (const h of own) h.score = Math.min(h.score, 0.45);
  out.push(...own);
}

/**
 * `masked`: reported speech and words about things, whose hits are ignored; `said`: reported speech only,
 * for profanity (swearing about a printer is still swearing; swearing someone else did is theirs).
 */
export function runRules(text: string, lang: Language, masked: Range[], said: Range[] = masked): RuleResult {
  const hits: RuleHit[] = [];
  const selfBefore = lang.rules.selfBefore;
  for (const r of rulesOf(lang)) {
    const reported = LABELS[r.label].countsAboutThings ? said : masked;
    r.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = r.re.exec(text))) {
      if (m[0].length === 0) {
        r.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      if (inRanges(reported, start, end)) continue;
      if (r.maxWords && sentenceWords(text, start, end) > r.maxWords) continue;
      if (r.mostOfClause && clauseShare(text, start, end) < 0.5) continue;
      if (r.notSelf && selfBefore.test(text.slice(Math.max(0, start - 40), start))) continue;
      // a weaker rule over the same words as a stronger one of the same label adds nothing
      if (hits.some((h) => h.label === r.label && h.start <= start && h.end >= end)) continue;
      hits.push({ label: r.label, start, end, score: r.score });
    }
  }
  shouting(text, hits, masked, lang);
  const best = new Map<HeatLabel, number>();
  for (const h of hits) best.set(h.label, Math.max(best.get(h.label) ?? 0, h.score));
  let cold = 1;
  for (const s of best.values()) cold *= 1 - s;
  return { hits, heat: 1 - cold };
}
