/**
 * What a message says, as words: its content words (not function words, not the attack itself), how
 * many of them a rewrite keeps, and whether a rewrite is a template (most of its content words are not
 * the sender's). The rewriter checks its own output with these, and the rewrite evaluation measures it.
 */
import { INSULT_WORDS, PROFANITY_MILD, PROFANITY_STRONG } from '../../analysis/lang/en/lexicon.js';
import { INSULT_NOUNS, INTENSIFIERS, MILD_ADJ, SLURS, STOPWORDS, STRONG_ADJ, YOU_NOUNS } from './rewriteLexicon.js';

/** Function words beyond the analyzer's list: they carry no content of the sender's own. */
const MORE_FUNCTION_WORDS = new Set(
  (
    'im ive id ill youre youve youd youll hes shes theyre weve were isnt arent wasnt dont doesnt didnt cant ' +
    'couldnt wouldnt shouldnt wont havent hasnt hadnt thats whats theres lets gonna wanna gotta yeah yes okay ok ' +
    'also even ever never always still yet much many really one lot get got gets make made way thing things ' +
    'something anything nothing everything someone anyone everyone nobody somebody anybody think ' +
    'once because before after until while during against between through above below further whether every'
  ).split(' '),
);

/**
 * Plain words the minimal edit puts where an insult was ("a person", "not smart", "wrong"), as people
 * do when they rewrite a rude sentence: not content of a template, so not counted as foreign.
 */
const STAND_INS = new Set(
  (
    'person people thing things smart good bad wrong true truthful rude interested care cares cared caring ' +
    'messed mess messing courage flatter ignorance unable annoyed annoy annoys worst push uninformed ' +
    'disappointing unreasonable unwise unpleasant quiet treated badly stop talking'
  ).split(' '),
);

const ATTACK = new RegExp(
  `^(?:${[
    ...PROFANITY_STRONG,
    ...PROFANITY_MILD.filter((p) => !p.includes(' ')),
    ...INSULT_WORDS.filter((p) => !p.includes(' ')),
    ...INSULT_NOUNS.map((n) => `${n}(?:s|es)?`),
    ...YOU_NOUNS.map((n) => `${n}s?`),
    ...STRONG_ADJ,
    ...MILD_ADJ,
    ...SLURS,
    ...INTENSIFIERS,
    'shit\\w*',
    'bullshit',
    'bs',
    'pissed',
    'brat\\w*',
    'spoil(?:ed|t)',
    'whin(?:y|ey)',
    'shut',
    'piss',
    'wtf',
    'bitch\\w*',
    'dick\\w*',
    'asshole\\w*',
  ].join('|')})$`,
  'i',
);

/** A word as compared: lower case, no apostrophes, a plural or possessive "s" taken off. */
export function wordKey(word: string): string {
  const w = word.toLowerCase().replace(/['’]/g, '');
  if (w.length > 4 && /ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && /[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Is this word the attack itself (an insult, profanity, an intensifying swear word)? */
export function isAttackWord(word: string): boolean {
  return ATTACK.test(word.toLowerCase().replace(/['’]/g, ''));
}

function isFunctionWord(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  return STOPWORDS.has(w) || MORE_FUNCTION_WORDS.has(w.replace(/'/g, '')) || w.length < 3;
}

/** The words of a text, letters and apostrophes. */
export function wordsOf(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9'’]*/g) ?? [];
}

/** Content words (as keys): neither function words nor the attack. */
export function contentWords(text: string): string[] {
  return wordsOf(text)
    .filter((w) => !isFunctionWord(w) && !isAttackWord(w))
    .map(wordKey);
}

/**
 * The share of the original's content words (outside the attack) that the rewrite keeps; 1 when it has none.
 * `attack`: more words (as keys) that are the attack here, such as those the analyzer marked.
 */
export function retention(original: string, rewrite: string, attack?: Set<string>): number {
  const own = [...new Set(contentWords(original))].filter((w) => !attack?.has(w));
  if (own.length === 0) return 1;
  const kept = new Set(contentWords(rewrite));
  return own.filter((w) => kept.has(w)).length / own.length;
}

/** The share of the rewrite's content words that are not the sender's (0 when it has none). */
export function foreignShare(original: string, rewrite: string): number {
  const mine = contentWords(rewrite).filter((w) => !STAND_INS.has(w));
  if (mine.length === 0) return 0;
  const own = new Set(contentWords(original));
  return mine.filter((w) => !own.has(w)).length / mine.length;
}

/** A template: a suggestion that could fit any message, most of its content words not from the message. */
export function isTemplate(original: string, rewrite: string): boolean {
  return foreignShare(original, rewrite) > 0.5;
}
