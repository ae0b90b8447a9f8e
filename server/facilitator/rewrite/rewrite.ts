/**
 * The rewriter: calmer versions of a held message that keep the sender's meaning and need.
 * Two shapes: a minimal edit (insults, profanity, contempt and absolutes taken out or softened, the rest
 * of the sender's words kept) and a nonviolent-communication form ("When ..., I feel ..., because I
 * need .... Would you be willing to ...?"). No facts are added and nothing apologises on the sender's
 * behalf. A minimal edit that the analyzer would still hold loses, one at a time, the words the
 * analyzer points at, until it is not held; the caller scores every candidate again and keeps only
 * those below the hold threshold.
 */
import { SAFETY_LABELS, type Analysis, type HeatLabel } from '../../../shared/analysis.js';
import {
  INSULT_NOUNS,
  INTENSIFIERS,
  MILD_ADJ,
  SLURS,
  SOFT,
  STOPWORDS,
  STRONG_ADJ,
  TEXTING,
  YOU_NOUNS,
} from './rewriteLexicon.js';

/** [pattern, replacement, optional cheap test: the pattern is only tried when the text passes it] */
type Sub = [RegExp, string | ((m: string, ...g: string[]) => string), RegExp?];
// word edges as in rules.ts: a quote mark next to a word does not hide it, and goes with it ("muh 'fucking room")
const QUOTE_BEFORE = "(?:(?<![\\w'’])['‘’](?=\\w))?";
const w = (body: string, flags = 'gi') =>
  new RegExp(`${QUOTE_BEFORE}(?<!\\w['’]?)(?:${body})(?!['’]?\\w)(?:['’](?!\\w))?`, flags);
/** The same pattern without the leading quote mark: matches wherever it does, and scans much faster (group tests). */
const lite = (re: RegExp) => re.source.replace(QUOTE_BEFORE, '');
const alt = (list: string[]) => list.join('|');

