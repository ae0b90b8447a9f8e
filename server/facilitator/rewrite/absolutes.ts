/**
 * Absolutes about the reader ("you never", "you always", "every single time") lose their absolute
 * framing, never their object: "you never help with the dishes" -> "I need you to help with the
 * dishes", "you always take his side" -> "you take his side". Softening into "rarely"/"often" would
 * change what the sender claims, so it is not done.
 */

const IRREGULAR_PAST: Record<string, string> = {
  said: 'say',
  did: 'do',
  came: 'come',
  gave: 'give',
  took: 'take',
  made: 'make',
  went: 'go',
  got: 'get',
  paid: 'pay',
  told: 'tell',
  thought: 'think',
  bought: 'buy',
  brought: 'bring',
  kept: 'keep',
  left: 'leave',
  met: 'meet',
  sent: 'send',
  spent: 'spend',
  saw: 'see',
  knew: 'know',
  heard: 'hear',
  felt: 'feel',
  found: 'find',
  stood: 'stand',
  understood: 'understand',
  wrote: 'write',
  drove: 'drive',
  ate: 'eat',
  forgot: 'forget',
  rang: 'ring',
  lent: 'lend',
  sat: 'sit',
  spoke: 'speak',
  taught: 'teach',
  had: 'have',
  showed: 'show',
  picked: 'pick',
  began: 'begin',
  lost: 'lose',
  held: 'hold',
  meant: 'mean',
  stuck: 'stick',
  fed: 'feed',
  put: 'put',
  let: 'let',
  cut: 'cut',
  read: 'read',
  agreed: 'agree',
  invited: 'invite',
  decided: 'decide',
  promised: 'promise',
  refused: 'refuse',
  excused: 'excuse',
  noted: 'note',
  hoped: 'hope',
  closed: 'close',
  included: 'include',
  replied: 'reply',
  texted: 'text',
};

/** Words that are not verbs after "you never": the pattern is left alone before them. */
const NOT_A_VERB = new Set(
  'a an the and or but to of in on at for with from by me you him her us them it this that ever even once again'.split(
    ' ',
  ),
);

/** The base form of a past-tense verb ("asked" -> "ask", "cared" -> "care", "stopped" -> "stop"). */
export function baseForm(verb: string): string {
  const v = verb.toLowerCase();
  if (IRREGULAR_PAST[v]) return IRREGULAR_PAST[v];
  if (!/ed$/.test(v) || v.length < 4) return v;
  if (/ied$/.test(v)) return `${v.slice(0, -3)}y`;
  const stem = v.slice(0, -2);
  // "stopped" -> "stop", but "called" keeps its "ll", "missed" its "ss"
  if (/([bdgmnprt])\1$/.test(stem)) return stem.slice(0, -1);
  // "loved", "noticed": a stem in v, c or z takes back its "e"; so does a one-vowel stem ("cared", "liked")
  if (/[vcz]$/.test(stem) || /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(stem)) return `${stem}e`;
  return stem;
}

/** A verb that reads as past tense ("asked", "said"), not the base form. */
export function isPast(verb: string): boolean {
  const v = verb.toLowerCase();
  return (v in IRREGULAR_PAST && IRREGULAR_PAST[v] !== v) || (/ed$/.test(v) && v.length > 3 && v !== 'need');
}

/** "any", "anything", "ever", "at all": after them "I need you to ..." does not read. */
const POLARITY = /\b(?:any|anything|anyone|anybody|anywhere|ever|at\s+all|yet)\b/i;

/** A clause begins here: "I need you to" may replace "you never". */
const CLAUSE_START = /(?:^|[.!?;:,]\s*|\b(?:and|but|so|because|plus)\s+)$/i;

