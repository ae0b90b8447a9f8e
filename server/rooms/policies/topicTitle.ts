import { requestsIn } from '../../analysis/listening/requests.js';
import { ALL_FEELING_WORDS } from '../../analysis/listening/lexicon.js';

/**
 * A topic's title from a person's own words: the concrete thing the message is about ("the $800 chair",
 * "weekend plans with my parents", "comments about my weight at every dinner"), never the whole message
 * and never words they did not write. A small noun-phrase reader: no model, no dictionary of nouns, just
 * the function words and common verbs that end a phrase.
 */

const DETERMINERS = new Set(
  'the a an my your our his her their this that these those every each some any all both more less enough no'.split(
    ' ',
  ),
);
/** Words that join two parts of one topic: "plans with my parents", "comments about my weight". */
const LINKS = new Set(
  'of with without about for at on in into from around over between to during after before across by per'.split(' '),
);
/** What ends a phrase: pronouns, auxiliaries and common verbs, adverbs, conjunctions, politeness. */
const STOP = new Set(
  `
  i me mine you yours else he him she hers we us ours they them theirs it its itself myself yourself himself herself
  ourselves themselves yourselves someone somebody anyone anybody everyone everybody nobody one ones
  am is are was were be been being have has had having do does did doing done go goes went going gone get gets
  got getting gotten make makes made making take takes took taken taking say says said saying tell tells told
  will would could should can may might must shall cannot wont dont out up down off away back
  always never ever just really so very too also even still again anymore already only actually literally maybe
  perhaps probably basically ever now then here there today tonight yesterday tomorrow not yet once
  and or but because since when while if though although unless until than as whether nor
  what who whom whose which where why how whenever wherever however
  yes yeah ok okay please thanks thank sorry well oh hey hi hello right sure fine good bad great awful terrible
  horrible nice wrong true honestly kind sort lot lots bit
  `
    .trim()
    .split(/\s+/),
);
/** Common verbs: they end a phrase, except after a determiner, where they are things ("a say", "the help"). */
const VERBS = new Set(
  `
  telling know knows knew known think thinks thought feel feels felt feeling want wants wanted need needs needed
  like likes liked love loved keep keeps kept keeping come comes came coming give gives gave given giving see sees
  saw seen let lets seem seems seemed try tries tried trying ask asks asked asking help helps helped buy buys bought
  spend spends spent pay pays paid put puts leave leaves left call calls called stop stops stopped start starts
  started talk talks talked listen listens listened hear hears heard wait waits waited use uses used find found
  happen happens happened miss misses missed forget forgets forgot forgotten agree agrees agreed mean means meant
  understand understood care cares cared show shows showed shown matter matters mattered hope hoped wish wished
  change changes changed
  `
    .trim()
    .split(/\s+/),
);
const FEELINGS = new Set(ALL_FEELING_WORDS.filter((w) => !w.includes(' ')));
/** Words that say too little to be a topic on their own. */
export const GENERIC = new Set(
  `thing things stuff way ways time times point part fact reason problem problems issue issues situation something
  anything everything nothing day days moment moments week weeks year years together this that other others`
    .trim()
    .split(/\s+/),
);
/** After these, what follows is what the person is talking about. */
const CUES = new Set('about over regarding with need want like stop about around'.split(' '));
/** Pronouns that may end a phrase after a link: "plans for both of us". */
const OBJECTS = new Set('me you us him her them'.split(' '));
/** -ing and -ed words that are things, not doings. */
const NOUN_LIKE = new Set(
  'evening evenings morning mornings wedding weddings meeting meetings ceiling building thing things shed'.split(' '),
);

const MAX_WORDS = 8;
/** Words a shortened title must not end on: they open a clause or need a word after them. */
const DANGLING = new RegExp(
  String.raw`^(?:when|if|because|while|before|after|so|and|or|but|the|a|an|to|of|for|with|my|your|our|that|` +
    String.raw`she|he|they|we|it|is|are)$`,
  'i',
);
const MAX_LINKS = 2;

type Kind = 'det' | 'num' | 'link' | 'stop' | 'word' | 'break';
interface Token {
  text: string;
  kind: Kind;
  /** First word of a sentence (its capital letter may be only that). */
  initial: boolean;
}

