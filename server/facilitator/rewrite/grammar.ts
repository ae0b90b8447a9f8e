/** Grammar checks of the rewriter's own output: joints that read broken once words were cut. */

const JOINTS = [
  /\b(?:a|an|the)\s+(?:and|or|but|to|of|in|on|at|with|for|from|is|are|was|were|who|that|like|than|as)\b/gi,
  /\b(?:a|an|the|to|in|into|on|at|with|for|from|of|by|about|and|or)\s*[.!?,;]/gi,
  // ("what is going on with you" is whole)
  new RegExp(
    [
      '(?<!\\b(?:go|goes|going|went|get|gets|getting|got|carry|carrying|move|moving)\\s+)\\b(?:to|in|into|on|at|with|',
      'for|from|of|by|about)\\s+(?:to|in|into|on|at|with|for|from|of|by|about)\\b',
    ].join(''),
    'gi',
  ),
  /\b(?:and|or|but)\s+(?:and|or|but)\b/gi,
  /\b(?:is|are|was|were|am|be)\s+(?:and|or|but)\b/gi,
  /\b(?:is|are|was|were|be|been|am|not|need|needs)\s*[.!?,;]/gi,
  /\b(?:a|an)\s+\w+s\b(?=\s*[.!?,;]|\s*$)/gi,
  /\b(?:a|an|the)\s+(?:up|down|out|off|over|away)\b/gi,
  /\b(?:and|or)\s+(?:them|him|it|us|me)\s*[.!?]/gi,
  /\b(?:get|got|getting)\s+of\b/gi,
  /\b(?:should|would|could|can|will|to|did|does|do)\s+(?:you|him|her|them|us|me|it)\s+(?:up|down|out)\b/gi,
];

/** How many joints in `s` read broken: "a and", "to with", "is.", "the." */
const JOINTS_ANY = new RegExp(JOINTS.map((re) => `(?:${re.source})`).join('|'), 'i');
export function brokenJoints(s: string): number {
  // most tries read whole: one scan says so
  if (!JOINTS_ANY.test(s)) return 0;
  let n = 0;
  for (const re of JOINTS) n += s.match(re)?.length ?? 0;
  return n;
}

/** Checks that read a rewrite as a person would: each finds one kind of broken or still-hurtful text. */
const CHECKS: RegExp[] = [
  // a possessive with no noun after it: "your that", "my.", "their and"
  new RegExp(
    String.raw`\b(?:your|my|their|our|its)\s+(?:that|which|who|and|or|but|to|of|is|are|was|` +
      String.raw`were|the|a|an|in|on|at|with|for|from|when|if|you|i)\b`,
    'gi',
  ),
  /\b(?:your|my|their|our)\s*[.,!?;:]/gi,
  // a sentence that ends on a word that needs another after it
  /\b(?:a|an|the|my|your|their|our|of|to|with|from|by|and|or|than|very|so|such)\s*(?:[.!?]|$)/gi,
  // a sentence that starts on one
  /(?:^|[.!?]\s+)(?:of|than|and|or|to|the|a|an|with|from|by)\s*(?:[.!?,;]|$)/gi,
  /(?:^|[.!?]\s+)(?:and|or|of|than|by)\s/gi,
  // a sentence that is only a preposition and its object: "With money."
  /(?:^|[.!?]\s+)(?:with|of|to|from|by|for|at|in|on|about)\s+\w+\s*(?:[.!?]|$)/gi,
  // an adjective left without its noun ("a nosy old and she ...")
  new RegExp(
    String.raw`\b(?:a|an|the)\s+(?:[a-z]+\s+)?(?:old|nosy|little|big|fat|young|poor|dirty|ugly|` +
      String.raw`lazy|crazy|mean|spoiled|greedy|miserable|bitter|silly|sorry|whole|total|` +
      String.raw`complete|real)\s*(?:and|or|but|[,.!?;]|$)`,
    'gi',
  ),
  // a verb with its complement cut out: "he is which is unusual"
  /\b(?:is|are|was|were)\s+(?:which|who)\b/gi,
  // a describing word left without its noun before "who": "you lovely who always helps"
  /\byou\s+[a-z]+\s+(?:who|that)\b/gi,
  // "such" with nothing to describe: "stop being such and"
  /\bsuch\s+(?:and|or|but|[.,!?;]|$)/gi,
  // a word that needs its complement, left before a stop: "quit being:", "she just.", "gave no.", "it 's,"
  /\b(?:being|just|no|any|every|how|what)\s*[.!?,;:]/gi,
  /\w\s*['’]\s*(?:s|re)\s*[.!?,;:]/gi,
  // "is not with": a negation with its noun cut out
  /\bnot\s+(?:with|to|of|for|from|at)\b/gi,
  // a sentence that starts on a modal, its subject cut out: "should feel bad for lying."
  /(?:^|[.!?]\s+)(?:should|would|must|might)\s/gi,
  // an adjective cut from "how dangerous and stupid it was": "how dangerous and it was"
  /\band\s+(?:it|he|she|they|we|you|i)\s+(?:was|is|were|are)\b/gi,
  // a feeling verb with its feeling cut out: "I feel when you call", "I felt because"
  /\b(?:i|we)\s+(?:feel|felt|am|was|'m|’m)\s+(?:when|because|that|about|if|as)\b/gi,
  // the same word twice: "the the", "to to"
  /\b([a-z]+)\s+\1\b/gi,
  // a comma or an article next to nothing
  /(?:^|[.!?]\s*),|,\s*,/g,
];

/** How many broken spots `s` has (joints, possessives without a noun, dangling first or last words). */
export function brokenSpots(s: string): number {
  let n = brokenJoints(s);
  for (const re of CHECKS) n += s.match(re)?.length ?? 0;
  return n;
}

/** A rewrite reads broken when it has more broken spots than the sender's own text had. */
export function readsBroken(rewrite: string, original: string): boolean {
  return brokenSpots(rewrite) > brokenSpots(original);
}
