/**
 * Reported speech: the parts of a message where the sender describes what someone else said or did
 * to them ("he called me stupid in front of the kids", "my wife told me I'm worthless", quoted words).
 * Those words are not an attack on the reader. The rules ignore insults inside these ranges and the
 * model sees the message with them blanked out.
 */

export interface Range {
  start: number;
  end: number;
}

// Each pattern ends where the reported words begin; the range runs from there to the end of the clause.
const NOT_I = "(?<!\\bi\\s)(?<!\\bi'd\\s)(?<!\\bi'll\\s)(?<!\\bi\\swill\\s)(?<!\\bi\\swould\\s)";
const NOT_YOU = '(?<!\\byou\\s)(?<!\\bu\\s)';
const OBJ = "(?:me|us|him|her|them|my\\s+\\w+|our\\s+\\w+|his\\s+\\w+|her\\s+\\w+|their\\s+\\w+)";
const SPEECH =
  'call|calls|called|calling|name|names|named|label(?:s|ed|led|ing)?|tell|tells|told|telling|' +
  'yell(?:s|ed|ing)?\\s+at|scream(?:s|ed|ing)?\\s+at|shout(?:s|ed|ing)?\\s+at|swear(?:s|ing)?\\s+at|swore\\s+at|' +
  'cuss(?:es|ed|ing)?\\s+at|curse(?:s|d)?\\s+at|insult(?:s|ed|ing)?|accuse(?:s|d)?|accusing|' +
  'refer(?:s|red|ring)?\\s+to|text(?:s|ed)?|wrote\\s+to|writes\\s+to';
const SAYS = 'say|says|said|saying|think|thinks|thought|believe(?:s|d)?|act(?:s|ed)?\\s+like|yell(?:s|ed)|scream(?:s|ed)|shout(?:s|ed)';
const CLAUSE = "(?:that\\s+)?(?:i|i'm|i\\s+am|i\\s+was|we|we're|my\\s+\\w+)\\b";

const PATTERNS: RegExp[] = [
  // passive: "I was called a bitch", "being called stupid", "I get told I'm useless"
  /(?<![A-Za-z'])(?:(?:i\s+(?:was|am|got|get|have\s+been|had\s+been|keep\s+getting)|being|been|got|gets|getting|was|were)\s+(?:being\s+)?(?:called|named|labell?ed|told|treated(?:\s+like)?))(?![A-Za-z])/gi,
  // speech with an object: "he called me stupid", "you called my mother a liar"
  new RegExp(`(?<![A-Za-z'])${NOT_I}(?:${SPEECH})\\s+${OBJ}(?:\\s+(?:that|like|as))?(?![A-Za-z])`, 'gi'),
  // treatment and feelings caused by someone other than the reader: "he treats me like dirt"
  new RegExp(
    `(?<![A-Za-z'])${NOT_I}${NOT_YOU}(?:treat(?:s|ed|ing)?\\s+(?:me|us)(?:\\s+like)?|mak(?:e|es|ing)\\s+(?:me|us)\\s+feel(?:\\s+like)?|made\\s+(?:me|us)\\s+feel(?:\\s+like)?)(?![A-Za-z])`,
    'gi',
  ),
  // the sender about themselves: "I feel so stupid", "I'm such an idiot" (not an attack on the reader)
  /(?<![A-Za-z'])i(?:['’]m|\s+am|\s+feel|\s+felt|\s+was|\s+look|\s+looked|\s+sound|\s+must\s+be|\s+must\s+look)\s+(?:(?:so|really|such|like|very|pretty|completely|totally|just|an?|the|most|biggest|ugly|fat)\s+)*(?=(?:stupid|dumb|idiot|idiotic|worthless|useless|pathetic|failure|ugly|fat|mess|crazy|insane|loser|awful|terrible|horrible|disgusting|fool|foolish|naive|gullible|moron|selfish|lazy|bitch|joke)\b)/gi,
  // a reported clause about the sender: "she said I'm worthless", "he thinks we are stupid"
  new RegExp(`(?<![A-Za-z'])${NOT_I}${NOT_YOU}(?:${SAYS})\\s+(?=${CLAUSE})`, 'gi'),
];

const REPORT_BEFORE_QUOTE = /(?:\w+\s+)?(?:said|says|say|yelled|yells|screamed|screams|shouted|told\s+\w+|tells\s+\w+|wrote|writes|texted|texts|called\s+\w+|calls\s+\w+|asked|asks|replied|whispered)(?:\s+to\s+\w+)?[\s,:]*$/i;
const CLAUSE_END = /[.!?;\n]|,\s+(?:and|but|so|then|which|because|when|while)\b|\s+(?:but|because|so that|even though)\s/g;
const QUOTE = /["“”«»]([^"“”«»\n]{1,300})["“”«»]|(?<![A-Za-z])'([^'\n]{3,200})'(?![A-Za-z])/g;

/** Ranges of reported speech in the original text, sorted, non-overlapping. */
export function reportedRanges(text: string): Range[] {
  const out: Range[] = [];
  let m: RegExpExecArray | null;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    while ((m = re.exec(text))) {
      // the range covers the reporting words too: "called me" says nothing hostile on its own
      const start = m.index;
      CLAUSE_END.lastIndex = m.index + m[0].length;
      const e = CLAUSE_END.exec(text);
      let end = e ? e.index : text.length;
      if (end - start > 120) end = start + 120;
      if (end > start) out.push({ start, end });
    }
  }
  QUOTE.lastIndex = 0;
  while ((m = QUOTE.exec(text))) {
    const inner = m[1] ?? m[2] ?? '';
    const s = m.index + 1;
    // "she said", "he texted me:" before the quote belong to the report
    const before = REPORT_BEFORE_QUOTE.exec(text.slice(Math.max(0, m.index - 40), m.index));
    out.push({ start: before ? m.index - before[0].length : s, end: s + inner.length });
  }
  if (out.length < 2) return out;
  out.sort((a, b) => a.start - b.start);
  const merged: Range[] = [out[0]];
  for (let i = 1; i < out.length; i++) {
    const last = merged[merged.length - 1];
    if (out[i].start <= last.end) last.end = Math.max(last.end, out[i].end);
    else merged.push({ ...out[i] });
  }
  return merged;
}

export function inRanges(ranges: Range[], start: number, end: number): boolean {
  for (const r of ranges) if (start >= r.start && end <= r.end) return true;
  return false;
}

/** The text the model scores: reported speech blanked out. */
export function modelView(text: string, ranges: Range[] = reportedRanges(text)): string {
  if (ranges.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const r of ranges) {
    out += text.slice(pos, r.start) + ' ';
    pos = r.end;
  }
  return out + text.slice(pos);
}
