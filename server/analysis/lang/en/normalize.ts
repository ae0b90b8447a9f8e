/**
 * English: the words normalize.ts undoes disguises into (leetspeak, spaced letters).
 */
import type { NormalizeWords } from '../types.js';
import { wordClass } from './wordclass.js';

/**
 * Leetspeak is undone only where it hides a word the analyzer cares about ("k1ll", "d1e", "h8", "1diot",
 * "a$$"): read generally it turned "clips4sale", "#vote5sos" and "@Buckm00se" into words that moved the
 * model on harmless tweets.
 */
const HOSTILE = new Set(
  `kill kills killed killing killer die dies died dying dead death hate hates hated hater haters hateful
  hurt hurts hurting murder murdered shoot shot stab stabbed suicide suicidal cut cutting bleed choke strangle
  punch slap beat rape raped
  destroy ruin bury burn overdose pills hang hanging drown you your yourself myself loser losers hell damn sucks
  will end stab smash regret sorry`
    .split(/\s+/)
    .filter(Boolean),
);
function hostile(word: string): boolean {
  return HOSTILE.has(word) || wordClass(word) !== 0 || HOSTILE.has(word.replace(/(?:s|es|ed|ing|er|ers)$/, ''));
}

/** Short words a spaced-out threat is made of, besides the hostile ones: "i w i l l k i l l y o u". */
const GLUE = new Set(
  `i a u you your yours yourself myself me my we us he she him her they them it to go and the will ll gonna going want
  wanna hope so am are is was be get got just all ever never shut up off die kys`
    .split(/\s+/)
    .filter(Boolean),
);

/** one letter for each leet character, so positions stay those of the spaced letters */
const LEET1: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '9': 'g',
  '@': 'a',
  $: 's',
};

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'ate',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};

export const NORMALIZE: NormalizeWords = {
  hostile,
  glue: GLUE,
  leetSpaced: LEET1,
  leet: LEET,
  // "h8", "l8r", "g8"
  leetAfter: { ate: /[hlg]/i },
  leetTrailing: new Set(['h8']),
};
