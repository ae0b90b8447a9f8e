import { JUDGEMENT_WORDS } from './lexicon.js';
import { plain, sentencesOf, tidy } from './text.js';

/**
 * Judgements of the other person ("he only cares about money", "she never listens", "you're so
 * selfish", "I felt ignored"), each with the feelings and needs that usually lie underneath it: the
 * facilitator offers those as a gentle question, never as a verdict about anyone.
 */

export interface Judgement {
  /** The judgement as written ("he only cares about money"). */
  said: string;
  feelings: string[];
  needs: string[];
}

type Under = { feelings: string[]; needs: string[] };

/** What someone is said to always, never or only do, and character words. */
const PATTERNS: [RegExp, Under][] = [
  [
    /\bcares? about (?:money|himself|herself|themselves|work|his|her|their)\b/i,
    { feelings: ['hurt', 'lonely'], needs: ['care', 'being valued'] },
  ],
  [
    /\b(?:never|doesn't|does not|don't|do not|won't) (?:listens?|hear)\b/i,
    { feelings: ['frustrated', 'lonely'], needs: ['being heard', 'understanding'] },
  ],
  [
    new RegExp(
      String.raw`\b(?:never|doesn't|does not|don't|do not|won't) (?:helps?|lifts? a finger|pitch` +
        String.raw`(?:es)? in|do (?:anything|their share|his share|her share))\b`,
      'i',
    ),
    { feelings: ['tired', 'overwhelmed'], needs: ['support', 'fairness'] },
  ],
  [
    /\b(?:doesn't|does not|don't|do not|never) (?:care|cares)\b/i,
    { feelings: ['hurt', 'lonely'], needs: ['care', 'connection'] },
  ],
  [
    /\b(?:always|constantly) (?:late|on (?:his|her|their|your) phone)\b/i,
    { feelings: ['frustrated', 'lonely'], needs: ['reliability', 'connection'] },
  ],
  [/\b(?:always|never|only)\b/i, { feelings: ['frustrated', 'hurt'], needs: ['understanding', 'consideration'] }],
  [
    /\b(?:selfish|inconsiderate|thoughtless|uncaring|cold)\b/i,
    { feelings: ['hurt', 'lonely'], needs: ['consideration', 'care'] },
  ],
  [
    /\b(?:lazy|useless|irresponsible|unreliable)\b/i,
    { feelings: ['tired', 'frustrated'], needs: ['support', 'fairness'] },
  ],
  [/\b(?:controlling|bossy|possessive)\b/i, { feelings: ['trapped', 'frustrated'], needs: ['autonomy', 'respect'] }],
  [/\b(?:liar|lying|lies|dishonest|sneaky)\b/i, { feelings: ['hurt', 'confused'], needs: ['honesty', 'trust'] }],
  [
    /\b(?:rude|disrespectful|arrogant|condescending)\b/i,
    { feelings: ['hurt', 'angry'], needs: ['respect', 'consideration'] },
  ],
  [/\b(?:cheap|stingy|greedy)\b/i, { feelings: ['hurt', 'worried'], needs: ['fairness', 'care'] }],
  [
    /\b(?:too|so|really) (?:strict|harsh|soft|lenient|protective|strict with)\b/i,
    { feelings: ['frustrated', 'worried'], needs: ['understanding', 'a say'] },
  ],
  [
    /\btreats? (?:me|us|him|her|them) like (?:a |an )?(?:child|children|kid|kids|baby|idiot|servant|nothing)\b/i,
    { feelings: ['frustrated', 'hurt'], needs: ['respect', 'autonomy'] },
  ],
];

/** A clause about the other person: they, by pronoun or relation, are its subject. */
const ABOUT_OTHER = new RegExp(
  String.raw`\b(?:you|you're|youre|he|he's|she|she's|they|they're|my (?:husband|wife|partner|` +
    String.raw`boss|manager|mum|mom|dad|brother|sister|son|daughter|colleague|coworker|parents|` +
    String.raw`in-laws|ex|family|team))\b(?:\s+\w+){0,1}\s+(?:only|never|always|just|` +
    String.raw`constantly|doesn't|does not|don't|do not|won't|is|are|was|were|so|such|acts?|` +
    String.raw`being|treats?)\b[^,;]*`,
  'i',
);
/** The same about someone named ("Grace is too strict"): a capitalised name that is not the sentence's "I". */
const ABOUT_NAMED = new RegExp(
  String.raw`\b(?!I\b)[A-Z][a-z]+\b(?:\s+\w+){0,1}\s+(?:only|never|always|just|constantly|` +
    String.raw`doesn't|does not|don't|do not|won't|is|are|was|were|acts?|treats?)\b[^,;]*`,
);
const FAUX_RE = new RegExp(
  `\\b(?:feel|felt|feeling|i'm|i am|i was|i've been|made me feel)\\s+` +
    `(?:so\\s+|very\\s+|really\\s+|completely\\s+|totally\\s+)*(${Object.keys(JUDGEMENT_WORDS)
      .map((w) => w.replace(/ /g, '\\s+'))
      .join('|')})\\b`,
  'i',
);

export function judgementsIn(raw: string): Judgement[] {
  const out: Judgement[] = [];
  for (const sentence of sentencesOf(plain(raw))) {
    const faux = FAUX_RE.exec(sentence);
    if (faux) {
      const word = faux[1].toLowerCase().replace(/\s+/g, ' ');
      out.push({ said: tidy(faux[0]), ...JUDGEMENT_WORDS[word] });
      continue;
    }
    const about = ABOUT_OTHER.exec(sentence) ?? ABOUT_NAMED.exec(sentence);
    if (!about) continue;
    const under = PATTERNS.find(([re]) => re.test(about[0]));
    if (under) out.push({ said: tidy(about[0]), feelings: under[1].feelings, needs: under[1].needs });
  }
  return out;
}
