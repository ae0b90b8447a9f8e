import { lowerFirst, plain, sentencesOf, tidy } from './text.js';

/**
 * What a person asks for, in their own words: "Would you be willing to text me if plans change?" ->
 * "text me if plans change". Only the ask itself, as written (pronouns unchanged: "me" is the person
 * asking), so it can be said back or drafted into an agreement.
 */

export interface Ask {
  /**
   * Who would do it: the person spoken to ("you"), everyone together ("we"), or someone spoken of ("they":
   * "could she…", "I'd like him to…"; in preparation that is the other person, in the room perhaps not).
   */
  who: 'you' | 'we' | 'they';
  /** The ask as written, without the lead-in ("text me if plans change"). */
  ask: string;
}

/** A vocative or filler before the ask: "Sam, could you…", "So can we…", "And please…". */
const LEAD = String.raw`^(?:(?:so|and|but|ok|okay|well|honestly|look|also|then|now|maybe|[A-Z][a-z]+)[,\s]+)*`;

const PATTERNS: [RegExp, Ask['who']][] = [
  [new RegExp(`${LEAD}(?:would|will) you (?:please )?(?:be willing|be open|be able|agree) to (.+)`, 'i'), 'you'],
  [new RegExp(`${LEAD}(?:could|can|would|will) you (?:please |maybe |just )?(.+)`, 'i'), 'you'],
  [new RegExp(`${LEAD}(?:could|can|shall|should) we (?:please |maybe |just |try to )?(.+)`, 'i'), 'we'],
  [new RegExp(`${LEAD}(?:let's|let us) (.+)`, 'i'), 'we'],
  // In preparation the other person is "he", "she" or "they": "Could she take Mum on Saturdays?"
  [new RegExp(`${LEAD}(?:could|can|would|will) (?:he|she|they) (?:please |maybe |just )?(.+)`, 'i'), 'they'],
  [
    new RegExp(
      String.raw`\bi(?:'d| would) (?:really )?(?:like|love|ask|prefer) (?:it )?(?:if |for |` +
        String.raw`that )?(?:us|we) (?:to |could |would |can )?(.+)`,
      'i',
    ),
    'we',
  ],
  [
    new RegExp(
      String.raw`\bi(?:'d| would) (?:really )?(?:like|love|ask|prefer) (?:it )?(?:if |for |` +
        String.raw`that )?you (?:to |could |would |can )?(.+)`,
      'i',
    ),
    'you',
  ],
  [/\bi (?:really |just )?(?:want|need|am asking|'m asking|ask) (?:for )?you to (.+)/i, 'you'],
  [
    new RegExp(
      String.raw`\bi(?:'d| would| really)? (?:like|love|want|need|ask|prefer) (?:it )?(?:if |` +
        String.raw`for |that )?(?:him|her|them) (?:to |could |would |can )?(.+)`,
      'i',
    ),
    'they',
  ],
  [/\bi (?:really |just )?(?:want|need) (?:us|we) to (.+)/i, 'we'],
  [/\bi wish you (?:would|could) (.+)/i, 'you'],
  [new RegExp(`${LEAD}please,? (.+)`, 'i'), 'you'],
];

/**
 * A sentence that starts with one of these is most likely asking the other person to act; a name before it
 * must be followed by a comma ("Sam, call me"), since "Alex put the chair on the card" tells, not asks.
 */
const IMPERATIVE = new RegExp(
  String.raw`^(?:[A-Z][a-z]+,\s+|please,?\s+)?((?:text|call|tell|let|stop|ask|give|come|` +
    String.raw`check|talk|pick|pay|clean|wait|listen|help|send|show|leave|keep|try|cover|split|` +
    String.raw`share|plan|remember|don't|do not|book|put|take|cook|drive|message|answer|` +
    String.raw`include|invite|warn)\b.+)`,
  'i',
);

/** Questions that only look like asks ("can you believe it", "could you not see"). */
const NOT_AN_ASK = /^(?:believe|imagine|see|not see|not tell|even|really|honestly|know|stop it)\b/i;

function cleanAsk(ask: string): string {
  return lowerFirst(
    tidy(ask.replace(/[?.!]+$/, '').replace(/,?\s*(?:please|for me|if that's ok(?:ay)?|if you can)\s*$/i, '')),
  );
}

/** The asks in a text, in order, with who would act. */
export function asksIn(raw: string): Ask[] {
  const out: Ask[] = [];
  for (const sentence of sentencesOf(plain(raw))) {
    let found: Ask | null = null;
    for (const [re, who] of PATTERNS) {
      const m = re.exec(sentence);
      if (m && !NOT_AN_ASK.test(m[1])) {
        found = { who, ask: cleanAsk(m[1]) };
        break;
      }
    }
    if (!found && !sentence.endsWith('?')) {
      const m = IMPERATIVE.exec(sentence);
      if (m) found = { who: 'you', ask: cleanAsk(m[1]) };
    }
    if (found && found.ask.split(' ').length >= 2 && !out.some((a) => a.ask === found.ask)) out.push(found);
  }
  return out;
}
