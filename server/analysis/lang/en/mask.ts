/**
 * English: reported speech, the sender about themselves, quotes and words about things (mask.ts reads
 * these; what each one means is told there).
 */
import type { MaskPatterns, ReportPattern } from '../types.js';

// Each pattern ends where the reported words begin; the range runs from there to the end of the clause.
const NOT_I = "(?<!\\bi\\s)(?<!\\bi'd\\s)(?<!\\bi'll\\s)(?<!\\bi\\swill\\s)(?<!\\bi\\swould\\s)";
const NOT_YOU = '(?<!\\byou\\s)(?<!\\bu\\s)';
const OBJ = '(?:me|us|him|her|them|my\\s+\\w+|our\\s+\\w+|his\\s+\\w+|her\\s+\\w+|their\\s+\\w+)';
const SPEECH =
  'call|calls|called|calling|name|names|named|label(?:s|ed|led|ing)?|tell|tells|told|telling|' +
  'yell(?:s|ed|ing)?\\s+at|scream(?:s|ed|ing)?\\s+at|shout(?:s|ed|ing)?\\s+at|swear(?:s|ing)?\\s+at|swore\\s+at|' +
  'cuss(?:es|ed|ing)?\\s+at|curse(?:s|d)?\\s+at|insult(?:s|ed|ing)?|accuse(?:s|d)?|accusing|' +
  'refer(?:s|red|ring)?\\s+to|text(?:s|ed|ing)?|messag(?:e|es|ed|ing)|e-?mail(?:s|ed|ing)?|wrote\\s+to|writ(?:es|' +
  'ing)\\s+to|' +
  'threaten(?:s|ed|ing)?';
const SAYS =
  'say|says|said|saying|think|thinks|thought|believe(?:s|d)?|act(?:s|ed)?\\s+like|yell(?:s|ed|ing)?|scream(?:s|ed|' +
  'ing)?|shout(?:s|ed|ing)?';
const CLAUSE = "(?:that\\s+)?(?:i|i'm|i\\s+am|i\\s+was|we|we're|my\\s+\\w+)\\b";

// anything someone else said, texted or threatened: "He said he would kill me if I left"
const SAYS_OTHER = new RegExp(
  `(?<![A-Za-z'])(?:(?:said|says|saying|told\\s+(?:the\\s+)?\\w+|` +
    `tells\\s+(?:the\\s+)?\\w+)\\s*[:,]?\\s+(?:that\\s+)?(?=(?:he|she|they|i|we|you|u|it|he'?s|she'?s|they'?re|i'?m|` +
    `you'?re|my|his|her|their|your|if|when|next|one\\s+day|someday|nobody|no\\s+one)\\b)|` +
    // shouted or written words are the other person's whatever they are: "he screamed WHAT IS WRONG WITH YOU at me"
    `(?:texted|texts|wrote|writes|yell(?:s|ed)|scream(?:s|ed)|shout(?:s|ed)|swore|snapped|hissed|` +
    `spat)\\s*[:,]?\\s+(?:that\\s+)?(?=\\S)|(?:said|says)\\s+(?=(?:get|go|shut|what|why|who|fuck|screw|stupid|` +
    `you'?ll|you\\s+will)\\b)|threaten(?:s|ed|ing)\\s+(?:to|that)\\s+)`,
  'gi',
);

const SPEECH_OBJ = new RegExp(
  `(?<![A-Za-z'])${NOT_I}(?:${SPEECH})\\s+${OBJ}(?:\\s+(?:that|like|as))?(?![A-Za-z])`,
  'gi',
);

