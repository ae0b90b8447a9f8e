/**
 * Coercive control: a demand that restricts someone's friends, family, money, phone or movements ("you're not
 * seeing your sister again", "give me your phone every night", "you don't get a card, I'll give you cash").
 * Such a demand is never turned into a draft agreement (facilitator/drafts.ts), and a mediator, when there is
 * one, is told privately (rooms/policies/safety.ts). A pure check on one message's words; English for now.
 */

const PEOPLE =
  '(?:friends?|family|mates|sisters?|brothers?|mum|mom|mother|dad|father|parents|' +
  'cousins?|aunt|uncle|grand(?:ma|pa|mother|father|parents)|folks|coworkers|colleagues|' +
  'best friend|girlfriends|boyfriends|people)';
const MONEY =
  '(?:money|cash|cards?|credit card|debit card|bank(?: account)?|account|wages|pay ?check|' +
  'paycheque|salary|pay|savings|allowance|benefits)';
const DEVICE =
  '(?:phone(?! number)|mobile(?! number)|passwords?|passcode|pin|messages|texts|emails?|' +
  'location|laptop|social media|car keys|keys|car|passport)';
const GOING =
  '(?:go(?:ing)? out|leav(?:e|ing) the house|go(?:ing)? anywhere|go(?:ing)? to (?:work|the gym|' +
  'church|class|college|uni)|driv(?:e|ing)|go(?:ing)? (?:there|out with))';

const PATTERNS: RegExp[] = [
  // isolation: "you're not seeing your sister again", "you won't see your friends", "stop seeing your mates"
  new RegExp(
    String.raw`\byou(?:'re| are)? (?:not|never|no longer) (?:going to |gonna )?(?:see|seeing|visit|visiting|talk|` +
      'talking|speak|speaking|call|calling|text|texting|meet|meeting)(?: to| with)? (?:your |that |those |' +
      String.raw`any )?${PEOPLE}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\byou (?:can't|cannot|won't|will not|aren't allowed to|are not allowed to|don't get to|do not get to|` +
      "mustn't|must not|may not)(?: ever)? (?:see|visit|talk to|speak to|call|text|meet|go out with|" +
      String.raw`have)(?: your| any| those| that)? ${PEOPLE}\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:stop|quit|no more) (?:seeing|visiting|talking to|calling|texting|meeting|hanging out with)` +
      String.raw` (?:your |those |that |any )?${PEOPLE}\b`,
    'i',
  ),
  new RegExp(String.raw`\bcut (?:off )?(?:your |those |that )?${PEOPLE}(?: off| out)?\b`, 'i'),
  // surrender: "give me your phone every night", "hand over your wages"
  new RegExp(
    String.raw`\b(?:give|hand|pass|bring|show|send) (?:me|over)(?: over)? (?:all |both )?your ` +
      String.raw`(?:${DEVICE}|${MONEY})\b`,
    'i',
  ),
  new RegExp(
    String.raw`\byour (?:${DEVICE}|${MONEY}) (?:goes|go|comes|come|gets handed) (?:to me|straight to me)\b`,
    'i',
  ),
  // denial of money: "you don't get a card", "you don't need your own account", "I'll give you cash"
  new RegExp(
    String.raw`\byou (?:don't|do not|won't|will not|aren't going to|are not going to) (?:get|have|need|keep) ` +
      String.raw`(?:a |an |your own |any |your |access to )?(?:${MONEY}|${DEVICE})\b`,
    'i',
  ),
  new RegExp(
    String.raw`\bi(?:'ll| will) (?:give you (?:cash|an allowance|pocket money|money when)|keep ` +
      String.raw`(?:your|the) (?:cards?|money|wages|pay|keys|passport))\b`,
    'i',
  ),
  // surveillance: "I check your phone every night", "share your location with me at all times"
  new RegExp(
    String.raw`\bi(?:'ll| will| am going to| get to)? (?:check|read|go through|look through) your ${DEVICE}\b`,
    'i',
  ),
  /\b(?:share|keep) your location (?:on|with me)\b/i,
  /\btell me where you are (?:at all times|every|all the time)\b/i,
  // movements: "you're not going out", "you can't leave the house without me"
  new RegExp(
    String.raw`\byou(?:'re| are)? (?:not|never) ${GOING}\b|\byou (?:can't|cannot|won't|will not|aren't allowed to|` +
      String.raw`are not allowed to|don't get to) ${GOING}\b`,
    'i',
  ),
  /\byou (?:need|have to ask for|must ask for|must get|need to get) my permission\b/i,
  /\bi (?:forbid|won't allow|will not allow|don't allow|do not allow) you\b/i,
];

/**
 * Every pattern's match holds one of these words (the rewriting below only adds apostrophes and joins spaces), so
 * a text without them skips the three rewrites and fourteen patterns.
 */
const MAY_DEMAND = /you|cut|stop|quit|no\s+more|keep/i;

/**
 * The same control written as terms of an agreement, about a third person or "we" ("Ann hands me her phone every
 * night", "does not see her sister without asking", "we only go out with friends when we say so", "we text each
 * other whenever we leave the house"): never a clause, proposed or drafted.
 */
const CLAUSE_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`\b(?:hands?|gives?|shows?|passes?|surrenders?) (?:over )?(?:me|him|her|them|us|\w+) ` +
      String.raw`(?:her|his|their|your|our) (?:${DEVICE}|${MONEY})\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:see|sees|visit|visits|meet|meets|talk to|talks to|call|calls|go out with|goes out with|` +
      String.raw`contact|contacts) (?:her|his|their|your|our|any) ${PEOPLE} (?:only )?(?:without|unless|only if|` +
      String.raw`only when|until)\b`,
    'i',
  ),
  new RegExp(
    String.raw`\bonly (?:${GOING}|go(?:es)? out with (?:\w+ )?${PEOPLE}|see(?:s)? (?:\w+ )?${PEOPLE}) ` +
      String.raw`(?:when|if) (?:i|he|she|they|we|\w+) (?:says?|allows?|agrees?|permits?|lets?)\b`,
    'i',
  ),
  new RegExp(
    String.raw`\b(?:texts?|tells?|calls?|messages?|reports? to) (?:me|him|her|them|each other|\w+) (?:whenever|every ` +
      String.raw`time|each time) (?:i|he|she|they|we|you|\w+) (?:leaves?|goes? out|gets? home|go anywhere)\b`,
    'i',
  ),
  new RegExp(String.raw`\b(?:checks?|reads?|goes through) (?:her|his|their|my|your) ${DEVICE}\b`, 'i'),
  new RegExp(
    String.raw`\bwithout (?:asking|checking with) (?:me|him|her|first)?\b.*\b(?:${PEOPLE}|${MONEY})\b|` +
      String.raw`\b(?:${PEOPLE}|spend(?:s|ing)? (?:any )?${MONEY})\b.*\bwithout (?:asking|my permission|permission)\b`,
    'i',
  ),
];

/** A demand to control someone, or the same control written as terms of an agreement (a clause, a draft). */
export function isControllingClause(text: string): boolean {
  return isCoerciveDemand(text) || CLAUSE_PATTERNS.some((re) => re.test(text.replace(/[’‘]/g, "'")));
}

/** True when `text` demands control over someone's friends, family, money, phone or movements. */
export function isCoerciveDemand(text: string): boolean {
  if (!MAY_DEMAND.test(text)) return false;
  const plain = text
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    // texting style: "dont", "youre", "cant"
    .replace(/\b(don|won|can|aren|you)(t|re)\b/gi, "$1'$2");
  return PATTERNS.some((re) => re.test(plain));
}
