import { LIMITS } from '../../shared/protocol.js';
import { requestsIn } from '../analysis/listening/requests.js';
import { isCoerciveDemand } from '../analysis/coercion.js';

/**
 * Asks into agreements: a concrete ask one person made ("text me if plans change", "stop buying
 * things over $200 without asking") becomes a mutual clause everyone could accept ("We text each
 * other if plans change.", "We talk before either of us buys anything over $200."). Pure string
 * work, no model; every draft passes a grammar check of its own or is dropped.
 */

export interface DraftOptions {
  /** How many people take part: "either of us" for two, "any of us" for more. */
  parties: number;
  /** At most this many drafts (1-3). */
  max?: number;
}

/** Verbs whose base form ends in a silent e, for "making" -> "make". */
const E_VERBS = new Set(
  (
    'make take have give leave use come drive invite change share save write decide arrange schedule charge move ' +
    'raise promise lose choose close care compare continue complete create dance describe excuse face hate hope ' +
    'ignore imagine include judge like live love manage notice place prepare produce provide receive reduce ' +
    'remove replace rule serve shave smoke solve state store suppose tease trade type vote wake waste phone ' +
    'tidy-up argue owe refuse blame assume believe bake behave breathe bite cause chase cope dare delete ' +
    'dine dose hide joke lie mine name note pause please pose race rate raise rinse scare shake share ' +
    'snooze sue tie time tune whine wipe'
  ).split(/\s+/),
);
const DOUBLED = /([bdfgmnprtv])\1$/;

/** "making" -> "make", "stopping" -> "stop", "buying" -> "buy". */
export function baseOf(gerund: string): string {
  const g = gerund.toLowerCase();
  if (g === 'being') return 'be';
  if (g === 'lying') return 'lie';
  if (!g.endsWith('ing')) return g;
  const stem = g.slice(0, -3);
  if (DOUBLED.test(stem)) return stem.slice(0, -1);
  if (E_VERBS.has(`${stem}e`)) return `${stem}e`;
  return stem;
}

