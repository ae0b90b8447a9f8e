/**
 * English: the rules' patterns (rules.ts), per label in the order of that label's rules in labels.ts,
 * and the words the shouting rule and the "about the sender" test read.
 */
import type { RulePatterns } from '../types.js';
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
  THREAT_STRUCTURES,
  phrases,
} from './lexicon.js';

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

const SELF_BEFORE = new RegExp(
  [
    "(?:\\bi\\s*(?:['’]m|am|was|feel|felt|look|looked|sound|seem)|\\bmyself|\\bme\\s+(?:feel|look)|\\bfeel(?:ing)?|",
    '\\bfelt)\\s+(?:\\w+\\s+){0,3}$',
  ].join(''),
  'i',
);

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

export const RULES: RulePatterns = {
  byLabel: {
    threat: [rx(phrases(THREAT)), rx(phrases(THREAT_STRUCTURES))],
    self_harm: [rx(phrases(SELF_HARM))],
    insult: [
      // "you idiot", "you're such a selfish jerk", "you are pathetic"
      new RegExp(`${B}${YOU}${BE}\\s*${FILLER}(?:${INSULT})${E}`, 'gi'),
      // "your stupid idea", "shut your fat mouth"
      new RegExp(`${B}your\\s+${FILLER}(?:${INSULT})${E}`, 'gi'),
      rx(INSULT),
    ],
    profanity: [
      // "fuck you", "fuck off", "piss off", "screw you"; "damn it", "screw this", "fuck it" are about what happened
      // (swearing about a situation is delivered): the swear word's own rule reads them
      rx(
        '(?:f+u+c+k+|screw|damn|to hell with|the hell with)\\s+(?:you|u|ya|yourself|them)|f+u+c+k+\\s+off|' +
          'piss\\s+off|' +
          'bite\\s+me|kiss\\s+my\\s+ass|up\\s+yours|go\\s+to\\s+hell',
      ),
      rx(phrases(PROFANITY_STRONG)),
      rx(phrases(PROFANITY_MILD)),
    ],
    contempt: [rx(phrases(CONTEMPT))],
    criticism: [rx(phrases(CRITICISM))],
    blame: [rx(phrases(BLAME))],
    defensiveness: [rx(phrases(DEFENSIVENESS))],
    stonewalling: [rx(phrases(STONEWALLING)), rx(phrases(STONEWALLING_EXPLICIT))],
    shouting: [],
  },
  selfBefore: SELF_BEFORE,
  capsWord: CAPS_WORD,
  acronym: ACRONYM,
  joy: JOY,
  atReader: /(?<![\w'’])(?:you|your|u|ur)(?![\w'’])/i,
};
