/**
 * Rules for what the data sets lack or the model cannot point at: directed insults, contempt without
 * swearing, criticism (absolutes), defensiveness, stonewalling, blame, shouting, threats, self-harm.
 * Every hit is a span [start, end) in the original text; hits inside reported speech are ignored.
 */
import type { HeatLabel, Span } from '../../shared/analysis.js';
import {
  BLAME,
  CONTEMPT,
  CRITICISM,
  DEFENSIVENESS,
  INSULT_WORDS,
  PROFANITY_MILD,
  PROFANITY_STRONG,
  SELF_HARM,
  STONEWALLING,
  STONEWALLING_EXPLICIT,
  THREAT,
  phrases,
} from './lang/en/lexicon.js';
import { inRanges, type Range } from './mask.js';

export interface RuleHit extends Span {
  /** how hot this hit alone makes the message, 0..1 */
  score: number;
}

export interface RuleResult {
  hits: RuleHit[];
  /** noisy-or of the best score per label */
  heat: number;
}

// an apostrophe inside a word ("don't") is part of it, a quote mark around words is not: "'I will kill you'"
const B = "(?<!\\w['’]?)";
const E = "(?!['’]?\\w)";
const rx = (body: string) => new RegExp(`${B}(?:${body})${E}`, 'gi');

const INSULT = phrases(INSULT_WORDS);
const FILLER =
  '(?:(?:such|so|a|an|the|total|complete|absolute|utter|fucking|fuckin|freaking|damn|little|big|stupid|dumb|lazy|fat|' +
  'ugly|real|pathetic|worthless|useless|selfish|disgusting|old|just|really|nothing but|being|acting like|like)\\s+)*';
const YOU = '(?:you|u|ya|yourself)';
const BE =
  "(?:(?:['’]?re|\\s+are|\\s+r|\\s+were|['’]?ve\\s+been|\\s+have\\s+been|\\s+will\\s+always\\s+be|\\s+always\\s+were|" +
  '\\s+sound\\s+like|\\s+look\\s+like|\\s+act\\s+like|\\s+acting\\s+like|\\s+behave\\s+like)\\s+)?';

interface Rule {
  label: HeatLabel;
  re: RegExp;
  score: number;
  /** only inside a short sentence (stonewalling) */
  maxWords?: number;
  /** only when the words make up at least half of their clause: "Fine." but not "Everything was fine." */
  mostOfClause?: boolean;
  /** skip when the words before the match make it about the sender ("I feel stupid") */
  notSelf?: boolean;
}

const RULES: Rule[] = [
  { label: 'threat', re: rx(phrases(THREAT)), score: 1 },
  { label: 'self_harm', re: rx(phrases(SELF_HARM)), score: 1 },
  // "you idiot", "you're such a selfish jerk", "you are pathetic"
  { label: 'insult', re: new RegExp(`${B}${YOU}${BE}\\s*${FILLER}(?:${INSULT})${E}`, 'gi'), score: 0.85 },
  // "your stupid idea", "shut your fat mouth"
  { label: 'insult', re: new RegExp(`${B}your\\s+${FILLER}(?:${INSULT})${E}`, 'gi'), score: 0.7 },
  { label: 'insult', re: rx(INSULT), score: 0.3, notSelf: true },
  // "fuck you", "fuck off", "piss off", "screw you"
  {
    label: 'profanity',
    re: rx(
      '(?:f+u+c+k+|screw|damn|to hell with|the hell with)\\s+(?:you|u|ya|off|yourself|this|that|it|them)|piss\\s+off|' +
        'bite\\s+me|kiss\\s+my\\s+ass|up\\s+yours|go\\s+to\\s+hell',
    ),
    score: 0.9,
  },
  { label: 'profanity', re: rx(phrases(PROFANITY_STRONG)), score: 0.55 },
  { label: 'profanity', re: rx(phrases(PROFANITY_MILD)), score: 0.2 },
  { label: 'contempt', re: rx(phrases(CONTEMPT)), score: 0.65 },
  { label: 'criticism', re: rx(phrases(CRITICISM)), score: 0.6 },
  { label: 'blame', re: rx(phrases(BLAME)), score: 0.55 },
  { label: 'defensiveness', re: rx(phrases(DEFENSIVENESS)), score: 0.35 },
  { label: 'stonewalling', re: rx(phrases(STONEWALLING)), score: 0.55, maxWords: 10, mostOfClause: true },
  { label: 'stonewalling', re: rx(phrases(STONEWALLING_EXPLICIT)), score: 0.55 },
];

const SELF_BEFORE = new RegExp(
  [
    "(?:\\bi\\s*(?:['’]m|am|was|feel|felt|look|looked|sound|seem)|\\bmyself|\\bme\\s+(?:feel|look)|\\bfeel(?:ing)?|",
    '\\bfelt)\\s+(?:\\w+\\s+){0,3}$',
  ].join(''),
  'i',
);

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