// Who is speaking, looking back from the reporting verb to the start of the sentence: the nearest
// subject decides. Someone else ("he", "my husband", "Sam", "you") makes it reported speech; the
// sender ("I", "we") or no subject at all (an imperative: "call him a scumbag") makes it their own.
const SENDER_SUBJ = new Set([
  'i',
  "i've",
  'ive',
  "i'd",
  "i'll",
  "i'm",
  'im',
  'we',
  "we've",
  'weve',
  "we'd",
  "we'll",
  'let',
  "let's",
  'lets',
]);
const OTHER_SUBJ = new Set([
  'he',
  'she',
  'they',
  'you',
  'u',
  "he's",
  'hes',
  "she's",
  'shes',
  "they've",
  'theyve',
  "they're",
  'theyre',
  "you've",
  'youve',
  "he'd",
  "she'd",
  "they'd",
  "you'd",
  'who',
  'everyone',
  'everybody',
  'someone',
  'somebody',
  'people',
  'nobody',
  'anyone',
  'mom',
  'mum',
  'dad',
  'mother',
  'father',
  'husband',
  'wife',
  'boyfriend',
  'girlfriend',
  'partner',
  'fiance',
  'fiancé',
  'ex',
  'boss',
  'sister',
  'brother',
  'son',
  'daughter',
  'parents',
  'parent',
  'family',
  'friend',
  'friends',
  'kids',
  'children',
  'teacher',
  'coworker',
  'coworkers',
  'manager',
  'stepdad',
  'stepmom',
  'grandma',
  'grandpa',
  'spouse',
  'bf',
  'gf',
  'man',
  'woman',
  'guy',
  'girl',
  'others',
  'classmates',
  'roommate',
  'abuser',
  'inlaws',
  'in-laws',
]);
const PREPOSITION = /^(?:at|in|on|to|from|with|for|of|about|near|into|onto|by|around|behind|under|over)$/i;
const ASIDE = /^(?:mean|swear|guess|think|suppose|know|believe|admit|promise)$/i;
const STRUCTURE = new Set([
  'and',
  'or',
  'but',
  'then',
  'also',
  'always',
  'constantly',
  'still',
  'even',
  'often',
  'never',
  'sometimes',
  'keeps',
  'kept',
  'would',
  'will',
  'used',
  'to',
  'has',
  'had',
  'have',
  'is',
  'was',
]);
/** Capitalised words that open an imperative or a question, not a name ("Just call him ...") */
const COMMAND_START = new RegExp(
  ["^(?:Just|Please|Dont|Don't|Do|Never|So|And|But|Then|Go|Stop|Quit|Now|Yet|It|This|That|Why|How|What|When|If)$"].join(
    '',
  ),
);

// the sender about themselves: "I feel so stupid", "I was a coward for not speaking up" (not an attack on the reader)
const SELF_WORDS = new RegExp(
  [
    "(?<![A-Za-z'])i(?:['’]m|\\s+am|\\s+feel|\\s+felt|\\s+was|\\s+look|\\s+looked|\\s+sound|\\s+must\\s+be|",
    '\\s+must\\s+look|\\s+acted\\s+like|\\s+behaved\\s+like)\\s+(?:(?:so|really|such|like|very|pretty|completely|',
    'totally|just|an?|the|most|biggest|ugly|fat|a\\s+bit|kind\\s+of)\\s+)*(?:stupid|dumb|idiot|idiotic|worthless|',
    'useless|pathetic|failure|ugly|fat|mess|crazy|insane|loser|awful|terrible|horrible|disgusting|fool|foolish|',
    'naive|gullible|moron|selfish|lazy|bitch|joke|coward|cowardly|jerk|hypocrite|disaster|wreck|brat|child|baby|',
    'weak|spineless)\\b',
  ].join(''),
  'gi',
);

const GESTURE = new RegExp(
  [
    "(?<![A-Za-z'])(?:roll(?:s|ed|ing)?\\s+(?:his|her|their)\\s+eyes|(?:laugh(?:s|ed|ing)?|sneer(?:s|ed|ing)?|",
    'smirk(?:s|ed|ing)?|scoff(?:s|ed|ing)?)\\s+at\\s+(?:me|us|my\\s+\\w+))(?![A-Za-z])',
  ].join(''),
  'gi',
);

const SELF_MOCK = new RegExp(
  [
    "(?<![A-Za-z'])(?:(?:stupid|silly|dumb|idiot|clumsy|forgetful|daft)\\s+me|what\\s+an?\\s+(?:\\w+\\s+)?(?:idiot|",
    "fool|moron|muppet|mug|sucker|loser)\\s+i\\s+(?:am|was|have\\s+been)|i(?:['’]m|",
    '\\s+am)\\s+the\\s+worst\\s+at)(?![A-Za-z])',
  ].join(''),
  'gi',
);