function capitalLike(model: string, s: string): string {
  return /^[A-Z]/.test(model) ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Past participles that differ from the past tense ("took" -> "taken"). */
const PARTICIPLE: Record<string, string> = {
  took: 'taken',
  gave: 'given',
  ate: 'eaten',
  went: 'gone',
  forgot: 'forgotten',
  saw: 'seen',
  knew: 'known',
  wrote: 'written',
  drove: 'driven',
  spoke: 'spoken',
  came: 'come',
  began: 'begun',
  rang: 'rung',
};

/**
 * "you never X" at a clause's start -> "I need you to X"; in the past -> "you haven't asked" (the sender's
 * own verb kept); elsewhere -> "you don't X".
 */
function neverToNeed(s: string): string {
  return s.replace(
    /\b(you|u)\s+never(?:\s+(?:ever|once|even))*\s+([A-Za-z]+)([^.!?;]*)/gi,
    (m, you: string, verb: string, rest: string, offset: number, whole: string) => {
      if (NOT_A_VERB.has(verb.toLowerCase()) || /ing$/i.test(verb) || /^(?:been|was|were|are|is)$/i.test(verb))
        return m;
      // "listen to anything I say" -> "listen to what I say"
      rest = rest.replace(/\banything(?=\s+(?:i|we|he|she|they)\b)/gi, 'what');
      const base = baseForm(verb);
      const before = whole.slice(0, offset);
      if (isPast(verb)) return `${you} haven't ${PARTICIPLE[verb.toLowerCase()] ?? verb}${rest}`;
      if (CLAUSE_START.test(before) && !POLARITY.test(rest)) return capitalLike(you, `I need you to ${base}${rest}`);
      return `${you} don't ${base}${rest}`;
    },
  );
}

/** "you're never on time" -> "I need you to be on time" (at a clause's start). */
function neverBeToNeed(s: string): string {
  return s.replace(
    /\b(you)(?:\s*['’]\s*re|\s+are)\s+never\s+([^.!?;,]+)/gi,
    (m, you: string, rest: string, offset: number, whole: string) =>
      CLAUSE_START.test(whole.slice(0, offset)) && !POLARITY.test(rest)
        ? capitalLike(you, `I need you to be ${rest}`)
        : `${you} are not ${rest}`,
  );
}

/** Sarcasm said sincerely: "like you ever cared about my feelings" -> "I need you to care about my feelings". */
function sincere(s: string): string {
  return s.replace(
    /\b(?:yeah\s+right,?\s+|oh\s+sure,?\s+)?like\s+(?:you|u)\s+(?:ever|even|actually)\s+([A-Za-z]+)([^.!?]*)/gi,
    (m, verb: string, rest: string) =>
      NOT_A_VERB.has(verb.toLowerCase()) ? m : `I need you to ${baseForm(verb)}${rest}`,
  );
}

/** The message with its absolutes about the reader taken out, its objects kept. */
export function dropAbsolutes(s: string): string {
  s = sincere(s);
  if (!/\b(?:never|always|constantly|continually|forever|every\s+(?:single\s+)?time|ever)\b/i.test(s)) return s;
  // "never lift a finger": the idiom says "help"
  s = s.replace(/\b(?:ever\s+)?lift(?:s|ed)?\s+a\s+finger\b/gi, 'help');
  s = neverBeToNeed(neverToNeed(s));
  return (
    s
      .replace(/\b(you)(\s*['’]\s*re|\s+are)\s+(?:always|constantly|forever|continually)\s+/gi, '$1$2 ')
      .replace(/\b(you|u)\s+(?:always|constantly|continually|forever)\s+/gi, '$1 ')
      .replace(/\b(do|did|does)\s+(you|u)\s+(?:always|never)\s+/gi, '$1 $2 ')
      // ", every single time," and "every single time you ..." carry only the absolute
      .replace(/,?\s*\bevery\s+single\s+time\b\s*,?/gi, (m) => (/,\s*$/.test(m) && /^,/.test(m) ? ',' : ' '))
      .replace(
        /\bevery\s+time\s+(you|u|i|we|he|she|they)\b/gi,
        (m, who: string) => `${/^E/.test(m) ? 'When' : 'when'} ${who}`,
      )
      // "nobody in this family ever asks" -> "nobody in this family asks"
      .replace(/\b(nobody|no\s+one|no-one)\b([^.!?,;]*?)\s+ever\b/gi, '$1$2')
      .replace(/\s{2,}/g, ' ')
  );
}