const TOKEN_RE = /[$£€]?\d[\d,]*(?:\.\d+)?%?|[\p{L}][\p{L}'’-]*|[.,;:!?()"“”—–]/gu;

function lower(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

function kindOf(word: string): Kind {
  if (/^[.,;:!?()"“”—–]$/.test(word)) return 'break';
  if (/^[$£€]?\d/.test(word)) return 'num';
  const w = lower(word);
  if (DETERMINERS.has(w)) return 'det';
  if (LINKS.has(w)) return 'link';
  // Contractions (I'm, don't, it's) and their parts end a phrase; a name's possessive (Maya's) does not.
  if (/n't$|'(m|re|ve|ll|d)$/.test(w) || /^(it|that|he|she|there|what|who|let|here|where|else)'s$/.test(w))
    return 'stop';
  if (STOP.has(w) || VERBS.has(w) || FEELINGS.has(w)) return 'stop';
  if (w.length > 4 && w.endsWith('ly') && !/(family|supply|reply|belly|bully|ally|daily|holly)$/.test(w)) return 'stop';
  return 'word';
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let initial = true;
  for (const m of text.matchAll(TOKEN_RE)) {
    const kind = kindOf(m[0]);
    out.push({ text: m[0], kind, initial });
    initial = kind === 'break' && /[.!?:;]/.test(m[0]);
  }
  return out;
}

/** -ing / -ed words read as doings unless a determiner or number comes before them ("the cleaning"). */
function isVerbish(word: string): boolean {
  const w = lower(word);
  return !NOUN_LIKE.has(w) && w.length > 4 && (w.endsWith('ing') || w.endsWith('ed'));
}

interface Phrase {
  tokens: Token[];
  /** The token before the phrase, for cues ("about ..."). */
  before: Token | undefined;
}

/** Candidate phrases: runs of determiners, numbers and words, joined by at most MAX_LINKS links. */
function phrases(tokens: Token[]): Phrase[] {
  const out: Phrase[] = [];
  let cur: Token[] = [];
  let start = 0;
  let links = 0;
  const flush = (i: number) => {
    if (cur.length > 0) out.push({ tokens: cur, before: tokens[start - 1] });
    cur = [];
    links = 0;
    start = i;
  };
  tokens.forEach((t, i) => {
    const last = cur[cur.length - 1];
    const afterDetOrNum = last !== undefined && (last.kind === 'det' || last.kind === 'num');
    if (t.kind === 'break') return flush(i + 1);
    if (t.kind === 'stop' && afterDetOrNum && VERBS.has(lower(t.text))) {
      cur.push({ ...t, kind: 'word' });
      return;
    }
    if (t.kind === 'stop') {
      // "plans for both of us": an object pronoun after a link ends the phrase inside it.
      if (last?.kind === 'link' || (last?.kind === 'det' && cur[cur.length - 2]?.kind === 'link')) {
        if (OBJECTS.has(lower(t.text))) {
          cur.push(t);
          return flush(i + 1);
        }
      }
      return flush(i + 1);
    }
    if (t.kind === 'link') {
      if (cur.some((c) => c.kind === 'word' || c.kind === 'num') && links < MAX_LINKS && last?.kind !== 'link') {
        cur.push(t);
        links++;
        return;
      }
      return flush(i + 1);
    }
    if (t.kind === 'det') {
      // A determiner starts a phrase, or follows a link or a gerund ("cleaning the kitchen").
      const continues = last === undefined || last.kind === 'link' || (last.kind === 'word' && /ing$/i.test(last.text));
      if (!continues) flush(i);
      cur.push(t);
      return;
    }
    if (t.kind === 'word' && isVerbish(t.text) && !afterDetOrNum) {
      // A gerund after a cue or a link starts a phrase ("stop making plans"); elsewhere it is a doing.
      const prev = tokens[i - 1];
      const gerundObject =
        /ing$/i.test(t.text) && prev !== undefined && (CUES.has(lower(prev.text)) || prev.kind === 'link');
      if (gerundObject && last === undefined) {
        cur.push(t);
        return;
      }
      if (last?.kind === 'link' && /ing$/i.test(t.text)) {
        cur.push(t);
        return;
      }
      return flush(i + 1);
    }
    if (cur.length === 0) start = i;
    cur.push(t);
  });
  flush(tokens.length);
  return out;
}

/** Trims what cannot end or start a topic: links and determiners at the end, a link or "some of" at the start. */
function trim(tokens: Token[]): Token[] {
  let t = [...tokens];
  while (t.length > 0 && t[0].kind === 'link') t = t.slice(1);
  // "make it up to Maya for the birthday dinner": the person spoken of is not the topic
  if (t.length > 2 && t[0].kind === 'word' && !t[0].initial && /^[A-Z]/.test(t[0].text) && t[1].kind === 'link')
    t = t.slice(2);
  // "some of our weekends" -> "our weekends"
  if (t.length > 2 && t[0].kind === 'det' && lower(t[1].text) === 'of' && t[2].kind === 'det') t = t.slice(2);
  if (t.length > MAX_WORDS) t = t.slice(0, MAX_WORDS);
  while (t.length > 0 && (t[t.length - 1].kind === 'link' || t[t.length - 1].kind === 'det')) t = t.slice(0, -1);
  return t;
}

const contentOf = (tokens: Token[]) =>
  tokens.filter((t) => t.kind === 'word' && !GENERIC.has(lower(t.text)) && !OBJECTS.has(lower(t.text)));

function score(p: Phrase, tokens: Token[]): number {
  const content = contentOf(tokens).length;
  if (content === 0) return Number.NEGATIVE_INFINITY;
  let s = 0;
  if (tokens.some((t) => t.kind === 'num')) s += 3;
  if (content >= 2) s += 2;
  if (tokens[0].kind === 'det') s += 1;
  if (p.before && CUES.has(lower(p.before.text))) s += 1;
  if (content === 1 && tokens.length === 1) s -= 1;
  return s;
}

/** The title's words as written, with a capital that only starts the sentence made small. */
function words(tokens: Token[], names: readonly string[]): string {
  const keep = new Set(names.map((n) => n.toLowerCase()));
  return tokens
    .map((t, i) => {
      if (i > 0 || !t.initial || t.text === 'I' || /^[\p{Lu}\d$£€]+$/u.test(t.text)) return t.text;
      const base = lower(t.text).replace(/'s$/, '');
      if (keep.has(base)) return t.text;
      return t.text.charAt(0).toLowerCase() + t.text.slice(1);
    })
    .join(' ')
    .replace(/\s+([,.])/g, '$1');
}

export interface TitleOptions {
  /** Names of the people in the room: kept with their capital at the start of a sentence. */
  names?: readonly string[];
  /** Most characters (default 80). */
  maxChars?: number;
  /** The weakest phrase worth a title (a lone word scores -1, "the chores" 1, "the $800 chair" 4). */
  minScore?: number;
}

/**
 * The words of `text` that name what it is about, or null when it names nothing (an apology, a feeling,
 * "I hear you"). The best-scoring phrase wins: a number or sum ("the $800 chair") first, then two or more
 * content words, a determiner, words after "about" / "need"; the earliest wins a tie.
 */
export function topicTitle(text: string, options: TitleOptions = {}): string | null {
  const maxChars = options.maxChars ?? 80;
  const tokens = tokenize(text);
  let best: { tokens: Token[]; score: number } | null = null;
  for (const p of phrases(tokens)) {
    const t = trim(p.tokens);
    if (t.length === 0) continue;
    const s = score(p, t);
    if (s === Number.NEGATIVE_INFINITY) continue;
    if (!best || s > best.score) best = { tokens: t, score: s };
  }
  if (!best || best.score < (options.minScore ?? Number.NEGATIVE_INFINITY)) return null;
  let title = words(best.tokens, options.names ?? []);
  while (title.length > maxChars && title.includes(' ')) title = title.slice(0, title.lastIndexOf(' '));
  return title.length > maxChars ? title.slice(0, maxChars) : title;
}

/**
 * A title for words a person chose to bring to the room: the topic phrase when there is one, else their
 * first sentence, shortened at a word (a shared point always gets its place on the agenda).
 */
export function sharedTitle(text: string, options: TitleOptions = {}): string {
  const found = topicTitle(text, { minScore: 0, ...options });
  if (found) return found;
  const maxChars = options.maxChars ?? 80;
  // "I would like us to text each other when plans change": what they ask for names the topic
  const [ask] = requestsIn(text);
  if (ask) return (ask.split(/[,;]/)[0] ?? ask).split(/\s+/).slice(0, MAX_WORDS).join(' ').slice(0, maxChars);
  const first = (text.trim().split(/(?<=[.!?])\s/)[0] ?? '').replace(/[.!?]+$/, '').trim();
  // "I need to know Asha is safe when she is out late": the main clause, not a word of the next one
  const words = first.split(/\s+/).slice(0, MAX_WORDS);
  while (words.length > 3 && DANGLING.test(words[words.length - 1])) words.pop();
  const cut = words.join(' ');
  const short = cut.length > maxChars ? cut.slice(0, maxChars) : cut;
  return short || text.trim().slice(0, maxChars);
}

/** A crude stem, enough to match "plans" / "planning" / "planned" and "weekends" / "weekend". */
export function stem(word: string): string {
  let w = lower(word).replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (/(ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (/([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** The stems of what a text is about: its content words and numbers, without function words or feelings. */
export function contentWords(text: string): string[] {
  const out = tokenize(text)
    .filter((t) => (t.kind === 'word' && !GENERIC.has(lower(t.text))) || t.kind === 'num')
    .map((t) => (t.kind === 'num' ? t.text.replace(/[$£€,]/g, '') : stem(t.text)));
  return [...new Set(out)];
}