// "He wrote: shut up, nobody asked you", "The letter read: WE KNOW WHERE YOU LIVE": after the colon, the
// whole sentence is theirs (a comma does not end it, as it ends other reports)
const COLON_REPORT = new RegExp(
  [
    "(?<![A-Za-z'])(?:wrote|writes|said|says|read|reads|texted|texts|messaged|commented|posted|replied|screamed|",
    'shouted|yelled|went|goes)\\s*:\\s*',
  ].join(''),
  'gi',
);
const SENTENCE_END = /[.!?\n](?=\s|$)/g;

const PASSIVE = new RegExp(
  [
    "(?<![A-Za-z'])(?:(?:i\\s+(?:was|am|got|get|have\\s+been|had\\s+been|keep\\s+getting)|being|been|got|gets|",
    'getting|was|were)\\s+(?:being\\s+)?(?:called|named|labell?ed|told|treated(?:\\s+like)?))(?![A-Za-z])',
  ].join(''),
  'gi',
);
const TREATMENT = new RegExp(
  `(?<![A-Za-z'])${NOT_I}${NOT_YOU}(?:treat(?:s|ed|ing)?\\s+(?:me|us)(?:\\s+like)?|mak(?:e|es|ing)\\s+(?:me|` +
    `us)\\s+feel(?:\\s+like)?|made\\s+(?:me|us)\\s+feel(?:\\s+like)?)(?![A-Za-z])`,
  'gi',
);
const SAYS_CLAUSE = new RegExp(`(?<![A-Za-z'])${NOT_I}${NOT_YOU}(?:${SAYS})\\s+(?=${CLAUSE})`, 'gi');
const ACCORDING = new RegExp(
  [
    "(?<![A-Za-z'])(?:according\\s+to\\s+(?:him|her|them|(?:my|his|her|their)\\s+[\\w-]+)|in\\s+(?:his|her|their|",
    "(?:my\\s+[\\w-]+)['’]s)\\s+eyes)\\s*,?\\s*",
  ].join(''),
  'gi',
);

const PATTERNS: ReportPattern[] = [
  // passive: "I was called a bitch", "being called stupid", "I get told I'm useless"
  { re: PASSIVE, extent: 'clause' },
  // speech with an object: "he called me stupid", "you called my mother a liar"
  { re: SPEECH_OBJ, speaker: 'other', extent: 'clause' },
  // someone else's contempt, described: "she rolled her eyes and ...", "he laughed at me"
  { re: GESTURE, speaker: 'other', extent: 'clause' },
  // treatment and feelings caused by someone other than the reader: "he treats me like dirt"
  { re: TREATMENT, extent: 'clause' },
  // the sender about themselves: "I feel so stupid", "I'm such an idiot" (not an attack on the reader)
  { re: SELF_WORDS, extent: 'match' },
  { re: SELF_MOCK, extent: 'match' },
  // a reported clause about the sender: "she said I'm worthless", "he thinks we are stupid"
  { re: SAYS_CLAUSE, extent: 'clause' },
  { re: SAYS_OTHER, speaker: 'otherThanReader', extent: 'clause' },
  { re: COLON_REPORT, speaker: 'otherThanReader', extent: 'sentence' },
  // someone else's view of the sender: "according to my wife, I'm a lazy pig", "in his eyes I'm a failure"
  { re: ACCORDING, extent: 'clause' },
];

const REPORT_BEFORE_QUOTE = new RegExp(
  [
    '(?:\\w+\\s+)?(?:said|says|say|saying|yelled|yells|screamed|screams|shouted|told\\s+\\w+|tells\\s+\\w+|wrote|',
    'writes|writing|texted|texts|commented|posted|messaged|replied|called\\s+\\w+|calls\\s+\\w+|asked|asks|whispered|',
    'went|goes)(?:\\s+to\\s+\\w+)?(?:\\s*[,:]?\\s*(?:word\\s+for\\s+word|just|literally))?[\\s,:]*$',
  ].join(''),
  'i',
);
// ", you moron" after a report is the sender turning to the reader
const REPORT_AFTER_QUOTE = new RegExp(
  [
    '^\\s*[,.!?]?\\s*[-–—]?\\s*(?:\\w+\\s+){0,2}(?:said|says|say|yelled|yells|screamed|screams|shouted|told|tells|',
    'wrote|writes|texted|texts|called|calls|asked|replied|whispered)\\b',
  ].join(''),
  'i',
);
const CLAUSE_END = new RegExp(
  [
    '[.!?;\\n]|,\\s+(?:and|but|or|so|then|which|because|when|while|you|u)\\b|\\s+(?:but|because|so that|',
    'even though)\\s|\\s+(?:and|but|so)\\s+(?:(?:honestly|now|really|then|yet|still|sometimes)\\s+)?i\\b',
  ].join(''),
  'gi',
);

