/**
 * The substitution table of the minimal edit: whole attacks, then phrases, then words, each replaced by
 * what people write when they say the same thing politely (or by nothing). `minimalEdit` applies it.
 */
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
import { dropAbsolutes } from './absolutes.js';
import { caseLike, tidy, unshout } from './tidy.js';
import { dropVocatives } from './vocatives.js';

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
export const LONE_TAG = new RegExp(
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
  // "shut up about the curfew" is a demand: asked plainly
  [w('shut\\s+up\\s+about'), 'stop talking about'],
  // "you sit there like a spineless moron": the comparison is the insult and goes whole
  [
    w(
      `like\\s+(?:an?|the|some)\\s+(?:(?:${ANY_ADJ}|total|complete|absolute|utter|little|big|old)\\s+){0,3}` +
        `(?:${NOUN_S}|${alt(YOU_NOUNS)})`,
    ),
    '',
  ],
  // "your mother is a nosy old witch and she is not staying": the name goes with its verb, the subject stays
  [
    w(
      `is\\s+(?:an?\\s+)(?:[a-z]+\\s+){0,3}(?:${NOUN_S}|${alt(YOU_NOUNS)})\\s+and\\s+(?:she|he|they)` +
        '(?=\\s+(?:is|are|was|were|has|have|will|won|can|does|doesn)\\b)',
    ),
    '',
  ],
  // "get your lazy ass out of bed" -> "get out of bed"
  [w('(get|move|haul|drag)\\s+(?:your|ur|yo)\\s+(?:(?:lazy|fat|sorry|sad|stupid)\\s+)?(?:ass|arse|butt)'), '$1'],
  // "stop being such a baby", "you act like a spoiled brat": the comparison goes, the behaviour stays
  [
    w(
      '(being|act|acts|acting|acted|behave|behaves|behaving|behaved)\\s+(?:like\\s+)?(?:such\\s+)?(?:a|an)\\s+' +
        '(?:(?:big|little|spoiled|spoilt|total|complete|whiny|whiney)\\s+)?(?:baby|child|brat|kid|toddler|princess|' +
        'drama\\s+queen|martyr)',
    ),
    '$1 like this',
  ],
  // "your bitch of a sister" -> "your sister"
  [w(`(?:${NOUN_S})\\s+of\\s+an?(?=\\s+[a-z])`), ''],
  // "gave no fucks" -> "didn't care", "gives less fucks about" -> "cares less about"
  [
    w(`(give|gives|gave|giving)\\s+(no|less|fewer|zero)\\s+(?:${F}|shit|damn|crap)s?`),
    (_m, g: string, how: string) => {
      const v = g.toLowerCase();
      if (/^(?:no|zero)$/i.test(how))
        return (
          { give: "don't care", gives: "doesn't care", gave: "didn't care", giving: 'not caring' }[v] ?? "don't care"
        );
      return `${({ give: 'care', gives: 'cares', gave: 'cared', giving: 'caring' })[v] ?? 'care'} less`;
    },
  ],
  // "I'm sick of your shit" -> "I'm sick of this" (not "of your things")
  [
    w(
      '(sick|tired|fed\\s+up)\\s+(?:of|with)\\s+(?:all\\s+)?(?:your|his|her|their|this|that|the)\\s+' +
        '(?:shit|crap|bullshit|bs|nonsense)(?=\\s*(?:[.!?,;]|$|and\\b|but\\b|so\\b))',
    ),
    '$1 of this',
  ],
  // "give a flying fuck", "shit like that"
  [
    w(`(give|gives|gave|giving)\\s+(?:a|one)\\s+(?:flying|single)\\s+(?:${F}|shit|damn|crap)\\w*`),
    (_m, g: string) => ({ give: 'care', gives: 'cares', gave: 'cared', giving: 'caring' })[g.toLowerCase()] ?? 'care',
  ],
  [w('(?:shit|crap)(?=\\s+like\\s+(?:that|this)\\b)'), 'things'],
  // sarcasm markers at a sentence's start ("Oh great, another takeaway on my card.")
  [
    w(
      '(?<=^\\W*|[.!?]\\s+)(?:oh\\s+)?' +
        '(?:great|sure|wow|brilliant|perfect|lovely|fantastic|nice|well\\s+done)\\s*[,!.]+',
    ),
    '',
  ],
  [w('(?<=^\\W*|[.!?,]\\s*)(?:oh\\s+)?(?:great|sure|wow)\\s*,?\\s*because\\s+(?=you\\b)'), ''],
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
  [w(`(?:${F})\\s+off`), 'go away'],
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
  [w(`the\\s+(?:shit|crap|hell|${F})\\s+(?:out\\s+of|outta)`), ''],
  // "it's a crock of shit" -> "it's not true"
  [
    w(
      "((?:it|that|this)\\s*['’]?\\s*s|its|thats|is|was)\\s+(?:a\\s+)?" +
        '(?:crock|pile|load|bunch)\\s+of\\s+(?:shit|crap|bull\\w*|lies)',
    ),
    '$1 not true',
  ],
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
    // "you useless idiots lost the file": with no verb of its own, the name is the subject of the next one
    (m: string, ...rest: unknown[]) =>
      !/^(?:are|were|r)\s|['’]?re\s|\s(?:are|r|were|sound|act|look)\s/i.test(m) &&
      /^\s+(?!(?:and|or|but|who|that|are|were|is|too|all|both)\b)[a-z]+/.test(restAfter(m, rest))
        ? m.split(/\s+/)[0]
        : '',
    YOU_HINT,
  ],
  // "you idiots" goes, but "with you idiots" keeps its "you"
  [
    w(`(?:you|u|ya)\\s+(?:[a-z]+\\s+)?(?:${NOUN_S}|son\\s+of\\s+a\\s+bitch)`),
    (m: string, ...rest: unknown[]) =>
      /\b(?:with|to|for|at|about|of|from|by|than|like|thank|tell|told|love|hate|see|saw|miss|need|want)\s+$/i.test(
        String(rest[rest.length - 1]).slice(0, rest[rest.length - 2] as number),
      ) ||
      // "you useless idiots lost the file": the subject of a verb stays
      /^\s+(?!(?:and|or|but|who|that|are|were|is|too|all|both)\b)[a-z]+/.test(restAfter(m, rest))
        ? m.split(/\s+/)[0]
        : '',
    NOUN_HINT,
  ],
  [w('son\\s+of\\s+a\\s+(?:bitch|whore)'), 'person'],
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
    w('(kind|sort|type|lot|lots|bunch|load|loads)\\s+of\\s+((?:[a-z]+\\s+)?)(?:shit|crap)'),
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
    w("(piss(?:es|ing|in['’]?)?)\\s+(me|us|him|her|them|you|people|everyone)\\s+off"),
    (_m, v: string, who: string) =>
      `${/in(?:g|['’])?$/i.test(v) ? 'annoying' : /es$/i.test(v) ? 'annoys' : 'annoy'} ${who}`,
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

const TEXTING_TEST = new RegExp(TEXTING_RE.map(([re]) => `(?:${lite(re)})`).join('|'), 'i');

/** The minimal edit, without asking the analyzer: the same message with the attack taken out. */
export function minimalEdit(text: string): string {
  let s = dropVocatives(unshout(text));
  for (const g of SUB_GROUPS) {
    if (!g.test.test(s)) continue;
    for (const [re, to, hint] of g.subs) if (!hint || hint.test(s)) s = s.replace(re, to as string);
  }
  if (TEXTING_TEST.test(s)) for (const [re, to] of TEXTING_RE) s = s.replace(re, to as string);
  s = tidy(dropAbsolutes(s));
  // "you're a liar and a cheat" -> "and a cheat": a joint the sender did not start with goes
  if (/^(?:and|or|but)\b/i.test(s) && !/^\W*(?:and|or|but)\b/i.test(text)) s = tidy(s.replace(/^\w+\s*/, ''));
  return caseLike(text, s);
}