// DIGIT is the number placeholder of the Jigsaw sentences, not shouting
const CAPS_WORD = /\b(?!DIGIT\b)[A-Z][A-Z'’]*[A-Z]\b/g;
/** capitals that are names of things, not raised voices */
const ACRONYM = new RegExp(
  [
    '^(?:RT|OK|HR|IT|US|UK|EU|TV|PM|AM|ID|DM|PR|CEO|CFO|CTO|ASAP|FYI|ETA|NHS|USA|GP|ER|ICU|PTA|IRS|DMV|PDF|LOL|OMG|',
    'BTW|IMO|TBH)$',
  ].join(''),
);
const JOY = new RegExp(
  [
    '\\b(?:got\\s+the\\s+job|won|win|winning|congrat\\w*|happy\\s+birthday|thank\\w*|love\\s+(?:you|u|it|this)|yay|',
    "woo+|amazing|awesome|brilliant|proud|well\\s+done|good\\s+news|so\\s+happy|excited|can['’]?t\\s+wait|",
    'best\\s+day)\\b',
  ].join(''),
  'i',
);
const BANGS = /!{2,}|[!?]{3,}|\?{2,}/g;

function shouting(text: string, out: RuleHit[], masked: Range[]): void {
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
  const flush = () => {
    // a few capitalised words are often emphasis ("a LOT WORSE", "RIGHT NOW"): labelled, held only with
    // something else; a long run is shouting
    if (runWords >= 4 && runLetters >= 12) hits.push({ label: 'shouting', start: runStart, end: runEnd, score: 0.55 });
    else if (runWords >= 2 && runLetters >= 6)
      hits.push({ label: 'shouting', start: runStart, end: runEnd, score: 0.45 });
    else if (runWords === 1 && runLetters >= 5 && /^\s*!/.test(text.slice(runEnd, runEnd + 2)))
      hits.push({ label: 'shouting', start: runStart, end: runEnd, score: 0.45 });
    runWords = 0;
    runLetters = 0;
    runStart = -1;
  };
  const wholeCaps = letters >= 8 && upper / letters >= 0.7;
  while ((m = CAPS_WORD.exec(text))) {
    if (runStart >= 0 && /^[\s,!?.'’-]*$/.test(text.slice(runEnd, m.index))) {
      runEnd = m.index + m[0].length;
      runWords++;
      runLetters += m[0].length;
    } else {
      if (runStart >= 0) flush();
      runStart = m.index;
      runEnd = m.index + m[0].length;
      runWords = 1;
      runLetters = m[0].length;
    }
  }
  if (runStart >= 0) flush();
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
  let capsWords = 0;
  CAPS_WORD.lastIndex = 0;
  while ((m = CAPS_WORD.exec(text)))
    if (!ACRONYM.test(m[0]) && !inRanges(masked, m.index, m.index + m[0].length)) capsWords++;
  // (scattered capitals only at the reader: "VICTORY! ... FIRST PLACE" is cheering)
  const atReader = /(?<![\w'’])(?:you|your|u|ur)(?![\w'’])/i.test(text);
  if (caps.length && (bangs || (capsWords >= 4 && atReader) || (wholeCaps && own.length === hits.length))) {
    const first = caps[0];
    own.push({ label: 'shouting', start: first.start, end: caps[caps.length - 1].end, score: 0.55 });
  }
  // joy in capitals is not a raised voice ("I GOT THE JOB!!", "HAPPY BIRTHDAY MUM!!!"): labelled, not held
  if (JOY.test(text)) for (const h of own) h.score = Math.min(h.score, 0.45);
  out.push(...own);
}

/**
 * `masked`: reported speech and words about things, whose hits are ignored; `said`: reported speech only,
 * for profanity (swearing about a printer is still swearing; swearing someone else did is theirs).
 */
export function runRules(text: string, masked: Range[], said: Range[] = masked): RuleResult {
  const hits: RuleHit[] = [];
  for (const r of RULES) {
    const reported = r.label === 'profanity' ? said : masked;
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
      if (r.notSelf && SELF_BEFORE.test(text.slice(Math.max(0, start - 40), start))) continue;
      // a weaker rule over the same words as a stronger one of the same label adds nothing
      if (hits.some((h) => h.label === r.label && h.start <= start && h.end >= end)) continue;
      hits.push({ label: r.label, start, end, score: r.score });
    }
  }
  shouting(text, hits, masked);
  const best = new Map<HeatLabel, number>();
  for (const h of hits) best.set(h.label, Math.max(best.get(h.label) ?? 0, h.score));
  let cold = 1;
  for (const s of best.values()) cold *= 1 - s;
  return { hits, heat: 1 - cold };
}