// The sender calling themselves any word the insult lists know: "I'm an absolute clown", "I bowled like
// a drunk toddler", "I look like a drowned rat" (the word itself is blanked, as for SELF_WORDS)
const SELF_START = new RegExp(
  [
    "(?<![A-Za-z'])i(?:['’]m|\\s+am|\\s+was|\\s+feel(?:\\s+like)?|\\s+felt(?:\\s+like)?|",
    '\\s+look(?:ed)?(?:\\s+like)?|\\s+sound(?:ed)?\\s+like|\\s+[a-z]+ed\\s+like|\\s+must\\s+(?:be|look|sound))\\s+',
  ].join(''),
  'gi',
);

/** Second person inside a quote: the quoted words speak to someone, and in a room that is the reader. */
const QUOTE_YOU = /(?<![A-Za-z'’])(?:you|your|yours|yourself|u|ur|ya)(?![A-Za-z'’])/i;
// what the sender heard, or words mentioned as words ("I keep hearing", "the word"), are never the sender's
const HEARD_BEFORE = new RegExp(
  '(?:hear|hears|heard|hearing|told|things\\s+like|words\\s+like|stuff\\s+like|phrases?\\s+like|the\\s+words?|' +
    'the\\s+phrase|the\\s+term|so-called|known\\s+as|nicknamed?|names?\\s+like)\\s*[,:]?\\s*$',
  'i',
);
// a lead-in that turns to the reader: "Remember this:", "My answer to you:", "Here's what I think of you:"
const TO_READER_LEAD = new RegExp(
  '^\\s*(?:(?:so|and|just|now|ok|okay|well)[\\s,]+)?(?:remember|listen|hear|read|note|mark|take|know|understand|' +
    "here['’]?s|here\\s+is|let\\s+me|i['’]ll\\s+say|i\\s+will\\s+say|i\\s+repeat|i['’]m\\s+telling|" +
    'for\\s+the\\s+record|' +
    "final\\s+answer|my\\s+(?:answer|reply|message|words|advice))\\b|(?<![A-Za-z'’])(?:you|your|u|ur)(?![A-Za-z'’])",
  'i',
);
// someone else in the lead-in makes it a disclosure: "His text last night:", "The client's email:", "Mum's text:"
const THIRD_LEAD = new RegExp(
  "(?<![A-Za-z'’])(?:he|she|they|his|her|hers|their|him|them|someone|somebody|people|everyone|anyone)(?![A-Za-z'’])|" +
    "\\w['’]s\\b|\\b(?:the|a|an)\\s+(?!word|words|thing)\\w+",
  'i',
);
// '"you idiot," I said' (not '"...". I told the site manager.': a new sentence is not an attribution)
const SENDER_AFTER =
  /^\s*,?\s*[-–—]?\s*(?:i|we)\s+(?:\w+\s+)?(?:said|say|yelled|screamed|shouted|told|wrote|texted|replied|asked)\b/i;
