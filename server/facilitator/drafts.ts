/**
 * Boundaries into agreements: a demand or a need, said by one person, turned into a mutual clause
 * both could accept ("stop seeing those friends" -> "we tell each other when plans involve those
 * friends, and check in if it feels uncomfortable"). Pure string work, no model.
 */

const SWAPS: [RegExp, string][] = [
  [/\bi'm\b/gi, 'we’re'],
  [/\byou're\b/gi, 'we’re'],
  [/\bmyself\b|\byourself\b/gi, 'ourselves'],
  [/\bmy\b|\byour\b/gi, 'our'],
  [/\bme\b/gi, 'each other'],
  [/\bi\b|\byou\b/gi, 'we'],
  [/\bmine\b|\byours\b/gi, 'ours'],
];

/** "call me when you're late" -> "call each other when we're late". */
export function mutualise(phrase: string): string {
  let out = phrase.trim().replace(/[.!?\s]+$/, '');
  for (const [re, to] of SWAPS) out = out.replace(re, to);
  return out;
}

const PATTERNS: [RegExp, (x: string) => string][] = [
  [
    /\b(?:i need you to |please |can you |could you |would you )?(?:stop|quit) ([^.!?]{3,120})/i,
    (x) => `We tell each other when ${mutualise(x)} comes up, and check in kindly if it feels uncomfortable.`,
  ],
  [
    new RegExp(
      [
        '\\b(?:would you be willing to|could you|can you|',
        "i(?:'d| would) like (?:you|us) to|i(?:'d| would) like to|i want us to|let'?s) ",
        '([^.!?]{3,120})',
      ].join(''),
      'i',
    ),
    (x) => `We agree to ${mutualise(x)}, and check in together in two weeks on how it is going.`,
  ],
  [
    /\bi need (?:you to )?([^.!?]{3,120})/i,
    (x) => `When one of us needs ${mutualise(x)}, we say so plainly, and the other takes it seriously.`,
  ],
  [/\bi (?:wish|hope) (?:that )?([^.!?]{3,120})/i, (x) => `We work towards this together: ${mutualise(x)}.`],
];

/** A draft clause from one sentence, or null when it holds no request or need. */
export function draftFrom(sentence: string): string | null {
  for (const [re, make] of PATTERNS) {
    const m = re.exec(sentence);
    if (m?.[1]) {
      const draft = make(m[1]);
      return draft.charAt(0).toUpperCase() + draft.slice(1);
    }
  }
  return null;
}

/** Up to `max` distinct drafts from people's own words, newest material last. */
export function draftClauses(sources: string[], max = 3): string[] {
  const drafts: string[] = [];
  for (const source of sources) {
    for (const sentence of source.split(/(?<=[.!?])\s+/)) {
      const draft = draftFrom(sentence);
      if (draft && !drafts.includes(draft)) drafts.push(draft);
    }
  }
  return drafts.slice(-max);
}
