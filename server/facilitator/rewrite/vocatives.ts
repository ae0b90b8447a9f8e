/**
 * Name-calling aimed at the reader goes as a whole phrase, not word by word: "Dad, you useless old
 * man, you only call when you need money" -> "Dad, you only call when you need money" (deleting only
 * "useless" left "Dad, old man who ..."); "you lazy lot never lift a finger" -> "you never lift a finger".
 */
import { isAttackWord } from './contentWords.js';

/** Nouns that call the reader names only in address ("you leech"), not insults elsewhere. */
const ADDRESS_NOUNS = new Set(
  (
    'leech mess disgrace joke baby child brat princess genius clown drama queen nightmare embarrassment git prat ' +
    'muppet plonker pillock numpty berk wally twit sod'
  ).split(' '),
);

/** Who a name-calling address is about, after its insulting words ("you useless old man"). */
const PERSON = /^(?:man|woman|men|women|boy|girl|guy|guys|thing|lot|people|person|fool|one)$/;

const calls = (w: string) => isAttackWord(w) || ADDRESS_NOUNS.has(w) || ADDRESS_NOUNS.has(w.replace(/s$/, ''));

/** The phrase after "you" is a name: it ends on an insult, or on a person after one ("useless old man"). */
function insulting(phrase: string): boolean {
  const words = phrase.toLowerCase().split(/\s+/);
  const last = words[words.length - 1];
  // "you selfish git": an insult and one more word is a name too
  return (
    calls(last) || (PERSON.test(last) && words.slice(0, -1).some(calls)) || (words.length === 2 && calls(words[0]))
  );
}

/** "..., you selfish idiot." / "You coward!" : a name-calling address that ends its clause. */
const ADDRESS = /(^|[,;:.!?])(\s*)(?:you|u|ya)\s+((?:[A-Za-z'’-]+\s+){0,3}[A-Za-z'’-]+)\s*(?=[,.!?;]|$)/gi;

/** "you lazy lot never ...": names in the subject, before a verb. */
const SUBJECT = /\b(you|u)\s+((?:[A-Za-z'’-]+\s+){1,2}?)(lot|lots|people|guys|two|all|bunch)?(?=\s+[a-z])/gi;

/** ", you are pathetic and useless with it": a clause that only calls the reader names goes whole. */
const NAME_CLAUSE = new RegExp(
  String.raw`([,;]\s*|\band\s+)(?:you|u)(?:\s*['’]\s*re|\s+are|\s+r)\s+((?:so|such|really|` +
    String.raw`just|totally|a|an|the|such)\s+)*([A-Za-z'’-]+)[^,.!?;]*`,
  'gi',
);

/** "you useless old man who only calls when ..." : a name with a clause about the reader after it. */
const NAME_WHO = new RegExp(
  String.raw`\b(you|u)\s+((?:[A-Za-z'’-]+\s+){0,3}?[A-Za-z'’-]+)\s+(?:who|that)\s+((?:only|` +
    String.raw`just|always|never|still|even)\s+)?([a-z]+)(?=[\s,.!?;]|$)`,
  'gi',
);

/** "calls" -> "call", "does" -> "do", "tries" -> "try" (the verb after "you", not after "who"). */
function plainVerb(v: string): string {
  const w = v.toLowerCase();
  if (w === 'has') return 'have';
  if (w === 'is') return 'are';
  if (w === 'was') return 'were';
  if (w === 'does' || w === 'goes') return w.slice(0, -2);
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

export function dropVocatives(s: string): string {
  if (!/\b(?:you|u|ya)\b/i.test(s)) return s;
  s = s.replace(NAME_WHO, (m, you: string, phrase: string, adverb: string | undefined, verb: string) =>
    insulting(phrase) ? `${you} ${adverb ?? ''}${plainVerb(verb)}` : m,
  );
  s = s.replace(NAME_CLAUSE, (m, edge: string, _q: string, word: string) =>
    isAttackWord(word) ? (edge.trim() === ',' || edge.trim() === ';' ? '' : '') : m,
  );
  s = s.replace(ADDRESS, (m, edge: string, _sp: string, phrase: string) => (insulting(phrase) ? edge : m));
  return s.replace(SUBJECT, (m, you: string, adjs: string, group: string | undefined) => {
    const words = adjs.trim().split(/\s+/);
    // every word before the group noun must be an insult ("you lazy lot"), else it is a sentence ("you only call")
    return group && words.every((w) => isAttackWord(w)) ? you : m;
  });
}