/** "buy" -> "buys", "watch" -> "watches", "try" -> "tries", "have" -> "has". */
export function thirdPerson(base: string): string {
  const irregular: Record<string, string> = { have: 'has', be: 'is', do: 'does', go: 'goes' };
  if (irregular[base]) return irregular[base];
  if (/[^aeiou]y$/.test(base)) return `${base.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z|o)$/.test(base)) return `${base}es`;
  return `${base}s`;
}

/** Words after which "we" can start a clause. */
const SUBORDINATORS =
  'when|whenever|if|before|after|until|while|because|that|so|and|but|or|unless|as|where|once|than|how|what|' +
  'whether|since';

const FAMILY = '(?:mom|mum|mother|dad|father|parents|sister|brother|family|in-laws|kids|children)';

/** The rest of an ask said to someone ("...with me", "my phone", "when you are late"), said of everyone. */
export function mutualise(rest: string): string {
  const swaps: [RegExp, string][] = [
    [new RegExp(`\\b(?:my|your) ${FAMILY}\\b`, 'gi'), 'family'],
    [/\b(?:my|your) (?:friends|mates)\b/gi, 'friends'],
    [/\bwith me\b(?! and)/gi, 'together'],
    [/\b(?:my|your) own\b/gi, 'our own'],
    [/\bi'm\b|\byou're\b/gi, 'we’re'],
    [/\bi am\b|\byou are\b/gi, 'we are'],
    [/\bi was\b|\byou were\b|\byou was\b/gi, 'we were'],
    [/\bi've\b|\byou've\b/gi, 'we’ve'],
    [/\bi'll\b|\byou'll\b/gi, 'we’ll'],
    [/\bi'd\b|\byou'd\b/gi, 'we’d'],
    [/\bmyself\b|\byourself\b/gi, 'ourselves'],
    [/\bmine\b|\byours\b/gi, 'ours'],
    [/\bmy\b/gi, 'each other’s'],
    [/\byour\b/gi, 'our'],
    [/\bme\b/gi, 'each other'],
    // "you" after a conjunction (or first) is a subject: "when you are late" -> "when we are late"; anywhere
    // else it is an object: "let the door hit you" -> "hit each other" (then checked, and usually dropped).
    [new RegExp(String.raw`(^|\b(?:${SUBORDINATORS})\s+|,\s*)(?:i|you)\b`, 'gi'), '$1we'],
    [/\byou\b/gi, 'each other'],
    [/\bi\b/gi, 'we'],
  ];
  let out = rest;
  for (const [re, to] of swaps) out = out.replace(re, to);
  return out.replace(/'/g, '’');
}

/** "things over $200" -> "anything over $200": in "before either of us buys ...". */
function anything(object: string): string {
  return object.replace(/^(?:things|stuff|something)\b/i, 'anything');
}

const WITHOUT_ASKING = new RegExp(
  [
    String.raw`\s+without (?:first )?(?:asking|checking|talking|telling|discussing|`,
    String.raw`saying)(?: it)?(?: (?:with|to))?(?: (?:me|us|each other|anyone))?(?: first)?$`,
  ].join(''),
  'i',
);

const clause = (body: string): string => {
  const text = body.replace(/\s+/g, ' ').trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
};

/** Something people arrange together: "a clear list of ...", "a fair weekend rota", "a later curfew". */
const SHARED_ARRANGEMENT = new RegExp(
  String.raw`^(?:a|an|one)\s+(?:[\w'-]+\s+){0,3}?` +
    String.raw`(?:list|rota|roster|schedule|plan|budget|calendar|routine|rule|system|curfew|bedtime|allowance|limit)\b`,
  'i',
);

/** One draft from one ask, or null when the ask does not make a clause. */
export function draftFromAsk(ask: string, options: DraftOptions): string | null {
  const someone = options.parties > 2 ? 'any of us' : 'either of us';
  const a = ask
    .replace(/[’‘]/g, "'")
    .replace(/^(?:we )?agree to /i, '')
    // "..., Kai": the name the ask was said to is not part of the clause.
    .replace(/,\s*[A-Z][\w'-]*[.!?]*$/, '')
    .trim();
  // "stop buying things over $200 without asking" -> "We talk before either of us buys anything over $200."
  // "stop with these lies", "stop what you are doing": a stop without an action is no clause.
  if (/^(?:stop|quit)\b/i.test(a) && !/^(?:stop|quit) \w+ing\b/i.test(a)) return null;
  const negative =
    /^(?:stop|quit|no more|never again) (\w+ing)\b ?(.*)$/i.exec(a) ??
    /^(?:don't|do not|never) (\w+)\b ?(.*)$/i.exec(a);
  if (negative) {
    const base = baseOf(negative[1]);
    const rest = negative[2] ?? '';
    if (WITHOUT_ASKING.test(rest)) {
      const object = anything(mutualise(rest.replace(WITHOUT_ASKING, '')));
      return check(clause(`We talk before ${someone} ${thirdPerson(base)} ${object}`));
    }
    if (base === 'be') return check(clause(`We try not to be ${mutualise(rest)}`));
    return check(clause(`We don’t ${base} ${mutualise(rest)}`));
  }
  // "ask before inviting your mom over" -> "We ask each other before inviting family over."
  const checkFirst = /^(ask|check|talk)(?: (?:me|us|with me|to me))? (before|first|when|if) (.*)$/i.exec(a);
  if (checkFirst) {
    const verb =
      checkFirst[1].toLowerCase() === 'ask' ? 'ask each other' : `${checkFirst[1].toLowerCase()} with each other`;
    return check(clause(`We ${verb} ${checkFirst[2].toLowerCase()} ${mutualise(checkFirst[3])}`));
  }
  // "agree on a monthly budget meeting" -> "We agree on a monthly budget meeting."
  if (/^agree on /i.test(a)) return check(clause(`We ${mutualise(a)}`));
  // "a clear list of what needs doing each week" -> "We agree on a clear list of what needs doing each week."
  if (SHARED_ARRANGEMENT.test(a)) return check(clause(`We agree on ${mutualise(a)}`));
  // "a quiet evening now and then" -> "Each of us can have a quiet evening now and then."
  if (/^(?:a|an|some|more|my own|one|time)\b/i.test(a)) return check(clause(`Each of us can have ${mutualise(a)}`));
  // "text me if plans change" -> "We text each other if plans change."; "be on time" -> "We are on time."
  const positive = /^(\w+)\b ?(.*)$/.exec(a);
  if (!positive) return null;
  const verb = positive[1].toLowerCase() === 'be' ? 'are' : positive[1].toLowerCase();
  const rest = mutualise(positive[2] ?? '');
  // "pay your half of the bill" -> "We each pay our half of the bill."
  const each = /^our (?:half|share|fair share|part|turn)\b/i.test(rest) ? 'each ' : '';
  return check(clause(`We ${each}${verb} ${rest}`));
}

/** Words that are never the first word of a clause's action. */
const NOT_VERBS = new RegExp(
  String.raw`^We (?:the|a|an|my|your|our|it|this|that|there|so|very|really|not|no|to|and|but|if|when|` +
    String.raw`people|they|them|he|she|his|her|us|everyone|nobody|someone)\b`,
);
/** Constructions the substitutions above could leave broken. */
const BROKEN: RegExp[] = [
  /\b(?:to|for|with|at|from|of|about|by|on|like|than) we\b/i,
  /\bwe (?:is|was|has|does|doesn’t|wants|needs|gets|makes|goes|am)\b/i,
  /\bour (?:that|the|a|an|our|we|each)\b/i,
  /\bagree to agree\b/i,
  /\beach other(?:’s)? (?:is|was|has|does|each)\b/i,
  /\b(\w+) \1\b/i,
  /\b(?:i|me|my|mine|myself|you|your|yours|yourself)\b/i,
  /\bdon’t be\b/i,
  // "each other" as a subject or a possessive without its "’s": "each other live in", "each other tweets".
  /\beach other (?:live|get|go|want|need|have|do|are|were|guys|\w+s)\b/i,
  /^We \w+ us\b/,
  /\bdon’t \w+ [^.]* and start\b/i,
  /\b(?:and|or|but|to|the|a|an|of|with|for|if|when|because|that|our|we|each other’s)\.$/i,
  /[?!]/,
];

/** Nouns a clause can follow without "that": "the time we agreed", "the day we said". */
const RELATIVE_NOUNS = 'time|day|days|way|place|night|week|amount|things|thing|plans|plan|hour|date';
/** "we" only at the start or after a word that can open a clause: never "tell we", "hit we". */
const STRAY_WE = new RegExp(String.raw`(?<!^)(?<!\b(?:${SUBORDINATORS}|${RELATIVE_NOUNS}|[,;]))\s+we\b`, 'i');

/** A draft that reads as a sentence, or null. */
export function check(draft: string): string | null {
  if (STRAY_WE.test(draft)) return null;
  if (draft.length > LIMITS.clauseChars || draft.split(/\s+/).length < 3) return null;
  if (!/^[A-Z]/.test(draft) || !draft.endsWith('.')) return null;
  if (NOT_VERBS.test(draft)) return null;
  return BROKEN.some((re) => re.test(draft)) ? null : draft;
}

/** True when a draft passes the grammar check: for tests and the openai engine's drafts alike. */
export function readsWell(draft: string): boolean {
  return check(draft) === draft;
}

/**
 * Up to `max` (3) distinct drafts from the asks in people's own words, newest material last. A demand to
 * control someone's friends, family, money, phone or movements is never drafted (analysis/coercion.ts).
 */
export function draftClauses(sources: string[], options: DraftOptions): string[] {
  return draftFromAsks(
    sources.filter((s) => !isCoerciveDemand(s)).flatMap((s) => requestsIn(s)),
    options,
  );
}

/** draftClauses for asks already read out of their texts (none of them a demand to control someone). */
export function draftFromAsks(asks: string[], options: DraftOptions): string[] {
  const drafts: string[] = [];
  for (const ask of asks) {
    const draft = draftFromAsk(ask, options);
    if (draft && !drafts.includes(draft)) drafts.push(draft);
  }
  return drafts.slice(-(options.max ?? 3));
}