const SENDER_BEFORE = /^(?:i|we|i['’]ve|we['’]ve|i['’]d|we['’]d|i['’]ll)\s/i;

/**
 * Household words that name things, not people: "take out the trash", "the garbage was still in the
 * kitchen", "the trash can is full". The model learnt "garbage" and "trash" from insults, so these
 * phrases are kept from it (and from the rules), like reported speech. "You're garbage" stays.
 */
// things, places and media, not work someone in the room may have made ("the report is crap" may be aimed at its
// author)
const THING =
  '(?:printer|computer|laptop|phone|tablet|app|website|software|update|car|bus|train|traffic|weather|movie|film|' +
  'show|series|episode|book|' +
  'game|song|album|food|restaurant|hotel|policy|rule|law|dishwasher|fridge|washer|washing\\s+machine|dryer|oven|' +
  'microwave|tv|wifi|internet|router|' +
  'shoe|couch|sofa|chair|mattress|parking|commute|timetable|machine|copier|coffee|heater|vacuum|toaster|kettle|' +
  'remote|charger|battery|screen|' +
  'keyboard|server|menu|flight|airline|queue|bank|insurance|paperwork|exam|homework|weekend|noise|smell|apartment|' +
  'flat|kitchen|bathroom|garden|' +
  'lawn|door|window|heating|plumbing|sink|toilet|shower|boiler|laundry|road|holiday|vacation|trip|spreadsheet|' +
  'ticket\\s+system|printer|' +
  'rain|snow|wind|heat|roadworks|clutch|engine|brakes|tyre|tire|sat\\s+nav|satnav|gps|autocorrect|keyboard|nappy|' +
  'nappie|diaper|casserole|dinner|' +
  'lunch|breakfast|soup|pizza|takeaway|cake|wine|beer|kettle|toaster|fridge|freezer|bin|car\\s+park|parking\\s+lot|' +
  'lift|elevator|stairs|' +
  'shift\\s+pattern|rota|form|permission\\s+slip|letter|bill|invoice|receipt|bank|app|game|match|referee|weather|' +
  'hotel|room|bed|pillow|' +
  'mould|mold|damp|leak|noise|music|tv\\s+show|film|novel|podcast|playlist|phone\\s+signal|signal|battery|laptop|' +
  'charger|cable|mouse|stapler)s?';
const LITERAL_PATTERNS = [
  // harsh words about a thing, not a person: "the printer on floor 3 is a useless piece of junk", "this stupid app"
  new RegExp(
    `\\b(?:the|this|that|these|those|my|our)\\s+(?:[\\w'’-]+\\s+){0,3}?${THING}(?:\\s+(?:on|in|at|of|for|` +
      `from)\\s+(?:[\\w-]+\\s+){0,2}?[\\w-]+)?\\s+(?:is|was|are|were|has\\s+been|have\\s+been|keeps|kept|looks|seems|` +
      `sounds)\\b(?:(?!\\s(?:you|your|u|ur|thanks\\s+to|because)\\b)[^.!?,;\\n])*`,
    'gi',
  ),
  new RegExp(
    `\\b(?:the|this|that|these|those|my|our)\\s+(?:stupid|damn|dumb|useless|ridiculous|crappy|freaking|bloody|` +
      `worthless|idiotic|pathetic|fucking|shitty|godawful|awful)\\s+(?:[\\w-]+\\s+)?${THING}\\b`,
    'gi',
  ),
  // swearing as an exclamation about what happened, a sentence of its own or set off by a comma: "Damn, that
  // deadline crept up fast", "Holy crap, we shipped it", "Fuck, wrong channel", "Bloody hell, what a week".
  // What follows is read as usual ("Damn, you are useless" is still an insult).
  new RegExp(
    [
      '(?<=^|[.!?…]\\s*|\\n\\s*)(?:oh\\s+|aw\\s+|ah\\s+|ugh,?\\s+)?(?:holy\\s+(?:crap|shit|hell|cow|moly|fuck)|',
      'bloody\\s+hell|(?:god)?damn(?:\\s+it)?|dammit|shit|crap|fuck(?:\\s+me)?|fucking\\s+hell|',
      "hell(?:\\s+yeah|\\s+yes|\\s+no)?|jesus(?:\\s+christ)?|christ|for\\s+fuck['’]?s\\s+sake|ffs|omfg|wtf)",
      '(?=\\s*[,!.…]|\\s*$)',
    ].join(''),
    'gi',
  ),
  // a situation that sucks, mostly said in sympathy: "That sucks, I'm sorry", "It sucks that you had to deal with
  // that alone" ("you suck", "your plan sucks" are not this)
  /\b(?:that|it|this|which)(?:['’]s|\s+(?:really|totally|just|kinda|kind\s+of|so|truly)?)?\s*(?:really\s+)?sucks?\b/gi,
  // being away for a while the sender names: "I'll be gone all weekend at Mum's", "I'll be away till the 15th".
  // "gone for good", "gone soon", "gone by morning" name no while and stay read.
  new RegExp(
    [
      "\\b(?:i['’]ll|i\\s+will|i['’]m\\s+(?:gonna|going\\s+to)|gonna|we['’]ll|we\\s+will)\\s+be\\s+",
      '(?:gone|away|off)\\s+(?:all\\s+(?:day|night|week|weekend|morning|afternoon|evening)|(?:this|next)\\s+',
      '(?:week|weekend|month|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|(?:till|until|from|on|over)\\s+',
      '(?:the\\s+)?(?:\\d|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|christmas|',
      'easter|new\\s+year|the\\s+weekend|tomorrow|tonight)|for\\s+(?:a\\s+|the\\s+|two\\s+|three\\s+|',
      'a\\s+few\\s+|\\d+\\s+)?(?:day|night|week|weekend|month|fortnight|holiday|work|conference|funeral|wedding|',
      "trip|course)s?)[\\w'’]*",
    ].join(''),
    'gi',
  ),
  // not making it to something on a day the sender names: "I won't be able to make it Thursday, sorry", "can't make
  // it tonight, work ran late", "I won't make it to the game". "Make it to Friday", "make it through the night",
  // "make it to your birthday" are about lasting, not going, and stay read; so does "or any day", "ever again".
  new RegExp(
    [
      "\\b(?:i|we)(?:['’]ll|\\s+will)?\\s*(?:won['’]?t|will\\s+not|can['’]?t|cannot|(?:['’]m|\\s+am|['’]re|",
      '\\s+are)\\s+not\\s+(?:gonna|going\\s+to))\\s+(?:be\\s+able\\s+to\\s+)?make\\s+it',
      '(?:\\s+(?:back|home|over|down|up|in))?\\s+',
      '(?:(?:on\\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|tonight|today|tomorrow|this\\s+(?:morning|afternoon|',
      'evening)|in\\s+time|on\\s+time|(?:before|till|until|by|at)\\s+\\d\\S*|for\\s+(?:dinner|lunch|tea|breakfast|',
      "pick-?up|drop-?off|drinks)|to\\s+(?:the|your|our|my|his|her|their|tonight['’]s|tomorrow['’]s)\\s+",
      '(?:\\w+\\s+)?',
      '(?:game|match|meeting|party|pub|gym|school\\s+run|pick-?up|drop-?off|practice|training|rehearsal|recital|class|',
      'lesson|appointment|dentist|gig|concert|show|barbecue|bbq|dinner|lunch|quiz|drinks|shift|stand-?up|call|',
      'session|lecture|seminar|hen\\s+do|stag\\s+do))\\b(?!\\s*(?:,?\\s*or\\s+(?:any|ever)|ever|again|any\\s*more))',
    ].join(''),
    'gi',
  ),
  // treatment, not a plan: "I've started on the new tablets, they make me drowsy", "the GP upped my meds", "Mum's back
  // on her antidepressants", "I forgot Dad's tablets". Never "took the pills", "stopped taking my meds", and nothing
  // in a message that speaks of all of them, saving them, enough, on purpose, or not waking up.
  new RegExp(
    [
      '\\b(?:started(?:\\s+on)?|starting(?:\\s+on)?|put\\s+(?:me|her|him|them)\\s+on|',
      "(?:i['’]m|i\\s+am|she['’]s|he['’]s)\\s+(?:back\\s+)?on|back\\s+on|upped|increased|lowered|changed|forgot|",
      'forgotten|picked\\s+up|pick\\s+up|',
      "collect(?:ed)?|renew(?:ed)?|refill(?:ed)?|order(?:ed)?)\\s+(?:(?:my|her|his|the|their|your|mum['’]s|dad['’]s|",
      "nana['’]s|gran['’]s)\\s+)?(?:new\\s+)?(?:meds|medication|medicine|tablets|pills|antibiotics|antidepressants|",
      'inhaler|insulin|dose)\\b(?![^]*\\b(?:all|whole|sav(?:e|ed|ing)|stockpil\\w*|enough|hoping|wake|purpose|',
      'together|overdose|od|goodbye|sorry)\\b)',
    ].join(''),
    'gi',
  ),
  // idioms that sound violent: "kill the job", "shoot me a text", "these shoes are killing me", "I'll hit you up"
  new RegExp(
    [
      '\\bkill(?:s|ing|ed)?\\s+(?:the|that|this|a|my|your|our)\\s+(?:old\\s+|new\\s+)?(?:job|process|task|engine|',
      'lights?|app|program|server|build|tab|music|power|switch|deal|mood|vibe|feature|project|idea|plan|meeting|call|',
      'bug|ticket|thread|conversation|noise|radio|telly|tv|fire|pitch|proposal|branch|flag|script)\\b',
    ].join(''),
    'gi',
  ),
  /\bshoot\s+(?:me|us|him|her|them)\s+(?:a|an)\s+(?:quick\s+)?(?:text|message|email|e-mail|note|line|call|dm)\b/gi,
  new RegExp(
    [
      '\\bcut(?:s|ting)?\\s+(?:off\\s+)?(?:the|those|these|some)\\s+(?:dead\\s+|old\\s+)?(?:branches|grass|hedges?|',
      'cake|budget|cord|costs|onions|bread|lawn|tree|wires?|losses)\\b',
    ].join(''),
    'gi',
  ),
  /\b(?:is|are|was|were|been)\s+killing\s+(?:me|us|my\s+\w+)\b/gi,
  // a body part that hurts someone: "Nana's hip is killing her after the fall", "the baby teeth are killing him"
  new RegExp(
    [
      '\\b(?:back|knees?|feet|foot|head|hips?|neck|shoulders?|legs?|hands?|wrists?|ankles?|tooth|teeth|stomach|',
      'belly|eyes|ears?|joints|bones|arms?)\\s+(?:is|are|was|were|has\\s+been|have\\s+been)\\s+killing\\s+',
      '(?:him|her|them)\\b',
    ].join(''),
    'gi',
  ),
  // a thing or an effort that wore someone out: "That exam absolutely murdered me", "the dryer murdered my favourite
  // jumper", "the hike nearly killed me" ("he nearly killed me" is not this: a person is no thing)
  new RegExp(
    `\\b(?:the|this|that|these|those|my|our)\\s+(?:[\\w'’-]+\\s+){0,3}?(?:${THING}|hike|run|walk|workout|gym|drive|` +
      'hill|climb|class|session|interview|deadline|shift|week|day|night|project|move|test)\\s+(?:(?:just|nearly|' +
      'almost|about|practically|literally|absolutely|totally|completely)\\s+)*(?:killed|murdered|destroyed|wrecked|' +
      'slaughtered|annihilated)\\s+(?:me|us|him|her|them|(?:my|our|his|her|their|the)\\s+' +
      "(?:[\\w'’-]+\\s+){0,2}?[\\w'’-]+)",
    'gi',
  ),
  /\bhit\s+(?:you|u|me|him|her|them|us)\s+up\b/gi,
  new RegExp(
    [
      '\\b(?:killer\\s+(?:negotiator|app|deal|idea|view|dress|smile|instinct)|shoot(?:ing)?\\s+the\\s+breeze|',
      'shoot\\s+(?:it|this|that|the\\s+\\w+)\\s+down|shot\\s+(?:it|this|that)\\s+down|shoot\\s+down\\s+(?:the|this|',
      "that|my|our|your)\\s+\\w+|kill\\s+two\\s+birds|break\\s+a\\s+leg|(?:i['’]m|i\\s+am)\\s+dead(?=\\s*[,.!]|",
      '\\s+(?:lol|haha|that))|bombed\\s+(?:the|that|our|my)\\s+\\w+|roast\\s+me|(?:heat|traffic|commute|',
      'queue)\\s+is\\s+(?:murder|brutal|a\\s+killer))\\b',
    ].join(''),
    'gi',
  ),
  /\b(?:i['’]d|i\s+would|i\s+could|could)\s+(?:kill|murder)\s+(?:for\s+)?(?:a|an|some|the)\s+\w+/gi,
  // "I'll kill for a coffee", "going to kill it at the interview", "Mum will kill me if I'm late",
  // "I could eat a horse"
  /\b(?:i['’]ll|i\s+will|i['’]m\s+gonna|i['’]m\s+going\s+to)\s+(?:kill|murder)\s+(?:for\s+(?:a|an|some)\s+\w+|it\b)/gi,
  new RegExp(
    [
      "\\b(?:boss|mum|mom|mam|dad|wife|husband|teacher|coach|manager|he|she|they)(?:['’]s|['’]ll|\\s+is|\\s+will|",
      "\\s+would|['’]d)\\s+(?:going\\s+to\\s+|gonna\\s+)?(?:kill|murder)\\s+(?:me|us)\\b",
    ].join(''),
    'gi',
  ),
  /\bcould\s+eat\s+a\s+(?:horse|scabby\s+horse|cow|whole\s+\w+)\b/gi,
  // a thing, not a person, that will "kill" the sender: "this deadline is going to kill me"
  new RegExp(
    [
      '\\b(?:this|that|the|these|those)\\s+(?!(?:man|guy|woman|person|bloke|lad|girl|boy|dude|husband|wife|ex|',
      "boyfriend|girlfriend|partner)\\b)[a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?\\s*(?:is|are|was|will|['’]s|['’]ll)\\s+",
      '(?:going\\s+to\\s+|gonna\\s+)?(?:be\\s+the\\s+death\\s+of|kill|murder|finish)\\s+(?:me|us)\\b',
    ].join(''),
    'gi',
  ),
  // food and games: "murder a roast dinner", "a killer at Scrabble", "deadly craic"
  new RegExp(
    [
      '\\b(?:murder|demolish|destroy|kill)\\s+(?:a|an|some|the)\\s+(?:\\w+\\s+)?(?:roast|curry|pint|pizza|burger|',
      'dinner|kebab|coffee|tea|beer|meal|fry-up|takeaway)\\b|\\bkiller\\s+at\\s+\\w+|\\bdeadly\\s+(?:craic|stuff|',
      'buzz|gig|night|session)\\b',
    ].join(''),
    'gi',
  ),
  new RegExp(
    [
      '\\b(?:murdered|killed|slayed|smashed|nailed|destroyed|killing|smashing|nailing)\\s+(?:it\\b|(?:that|this|the|',
      'their|his|her|our|my|your)\\s+(?:solo|song|set|exam|test|interview|presentation|pitch|gig|game|match|round|',
      'speech|audition|performance|quiz)\\b)',
    ].join(''),
    'gi',
  ),
  new RegExp(
    [
      '\\b(?:shoot(?:ing)?\\s+the\\s+messenger|dying\\s+(?:to|for)|dead\\s+(?:tired|on|easy|serious|good|quiet|',
      'ringer)|(?:shoot|shooting)\\s+(?:you|u|me|him|her|them|us)\\s+(?:a|an)\\s+(?:quick\\s+)?\\w+)\\b',
    ].join(''),
    'gi',
  ),
  new RegExp(
    [
      '\\b(?:take|takes|took|taking|put|puts|putting|empty|empties|emptied|emptying)\\s+(?:out\\s+)?the\\s+(?:trash|',
      'garbage|rubbish|recycling|bins?)\\b',
    ].join(''),
    'gi',
  ),
  /\b(?:trash|garbage|rubbish|recycling)\s+(?:cans?|bags?|bins?|disposal|truck|day|collection|chute)\b/gi,
  new RegExp(
    [
      '\\bthe\\s+(?:trash|garbage|rubbish)(?=\\s+(?:is|was|are|were|has|had|needs|smells|stinks|still|again|in|on|by|',
      'out|from|overflow\\w*|pile\\w*)\\b)',
    ].join(''),
    'gi',
  ),
];

export const MASK: MaskPatterns = {
  reports: PATTERNS,
  clauseEnd: CLAUSE_END,
  sentenceEnd: SENTENCE_END,
  selfStart: SELF_START,
  negation: /^(?:not|never|no)$/i,
  senderSubjects: SENDER_SUBJ,
  otherSubjects: OTHER_SUBJ,
  readerSubject: (w) => w === 'you' || w === 'u' || w.startsWith('you'),
  aside: ASIDE,
  possessive: /^(?:my|his|her|their|our|your)$/i,
  preposition: PREPOSITION,
  structure: STRUCTURE,
  commandStart: COMMAND_START,
  notAName: /^i$/,
  reportBeforeQuote: REPORT_BEFORE_QUOTE,
  reportAfterQuote: REPORT_AFTER_QUOTE,
  senderAfter: SENDER_AFTER,
  senderBefore: SENDER_BEFORE,
  quoteYou: QUOTE_YOU,
  heardBefore: HEARD_BEFORE,
  toReaderLead: TO_READER_LEAD,
  thirdLead: THIRD_LEAD,
  literal: LITERAL_PATTERNS,
};