/** Nothing more in the clause after a match: "nobody gives a damn." -> "nobody is interested." (no "in") */
const CLAUSE_ENDS = /^\s*(?:[.!?,;]|$)/;
/** The text after a replace() match, from its last two arguments (offset, whole string). */
function restAfter(m: string, g: unknown[]): string {
  return String(g[g.length - 1]).slice(Number(g[g.length - 2]) + m.length);
}
const MESS: Record<string, string> = { ed: 'messed', ing: 'messing', s: 'messes' };
/** "fucked" -> "messed", "fuckin'" -> "messing", "fucks" -> "messes", "fuck" -> "mess" (from the ending) */
function messForm(ending: string | undefined): string {
  return MESS[(ending ?? '').toLowerCase().replace(/in['’]?$/, 'ing')] ?? 'mess';
}
/** "kiss his ass" -> "flatter him" */
const OBJECT_OF: Record<string, string> = {
  his: 'him ',
  her: 'her ',
  their: 'them ',
  your: 'you ',
  my: 'me ',
  our: 'us ',
};
/** a tag question left alone ("You know that?") */
const LONE_TAG = new RegExp(
  [
    '^(?:(?:you|u)\\s+(?:know|hear|see|get|understand)(?:\\s+(?:that|me|it|this))?|right|huh|ok(?:ay)?|',
    'got\\s+it)\\s*[?.!]*$',
  ].join(''),
  'i',
);

const F = '(?:f+u+c+k+|fck|fuk|f\\*+c?k)';
const NOUN_S = alt(INSULT_NOUNS.map((n) => `${n}(?:s|es)?`));
const ADJ = alt(STRONG_ADJ);
const ANY_ADJ = alt([...STRONG_ADJ, ...MILD_ADJ]);
/** "people who criticize you are ...": here "you" is an object, not the one being called names */
const NOT_OBJECT =
  '(?<!\\b(?:criticize|criticise|tell|told|call|called|make|made|let|see|saw|help|love|hate|thank|ask|asked|want|' +
  'need|give|gave|show|showed|pay|paid|meet|met|hurt|hit|treat|treated|like|for|to|with|at|about|of|than|from|by|' +
  'against)\\s+(?:you|u|ya))';
const YOU_HINT = /(?<![\w'’])(?:you|u|ya)/i;
const NOUN_HINT = new RegExp(`${NOUN_S}|${SLURS.join('|')}`, 'i');
/** "not stupid", "isn't dumb": a denial, left alone */
const NOT_BEFORE = "(?<!\\bnot\\s+)(?<!n['’]?t\\s+)(?<!\\bnot\\s+(?:so|that|too|very)\\s+)(?<!\\bas\\s+)";
/** determiners after which an insulting noun is replaced rather than dropped */
const DET =
  'a|an|the|this|that|these|those|some|such\\s+an?|one|another|other|any|every|no|bunch\\s+of|lot\\s+of|of|my|his|' +
  'her|their|our|ur';
const PLURAL_NOUN = new RegExp(`^(?:${alt(INSULT_NOUNS.map((n) => `${n}(?:s|es)`))})$`, 'i');

/** Ordered substitutions: whole attacks first, then phrases, then words. */
const SUBS: Sub[] = [
  // "get the fuck out" -> "get out", "what the hell" -> "what"
  [w(`the\\s+(?:(?:living|flying|holy|actual|bloody)\\s+)?(?:f+u+c+k+|fck|fuk|hell|heck)`), ''],
  // directed profanity and dismissals: drop them
  [
    w(`(go(?:es|ing)?|went)\\s+to\\s+hell(?=\\s+(?:from|with|because|since|after|in|on|for|and)\\b)`),
    (_m, g: string) => `${g} bad`,
  ],
  [
    w(
      `(?:go\\s+)?(?:${F}|screw)\\s+(?:you|u|ya|yourself|urself)(?:\\s+(?:all|guys|too|both))?|damn\\s+(?:you|u|` +
        `ya)(?=\\s*(?:[.!?,;]|$|all\\b|to\\s+hell))|piss\\s+off|go\\s+to\\s+hell|bite\\s+me|kiss\\s+my\\s+(?:ass|` +
        `arse)|` +
        `up\\s+yours|drop\\s+dead|get\\s+lost|stfu|gtfo|shut\\s+(?:the\\s+(?:${F}\\w*|hell|heck)\\s+)?up|` +
        `shut\\s+your\\s+(?:\\w+\\s+)?(?:mouth|face|trap|pie\\s*hole)`,
    ),
    '',
  ],
  [w(`(?:${F})\\s+off`), ''],
  [
    w(
      `(?<=^\\W*|[,.!?;:]\\s*|\\band\\s+)(?:${F})(?=\\s+(?!(?:you|u|ya|off|it|up|with|around|yourself|me|him|her|` +
        `them|` +
        `us|this|that|yes|no|yeah|yea|outta|out|me)\\b)[a-z])`,
    ),
    'forget',
  ],
  [
    w(`(?:what|who|where|why|how|wherever|whatever|whoever)\\s+the\\s+(?:${F}|hell|heck|shit|crap|devil)\\w*`),
    (m) => m.split(/\s+/)[0],
  ],
  [w('wtf'), 'what'],
  [w(`(oh|aw|ah)\\s+(?:shit|crap|${F}|hell)\\w*`), '$1'],
  [
    w(`holy\\s+(?:shit|crap|${F}|hell|cow)\\w*|(?<=^\\W*|[,.!?;:]\\s*)(?:${F}|shit|damn|dammit|crap)\\s*(?=[,!.]+\\s)`),
    '',
  ],
  [w(`(?:${F}|screw|damn|shit)\\s+(?:it|this|that)(?=\\s*(?:[,.!?;]|$|i\\b|im\\b|i['’]m\\b))`), ''],
  [
    w(
      `(?:no\\s*one|nobody)\\s+(?:gives|gave)\\s+(?:a|one|two)\\s+(?:${F}|shit|damn|crap|` +
        `rat['’]?s\\s+ass)\\w*(\\s+(?:about|for))?`,
    ),
    (m: string, ...g: string[]) =>
      `${m.split(/\s+/)[0].toLowerCase() === 'no' ? 'no one' : 'nobody'} is ` +
      `interested${g[0] && !CLAUSE_ENDS.test(restAfter(m, g)) ? ' in' : ''}`,
  ],
  [
    w(`(gives?|gave)\\s+not\\s+(?:a|one)\\s+(?:${F}|shit|damn|crap)\\w*`),
    (m) => (/gave/i.test(m) ? 'did not care' : /gives/i.test(m) ? 'does not care' : 'do not care'),
  ],
  [w("life\\s*(?:['’]\\s*s|is)\\s+a\\s+bitch"), 'life is hard'],
  [
    w(`(give|gives|gave|giving)\\s+(?:a|one|two)\\s+(?:${F}|shit|damn|crap|rat['’]?s\\s+ass)\\w*`),
    (_m, g: string) => ({ give: 'care', gives: 'cares', gave: 'cared', giving: 'caring' })[g.toLowerCase()] ?? 'care',
  ],
  [w(`as\\s+(?:${F}|hell|shit|crap)\\w*`), ''],
  [w(`a\\s+(?:${F}|shit)\\w*\\s*(?:ton|load|lot)s?\\s+of`), 'a lot of'],
  [w(`the\\s+(?:shit|crap)\\s+out\\s+of`), ''],
  [
    w(`(?:${F})(ed|in['’]?|ing|s)?\\s+(it|that|this|things|everything|him|her|them|me|us|you|stuff)\\s+up`),
    (_m, f: string | undefined, obj: string) => `${messForm(f)} ${obj} up`,
  ],
  [
    w(`(?:${F})(?:ed|in['’]?|ing)?\\s+up`),
    (m) => (/ed\s/i.test(m) ? 'messed up' : /in['’]?\s|ing\s/i.test(m) ? 'messing up' : 'mess up'),
  ],
  [w(`(?:${F})(ing|in['’]?|s|ed)?\\s+(?:with|around)`), (m, f?: string) => `${messForm(f)} ${m.split(/\s+/).pop()}`],
  [w(`(?:${F})ed`), 'messed up'],
  // "ass" as a body: "get your ass over here" -> "get you over here", "your ass tattoo" -> "your tattoo"
  [w('(?:of|out\\s+of|out|in|on|up|from|off)\\s+(?:my|your|his|her|their|our|ur|yo)\\s+(?:ass|arse|asses|butt)'), ''],
  [
    w(
      '(my|your|his|her|their|our|ur|yo)\\s+(?:ass|arse)(?=\\s+(?!(?:down|up|over|out|back|home|to|in|on|off|away|' +
        'outta|here|there|and|or|but|is|was|lol|haha|a|the|some|with|for|at|now|right|already|i|you|he|she|we|' +
        'they)\\b)(?![a-z]+ed\\b)[a-z])',
    ),
    '$1',
  ],
  [
    w(
      '(?:my|your|his|her|their|our|ur|yo)\\s+(?:(?:fat|lazy|sorry|stupid|dumb|sexy|white|black|old|skinny|broke|' +
        'drunk)\\s+)?(?:ass|arse|asses|butt)',
    ),
    (m) =>
      ({ my: 'me', your: 'you', ur: 'you', yo: 'you', his: 'him', her: 'her', their: 'them', our: 'us' })[
        m.split(/\s+/)[0].toLowerCase()
      ] ?? '',
  ],
  // contempt and dismissals without swearing; a real question inside one is kept, asked plainly
  [
    w(
      `are\\s+(?:you|u)\\s+(?:(?:${F}\\w*|freaking|effing|bloody|really|seriously)\\s+)?(?:kidding|joking|` +
        `serious)(?:\\s+me)?`,
    ),
    (m) => `${m.split(/\s+/)[0]} you serious`,
  ],
  [
    w("(?:what['’]?s|what\\s+is|whats)\\s+(?:wrong\\s+with\\s+(?:you|u)|(?:your|ur)\\s+problem)"),
    (m) =>
      /wrong/i.test(m)
        ? `${m.split(/\s+/)[0].replace(/['’]?s$/i, '')} is going on with you`
        : `${m.split(/\s+/)[0].replace(/['’]?s$/i, '')} is the problem`,
  ],
  [
    w(
      'who\\s+do\\s+you\\s+think\\s+you\\s+are|get\\s+a\\s+life|grow\\s+up|give\\s+me\\s+a\\s+break|oh\\s+please|' +
        'yeah\\s+right|nice\\s+try|big\\s+surprise|what\\s+a\\s+surprise|how\\s+convenient|' +
        'good\\s+luck\\s+with\\s+that|' +
        'spare\\s+me|get\\s+over\\s+yourself|cry\\s+me\\s+a\\s+river|boo\\s+hoo|wow,?\\s+just\\s+wow|real\\s+mature|' +
        'very\\s+mature|how\\s+mature|pfft+|duh|classic\\s+you|what\\s+a\\s+joke|whatever\\s+you\\s+say|' +
        "are\\s+you\\s+kidding\\s+me|(?:what['’]?s|what\\s+is)\\s+(?:wrong\\s+with\\s+you|your\\s+problem)",
    ),
    '',
  ],
  // "you're a liar" is a "you" attack with a need behind it: said as what the sender thinks
  [
    w(
      "(?:you|u)(?:\\s*['’]\\s*re|re|\\s+are|\\s+r)\\s+(?:such\\s+)?(?:an?\\s+)?(?:(?:fucking|fuckin|damn|big|total|" +
        'complete|lying|pathological|compulsive|little|filthy|dirty)\\s+)*liar',
    ),
    "I don't think you're being truthful",
  ],
  // "you are an idiot", "you stupid cow", "you're pathetic": the attack carries no content, drop it
  [
    w(
      `(?:(?:are|were|r)\\s+)?(?:you|u|ya)${NOT_OBJECT}(?:['’]?re|\\s+are|\\s+r|\\s+were|\\s+sound\\s+like|` +
        `\\s+act\\s+like|\\s+look\\s+like)?\\s+(?:(?:such|so|a|an|the|total|complete|absolute|utter|fucking|freaking|` +
        `damn|little|big|real|just|really|nothing\\s+but)\\s+)*(?:(?:${ANY_ADJ}|old)\\s+)*(?:${NOUN_S}|` +
        `${alt(YOU_NOUNS.map((n) => `${n}s?`))}|piece\\s+of\\s+\\w+|waste\\s+of\\s+\\w+|${ANY_ADJ}|hopeless|` +
        `impossible|` +
        `nothing)`,
    ),
    '',
    YOU_HINT,
  ],
  // "you idiots" goes, but "with you idiots" keeps its "you"
  [
    w(`(?:you|u|ya)\\s+(?:[a-z]+\\s+)?(?:${NOUN_S}|son\\s+of\\s+a\\s+bitch)`),
    (m: string, ...rest: unknown[]) =>
      /\b(?:with|to|for|at|about|of|from|by|than|like|thank|tell|told|love|hate|see|saw|miss|need|want)\s+$/i.test(
        String(rest[rest.length - 1]).slice(0, rest[rest.length - 2] as number),
      )
        ? m.split(/\s+/)[0]
        : '',
    NOUN_HINT,
  ],
  [w('son\\s+of\\s+a\\s+(?:bitch|whore)'), 'person'],
  // absolutes become "often" / "rarely"
  [w('you\\s+always'), 'you often'],
  [w('you\\s+never(?:\\s+(?:once|ever))?'), 'you rarely'],
  [w("you['’]?re\\s+always|you\\s+are\\s+always"), "you're often"],
  [w("you['’]?re\\s+never|you\\s+are\\s+never"), 'you are rarely'],
  [w('you\\s+constantly'), 'you often'],
  [w('every\\s+single\\s+time'), 'often'],
  [w('every\\s+time\\s+you'), 'when you'],
  // criticism of character into what the sender feels
  [
    w(
      "you\\s+(?:only|just)\\s+(?:ever\\s+)?(?:care|think)\\s+(?:about|of)\\s+yourself|you['’]?re\\s+(?:so\\s+|" +
        'being\\s+|really\\s+)?selfish|you\\s+are\\s+(?:so\\s+|being\\s+|really\\s+)?selfish',
    ),
    "I feel my needs aren't being considered",
  ],
  [w("you\\s+don['’]?t\\s+(?:even\\s+)?care(?:\\s+about\\s+(?:me|us))?"), "I don't feel cared about"],
  [
    w("you['’]?re\\s+(?:so\\s+|being\\s+|really\\s+)?lazy|you\\s+are\\s+(?:so\\s+|being\\s+|really\\s+)?lazy"),
    "I'd like more help",
  ],
  [
    w(
      "you['’]?re\\s+(?:so\\s+|being\\s+|really\\s+)?(?:inconsiderate|careless|irresponsible)|" +
        'you\\s+are\\s+(?:so\\s+|' +
        'being\\s+|really\\s+)?(?:inconsiderate|careless|irresponsible)',
    ),
    "I'd like more care in this",
  ],
  [w('you\\s+(?:ruin|ruined|wreck|wrecked|destroy|destroyed)\\s+everything'), "I'm upset about how things went"],
  // blame and defensiveness into plain statements
  [w("(?:it['’]?s|it\\s+is|this\\s+is|that['’]?s|that\\s+is)\\s+(?:all\\s+)?your\\s+fault\\s+that"), "I'm upset that"],
  [
    w(
      "(?:it\\s+is|that['’]?s|that\\s+is)\\s+(?:all\\s+)?your\\s+fault|it['’]?s\\s+(?:all\\s+)?your\\s+fault|" +
        "this\\s+is\\s+(?:all\\s+)?your\\s+fault|(?:it['’]?s\\s+)?all\\s+your\\s+fault",
    ),
    'I am upset about how this went',
  ],
  [w('you\\s+made\\s+me\\s+(?=\\w)'), 'I felt '],
  [
    w("you['’]?re\\s+overreacting|you['’]?re\\s+too\\s+sensitive|you['’]?re\\s+being\\s+dramatic"),
    'I see it differently',
  ],
  // "shit" as things
  [
    w('(?:a\\s+)?(?:(?:swift|good|hard|quick)\\s+)?kick\\s+(?:up|in)\\s+the\\s+(?:ass|arse|butt|pants)'),
    (m) => (/^a\s/i.test(m) ? 'a push' : 'push'),
  ],
  [w('shut\\s+(you|him|her|them|me|us|u)\\s+up'), (_m, who: string) => `keep ${who} quiet`],
  [
    w(
      '(look|looks|looked|looking)\\s+(?:like\\s+)?(?:a|the)\\s+(?:complete\\s+|total\\s+|right\\s+)?(?:fool|idiot|' +
        'moron|clown)',
    ),
    '$1 foolish',
  ],
  [
    w('(?:in|up)\\s+the\\s+(?:ass|arse|butt)|(?:kick|kicks|kicking|kicked)\\s+(?:ass|butt)'),
    (m) => (/kick/i.test(m) ? m.replace(/\s+\w+$/, '') : ''),
  ],
  [
    w('(?:big|bad|fat|lazy|dumb|smart|crazy|sorry|broke|stupid)\\s*-?\\s*ass(?=\\s+[a-z])'),
    (m) => m.replace(/\s*-?\s*ass$/i, ''),
  ],
  [
    w(
      "((?:is|was|that['’]?s|thats|it['’]?s|its|all|just|pure|total|complete)\\s+)(?:(?:total|complete|pure|utter|" +
        'absolute)\\s+)?(?:bull\\s*shit|bs|horse\\s*shit)(?=\\s*(?:[.!?,;]|$|and\\b|but\\b))',
    ),
    (_m, pre: string) => `${/^(?:all|just|pure|total|complete)\s/i.test(pre) ? '' : pre}not true`,
  ],
  [w('(?:bull\\s*shit|bs|horse\\s*shit)'), ''],
  [w('(no|the|some|any|big|steel|brass|enough)\\s+balls'), '$1 courage'],
  [w('balls'), ''],
  [w('suck\\s+it\\s+up'), 'deal with it'],
  [w('(sucks?)\\s+at'), (m) => (/sucks/i.test(m) ? 'is bad at' : 'are bad at')],
  [
    w('(screw(?:ed|ing|s)?)\\s+up'),
    (_m, v: string) => `${/ed$/i.test(v) ? 'messed' : /ing$/i.test(v) ? 'messing' : 'mess'} up`,
  ],
  [
    w('got\\s+screwed|get\\s+screwed|gets\\s+screwed|was\\s+screwed|were\\s+screwed|is\\s+screwed|are\\s+screwed'),
    (m) => `${m.split(/\s+/)[0]} treated badly`,
  ],
  [w('you\\s+people'), 'you all'],
  [
    w(
      '(?<=^\\W*|[,.!?;:]\\s*|\\b(?:and|but|so|then|when|because|cause|cuz|if|now|til|until|before|' +
        "after)\\s+)shit(?=\\s*['’]\\s*s\\b|\\s+(?:is|was|got|gets|just|has|had|happens|happened)\\b)",
    ),
    'it',
  ],
  [w('(the)\\s+(?:shit|crap)(?=\\s+(?:that|which|you|u|ya|they|he|she|we|i|about)\\b)'), '$1 things'],
  [w("(that|this)\\s+shit\\s*['’]?\\s*s\\b"), "$1's"],
  [w('(care|rid)\\s+of\\s+(?:shit|crap)'), '$1 of things'],
  [w('(sick|tired)\\s+of\\s+(?:shit|crap)'), '$1 of it'],
  [
    w('(kind|sort|type|lot|lots|bunch|load|loads|full)\\s+of\\s+((?:[a-z]+\\s+)?)(?:shit|crap)'),
    (m, k: string, adj: string) =>
      `${k} of ${STOPWORDS.has(adj.trim().toLowerCase()) ? '' : adj}${/kind|sort|type/i.test(k) ? 'thing' : 'things'}`,
  ],
  [
    w(
      '(looks?|looked|is|was|are|were|sounds?|sounded|tastes?|smells?|feels?|felt)\\s+(?:like\\s+)?(?:shit|crap|ass|' +
        'arse)(?=\\s*(?:[.!?,;]|$|and\\b|but\\b|to\\b|this\\b|today\\b|now\\b))',
    ),
    '$1 bad',
  ],
  [w('ass\\s*-?\\s*hole(s?)'), 'asshole$1'],
  [w(`in\\s+the\\s+(?:flying\\s+)?(?:${F})`), 'on earth'],
  [w('pain\\s+in\\s+the\\s+(?:ass|arse|butt|neck)'), 'pain'],
  [w('(?:pissed|pissy)(?:\\s+off)?'), 'annoyed'],
  [
    w('(piss(?:es|ing)?)\\s+(me|us|him|her|them|you|people|everyone)\\s+off'),
    (_m, v: string, who: string) => `${/ing$/i.test(v) ? 'annoying' : /es$/i.test(v) ? 'annoys' : 'annoy'} ${who}`,
  ],
  // "nobody cares what you think" is contempt and goes; "nobody cares about football" is kept, plainly
  [
    w(
      '(?:no\\s*one|nobody)\\s+(?:really\\s+|even\\s+)?(?:cares|is\\s+interested(?:\\s+in)?)\\s+(?:about\\s+|' +
        'what\\s+|' +
        'how\\s+|if\\s+)?(?:you|your|u|ur|yours)\\b(?:\\s+(?:think|say|said|want|feel|do|opinions?|problems?|' +
        'feelings?|' +
        'story|life))?',
    ),
    '',
  ],
  [
    w('((?:no\\s*one|nobody)\\s+)(?:really\\s+|even\\s+)?cares(?:\\s+(about|what|how|if|whether))?'),
    (m: string, ...g: string[]) => {
      const [who, next] = g;
      const rest = String(g[g.length - 1]).slice(Number(g[g.length - 2]) + m.length);
      // "no one cares about." -> "no one is interested."
      const about = CLAUSE_ENDS.test(rest) ? '' : ' in';
      return `${who}is interested${next ? (next.toLowerCase() === 'about' ? about : ` in ${next}`) : ''}`;
    },
  ],
  [
    w('(sucks|suck)(?=\\s*(?:[.!?,;]|$|and\\b|so\\b|but\\b))'),
    (m) => (m.toLowerCase() === 'sucks' ? 'is bad' : 'are bad'),
  ],
  [
    w(
      "(is|was|(?:he|she|it|that)\\s*['’]\\s*s|hes|shes|(?:you|they|we)\\s*['’]\\s*re|youre|you\\s+are|be|are|" +
        'were)\\s+(?:such\\s+)?(?:a|an)\\s+(?:(?:total|complete|real|huge|big|little|fucking|fuckin)\\s+)?(?:dick|' +
        'jerk|' +
        'prick|asshole|arsehole|bitch|douche\\w*|twat|cunt|bastard)(?=\\s*(?:[.!?,;]|$|and\\b|but\\b|to\\b|about\\b|' +
        'for\\b|xx+|lol\\b|lmao\\b|haha\\w*))',
    ),
    (_m, be: string) => `${be} rude`,
  ],
  [
    w(
      'being\\s+(?:a|an|such\\s+an?|so)\\s+(?:(?:total|complete|real|huge|big|little)\\s+)?(?:bitch|dick|jerk|ass|' +
        'asshole|arsehole|prick|douche\\w*|cunt|twat|bastard)',
    ),
    'being rude',
  ],
  [w('(?:ass|arse|butt)(?:es|s)?'), ''],
  [w('full\\s+of\\s+(?:shit|crap)'), 'wrong'],
  [
    w('(a|an|the|this|that)\\s+((?:[a-z]+\\s+)?)piece\\s+of\\s+(?:shit|crap|garbage|trash)'),
    (_m, det: string, adj: string) => `${det} ${adj}person`,
  ],
  [w('(?:a\\s+)?(?:piece|pile|load|bunch|crock)\\s+of\\s+(?:shit|crap)'), ''],
  [
    w(
      "kiss(?:es|ed|ing)?\\s+((?:(?:the|his|her|their|your|my|our)\\s+)?(?:[a-z]+\\s*['’]s\\s+)?)(?:ass|arse|" +
        'butt)(?:es)?',
    ),
    (_m, who: string) =>
      `flatter ${who
        .replace(/\s*['’]s\s+$/, ' ')
        .replace(/^(?:his|her|their|your|my|our)\s+$/i, (x) => OBJECT_OF[x.trim().toLowerCase()] ?? x)}`,
  ],
  [w('kiss\\s*ass(?:ing|er|ers)?'), 'flatter'],
  [
    w('(?:feel|feels|felt|look|looks|looked|smell|smells|smelled|taste|tastes)\\s+like\\s+(?:shit|crap|ass|arse)'),
    (m) => `${m.split(/\s+/)[0]} bad`,
  ],
  [
    w('(?:and|n|nd|an|or|&)\\s+(?:shit|crap)|no\\s+shit(?!\\s+\\w)|jack\\s*shit'),
    (m) => (/jack/i.test(m) ? 'nothing' : ''),
  ],
  [
    w(
      '(a|the|this|that|such\\s+a|some|my|your|his|her|their|our)\\s+(?:shit|crap)\\s+(?!(?:is|was|are|were|out|up|' +
        'about|like|and|or|in|on|to|for|that|with|from|of|it|i|you|we|they|he|she)\\b)(?=[a-z]{3,})',
    ),
    (_m, det: string) => `${det} bad `,
  ],
  [w('some\\s+(?:shit|crap)'), 'something'],
  [
    w('(some|the|this|that|such|no|any|all|my|your|his|her|their|our)\\s+([a-z]+(?:\\s+[a-z]+)?)\\s+(?:shit|crap)'),
    (m, det: string, adj: string) =>
      adj.split(/\s+/).some((x) => STOPWORDS.has(x.toLowerCase()))
        ? m
        : `${det} ${adj} ${/^(?:this|that|such)$/i.test(det) ? 'thing' : 'things'}`,
  ],
  [w('for\\s+(?:shit|crap)(?=\\s*(?:[.!?,;]|$|lol\\b|haha\\b|and\\b|but\\b|anymore\\b|though\\b))'), 'at all'],
  [
    w(
      "((?:n['’]?t|not|never|dont|didnt|cant|doesnt|wouldnt|couldnt|wont|aint|ain['’]t)\\s+(?:even\\s+)?(?:say|do|" +
        'know|' +
        'see|get|hear|give|understand|said|did|knew|saw|got|heard|gave|understood|sayin|saying|doin|doing|knowin|' +
        'knowing)\\s+)(?:jack\\s*)?(?:shit|crap)',
    ),
    (_m, pre: string) => `${pre}anything`,
  ],
  [w('(?:this|that|the)\\s+(?:shit|crap)'), (m) => m.split(/\s+/)[0]],
  [
    w('(?:my|your|his|her|their|our|ur|same|other|such|any|more|new|old|good|real|weird|crazy)\\s+(?:shit|crap)'),
    (m) => `${m.split(/\s+/)[0]} ${/same|other|such/i.test(m) ? 'thing' : 'things'}`,
  ],
  [w('(?:shitty|crappy|shite|shitting|shitload)'), (m) => (/^shit(ty|e)$|crappy/i.test(m) ? 'bad' : '')],
  [w('(?:shit|crap|shits)'), ''],
  // insulting nouns: "the idiots" -> "the people", "idiot!" -> ""
  [
    w(`(${DET})\\s+((?:(?:${ADJ}|total|complete|absolute|utter)\\s+)*)((?:[a-z]+\\s+)?)(${NOUN_S}|${alt(SLURS)})`),
    (_m, det: string, _adj: string, other: string, noun: string) =>
      `${det} ${other}${PLURAL_NOUN.test(noun) || /s$/i.test(noun) ? 'people' : 'person'}`,
    NOUN_HINT,
  ],
  [
    w(
      "(is|are|was|were|(?:he|she|it|that|who)\\s*['’]\\s*s|(?:they|you|we)\\s*['’]\\s*re|hes|shes|thats|theyre|" +
        'youre|' +
        'being)\\s+(?:such\\s+)?(?:an?\\s+)?(?:(?:big|total|complete|fucking|stupid|damn|pathological|compulsive|' +
        'lying|' +
        'filthy|dirty|little)\\s+)*liars?(?=\\s*(?:[.!?,;]|$|and\\b|but\\b))',
    ),
    (_m, be: string) => `${be} not truthful`,
  ],
  [
    w(
      `(this|that|the|a|an|some|one)\\s+((?:old|poor|little|stupid|dumb|lazy|crazy|sorry|` +
        `lucky)\\s+)?(?:${F})(?=\\s+(?:who|that|was|is|has|had)\\b|\\s*[.!?,]|\\s*$)`,
    ),
    '$1 $2person',
  ],
  [
    w(
      '(are|were|be|being)\\s+(?:all\\s+|just\\s+|such\\s+|total\\s+|complete\\s+|fucking\\s+)*(?:idiots|morons|' +
        'fools|' +
        'imbeciles|retards|dumbasses|clowns|losers|cretins|dimwits|halfwits|nitwits|buffoons)(?=\\s*(?:[.!?,;]|$|' +
        'and\\b|' +
        'but\\b|for\\b|if\\b|to\\b))',
    ),
    '$1 not smart',
  ],
  [w('liars'), 'people who lie'],
  [w('liar'), 'person who lies'],
  [w(`(?:${NOUN_S})`), (m) => (PLURAL_NOUN.test(m) ? 'people' : '')],
  // insulting adjectives: "too stupid to see it" -> "unable to see it", "a stupid idea" -> "an idea", "that is stupid"
  // -> "that is not smart"
  [w(`(?:too|so)\\s+(?:${ADJ})\\s+to(?=\\s+[a-z])`), 'unable to'],
  [w('(?:stupidest|dumbest|most\\s+(?:stupid|idiotic|moronic|retarded|asinine))'), 'worst'],
  [
    w(`(something|anything|nothing)\\s+((?:so|really|very|pretty|truly|incredibly|extremely)\\s+)?(?:${ADJ})`),
    '$1 $2bad',
  ],
  [
    w(
      `${NOT_BEFORE}((?:is|are|was|were|be|been|being|am|that['’]?s|it['’]?s|he['’]?s|she['’]?s|they['’]?re|` +
        `you['’]?re|` +
        `i['’]?m|thats|its|hes|shes|theyre|im|sounds?|looks?|seems?|seemed|looked|sounded)\\s+)((?:(?:so|too|very|` +
        `really|` +
        `pretty|just|totally|completely|utterly|incredibly|absolutely|extremely|truly|simply|downright|quite|rather|` +
        `beyond|plain|more|most|fucking|freaking)\\s+)*)(${ADJ})(?=\\s*(?:[.!?,;]|$|and\\b|or\\b|but\\b|to\\b|for\\b|` +
        `if\\b|because\\b))`,
    ),
    (_m, be: string, _int: string, adj: string) => `${be}${SOFT[adj.toLowerCase()] ?? 'wrong'}`,
  ],
  [
    w(
      `${NOT_BEFORE}(?:so|too|very|really|pretty|totally|completely|utterly|incredibly|most|absolutely|extremely|` +
        `truly|` +
        `simply|downright|quite|rather)\\s+(?:${ADJ})`,
    ),
    '',
  ],
  [w(`${NOT_BEFORE}(?:${ADJ})(?:\\s+and\\s+(?:${ADJ}))?`), ''],
  [w('(?:stupidity|idiocy)'), 'ignorance'],
  [w(`(?:${alt(INTENSIFIERS)})`), ''],
  [w('(?:hell)(?=\\s+(?:yeah|yes|no|yea))'), ''],
  [w(`(?:${alt(SLURS)})`), ''],
];

/**
 * The substitutions in groups of 8, each group behind one combined test: most groups find nothing in a
 * message, and one scan instead of eight keeps the rewriter inside its time budget. In order, so a
 * group is tested on the text the groups before it produced.
 */
const SUB_GROUPS: { test: RegExp; subs: Sub[] }[] = [];
for (let i = 0; i < SUBS.length; i += 8) {
  const subs = SUBS.slice(i, i + 8);
  SUB_GROUPS.push({ test: new RegExp(subs.map(([re]) => `(?:${lite(re)})`).join('|'), 'i'), subs });
}

const TEXTING_RE: Sub[] = TEXTING.map(([from, to]) => [
  w(from),
  (m: string) => (m[0] === m[0].toUpperCase() && m[0] !== m[0].toLowerCase() ? to[0].toUpperCase() + to.slice(1) : to),
]);

function tidy(s: string): string {
  for (let i = 0; i < 3; i++) {
    const t = tidyOnce(s);
    if (t === s) break;
    s = t;
  }
  return s;
}

function tidyOnce(s: string): string {
  s = s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/([,;:])\s*(?=[.!?])/g, '')
    .replace(/^[\s,.;:!?-]+/, '')
    .replace(/([.!?])[\s,;:.!?]*(?=[.!?]|$)/g, '$1')
    .replace(/,\s*,/g, ',')
    .replace(/[,;:\s]+$/, '')
    // a determiner or conjunction left with nothing after it
    .replace(
      /\b(?:a|an|the|such\s+an?|so|such|your|my|their|our|of|and|or|but|if|because|since|whether|than)\s*([.!?,;]|$)/gi,
      '$1',
    )
    .replace(/\b(?:a|an|the)\s+(and|or|but|to|of|is|are|was|were)\b/gi, '$1')
    .replace(/\b(and|or|but)\s+(and|or)\b/gi, '$1')
    .replace(/\b(a|an|the|my|your|his|their|our)\s+(?:and|or)\s+/gi, '$1 ')
    .replace(/([,;])\s*(and|or|but)\s*([.!?]|$)/gi, '$3')
    .replace(/\s+([,.!?;:])/g, '$1')
    .replace(/^[\s,.;:!?-]+/, '')
    .replace(/^(?:and|or|but|so)\s*[,.!?]?\s*$/i, '')
    .trim();
  // "a idea" -> "an idea", "an person" -> "a person" (only where an edit may have split them)
  s = s.replace(/\b([Aa])n?\s+(\w+)/g, (m, a: string, word: string) => {
    if (/^(?:one|once|uni|use|usu|eu|hour|honest|hon)/i.test(word)) return m;
    const vowel = /^[aeiou]/i.test(word);
    return `${a}${vowel ? 'n' : ''} ${word}`;
  });
  return s;
}

/** Lower-case shouted words, calm repeated punctuation. */
function unshout(s: string): string {
  let letters = 0;
  let upper = 0;
  for (const ch of s) {
    if (ch >= 'A' && ch <= 'Z') letters++, upper++;
    else if (ch >= 'a' && ch <= 'z') letters++;
  }
  const all = letters >= 8 && upper / letters >= 0.7;
  s = s.replace(/\b[A-Z][A-Z'’]*[A-Z]\b/g, (m) => (all || m.length >= 4 ? m.toLowerCase() : m));
  if (all) s = s.replace(/\bi\b/g, 'I');
  return s
    .replace(/!{2,}/g, '!')
    .replace(/[!?]{3,}/g, '?')
    .replace(/\?{2,}/g, '?')
    .replace(/(?:\s*[!?]\s*){2,}/g, (m) => (m.includes('?') ? '? ' : '! '));
}

/** The first letter as the sender wrote theirs: capitalised if they capitalised. */
function caseLike(original: string, s: string): string {
  if (!s) return s;
  const o = original.trim().match(/[A-Za-z]/)?.[0];
  if (o && o === o.toUpperCase()) return s.charAt(0).toUpperCase() + s.slice(1);
  return s;
}

/** Deletes the given spans (offsets into `text`) and repairs what is left around them. */
export function deleteSpans(text: string, spans: { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let s = text;
  let lastStart = Infinity;
  for (const sp of sorted) {
    if (sp.end > lastStart) continue;
    s = s.slice(0, sp.start) + ' ' + s.slice(sp.end);
    lastStart = sp.start;
  }
  return caseLike(text, tidy(s));
}

const TEXTING_TEST = new RegExp(TEXTING_RE.map(([re]) => `(?:${lite(re)})`).join('|'), 'i');

/** The minimal edit, without asking the analyzer: the same message with the attack taken out. */
export function minimalEdit(text: string): string {
  let s = unshout(text);
  for (const g of SUB_GROUPS) {
    if (!g.test.test(s)) continue;
    for (const [re, to, hint] of g.subs) if (!hint || hint.test(s)) s = s.replace(re, to as string);
  }
  if (TEXTING_TEST.test(s)) for (const [re, to] of TEXTING_RE) s = s.replace(re, to as string);
  s = tidy(s);
  // "you're a liar and a cheat" -> "and a cheat": a joint the sender did not start with goes
  if (/^(?:and|or|but)\b/i.test(s) && !/^\W*(?:and|or|but)\b/i.test(text)) s = tidy(s.replace(/^\w+\s*/, ''));
  return caseLike(text, s);
}

const WORD = /(?<![A-Za-z'’])[A-Za-z][A-Za-z'’*-]*/g;
const DANGLING = new RegExp(
  [
    '\\b(?:is|are|was|were|be|been|am|so|too|very|really|more|most|as|the|a|an|of|my|your|his|her|their|our|this|',
    'these|those)\\s*(?:[.!?,;]|$)',
  ].join(''),
  'i',
);

/** Spans that may be taken out of a held edit: what the analyzer marks, and every content word. */
interface Cut {
  start: number;
  end: number;
  /** the analyzer points at it */
  marked: boolean;
  /** a function word ("these"): cut only as a last resort */
  minor?: boolean;
}

/** The sentence holding [start, end), with its closing punctuation. */
function sentenceAround(s: string, start: number, end: number): { start: number; end: number } {
  let a = start;
  while (a > 0 && !/[.!?\n]/.test(s[a - 1])) a--;
  while (a < start && /\s/.test(s[a])) a++;
  let b = end;
  while (b < s.length && !/[.!?\n]/.test(s[b])) b++;
  while (b < s.length && /[.!?]/.test(s[b])) b++;
  return { start: a, end: b };
}

function removable(s: string, spans: { start: number; end: number; label: string }[]): Cut[] {
  const words: { start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(s))) words.push({ start: m.index, end: m.index + m[0].length });
  const content = (x: { start: number; end: number }) =>
    !STOPWORDS.has(s.slice(x.start, x.end).toLowerCase().replace(/’/g, "'"));
  const out: Cut[] = [];
  const seen = new Set<string>();
  const add = (x: { start: number; end: number }, marked: boolean, minor = false) => {
    const k = `${x.start}:${x.end}`;
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ ...x, marked, minor });
  };
  const phrases: { start: number; end: number }[] = [];
  for (const sp of spans) {
    if (REWRITE_LABELS[sp.label as HeatLabel]?.keepWords) continue;
    // a phrase ("nobody cares") goes as a whole, a word only if it is not a function word
    const inside = words.filter((x) => x.start >= sp.start && x.end <= sp.end);
    if (inside.length > 1 && REWRITE_LABELS[sp.label as HeatLabel]?.sentenceWide) {
      // sarcasm or a verdict on the reader's character is the point of its sentence: cutting the phrase
      // leaves a fragment ("Honestly person I have ever met."), so the sentence goes
      const sentence = sentenceAround(s, sp.start, sp.end);
      add(sentence, true);
      phrases.push(sentence);
    } else if (inside.length > 1) {
      add({ start: sp.start, end: sp.end }, true);
      phrases.push(sp);
    } else if (
      inside.length === 1 &&
      !/^(?:a|an|the)$/i.test(s.slice(inside[0].start, inside[0].end)) &&
      !/^\s*['’]\w/.test(s.slice(inside[0].end))
    ) {
      // never a lone article, nor the stem of "haven 't"
      add(inside[0], true, !content(inside[0]));
    }
  }
  const free = (x: { start: number; end: number }) => !phrases.some((p) => x.start >= p.start && x.end <= p.end);
  for (const x of words.filter((x) => content(x) && free(x)).slice(0, 30)) add(x, false);
  return out;
}

/**
 * Ways to take one word or phrase out of `s`, with what each costs: a harsh word with a gentler one is
 * swapped ("ignorant" -> "uninformed"); a cut that would leave "is." behind becomes "is not good"
 * ("the guy is a murderer" -> "the guy is not good"); "like a coward" goes as a whole.
 */
function cuts(original: string, s: string, sp: Cut): { c: string; cost: number }[] {
  const word = s.slice(sp.start, sp.end);
  const before = s.slice(0, sp.start);
  const after = s.slice(sp.end);
  const base = (sp.marked ? 0 : 4) + (sp.minor ? 15 : 0);
  const out: { c: string; cost: number }[] = [];
  const broken = brokenJoints(s);
  // every new broken joint ("to with", "a and", "is.") costs as much as a long word
  const make = (b: string, by: string, a: string, cost: number) => {
    // one tidying pass per try (the search makes dozens); the edit it keeps is tidied in full
    const c = caseLike(original, tidyOnce(`${b} ${by} ${a}`));
    out.push({ c, cost: cost + 10 * Math.max(0, brokenJoints(c) - broken) });
  };
  const soft = SOFT[word.toLowerCase()];
  // before a noun ("a silly remark") the word can simply go; after "is" it needs a replacement
  if (soft && !/\b(?:not|n['’]?t|never)\s+(?:so\s+|that\s+|very\s+)?$/i.test(before))
    make(
      before,
      soft,
      after,
      base + word.length / 2 + (/^\s+(?!(?:and|or|but|to|for|if|as)\b)[a-z]/i.test(after) ? word.length : 0),
    );
  const cut = caseLike(original, tidyOnce(`${before} ${after}`));
  const dangles = DANGLING.test(cut) && !DANGLING.test(s);
  make(before, '', after, base + word.length + (dangles ? 12 : 0));
  const ends = /^\s*(?:[.!?]|$)/.test(after);
  const art = before.match(
    /(?:\b(?:like|such)\s+)?\b(?:a|an)\s+(?:(?:total|complete|real|absolute|utter|big|little)\s+)?$/i,
  );
  // only a noun goes with its article ("like a coward"), not an adjective before one ("a mad man")
  if (art && /^\s*(?:[.!?,;]|$|(?:and|or|but|who|that|to|from|in|on|at|of|with|for|like|than)\b)/i.test(after)) {
    const b = before.slice(0, before.length - art[0].length);
    if (ends && /\b(?:is|are|was|were|be|been|am|['’]s|['’]re)\s+$/i.test(b))
      make(b, 'not good', after, base + word.length / 2 + 3);
    else make(b, '', after, base + word.length + art[0].length / 2);
  } else if (dangles && ends && /\b(?:is|are|was|were|be|been|am|so|too|very|really|['’]s|['’]re)\s+$/i.test(before)) {
    make(before, 'not good', after, base + word.length / 2 + 3);
  }
  // "sending that to hell with us": the preposition goes with its word
  const prep = before.match(/\b(?:to|in|into|from|at|on|of|with)\s+$/i);
  if (prep && /^\s*(?:[.!?,;]|$|(?:to|in|into|from|at|on|of|with|for|and|or|but)\b)/i.test(after)) {
    make(before.slice(0, before.length - prep[0].length), '', after, base + word.length + prep[0].length / 2);
  }
  return out;
}

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
function brokenJoints(s: string): number {
  // most tries read whole: one scan says so
  if (!JOINTS_ANY.test(s)) return 0;
  let n = 0;
  for (const re of JOINTS) n += s.match(re)?.length ?? 0;
  return n;
}

/**
 * How the rewriter learns whether a text would be held: it imports nothing from the analyzer, the
 * caller passes these in (see index.ts: localJudges). Texts are already normalised.
 */
export interface Judges {
  /** The final word on a candidate, read as it would be delivered in the sender's name, in the room's context. */
  delivered(candidate: string): Analysis;
  /** The search's quicker reading of an edit (the analyzer without its label model, default threshold). */
  quick(candidate: string): Analysis;
  /** The words the rules point at in a candidate, with their scores (outside reported speech). */
  ruleHits(candidate: string): { start: number; end: number; label: HeatLabel; score: number }[];
}

interface Held {
  held: boolean;
  heat: number;
  spans: { start: number; end: number; label: string }[];
}

/**
 * How many re-scorings cleanEdit may spend on one message (each is one analyze() of the edit), and on how many
 * characters in all.
 */
const SEARCH_CALLS = 7;
const SEARCH_CHARS = 1200;
/** Tries per cut among words the analyzer did not mark. */
const UNMARKED_TRIES = 2;
/**
 * How many cuts at most: more leave a sentence too broken to offer (a message of LONG_WORDS words or more:
 * MAX_CUTS_LONG).
 */
const MAX_CUTS = 3;
const MAX_CUTS_LONG = 5;
const LONG_WORDS = 12;

/**
 * The minimal edit that the analyzer does not hold. While it is held, the smallest single cut that
 * cools it enough is made (words the analyzer marks tried first); failing that, the cut that cools it
 * most; at most MAX_CUTS cuts and SEARCH_CALLS re-scorings. Null when there is no such edit (or it
 * would keep fewer than two words, or the message is a threat, self-harm or stonewalling).
 */
export function cleanEdit(text: string, judges: Judges): string | null {
  const r = searchEdit(text, judges);
  return r && !r.held ? r.s : null;
}

/**
 * The search behind cleanEdit; `held` when it ran out of tries (null: threat, self-harm, stonewalling, or nothing
 * left).
 */
function searchEdit(text: string, judges: Judges): { s: string; held: boolean } | null {
  const judge = (x: string): Held => judges.quick(x);
  let s = minimalEdit(text);
  // the sender's own text is the measure: an edit may not read more broken than it ("This is such bullshit." -> "This
  // is.")
  const joints = brokenJoints(text);
  // a minimal edit that broke the sentence is dropped: the search starts from the sender's words instead
  if (brokenJoints(s) > joints) s = text;
  let j = judge(s);
  let budget = SEARCH_CALLS;
  let chars = SEARCH_CHARS;
  // a long message can lose a few more words and still read as the sender's
  const maxCuts = (s.match(/[A-Za-z]+/g)?.length ?? 0) >= LONG_WORDS ? MAX_CUTS_LONG : MAX_CUTS;
  for (let round = 0; round < maxCuts && j.held && budget > 0; round++) {
    // a threat, self-harm or shutting the conversation down is not edited: the I-statement answers it
    if (j.spans.some((sp) => sp.label === 'threat' || sp.label === 'self_harm' || sp.label === 'stonewalling'))
      return null;
    let coolest: { s: string; j: Held } | null = null;
    let cheapest: { s: string; j: Held } | null = null;
    const options = removable(s, j.spans);
    // the words the analyzer marks first; other words only when cutting a marked one is not enough.
    // Tries go cheapest first, so the first one that is not held is the one to take.
    for (const marked of [true, false]) {
      if (cheapest) break;
      const tries = new Map<string, number>();
      // among words nobody marked only the shortest are worth a try (a cut costs about its length)
      const pool = marked
        ? options.filter((sp) => sp.marked)
        : options
            .filter((sp) => !sp.marked)
            .sort((x, y) => x.end - x.start - (y.end - y.start))
            .slice(0, 2 * UNMARKED_TRIES);
      for (const sp of pool) {
        for (const { c, cost } of cuts(text, s, sp)) if (c && c !== s && !(tries.get(c)! <= cost)) tries.set(c, cost);
      }
      // words nobody marked are only worth a few tries
      for (const [c] of [...tries].sort((x, y) => x[1] - y[1]).slice(0, marked ? undefined : UNMARKED_TRIES)) {
        if (budget-- <= 0 || (chars -= c.length) < 0) break;
        const cj = judge(c);
        if (!cj.held && brokenJoints(c) <= joints) {
          cheapest = { s: c, j: cj };
          break;
        }
        if (cj.held && (!coolest || cj.heat < coolest.j.heat)) coolest = { s: c, j: cj };
      }
    }
    const next = cheapest ?? coolest;
    if (!next) break;
    s = next.s;
    j = next.j;
  }
  if (j.spans.some((sp) => sp.label === 'threat' || sp.label === 'self_harm' || sp.label === 'stonewalling'))
    return null;
  // cuts that left the sentence broken ("he is and refuses") are not offered
  if (brokenJoints(s) > joints) return null;
  s = caseLike(text, tidy(s));
  const words = s.match(/[A-Za-z][A-Za-z'’]*/g) ?? [];
  return words.length >= 2 && words.some((x) => !/^(?:a|an|the|of|to|up|in|on|at|and|or|but|so|off|out)$/i.test(x))
    ? { s, held: j.held }
    : null;
}

/**
 * What an I-statement says for each main label (Gottman's antidotes: a break for stonewalling, respect
 * for contempt, being heard for criticism). A Record over every label, so a new one must be given words.
 */
const I_STATEMENT: Record<HeatLabel, { feeling: string; need: string; request: string }> = {
  insult: { feeling: 'hurt and angry', need: 'respect between us', request: 'talk about this with me calmly' },
  contempt: { feeling: 'hurt', need: 'respect between us', request: 'talk about this with me calmly' },
  criticism: { feeling: 'frustrated', need: 'to feel heard', request: 'talk with me about this' },
  blame: { feeling: 'upset', need: 'us to understand what went wrong', request: 'look at this together with me' },
  defensiveness: { feeling: 'misunderstood', need: 'my side to be understood too', request: 'hear my side as well' },
  stonewalling: {
    feeling: 'overwhelmed',
    need: 'a pause',
    request: 'take a short break and come back to this',
  },
  profanity: { feeling: 'really upset', need: 'a calmer conversation', request: 'talk about this with me' },
  shouting: { feeling: 'really upset', need: 'a calmer conversation', request: 'talk about this with me' },
  // a threat gets only "I need to step away" messages, self-harm none: their need and request are not used
  threat: { feeling: 'very angry', need: 'a calmer conversation', request: 'talk about this with me' },
  self_harm: { feeling: 'upset', need: 'a calmer conversation', request: 'talk about this with me' },
};

/**
 * What the rewriter does per label, one record each (as analysis/labels.ts for the analyzer; the rewriter
 * imports nothing from the analyzer, so it keeps its own): a new label does not compile until it is here.
 */
interface RewriteLabel {
  /** which label leads the rewrite when a message has several: the lowest; null never leads */
  priority: number | null;
  /** an attack on the reader's character or blame: answered with an I-statement first */
  character: boolean;
  /** a phrase of it is the point of its sentence (sarcasm, a verdict on character): cut with the sentence */
  sentenceWide?: boolean;
  /** its words are never cut from a held candidate (capitals are undone instead) */
  keepWords?: boolean;
}
export const REWRITE_LABELS: Record<HeatLabel, RewriteLabel> = {
  threat: { priority: 0, character: false },
  stonewalling: { priority: 1, character: true },
  contempt: { priority: 2, character: false, sentenceWide: true },
  insult: { priority: 3, character: false },
  criticism: { priority: 4, character: true, sentenceWide: true },
  blame: { priority: 5, character: true },
  defensiveness: { priority: 6, character: true },
  profanity: { priority: 7, character: false },
  shouting: { priority: 8, character: false, keepWords: true },
  // self-harm gets no suggestions (the room shows the help message)
  self_harm: { priority: null, character: false },
};

/** The label that leads the rewrite (profanity when none does). */
function main(labels: HeatLabel[]): HeatLabel {
  let lead: HeatLabel = 'profanity';
  let best = Number.POSITIVE_INFINITY;
  for (const l of labels) {
    const p = REWRITE_LABELS[l].priority;
    if (p !== null && p < best) {
      best = p;
      lead = l;
    }
  }
  return lead;
}

function lowerFirst(s: string): string {
  if (/^I\b/.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Candidates in order of preference; the caller scores and filters them. */
export function candidates(text: string, labels: HeatLabel[], directed: boolean, judges: Judges): string[] {
  if (labels.includes('self_harm')) return [];
  const lead = main(labels);
  const { feeling, need, request } = I_STATEMENT[lead];
  if (labels.includes('threat')) {
    return [
      `I'm ${feeling} right now and I need to step away before we go on.`,
      'I need a break before we continue this conversation.',
    ];
  }
  const found = searchEdit(text, judges);
  const edit = found && !found.held ? found.s : null;
  const words = edit ? edit.split(/\s+/).filter(Boolean).length : 0;
  // a stand-in after an intensifier ("so not good") reads as mockery, not as the sender's words
  const editUseful =
    edit !== null &&
    words >= 2 &&
    edit !== text.trim() &&
    !/\b(?:so|very|really|too|such)\s+not\s+(?:good|smart)\b/i.test(edit) &&
    // a tag question left alone ("You know that?") says nothing of the sender's
    !LONE_TAG.test(edit.trim());
  const body = edit ? edit.replace(/[.!?]+$/, '') : '';
  const nvc: string[] = [];
  if (lead === 'stonewalling') {
    nvc.push(`I'm feeling ${feeling} and I need a pause. Could we take about 20 minutes and come back to this?`);
  }
  // the observation is what the reader does: "you rarely listen to me (and I am sick of it)"
  const observation = body.split(/\s*,?\s+(?:and|but|so)\s+I\b|\s*,\s*I\b/)[0];
  // a tag question ("you know that?", "you hear me?") is not something the reader does
  const tagQuestion = /^you\s+(?:know|hear|see|get|understand)(?:\s+(?:that|me|it|this))?$/i.test(observation.trim());
  const single = edit !== null && !/[.!?;]/.test(observation) && observation.split(/\s+/).length >= 3 && words <= 24;
  if (single && !tagQuestion && lead !== 'stonewalling' && /^you\s+(?!(?:are|were|r)\b|['’]re)\w/i.test(observation)) {
    // "you rarely listen to me" is an observation: "When you rarely listen to me, I feel ..."
    nvc.push(
      `When ${lowerFirst(observation)}, I feel ${feeling}, because I need ${need}. Would you be willing to ` +
        `${request}?`,
    );
  }
  nvc.push(`I'm feeling ${feeling} right now, and I need ${need}. Would you be willing to ${request}?`);
  const out: string[] = [];
  // a pure attack on the reader ("you never listen to me") is answered with an I-statement first;
  // when there is swearing or an insult to take out, the sender's own words come first
  // "why do you always ...": an absolute about the reader is answered with an I-statement first even
  // when it swears (its edit would keep the attack, or need a stand-in word like "not good")
  const pureAttack =
    directed &&
    ((REWRITE_LABELS[lead].character && !labels.includes('profanity') && !labels.includes('insult')) ||
      labels.includes('criticism') ||
      lead === 'contempt');
  if (pureAttack || !editUseful) {
    out.push(...nvc);
    if (editUseful) out.push(edit);
  } else {
    out.push(edit, ...nvc);
  }
  out.push(`I'm feeling ${feeling} about this and I'd like us to slow down. Would you be willing to ${request}?`);
  return [...new Set(out)].filter((s) => !/\b(sorry|apologi[sz]e)/i.test(s) || /\b(sorry|apologi[sz]e)/i.test(text));
}

/** Used when nothing else scores below the threshold. */
export const FALLBACK =
  "I'm upset about this and I'd like us to slow down. Would you be willing to talk about it with me?";

/**
 * A held message as the analyzer read it: `text` with its disguises undone, its labels, and whether it is aimed at the
 * reader.
 */
export interface HeldMessage {
  text: string;
  labels: HeatLabel[];
  directed: boolean;
}

/**
 * Up to three calmer messages for a held one, each judged as it would be delivered; FALLBACK when none
 * passes, nothing for self-harm (the room shows the help message).
 */
export function rewrite(message: HeldMessage, judges: Judges): string[] {
  const suggestions: string[] = [];
  const seen = new Set<string>();
  for (let c of candidates(message.text, message.labels, message.directed, judges)) {
    if (suggestions.length >= 3) break;
    // a candidate still held loses the words that hold it, twice at most, while enough of it is left
    for (let round = 0; round < 3; round++) {
      if (seen.has(c)) break;
      seen.add(c);
      const a = judges.delivered(c);
      if (!a.held) {
        suggestions.push(c);
        break;
      }
      if (round === 2 || a.labels.some((l) => SAFETY_LABELS.includes(l))) break;
      // only words a rule points at: the model's favourite words are too often innocent ones
      const words = judges.ruleHits(c).filter((h) => h.label !== 'shouting' && h.score >= 0.3);
      const next = deleteSpans(c, words.length ? words : a.spans.filter((sp) => sp.label !== 'shouting'));
      if (next === c || next.split(/\s+/).length < 3) break;
      c = next;
    }
  }
  if (suggestions.length === 0 && !message.labels.includes('self_harm')) return [FALLBACK];
  return suggestions;
}
