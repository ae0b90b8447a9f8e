/**
 * The concrete asks in a message, as phrases in the speaker's own words: "Can you text me if plans
 * change?" -> "text me if plans change"; "I need you to stop buying things over $200 without asking"
 * -> "stop buying things over $200 without asking". Drafts of agreement clauses and summaries are
 * built from these, so they say what people asked for rather than a template. Pure string work.
 */

/** Openers that hand the floor to an ask addressed to the others: what follows is the asked-for action. */
const ASK_OPENERS: RegExp[] = [
  /\b(?:would|will) you be (?:willing|able|open) to (?<ask>.+)/i,
  /\b(?:could|can|would|will) you (?:please |maybe |just |kindly )*(?<ask>.+)/i,
  /\bi(?:'d| would) (?:really )?(?:like|love|appreciate it if) (?:for )?(?:you|us) (?:to )?(?<ask>.+)/i,
  /\bi (?:really )?(?:need|want) (?:you|us) to (?<ask>.+)/i,
  /\ball i(?:'m| am) asking (?:for )?is (?:for you to |that you |that we )?(?<ask>.+)/i,
  /\bi(?:'m| am) asking (?:you |us )?(?:to |that we |that you )?(?<ask>.+)/i,
  /\bwhat i (?:need|want|would like) is for (?:you|us) to (?<ask>.+)/i,
  /\bit would (?:really )?help (?:me )?if (?:you|we) (?:could )?(?<ask>.+)/i,
  /\b(?:can|could|shall) we (?:please |maybe |just )*(?<ask>.+)/i,
  /\blet'?s (?:please |maybe |just )*(?<ask>.+)/i,
  /\bwe (?:need|should|have) to (?<ask>.+)/i,
  /\bi (?:wish|hope) (?:that )?(?:you|we) would (?<ask>.+)/i,
  /^(?:please |and please |so please |just )+(?<ask>.+)/i,
  /\bplease,? (?<ask>(?:stop|don't|do not|quit|tell|text|call|ask|let|give|help|check|talk|listen)\b.+)/i,
];

/** An ask that is a thing, not an action: "I need a quiet evening now and then". */
const THING_ASK = /\bi (?:really )?(?:need|want|would like|'d like) (?<ask>(?:a|an|some|more|my own|time|one) .+)/i;

/** A bare imperative at the start of a sentence that asks something of the others. */
const IMPERATIVE = new RegExp(
  [
    String.raw`^(?:(?:and|so|but|then|also),? )?(?<ask>(?:stop|don't|do not|quit|never again|tell|`,
    String.raw`text|call|ask|let me know|give me|help me|check with|talk to|listen to)\b.+)`,
  ].join(''),
  'i',
);

/** Questions that only look like asks: reproaches, rhetoric, the past. */
const NOT_AN_ASK = new RegExp(
  [
    String.raw`^(?:not|never|ever|even|believe|imagine|blame|honestly|seriously|really)\b|^(?:has|`,
    String.raw`had|be bothered)\b|\bwhy\b|\bhow dare\b|\bfor once\b|`,
    // Thinking, not doing ("can you imagine", "could you believe"), and questions aimed back at the listener.
    String.raw`^(?:know|think|understand|feel|mind|expect|wonder|guess|suppose|hate|at least|do anything)\b|`,
    String.raw`^(?:don't|do not) you\b|^start with you\b`,
  ].join(''),
  'i',
);
/** "could you have told me": a reproach about the past, not an ask. */
const PAST = /^have (?:been|done|said|told|known|seen|given|taken|gone|thought|\w+ed)\b/i;
const BARE_MODAL = /^(?:not|n't)\b/i;

/** Where an ask ends: its reasons and afterthoughts are not part of the clause. */
const ASK_END = new RegExp(
  [
    String.raw`\s*(?:,\s*)?\b(?:because|since|so that i|so i|as i|but|or else|otherwise|`,
    String.raw`instead of just|like you always|like you never)\b.*$`,
  ].join(''),
  'i',
);
const TRAILING = /(?:[\s,]+(?:please|ok(?:ay)?|alright|for once|for me|thanks|thank you|too|again))+\s*$/i;

/** Words that are a need, not an ask: these go to the summary as what matters, not to a clause. */
const BARE_NEEDS =
  /^(?:some |more |a bit of |a little )?(?:space|time|respect|support|help|love|honesty|trust|peace|quiet|a break)$/i;

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The phrase, cleaned: curly apostrophes made plain, its reasons and trailing "please" cut, no end mark. */
function tidy(phrase: string): string {
  let out = phrase
    .replace(/[’‘]/g, "'")
    .replace(/[.!?;:…]+$/g, '')
    .trim();
  out = out.replace(ASK_END, '').replace(TRAILING, '').trim();
  out = out.replace(/^(?:please|just|maybe|kindly),? /i, '').replace(/[\s,]+$/g, '');
  // The speaker's words, lower-cased at the start unless it is "I" or a name-like word after the first.
  return /^I\b/.test(out) ? out : out.charAt(0).toLowerCase() + out.slice(1);
}

/** "some honesty about money", "more respect": a need, said with a determiner, not a thing to agree on. */
const NEED_AFTER_DETERMINER = new RegExp(
  [
    String.raw`^(?:a|an|some|more|a bit more|a little more) (?:respect|honesty|trust|support|help|`,
    String.raw`understanding|appreciation|care|kindness|patience|space|peace|quiet|love|fairness|`,
    String.raw`consideration|reassurance|openness|transparency|empathy|recognition|warmth|`,
    String.raw`affection)(?:$| (?:about|with|from|for|in|around|when|and|on)\b)`,
  ].join(''),
  'i',
);

/** A phrase worth keeping: a few words, not a rhetorical or past-tense question, not a bare need word. */
function plausible(ask: string): boolean {
  const words = ask.split(/\s+/).filter(Boolean);
  if (words.length < 2 || words.length > 25) return false;
  if (NOT_AN_ASK.test(ask) || BARE_MODAL.test(ask) || PAST.test(ask)) return false;
  if (/^(?:you|i|he|she|they|it|that|this|there)\b/i.test(ask)) return false;
  return !BARE_NEEDS.test(ask) && !NEED_AFTER_DETERMINER.test(ask);
}

/** The ask in one sentence, or null. */
function askIn(sentence: string): string | null {
  const plain = sentence.replace(/[’‘]/g, "'");
  for (const re of ASK_OPENERS) {
    const m = re.exec(plain);
    const ask = m?.groups?.ask ? tidy(m.groups.ask) : '';
    if (ask && plausible(ask)) return ask;
  }
  for (const re of [IMPERATIVE, THING_ASK]) {
    const m = re.exec(plain);
    const ask = m?.groups?.ask ? tidy(m.groups.ask) : '';
    if (ask && plausible(ask)) return ask;
  }
  return null;
}

/** The asks in a text, as phrases in the speaker's words, in order, without repeats. */
export function requestsIn(text: string): string[] {
  const asks: string[] = [];
  for (const s of sentences(text)) {
    const ask = askIn(s);
    if (ask && !asks.some((a) => a.toLowerCase() === ask.toLowerCase())) asks.push(ask);
  }
  return asks;
}
