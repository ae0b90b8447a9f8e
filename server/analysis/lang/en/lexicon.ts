/**
 * Word and phrase lists behind the rules. Patterns are written for the original text (case-insensitive);
 * an apostrophe is written A and stands for ' or ’. Sources: Gottman's four horsemen (criticism,
 * contempt, defensiveness, stonewalling), plus common English profanity and insult vocabulary.
 */

const A = "['’]?";
/** "pay for dinner" is no threat: what "you're gonna pay" must not be followed by */
const PAY_FOR_THINGS =
  '(?! (?:for|4) (?:dinner|lunch|breakfast|drinks|the |a |an |half|your (?:own|share)|it (?:with|by|on)|parking|' +
  'petrol|gas))';

export function phrases(list: string[]): string {
  return list.map((p) => p.replace(/A/g, A).replace(/ /g, '\\s+')).join('|');
}

/** Swear words. `strong` ones are hostile wherever they appear; `mild` ones are intensifiers. */
export const PROFANITY_STRONG = [
  'f+u+c+k+\\w*',
  'clusterf\\w+',
  'bollocks',
  'bugger\\w*',
  'sod off',
  'shite',
  'fck\\w*',
  'fuk\\w*',
  'f\\*+k\\w*',
  'f\\*+ck\\w*',
  'motherf\\w+',
  'mf',
  'mofo',
  'stfu',
  'gtfo',
  'wtf',
  'shit\\w*',
  'sh\\*t\\w*',
  'bullshit\\w*',
  'bs',
  'bitch\\w*',
  'b\\*tch\\w*',
  'bastard\\w*',
  'asshole\\w*',
  'arsehole\\w*',
  'a\\*\\*hole\\w*',
  'dickhead\\w*',
  'dick',
  'dicks',
  'cunt\\w*',
  'c\\*nt\\w*',
  'prick\\w*',
  'twat\\w*',
  'wanker\\w*',
  'douche\\w*',
  'jackass\\w*',
  'dumbass\\w*',
  'smartass\\w*',
  'piss\\w*',
  'cock',
  'cocks',
  'cocksuck\\w*',
  'pussy',
  'pussies',
  'whore\\w*',
  'slut\\w*',
  'skank',
  'skanks',
  'skanky',
  'nigg\\w*',
  'fag\\w*',
  'retard\\w*',
];
export const PROFANITY_MILD = [
  'damn\\w*',
  'goddamn\\w*',
  'dammit',
  'crap\\w*',
  'hell',
  'bloody',
  'freaking',
  'friggin\\w*',
  'effing',
  'screw you',
  'screw this',
  'screw it',
  'sucks',
  'suck it',
  'balls',
  'ass',
  'arse',
  'a\\$\\$',
  'hoe',
  'hoes',
  'butt',
];

/** Words that insult a person. */
export const INSULT_WORDS = [
  'idiot\\w*',
  'moron\\w*',
  'imbecile\\w*',
  'stupid\\w*',
  'stupidity',
  'dumb\\w*',
  'dim ?wit\\w*',
  'halfwit\\w*',
  'nitwit\\w*',
  'dimwit\\w*',
  'loser\\w*',
  'pathetic\\w*',
  'worthless',
  'useless',
  'fool',
  '(?:spoilt|spoiled) brat',
  'layabouts?',
  'good[- ]for[- ]nothing',
  'fools',
  'foolish',
  'clown\\w*',
  'jerk\\w*',
  'scum\\w*',
  'trash(?! (?:bin|bins|can|cans|folder|bag|bags|day|pickup|truck|collection|talk))',
  'garbage(?! (?:bin|bins|can|cans|bag|bags|day|disposal|pickup|truck|collection))',
  'pig',
  'pigs',
  'cow',
  'cows',
  'psycho',
  'psychos',
  'psychopath\\w*',
  'psychotic',
  'lunatic\\w*',
  'nutcase\\w*',
  'nut job',
  'creep',
  'creeps',
  'creepy',
  'freak',
  'freaks',
  'disgusting',
  'ugly',
  'fatso',
  'fat',
  'incompetent',
  'ignorant',
  'hypocrite\\w*',
  'coward\\w*',
  'parasite\\w*',
  'brainless',
  'clueless',
  'spineless',
  'gutless',
  'narcissist\\w*',
  'deadbeat\\w*',
  'liar',
  'liars',
  'lazy',
  'selfish',
  'pervert\\w*',
  'perv',
  'sicko\\w*',
  'cretin\\w*',
  'buffoon\\w*',
  'airhead\\w*',
  'bimbo\\w*',
  'weirdo\\w*',
  'failure',
  'waste of space',
  'waste of (?:air|oxygen|time)',
  'piece of (?:\\w+)',
  'crazy',
  'insane',
  'ridiculous',
  'idiotic',
  'moronic',
  'childish',
  'immature',
  'vile',
  'evil',
  'filth\\w*',
  'rat',
  'snake',
  'bully',
  'nag',
  'witch',
  'dense',
  'hag',
  'slob',
  'retarded',
  'dunce',
  'simpleton',
  'numbskull\\w*',
  'bonehead\\w*',
  'knucklehead\\w*',
  'ignoramus',
];

/** Contempt without swearing: mockery, superiority, sarcasm, dismissal of the person. */
export const CONTEMPT = [
  // sarcasm aimed at the reader
  'well done,? (?:you|u) (?:managed|finally)',
  '(?:because|cos|coz) (?:you(?:A| a)re|ur) (?:the|such an?|so) (?:expert|authority|genius|perfect)',
  '(?:i )?forgot (?:that )?(?:you(?:A| a)re|ur) (?:perfect|always right|never wrong|a saint)',
  'nice (?:of you )?to see (?:you(?:A| ha)ve|ur) finally',
  '(?:it(?:A| i)s )?not like (?:you|u) (?:ever|even) (?:do|did|help|lift|make|get|have)',
  'i(?:A| wi)ll (?:just )?do (?:everything|it all)(?: myself)?,? (?:as usual|as always|like always)',
  '(?:found|find|have|had|make|made) (?:the )?time for [^.!?]{1,30} but not (?:for )?',
  'cool story',
  '(?:you(?:A| a)re|your|ur) [\'"‘“]\\w+[\'"’”]',
  '(?:glad|nice|good) to see (?:your|ur) priorities',
  'how (?:kind|nice|good|thoughtful|generous|lovely|sweet) of (?:you|u) to\\b[^.!?]{0,50}(?:as always|as usual|' +
    'for once|finally|at last|last minute)',
  'who do you think you are',
  'you disgust me',
  'you make me sick',
  'get a life',
  'grow up',
  'give me a break',
  'oh please',
  'yeah right',
  'as if',
  'big surprise',
  'what a surprise',
  'how convenient',
  'nice try',
  'whatever you say',
  'do you even',
  'are you even',
  'what a joke',
  'you(?:A| a)re a joke',
  'you(?:A| a)re pathetic',
  'nobody cares',
  'no one cares',
  '(?:nobody|no one|no-one) (?:likes|wants|loves|respects|can stand) (?:you|u)',
  'i don(?:A|o)t care what you (?:think|say|want)',
  'shut up',
  'shut your (?:mouth|face)',
  'are you kidding me',
  'rolls? (?:my )?eyes',
  'good luck with that',
  'spare me',
  'classic you',
  'typical(?: of)? you',
  'how typical',
  'so typical',
  '(?<![a-z] )typical(?=\\s*[.!?]|$)',
  'it(?:A| i)s not rocket science',
  'even a (?:child|kid|toddler) (?:could|can|would)',
  'pfft+',
  'duh',
  'get over yourself',
  'cry me a river',
  'boo hoo',
  'poor (?:little )?(?:you|baby)',
  'how pathetic',
  'you(?:A| a)re (?:so )?(?:full of yourself|beneath me|not worth)',
  'you(?:A| a)re not worth (?:it|my time)',
  'waste of my time',
  'you(?:A| a)re such an? ',
  'what did you expect',
  'of course you (?:did|would|do|are|were)',
  'clearly you',
  'obviously you',
  'you(?:A| wi)ll never (?:change|amount|be)',
  'you(?:A| a)re nothing',
  'you are nothing',
  'sure,? jan',
  'thanks for nothing',
  'you people',
  'your kind',
  'get out of my face',
  'go to hell',
  'drop dead',
  'get lost',
  'you can(?:A|no)t even',
  'heaven forbid',
  'god forbid',
  'wow,? just wow',
  '(?<![a-z] )unbelievable(?=\\s*[.!?,]|$)',
  'whatever helps you sleep',
  'real mature',
  'very mature',
  'so mature',
  'how mature',
  '(?:don(?:A|o)t )?make me laugh',
  // sarcasm: praise that means its opposite
  '(?:oh |yeah )?(?:sure|right),? because (?:you|u)(?:A| a)re',
  'because (?:you|u)(?:A| a)re (?:so|soo+) (?:perfect|smart|clever|great|wonderful|amazing|special)',
  '(?:great|good|nice|fantastic|amazing|brilliant|wonderful|awesome|well) (?:job|work|going|done|move|' +
    'one)[,.!]* (?:as usual|as always|once again|again|genius|einstein)',
  'nice (?:one|going|job|work),? (?:genius|einstein|sherlock)',
  'way to go,? (?:genius|einstein|again)',
  'must be nice',
  'mr\\.? perfect',
  'miss perfect',
  'oh,? how (?:nice|lovely|sweet|generous|kind) of (?:you|u)',
  'really impressive',
  'so impressive',
  '(?:you|u)(?:A| a)re just like (?:your|ur) (?:mother|mom|mum|father|dad|sister|brother|family)',
  '(?:you|u)(?:(?:A| a)re| act| behave| sound| look)(?:ing)? (?:even )?(?:worse|no better) than (?:a|an|your|ur|' +
    'my) \\w+',
  '(?:you|u) (?:act|behave|sound)s? like (?:a|an) (?:child|baby|toddler|two year old|teenager|spoiled brat|brat)',
  '\u{1F644}',
  '(?:should|shall) (?:we|i) throw (?:you|u) a (?:parade|party)',
  '(?:do )?(?:you|u) want a (?:medal|cookie|trophy|gold star|prize)',
  'look who(?:A| i)?s? (?:finally )?(?:decided|showed|shows|bothered|remembered)',
  'cute (?:that|how) (?:you|u) think',
  'how cute',
  'enlighten (?:us|me)',
  'your (?:brilliant|genius|expert|oh so wise|infinite) (?:\\w+ )?(?:advice|ideas?|opinions?|wisdom|plan|insight)',
  '(?:congratulations|congrats),? (?:you|u) (?:managed|finally|actually)',
  '(?<![a-z] )impressive(?=\\s*[.!]|$)',
  'nobody asked (?:for )?(?:you|u|your)',
  'no one asked (?:for )?(?:you|u|your)',
  '(?:are (?:you|u) )?happy now',
  'mr\\.? know[- ]it[- ]all',
  'know[- ]it[- ]all',
  'mr\\.? [\'"‘“]?i know(?= everything)',
  '(?:you|u)(?:A| a)re (?:just )?(?:a )?nobody',
  ',? genius(?=\\s*[.!?]|$)',
  'bless your heart',
  'all by yourself',
  'news ?flash',
  'ok(?:ay)? boomer',
  'employee of the month',
];

/** Criticism: the person's character, not the situation; absolutes. */
export const CRITICISM = [
  'you always',
  'you never',
  'you(?:A| a)re always',
  'you(?:A| a)re never',
  'you constantly',
  'you(?:A| a)re constantly',
  'you can never',
  'you can(?:A|no)t ever',
  'you won(?:A|o)t ever',
  'you don(?:A|o)t ever',
  'you didn(?:A|o)t even',
  'every single time',
  'every time you',
  'each time you',
  'not once have you',
  'you(?:A| ha)ve never',
  'what(?:A| i)s wrong with you',
  'what is wrong with you',
  'what the (?:hell|heck|fuck) is wrong with you',
  'what(?:A| i)s your problem',
  'why can(?:A|no)t you (?:ever|just)',
  'why do you always',
  'why do you never',
  'why don(?:A|o)t you ever',
  'you don(?:A|o)t (?:even )?care',
  'you only (?:ever )?(?:care|think) about yourself',
  // "you're all lazy", "you two are useless": the same words said to several people at once
  '(?:you(?:A| a)re (?:all |both )?|you (?:two|three|both|all|lot|guys|people) are (?:all )?)' +
    '(?:so |such an? |really |just )?(?:selfish|lazy|useless|hopeless|impossible|irresponsible|' +
    'inconsiderate|careless|clueless|controlling|cold|heartless|selfish)',
  'you(?:A| a)re the (?:kind|sort|type) of (?:person|man|woman)',
  'you(?:A| a)re (?:incapable|unable)',
  'you ruin everything',
  'you ruined everything',
  'you(?:A| wi)ll never',
  'typical of you',
  'just like you',
  'you(?:A| ha)ve (?:always|never) been',
  'there(?:A| i)s something wrong with you',
  'you(?:A| a)re the problem',
  'all you (?:ever )?do is',
  'you (?:only|just) (?:ever )?think of yourself',
  'you(?:A| a)re (?:a|an) terrible',
  'why are (?:you|u) (?:always |so |even )?like this',
  'what kind of (?:person|mother|father|parent|mom|mum|dad|husband|wife|partner|man|woman|friend|manager|boss|' +
    'adult|grown man|grown woman|sister|brother|son|daughter) (?:would|does|do|forgets|says|treats|leaves|are you)',
  '(?:you|u) (?:have|got) the (?:emotional )?maturity of',
  'couldn(?:A|o)t be bothered',
  'grow a (?:spine|pair)',
  // superlatives: "you're the laziest person I've ever met", "the worst husband in the world"
  '(?:you|u)(?:A| a)re (?:(?:honestly|literally|really|truly|by far|easily|seriously) )?(?:the|such (?:a|' +
    'an)) (?:single )?(?:laziest|dumbest|stupidest|worst|rudest|meanest|cruellest|cruelest|ugliest|cheapest|coldest|' +
    'weakest|most (?:selfish|useless|pathetic|annoying|incompetent|inconsiderate|irresponsible|arrogant|dishonest|' +
    'disgusting|ungrateful|self-centred|self-centered|self-absorbed|toxic|manipulative|controlling|ridiculous|' +
    'childish|immature|unreliable|spoiled|entitled|insufferable))',
];

/** Defensiveness: innocence, counter-attack, excuses. */
export const DEFENSIVENESS = [
  'it(?:A| i)s not my fault',
  'not my fault',
  'it wasn(?:A|o)t my fault',
  'i didn(?:A|o)t do anything(?: wrong)?',
  'i did nothing wrong',
  'don(?:A|o)t blame me',
  'don(?:A|o)t put this on me',
  'that(?:A| i)s not true',
  'i never said that',
  'what about you',
  'what about when you',
  'you(?:A| a)re the one who',
  'yes,? but you',
  'yeah,? but you',
  'it wasn(?:A|o)t me',
  'how is (?:that|this|it) my fault',
  'why is it always me',
  'i(?:A| a)m not the problem',
  'i(?:A| a)m not the one who',
  'you started it',
  'i had no choice',
  'you(?:A| a)re overreacting',
  'you(?:A| a)re too sensitive',
  'you(?:A| a)re being dramatic',
  'i was just joking',
  'it(?:A| wa)s just a joke',
  'well,? you',
  'you did it too',
  'you(?:A| ha)ve done (?:it|that|the same|worse)',
  'i(?:A| a)m not (?:the bad guy|a mind reader)',
  'i did my best',
  'i was only trying',
];

/** Stonewalling: shutting the conversation down. Only counted when it makes up most of a short sentence. */
export const STONEWALLING = [
  'whatever',
  'i(?:A| a)m done(?: talking| with this| here)?',
  'i(?:A| a)m not (?:talking|discussing|doing) (?:about )?this',
  'i have nothing (?:more )?to say',
  'this conversation is over',
  'we(?:A| a)re done(?: here)?',
  'talk to the hand',
  'forget it',
  'never ?mind',
  'i(?:A| a)m out',
  'end of (?:discussion|story|conversation)',
  'i(?:A| a)m not discussing this',
  'don(?:A|o)t talk to me',
  'leave me alone',
  'i give up',
  'i don(?:A|o)t care(?: anymore)?',
  'fine',
  'k',
  'talk to you never',
  'i(?:A| a)m not going to (?:talk|discuss)',
  'there(?:A| i)s nothing to talk about',
  'i(?:A| wi)ll talk when i want',
  'not interested',
  'don(?:A|o)t bother',
  'no comment',
  'go away',
  'stop talking',
  'do (?:what|whatever) (?:you|u) (?:want|like|wish)',
  'do whatever',
  '(?:i(?:A| a)m )?not doing this(?: again| anymore| now| with you)?',
  'bye',
  'save it',
  'i(?:A| a)m not listening',
  'i(?:A| ha)ve checked out',
  'talk to my lawyer',
  'this is pointless',
  'i(?:A| a)m blocking you',
  'leave me out of (?:it|this)',
];

/** Refusals that shut the conversation down whatever the sentence's length. */
export const STONEWALLING_EXPLICIT = [
  'i(?:A| a)m not (?:answering|replying to|responding to|reading|discussing|talking about) (?:any more of |' +
    'anymore |any of )?(?:this|that|you|your|it)',
  'i(?:A| wi)ll not (?:answer|reply to|respond to|discuss|talk about) (?:this|that|you|your|it)',
  'don(?:A|o)t bother (?:replying|answering|responding|texting|calling|messaging)',
  '(?:i(?:A| ha)ve )?stopped (?:reading|listening to|answering) (?:your|you)',
  'checked out of (?:this|the) (?:family|marriage|relationship|conversation|team)',
  '(?:not|never) (?:discussing|talking about) this (?:with you|again)',
  'talk to my lawyer',
];

/** Blame: the cause of everything is the reader. */
export const BLAME = [
  'it(?:A| i)s (?:all )?your fault',
  'this is (?:all )?your fault',
  'it(?:A| i)s all on you',
  'all your fault',
  'your fault',
  'because of (?:you|your|ur)',
  '(?:you|u)(?:A| a)re the one who (?:lost|broke|forgot|started|ruined|messed|wrecked|caused|crashed|missed|spent|' +
    'left|did|made)',
  '(?:it(?:A| i)s|that(?:A| i)s) (?:all )?on (?:you|u)',
  'you made me',
  'you caused',
  'you ruined',
  'you(?:A| a)re the reason',
  'thanks to you',
  'if you hadn(?:A|o)t',
  'if it (?:weren|wasn)(?:A|o)t for you',
  'you did this',
  'you brought this on',
  'you(?:A| ha)ve (?:ruined|destroyed|wrecked)',
  'you (?:destroyed|wrecked|screwed up)',
  'you started this',
  'you (?:always )?make (?:me|everything|it) (?:worse|angry|mad|miserable)',
  'blame (?:yourself|you)',
  'you only have yourself to blame',
  'you (?:let|messed) (?:me|us|everything|it) (?:down|up)',
];

// Structures of a threat, read generally (not one phrasing at a time): who will act (the sender, future or
// conditional), a harm verb, and whom or what it lands on (the reader, their body, children, pets, home, job).
/** the sender, future or conditional: "I'll", "I'm gonna", "imma", "I swear I will", "I go" (Nigerian), "mi wi" */
const I_WILL =
  '(?:i(?:A| wi)ll|i will|i(?:A| a)m (?:going to|gonna|gon|about to)|imma|ima|i(?:A| a)ma|i go|i go make i|' +
  'mi (?:wi|a go|go|ago)|ah(?:A| wi)ll|i swear (?:to god )?i(?:A| wi)ll|i(?:A|\\s+woul)d|i could|i shall)' +
  '(?: (?:fucking|actually|literally|seriously|honestly|really|just|personally|so|definitely|gladly|happily|' +
  'come (?:over|round|back) and|come and|go and|make sure (?:i|to)|have to|end up))*';
/** what a threat does to someone: violence, killing, breaking, burning */
const HARM_VERB =
  '(?:kill|murder|hurt|harm|beat|batter|bash|punch|hit|slap|smack|stab|shoot|strangle|choke|throttle|drown|' +
  'poison|burn|torch|smash|break|wreck|trash|destroy|ruin|end|finish|bury|cut|slit|knock|kick|box|burst|' +
  'flatten|deck|lamp|thump|klap|moer|donner|buss|bruk|leather|belt|skin|maim|cripple|gut|waste|run over|' +
  'fuck (?:you|u|ya) up|mess (?:you|u|ya) up|beat (?:you|u|ya) up|smash (?:you|u|ya) up|bang (?:you|u) up|' +
  'smash up|key|slash)';
/** harm phrases that carry their object: "run you off the road", "put a bullet in you" */
const HARM_DONE =
  '(?:run (?:you|u) (?:off the road|over|down)|push (?:you|u) (?:down|off|under|in front)|put (?:a bullet|a knife|' +
  'one|a hole) (?:in|through) (?:you|u|your|ur)|(?:fuck|mess|beat|smash|bang|sort) (?:you|u|ya) up|' +
  '(?:come|coming) (?:to get|for|after) (?:you|u)\\b(?! (?:at|from|in|on|after) )|slap (?:you|u|ya) (?:so|' +
  'really) hard|' +
  'drown (?:that|the|your|ur) (?:\\w+ )?(?:cat|dog|kitten|puppy))';
/** who or what it lands on: the reader, their body, family, pets, home, things, work */
const HARM_OBJ =
  '(?:you|u|ya|ye|yuh|yous|youse|thee|yer (?:heid|head|face)|your|ur|yer|yuh|(?:you|u) both|the (?:both|' +
  'lot) of (?:you|u)|' +
  'him|her|them|(?:the|my|our|those|that|this) (?:kids|children|twins|baby|boys|girls|son|daughter|cat|dog|pets?|' +
  'house|flat|car|home|shop|place)|(?:that|the) (?:cat|dog) of yours)\\b';

/** Marks a pattern that starts with a shared prefix (sharePrefix): the prefix is matched once for all of them. */
const BY_SENDER = '\u0001';
/**
 * `${prefix} (?:a|b|c)` instead of `${prefix} a|${prefix} b|${prefix} c`: one long prefix written out in
 * every pattern made the regular expression too large for V8 to optimise.
 */
function sharePrefix(list: string[], prefix: string): string[] {
  const shared = list.filter((p) => p.startsWith(BY_SENDER)).map((p) => p.slice(BY_SENDER.length));
  return [...list.filter((p) => !p.startsWith(BY_SENDER)), `${prefix} (?:${phrases(shared)})`];
}

/** Threats of harm from the sender. Always held; never delivered as written. */
export const THREAT = [
  '(?:iAll|i will|iAm going to|iAm gonna|i am going to|i am gonna|i gonna|i swear iAll|i could|' +
    'i should) (?:fucking |actually |literally |seriously |honestly |so |just )?' +
    '(?:kill|murder|hurt|beat|punch|hit|slap|stab|shoot|strangle|choke|destroy|ruin|end|break|' +
    'smash|bury) (?:you|u|your|him|her|them)\\b(?! (?:up|back|to it|an? |some |over |at (?!home|work|school|the|' +
    'your)\\w+|with (?:a|an|the) (?:email|text|call|message|link|reminder)))',
  'i(?:A| wi)ll make (?:you|u) (?:pay|regret|suffer|sorry)',
  'you(?:A| wi)ll regret (?:this|it|that)',
  'you will regret(?! (?:not|nothing|missing|skipping|passing)\\b)',
  'watch your back(?! (?:when|while|as|if) (?:you|u) (?:lift|bend|carry|pick|move|do|are lifting))',
  'i know where you live(?!,? (?:so |and )?i(?:A| wi)ll (?:drop|bring|pop|send|post))',
  'you(?:A| a)re dead(?! (?:right|on|wrong|tired|serious|cute|good|funny|easy|set|keen)\\b)',
  'you are dead(?! (?:right|on|wrong|tired|serious|cute|good|funny|easy|set|keen)\\b)',
  `you(?:A| a)re (?:going to|gonna) (?:pay${PAY_FOR_THINGS}|regret|get hurt|be sorry)`,
  'make (?:your|ur) (?:\\w+ )?life (?:\\w+ )?(?:a )?(?:living )?(?:hell|misery|nightmare)',
  'you(?:A| wi)ll never see (?:the|your|our) (?:kids|children|son|daughter|baby) again',
  'i(?:A| wi)ll take the (?:kids|children)(?=\\s*[.!]|$| (?:away from (?:you|u)|from (?:you|u)|and (?:go|leave|run|' +
    'disappear|vanish)))',
  'sleep with one eye open',
  'you(?:A| wi)ll be sorry(?! (?:you|u|to|if you miss)\\b)',
  'or else',
  'i(?:A| wi)ll burn (?:your|the house|it)',
  'i could kill you',
  'i should kill you',
  'i (?:want to|wanna) (?:kill|hurt|punch|hit|throttle|strangle|murder) (?:you|u)',
  '(?:you(?:A| a)re|ur|u r) (?:a )?dead (?:man|woman|meat)\\b',
  '(?:you(?:A| a)re|ur|u r) so dead\\b',
  'i(?:A| wi)ll find you(?! (?:at|in|on|by|later|there|after|when|a|an|the|some|one|something|outside|inside)\\b)',
  'you deserve to die',
  '(?:go )?kill yourself',
  'kys',
  'hope you die',
  'i hope you die',
  'i(?:A| wi)ll (?:post|send|share|leak) (?:your|the) (?:photos|pictures|nudes|messages)',
  // conditional and veiled: "touch my stuff again and you'll get hurt", "you won't like what happens"
  // (a caring "be careful or you'll get hurt" is not one: only after "again" / "or else")
  '(?:again|or else|otherwise)(?:,? (?:and|or))?[,\\s]+(?:you|u)(?:A| wi)ll (?:get hurt|be hurt|be sorry|regret it|' +
    'pay)',
  '(?:and|or)[,\\s]+(?:you|u)(?:A| wi)ll (?:see|find out) what happens',
  '(?:you|u)(?:A| a)re (?:going to|gonna) get (?:hurt|it|what(?:A| i)s coming)',
  '(?:you|u)(?:A| wi)ll get what(?:A| i)s coming',
  '(?:you|u) won(?:A|o)t like what (?:happens|i do|comes next)',
  'something (?:bad )?(?:will|is going to|could) happen to (?:you|u)',
  'don(?:A|o)t make me (?:hurt|hit|kill|slap|punch) (?:you|u)',
  'i(?:A| wi)ll (?:come|go) after (?:you|u)',
  'i(?:A| wi)ll get (?:you|u) for (?:this|that)',
  '(?:you|u)(?:A| wi)ll pay for (?:this|that|it)',
  'i(?:A| wi)ll (?:make sure|see to it)(?: that)? (?:you|u) (?:never|lose|regret|pay|suffer)',
  'i(?:A| wi)ll take (?:you|u) for everything',
  'i(?:A| wi)ll take everything (?:from )?(?:you|u)',
  '(?:you|u)(?:A| wi)ll wish (?:you|u) (?:hadn(?:A|o)t|never|were)',
  'i(?:A| wi)ll (?:hurt|kill) myself if (?:you|u)',
  '(?:you|u)(?:A| wi)ll be (?:limping|crawling|bleeding|begging|in (?:the )?hospital|in a wheelchair|' +
    'picking up your teeth)',
  'what crossing me (?:costs|gets you|means)',
  '(?:don(?:A|o)t|do not|never) cross me',
  'i(?:A|\\s+woul)d be (?:very |really )?careful (?:what|how) (?:you|u) (?:say|do|act)',
  'i know (?:which|what|where) (?:school|street|gym|office|bar|house) (?:your|ur) (?:kids|children|son|daughter|' +
    'wife|husband|mother|mom|mum)',
  'i know where (?:your|ur) (?:kids|children|son|daughter|mother|mom|mum|parents|family) (?:live|lives|go|goes|' +
    'work|works|are)',
  'see what happens to (?:your|ur) (?:job|kids|car|career|face|family|stuff|things)',
  'put (?:you|u) through (?:a|the|that) (?:wall|window|door|floor)',
  'break (?:your|ur) (?:neck|legs?|arms?|jaw|face|nose|fingers|teeth)',
  '(?:smash|bash|cave) (?:your|ur) (?:face|head|skull) in',
  '(?:send|show|post|share|leak) (?:those|these|the|your|our|my|all the|all those|all your) (?:\\w+ )?(?:photos|' +
    'pictures|pics|videos|nudes|messages|texts) to (?:your|ur|everyone|the whole)',
  'i(?:A| wi)ll (?:burn|smash|destroy|wreck|trash|key|slash|break) (?:every(?:thing| last| single)?|all|your|ur)' +
    '(?! (?:records?|game|level|targets?|exams?|tests?|pbs?|personal bests?|deadlines?)\\b)',
  'one more (?:word|time|step|chance)[,.]?(?: and| or)? (?:i(?:A| wi)ll|i swear|you(?:A| wi)ll)',
  'i(?:A| wi)ll (?:knock|lay|deck|lamp|batter|flatten|sort) (?:you|u) (?:out|down|flat|clean out|one)',
  'knock (?:your|ur) (?:teeth|head|block|lights) (?:in|out|off)',
  'kick (?:your|ur) (?:ass|arse|head|teeth) in',
  '(?:beat|kick) the (?:shit|crap|hell|living daylights) out of (?:you|u)',
  // children: abduction, "if I can't have them nobody will"
  '(?:you|u)(?:A| wi)ll (?:never|not) (?:see|find|hold|hear from|lay eyes on) (?!(?:this|that|it|me|anything|one|' +
    'such|prices|the like)\\b)(?:them|her|him|us|(?:the|your|our|my) (?:\\w+ )?(?:kids|children|boys|girls|son|' +
    'daughter|baby|kid)|[a-z]+)(?: again| ever again)',
  '(?:you|u)(?:A| wi)ll never (?:find|see) (?:her|him|them|us)(?=\\s*[.!?,]|$| again)',
  '(?:you|u)\\b[^.!?]{0,20}(?:will|(?:A|)ll) (?:both |all )?be sorry(?! (?:you|u) (?:missed|didn|weren|couldn|left)|' +
    ' if (?:you|u) miss|' +
    ' to (?:see|hear|miss))',
  '(?:you|u) (?:will not|won(?:A|o)t) (?:find|know where) (?:us|them|her|him|we(?:A| ha)ve gone|they(?:A| a)re)',
  '(?:take|snatch|grab|keep) (?:the|my|our|your) (?:kids|children|boys|girls|son|daughter|baby)\\b[^.!?]{0,50}' +
    '(?:never|won(?:A|o)t|will not) (?:see|find|know)',
  'if i can(?:A|no)t have (?:the kids|them|you|her|him|the children),? (?:nobody|no one|no-one) (?:will|can)',
  'coming to (?:get|take) (?:them|the kids|the children),? for good',
  '(?:you|u) no go see (?:your|ur) \\w+ again',
  // where someone will be: stalking
  '(?:i|we) know where (?:you|u)(?:A| wi)ll be(?![^\\n]{0,80}(?:have fun|save|see you|meet|join|good luck|enjoy|' +
    'pick|bring|so i can))',
  'i know where (?:you|u) (?:park|work|sleep|stay|drink|train|jog|run|go|are staying|hide|shop)\\b',
  'i know (?:which|what) (?:school|nursery|creche|time|route|bus|train|gym|office|church)\\b[^.!?]{0,30}' +
    '(?:goes|go|finish|leave|get|take|attends|you)',
  'i(?:A| wi)ll be (?:waiting|watching)(?: for (?:you|u))? (?:outside|at|by|near|round) (?:your|ur) (?:work|office|' +
    'house|flat|place|door|school|job|mum(?:A|)s|mom(?:A|)s|parents(?:A|)?|gym|car)(?![^.!?]{0,60}(?:so (?:we|i) ' +
    'can|at (?:\\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|half|quarter|lunch)|' +
    'to (?:pick|drive|walk|give|take)|with (?:the|a|your) (?:car|keys|coffee|parcel)))',
  '(?:wait|waiting) for (?:you|u) (?:at|outside) (?:your|ur) (?:work|house|flat|place|job|school)\\b[^.!?]{0,30}' +
    '(?:finish|sort|settle|talk properly|see)',
  'i(?:A| wi)ll be watching (?:you|u)',
  'i(?:A| ha)ve been (?:watching|following) (?:you|u)',
  'i followed (?:you|u)',
  'i can see (?:your|ur) (?:light|lights|window|bedroom|curtains)',
  'i(?:A| ha)ve (?:got|found) (?:your|ur) new address',
  'i(?:A| wi)ll be there when (?:you|u) least expect',
  '(?:you|u) (?:won(?:A|o)t|wont|will not) see (?:it|me|this) comin(?:A|g)?',
  '(?:you|u)(?:A| ha)?(?:ve)? got it coming',
  '(?:you|u)(?:A| wi)ll get what (?:you|u) deserve',
  '(?:your|ur) days are numbered',
  '(?:wait|just wait) (?:till|until) i get (?:my hands on|hold of) (?:you|u)',
  'dead (?:man|woman|girl|boy) walking',
  'teach (?:you|u) a lesson',
  '(?:you(?:A| a)re|ur|u r|you(?:A| wi)ll be|u(?:A| wi)ll be|ull be) next(?! (?:week|month|year|time|in line|' +
    'in (?:the )?(?:queue|line)|to|on|' +
    'up|at|door|for|after)\\b)(?!\\s*\\w+ing\\b)',
  '(?:you|u|ull)(?:A| wi)?(?:ll)? regret (?:this|it|that|the day|ever|what)',
  'ull regret',
  'rue the day',
  'watch (?:your|ur) back(?! (?:when|while|as|if) (?:you|u) (?:lift|bend|carry|pick|move|do|are lifting))',
  'watch yourself(?=\\s*(?:[.!]|$|seriously|mate|pal))',
  '(?:better|best) (?:keep|get) (?:the|your|ur) (?:kids|children) (?:indoors|inside|in|close|locked)',
  '(?:better|you(?:A| wi)?(?:ll|d)?(?: better)?) sleep with (?:the|your) lights? on',
  'think (?:very |really )?(?:carefully|hard|twice) about (?:your|ur) (?:\\w+(?:A)?s? )?safety',
  '(?:your|ur) (?:little )?(?:girl|boy|son|daughter|kids|children|wife) (?:walks|walk|goes|go|gets|comes) ' +
    '(?:home|to school|out) (?:alone|on (?:her|his|their) own)',
  // job, reputation, blackmail
  'i(?:A| wi)ll (?:get|have) (?:you|u) (?:fired|sacked|struck off|deported|arrested|evicted|kicked out|locked up)',
  'i(?:A| wi)ll make sure (?:you|u) (?:never|don(?:A|o)t|lose|get (?:fired|sacked))',
  'one (?:call|phone call|word|email|text) from me and (?:you|u|your)',
  '(?:you|u)(?:A| wi)ll never work (?:in|again|anywhere)',
  '(?:your|ur) (?:business|career|marriage|reputation) (?:won(?:A|o)t|will not) survive',
  'i(?:A| wi)ll tell (?:everyone|everybody|the whole \\w+|all your \\w+|your (?:boss|wife|husband|family|parents|' +
    'church|pastor|employer|manager))\\b[^.!?]{0,60}(?:unless|if (?:you|u) (?:don(?:A|o)t|go|tell|call)|or\\b|' +
    'been (?:stealing|cheating|lying|using))',
  'tell (?:your|ur) (?:boss|employer|manager|wife|husband) (?:that )?(?:you|u)(?:A| ha)?(?:ve)? been (?:stealing|' +
    'cheating|lying|using|drinking)',
  '(?:or|unless)[^.!?]{0,40}\\bi(?:A| wi)?(?:ll)? (?:post|send|share|leak|show|tell everyone|tell your)',
  'unless (?:you|u) [^.!?]{0,40}(?:gets? the|sees? the|hears? about|finds? out)',
  '(?:or|unless)[^.!?]{0,40}secrets? (?:comes?|gets?|goes) out',
  'or (?:the kids|everyone|everybody|your \\w+) (?:find|finds) out',
  // property and pets
  '(?:the|your|ur) (?:dog|cat|car|house|kids) gets? it',
  '(?:would|it(?:A|\\s+woul)d|be) a (?:real )?(?:shame|pity) if (?:something|anything|someone|somebody|you|u)\\b',
  '(?:hate|shame) (?:for|if) (?:something|anything) (?:bad )?(?:to )?happen(?:ed|s)? to',
  'see what (?:i|we)(?:A| wi)?(?:ll)? do to (?:your|ur|you|u)',
  '(?:your|ur) car won(?:A|o)t have',
  '(?:kill|murder|hurt|beat|harm|drown|poison) (?:the|your|ur) (?:cat|dog|kids|children|baby|pets?)',
  // veiled
  '(?:accidents|bad things|things) (?:can |will )?happen to (?:people|those|anyone) who',
  '(?:people|those|anyone) who (?:snitch|talk|grass|cross me|rat)\\w*\\b[^.!?]{0,30}(?:end up|get hurt|disappear|' +
    'regret|pay)',
  'what happened to the last (?:person|guy|one|girl|man|woman|fella) who',
  'i know people who(?:A|\\s+woul)d',
  '(?:you(?:A| a)re|ur) lucky (?:there are|there(?:A| i)s|we(?:A| a)re in) (?:witnesses|people|public)',
  '(?:you(?:A| a)re|ur) finished (?:in this|here|round here|mate|in this town)',
  '(?:you|u) won(?:A|o)t (?:walk|talk|breathe|be walking|see straight)(?: \\w+)? again',
  '(?:you|u)(?:A| wi)ll end up (?:in (?:the |a )?(?:hospital|ditch|river|box|wheelchair|morgue|grave)|dead|hurt)',
  '(?:better pray|pray) (?:i|that i) (?:don(?:A|o)?t|never) (?:catch|see|find) (?:you|u)',
  'i(?:A| a)m coming (?:for|after) (?:you|u)',
  'i(?:A| a)m coming round[^.!?]{0,30}(?:you|u) (?:better|had better|(?:A|)d better)',
  '(?:getting|get) a (?:hiding|beating|kicking|slap)',
  'i(?:A| wi)ll (?:deal with|finish|sort) (?:you|u)(?: (?:proper|properly|mercilessly|myself|later|when)|\\s*[.!,]|$)',
  'sort (?:you|u) out (?:myself|properly|proper)',
  'i (?:go|go make i) (?:finish|deal with|show) (?:you|u)',
  'show (?:you|u) pepper',
  'e go bad for (?:you|u)',
  '(?:run|knock) (?:you|u) (?:over|down)(?! (?:to|the|at|for|a)\\b)',
  '(?:i(?:A| wi)ll|i could|i(?:A|\\s+woul)d|gonna|going to) (?:throttle|strangle|wring) (?:you|u|ya|your neck)',
  '(?:wring (?:your|ur) (?:neck|scrawny neck)|have (?:your|ur) guts for garters)',
  '(?:you(?:A| a)re|ur|u r) dead(?! (?:right|on|wrong|tired|serious|cute|good|funny|easy|set|keen)\\b)',
  'i(?:A| wi)ll (?:batter|throttle|strangle|deck|lamp|thump) (?:you|u|ya)\\b',
  '(?:gonna|going to|will|(?:A|)ll) make (?:you|u) (?:suffer|pay|bleed|beg)',
  'next time it won(?:A|o)t be (?:just )?(?:words|a warning)',
  '(?:come|coming to) find (?:you|u)(?=\\s*[.!,]|$)',
  'hunt (?:you|u) down(?=\\s*[.!,]|$)',
  'find out where (?:you|u) (?:live|work|sleep|are staying)',
  'no idea what i(?:A| a)m capable of',
  '(?:(?:your|ur) (?:family|kids|children|wife|husband|mum|mom|mam|house|car)|(?:you|u)) (?:won(?:A|o)t|will not) ' +
    'be safe(?=\\s*[.!,]|$| if (?:you|u) (?:go|keep|tell|call|leave|take)| unless| from me)',
  'hope (?:you|u) (?:crash|get hit|get run over|get cancer|burn|rot|suffer|choke)',
  '(?:you|u) (?:won(?:A|o)t|will not|wont) know what hit (?:you|u)',
  // texting and other Englishes
  '(?:you|u) go see wetin',
  'wetin i go do (?:to )?(?:you|u)',
  '(?:(?:you|u) go know say )?i no dey play(?: with (?:you|u))?',
  '(?:ye|yous|youse)(?:A| wi)ll be sorry',
  'i(?:A| wi)ll do (?:you|u|ya) in\\b',
  '(?:gonna|going to) cop it\\b',
  '(?:gonna|going to|(?:A| wi)ll) get a (?:smack|slap|hiding|beating|kicking|clip round the ear)',
  '(?:better|best) watch (?:it|yourself)\\b(?!,? (?:it(?:A| i)s|its|the|on|tonight|when|before|together))',
  '(?:ull|u(?:A| wi)ll|you(?:A| wi)ll) get wh?at (?:you|u|ya) deserve',
  '(?:imma|ima|i(?:A| a)m gonna|i(?:A| wi)ll|ill) (?:come )?find (?:you|u)(?=\\s*[.!,]|$)',
  '(?:i(?:A| wi)ll|ill) (?:b|be) outside (?:your|ur) (?:house|flat|place|door|work)(?![^.!?]{0,40}(?:pick|lift|ready|' +
    'at \\d|in \\d|clock|minutes|mins|text|ring|call|honk|beep|drop))',
  `(?:you|u)(?: r|(?:A| a)re| are) (?:gonna|going to) pay${PAY_FOR_THINGS}(?: (?:for|4) (?:this|that|it))?`,
  'give (?:you|u) something to cry about',
  'pray (?:we|i) (?:don(?:A|o)t|never) (?:meet|run into|see)',
  'i kno?w? where (?:you|u) (?:live|stay|sleep|work)(?!,? (?:so |and )?i(?:A| wi)ll (?:drop|bring|pop|send|post))',
  'i(?:A| wi)ll expose (?:you|u)\\b',
];

/**
 * Threats read as structures (the sender's future or conditional harm, outcomes that befall the reader,
 * children, property, job, exposure, stalking). A list apart from THREAT: one regular expression past
 * about 20,000 characters of source is no longer optimised by V8 and runs several times slower.
 */
const THREAT_STRUCTURE_LIST = [
  // general structures: "I'm gonna hurt you", "I'll burn your shop down", "mi wi kill yuh"
  `${BY_SENDER}${HARM_DONE}`,
  `(?:gonna|going to) ${HARM_DONE}`,
  `${BY_SENDER}${HARM_VERB} ${HARM_OBJ}(?! (?:up|back|to it|an? |some |with (?:a|an|the) ` +
    '(?:email|text|call|message|link|reminder)|at (?:scrabble|chess|cards|tennis|golf|pool|darts|poker|fifa|mario|' +
    'monopoly|pool|the game)|in (?:a|the) (?:race|game|match|quiz))\\b)',
  // outcomes that befall the reader: death, injury, a grave
  '(?:you|u|ye|yuh|ya|you both|the (?:both|lot|two) of (?:you|u))(?:A| wi)ll (?:(?:both |all )?(?:be|end up) )?' +
    '(?:dead|in (?:(?:a|the|your) )?(?:body ?bag|ground|grave|box|coffin|morgue|hospital|a&e|wheelchair|river|canal|' +
    'ditch)|' +
    'six feet under|eating through a straw|carried out|picking (?:up )?(?:your|ur|yer) teeth|' +
    'bleeding|crippled|get (?:yer|your|ur) (?:heid|head|face) (?:kicked|smashed|knocked|kicked) in|' +
    'be drinking through a straw)',
  '(?:put|leave|lay) (?:you|u|ye|ya|the (?:both|two|lot) of (?:you|u)|(?:you|u) both) (?:both )?' +
    '(?:in (?:the|a) (?:ground|grave|hospital|box|wheelchair|coffin|body ?bag|a&e)|six feet under|' +
    'on the floor|in a ditch)',
  'get (?:yer|your|ur|yir) (?:heid|head|face|teeth|legs) (?:kicked|smashed|knocked|punched|bashed|broke|broken)' +
    '(?: in| out| off)?',
  '(?:you|u|ye) (?:won(?:A|o)t|will not|ain(?:A|o)t (?:gonna|going to)|are not going to|(?:A| a)re not gonna) ' +
    '(?:live (?:to see|till|until|past|through|long)|survive (?:the|this|till|until)|make it (?:to (?:your|ur|the) ' +
    '(?:next )?(?:birthday|christmas|hearing|court)|through the (?:night|week)|home alive))',
  '(?:see how long|how long (?:do you think|before)) (?:you|u) (?:stay|keep) (?:breathing|alive|standing)',
  '(?:nobody|no one|no-one|noone) (?:will|(?:A| wi)ll|would|is going to|is gonna) (?:ever )?find (?:your|ur) body',
  'there(?:A| wi)ll be blood',
  '(?:won(?:A|o)t|will not) stop at (?:a |one )?(?:slap|punch|shove|push|warning|words|a black eye)',
  '(?:asking|begging) for (?:a|another) (?:beating|slap|smack|hiding|kicking|punch|thump|doing)',
  '(?:want|wanna|fancy) (?:a|another) (?:slap|smack|punch|beating|kicking|hiding|thump)\\?',
  '(?:again|if [^.!?\\n]{1,50}),? (?:you(?:A| a)re|ur|u r|you(?:A| wi)ll be) (?:finished|done for|toast|history)' +
    '(?=\\s*[.!?]|$)',
  '(?:don(?:A|o)t|do not) make me (?:come (?:over|round|down|up|in)|do something|get up|lose it|get violent|' +
    'use (?:this|it|my))(?![^.!?\\n]{0,25}\\b(?:hug|kiss|tickle|cuddle|squeeze)\\b)',
  'do something (?:you|u|we)(?:A| wi)ll (?:both |all )?regret',
  '(?:see|find out|learn|know|show (?:you|u)) what i(?:A| a)m (?:really |truly )?capable of',
  // conditionals on the reader: "try it and see what happens", "keep talking, see where it gets you"
  '(?:try (?:it|me|that)|keep (?:talking|talkin|pushing|pushin|going|it up|this up|lying|lyin|on)|' +
    'say (?:that|it) (?:again|(?:to|2) my face)|do (?:it|that) again|touch (?:her|him|them|my) [^.!?\\n]{0,20})' +
    '[,.]?\\s+(?:(?:and|n|an)\\s+)?see (?:what|wat|wot|where it gets (?:you|u)|how (?:that|it) (?:goes|ends))' +
    '(?: happens| i do| i(?:A| wi)ll do| gets (?:you|u))?',
  'try me (?:and|n|an) see',
  '(?:you|u) go regret',
  '(?:you(?:A| wi)ll|you will|u(?:A| wi)ll|ull|you(?:A| a)re (?:going to|gonna)|ur (?:going to|gonna)|u r gonna)' +
    ' regret (?!(?:not|missing|skipping|passing|leaving early|eating|buying|staying)\\b)',
  // children and abduction: "I'm taking the kids and you won't ever see them again"
  '(?:you|u)(?: will|(?:A| wi)ll| won(?:A|o)t| will not| are not going to| ain(?:A|o)t gonna)(?: ever| never)? ' +
    '(?:see|find|hold|get|have|hear from|lay eyes on|touch) (?:\\w+ )?(?:them|him|her|us|(?:the|your|ur|our|my) ' +
    '(?:\\w+ )?(?:kids|children|son|daughter|baby|boys|girls|twins|kid))(?: back| again| ever again)?' +
    '(?=\\s*[.!?,]|$| again| back| ever)',
  '(?:the )?(?:kids|children|twins|baby|boys|girls) (?:and i )?(?:will|(?:A| wi)ll|are going to|are gonna) ' +
    '(?:be gone|disappear|vanish)',
  '(?:take|taking|took) (?:the|my|our|your) (?:kids|children|baby|twins|boys|girls|son|daughter)\\b[^.!?\\n]{0,30}' +
    '(?:abroad|out of the country|where (?:you|u) (?:can(?:A|no)t|won(?:A|o)t|will never)|and (?:disappear|vanish|' +
    'run|go where))',
  'something (?:\\w+ )?(?:might|could|will|may|is going to|is gonna) happen to (?:you|u|your|ur|the (?:kids|children|' +
    'baby|dog|cat|car|house))',
  '(?:the kids|the children|they|your (?:\\w+ )?(?:kids|children|son|daughter|family)) (?:will|(?:A| wi)ll) pay for ' +
    '(?:this|that|it|what (?:you|u))',
  '(?:you|u)(?:A| wi)ll lose (?:the kids|your kids|the children|your children|custody|your job|the house|' +
    'everything|your home)(?!\\s+if)',
  '(?:your|ur) (?:\\w+ )?(?:son|daughter|kids|children|boy|girl|family) (?:won(?:A|o)t|will not|wont) be safe',
  'i know (?:the route|what time|when|which way|where)(?! (?:you|u)(?:A| wi)ll be)[^.!?\\n]{0,40}(?:school|nursery|' +
    'creche|kids|children|' +
    'son|daughter|school bus)\\b(?![^.!?\\n]{0,40}(?:i(?:A| wi)ll (?:get|pick|collect|grab|take|drop)|pick up|' +
    'collect))',
  '(?:tell|call|ring|report (?:you|u) to|phone) (?:social services|immigration|the home office|ice|child services|' +
    'cps|children(?:A|)s services)',
  // property and pets
  '(?:your|ur) (?:house|car|flat|shop|business|place|van) (?:won(?:A|o)t|will not|wont) be (?:standing|there|' +
    'in one piece)',
  '(?:your|ur) (?:\\w+ )?(?:car|house|flat|tyres|tires|windows|shop|van|bike) (?:is|are|(?:A|)s|will be|(?:A| wi)ll ' +
    'be) (?:gonna |going to )?(?:get(?:ting)? |be(?:ing)? )?(?:keyed|torched|burn(?:ed|t)(?: down)?|smashed|' +
    'trashed|wrecked|slashed)',
  '(?:your|ur) (?:precious |little |fancy |new |bloody |stupid )?(?:car|dog|cat|house|stuff|things|clothes|van|' +
    'bike|phone) (?:ends? up|(?:will|(?:A| wi)ll|is gonna|is going to) end up) (?:in (?:the|a) (?:canal|river|bin|' +
    'fire|skip|ditch|lake|sea)|on fire|dead|smashed)',
  '(?:or|and) i (?:torch|burn|smash|kill|hurt|break|wreck|trash|key|stab|shoot|leak|post) ',
  '(?:be|would be|it(?:A|\\s+woul)d be|it(?:A| i)s) a (?:real )?(?:shame|pity) if (?:your|ur)\\b',
  'careful\\W+accidents (?:happen|can happen)',
  // job, reputation, blackmail, exposure
  `${BY_SENDER}(?:get|have) (?:you|u) (?:fired|sacked|struck off|deported|arrested|evicted|kicked out|locked up|` +
    'sectioned|thrown out|removed|cancelled)',
  `${BY_SENDER}(?:make sure|see to it)(?: that)? (?:you|u) (?:never|don(?:A|o)t|lose|get (?:fired|sacked)|` +
    `end up with ` +
    'nothing|end up on the street)',
  `${BY_SENDER}(?:make|leave) (?:you|u) (?:homeless|penniless|bankrupt)`,
  `${BY_SENDER}(?:ruin|wreck|destroy|end|finish) (?:your|ur) (?:reputation|career|name|business|life|marriage)`,
  `${BY_SENDER}(?:send|post|share|leak|show|forward|put|spread|publish)(?: \\w+){0,3} (?:your|ur|those|these|the) ` +
    '(?:\\w+ )?(?:photos|pictures|pics|videos|vids|nudes|messages|texts|screenshots|receipts|diary|secrets|emails)' +
    '\\b(?! (?:to (?:you|u)|back|from (?:the|our) (?:trip|holiday|wedding|party))\\b)',
  `${BY_SENDER}(?:send|show|forward) (?:your|ur) (?:wife|husband|boss|partner|mum|mom|dad|family|parents|employer|` +
    'manager|kids|girlfriend|boyfriend) (?:the|those|these|your|ur|all|every)',
  `${BY_SENDER}(?:expose|out|report) (?:you|u)\\b(?! (?:to (?:the|a) (?:team|group) as|for (?:the|an?) (?:award|` +
    `prize)))`,
  `${BY_SENDER}tell (?:the whole|all|everyone|everybody)[^.!?\\n]{0,40}(?:about (?:your|ur) |what (?:you|u) (?:did|` +
    `do))`,
  'unless (?:you|u)\\b[^.!?\\n]{0,60}(?:(?:your|ur) \\w+ (?:gets?|sees?|finds? out|will (?:see|know|find out|get))|' +
    'everyone (?:sees|will see|finds out|gets))',
  '(?:photos|pictures|pics|videos|nudes|messages|texts|screenshots|diary|secrets)[^.!?\\n]{0,40}unless (?:you|u)',
  '(?:^|[.!?,]\\s*|\\b)(?:pay(?: me)?|do it|sign|drop it|back off|withdraw it)[^.!?\\n]{0,30}\\bor (?:your|ur) ' +
    '(?:\\w+ )?(?:wife|husband|boss|partner|family|mum|mom|dad|parents|kids|employer|church|pastor) ' +
    '(?:finds? out|gets?|sees?|hears?)',
  '(?:your|ur) (?:career|job|marriage|reputation|business|life) (?:is|(?:A|)s|will be|(?:A| wi)ll be) over\\b' +
    '(?! (?:if (?:you|u) don(?:A|o)t (?:study|prepare|practise|practice|turn up)|soon)\\b)',
  // stalking: where the reader is, was watched, will be waited for
  'i(?: was|(?:A| ha)ve been| sat| stood| waited| parked) (?:\\w+ )?(?:outside|across (?:the road )?from|opposite|' +
    'under|by|at) (?:your|ur) (?:window|house|flat|door|work|place|bedroom|office|gym)\\b(?![^.!?\\n]{0,30}' +
    '(?:to (?:pick|drop|give|collect|bring)|for (?:ages|the delivery|the parcel)|but (?:you|u) (?:weren|didn)))',
  `i(?:A| wi)ll be (?:parked|sat|sitting|standing|waiting|watching|outside|there)[^.!?\\n]{0,30}(?:your|ur) (?:house|` +
    'flat|work|place|door|window|office|gym|school|car)\\b(?![^.!?\\n]{0,50}(?:pick|lift|ready|at \\d|\\d ?(?:pm|am)|' +
    'in \\d|at (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|half|quarter|lunch)|clock|' +
    'minutes|' +
    'mins|text|ring|call|honk|beep|drop|so (?:we|i) can|with (?:the|a|your) (?:car|keys|coffee|' +
    'parcel)))',
  'i(?:A| wi)ll be waiting for (?:you|u) (?:in|at|outside) the (?:car park|parking lot|station|car|stairwell|lift)' +
    '(?![^.!?\\n]{0,40}(?:pick|lift|ready|at \\d|clock|minutes|mins|text|ring|call|drive|give (?:you|u) a))',
  'i (?:followed|tracked|watched) (?:you|u)\\b(?! (?:on|back on) (?:insta|instagram|twitter|tiktok|x|facebook))',
  'i saw (?:you|u) (?:at|in|with|outside|leaving)[^\\n]{0,50}(?:you|u) looked (?:scared|frightened|nervous|' +
    'terrified|worried)',
  'i know (?:which|what) (?:window|room|car|bed) (?:is )?(?:your|ur)',
  'i know (?:you(?:A| a)re|ur|u r) (?:staying|hiding|living) (?:at|with|in)',
  'i know (?:where|which \\w+) (?:you|u) (?:go|goes|park|train|drink|swim|run|jog|walk|shop)\\b',
  '(?:there(?:A| i)s )?nowhere (?:you|u) can (?:hide|run|go)',
  '(?:you|u) can run but',
  `${BY_SENDER}(?:find|track|hunt) (?:you|u)(?: down)?(?:,? wherever| no matter where| anywhere)`,
  '(?:yuh|ye|ya) dead now',
  'i(?:A| a)m (?:coming|comin) (?:to get|for|after) (?:you|u)\\b(?! (?:at|from|in|on|after|around|later|tomorrow|' +
    'with|' +
    'when|first|before|now)\\b)',
  'from me and (?:you|u)(?:A| a)re (?:out|finished|done|gone|sacked|fired)',
  '(?:your|ur) (?:\\w+ )?(?:dog|cat|car|kids?|son|daughter|wife|husband|mum|mom|family|pets?) (?:won(?:A|o)t|' +
    'will not|' +
    'wont) (?:see|survive|live (?:to see|through|till)|make it (?:to|through)) (?:the|next|another|christmas|' +
    'tomorrow|' +
    'monday|the weekend)',
  '(?:ur|u r|you r|yer|youse are|yous are) (?:going to|gonna) get (?:hurt|it|what)',
  'ull be sorry',
  '(?:you|u|ye)(?:A| wi)ll die\\b(?! (?:laughing|of|when|for|happy|old|a little|inside|if (?:you|u) (?:see|eat|try|' +
    'hear)))',
  '(?:box|knock|take|punch|kick) the (?:head|face) (?:clean )?off (?:you|ye|ya|u)',
  'can(?:A|no)t (?:protect|save) (?:you|u)(?= forever| every| all the time|\\s*[.!?]|$)',
  '(?:can(?:A|no)t|won(?:A|o)t) be there (?:every night|forever|all the time|24/7)',
  '(?:should|better|had better|(?:A|)d better) watch (?:himself|herself|themselves|his back|her back|their back)',
  'see how far (?:you|u) get',
  '(?:you|u) (?:will not|won(?:A|o)t|wont) see (?:the end of|next|another) (?:this |the )?(?:year|week|month|' +
    'christmas|birthday|summer)',
  '(?:you|u)(?:A| wi)ll suffer\\b(?! (?:from|with|in the heat|a bit))',
  '(?:hunt|track) (?:you|u)(?: (?:both|all))? down(?! (?:a|an|some|the|that|this|those|one)\\b)',
  'next time (?:it(?:A| i)s|it will be|it(?:A| wi)ll be) (?:your|ur) (?:head|face|neck|legs?|arms?|kids|car|house|' +
    'family)',
  '(?:a|the) (?:knife|bullet|blade) in (?:your|ur) (?:back|head|chest|gut|belly|neck)',
  '(?:you|u) (?:won(?:A|o)t|will not|wont|are not|aren(?:A|o)t) (?:be )?(?:getting|get|seeing|see) (?:the|your|ur|' +
    'our) (?:kids|children|son|daughter|baby|boys|girls) back',
  'never (?:knows|know|finds out|learns) (?:you|u) exist',
  '(?:i(?:A| a)m|i am|i(?:A| wi)ll|we(?:A| a)re) (?:not|never) (?:bringing|bring|giving|sending|' +
    'returning) (?:the kids|' +
    'the children|them|him|her|[a-z]+) back\\b(?! (?:till|until|before|after|at|by|from|to|tonight|today|tomorrow|in|' +
    'for|early|late)\\b)',
  'good luck (?:ever )?(?:finding|tracking down) (?:us|them|her|him|the kids|the children)',
  'know (?:things|stuff|something|secrets) (?:about )?(?:you|u)[^.!?\\n]{0,20}(?:would|could|will|that(?:A|)d) ' +
    '(?:end|ruin|destroy|finish|wreck|cost)',
  '(?:your|ur) (?:visa|papers|permit|residency|contract|tenancy) (?:depends|relies|hangs) on me',
  '(?:ur|you(?:A| a)re|u r) (?:finished|dead|done for) when i (?:see|catch|find|get)',
  'i(?:A| a)?m (?:coming|comin) (?:4|for) (?:you|u)(?=\\s*[.!?]|$)',
  'sleep (?:with|w|w/) one eye open',
  'pull up (?:and|n|an) see (?:what|wat|wot) happens',
  '(?:don(?:A|o)t|better not) let me (?:catch|see|find) (?:you|u)\\b(?!\\s+\\w+ing\\b)(?! (?:at|in) (?:the|my) ' +
    '(?:party|pub|shop|match|game))',
  // warnings, veiled consequences, slang
  '(?:this is )?(?:your|ur) (?:final|last) warning(?=\\s*[.!]|$)',
  '(?:consider yourself|you(?:A| ha)ve been|you have been|u been|youse have been) warned(?=\\s*[.!]|$)',
  '(?:want to|wanna) end up like (?:your|ur|him|her|the last)',
  '(?:you|u)(?:A| wi)ll be (?:dealt with|sorted out|made to pay|found (?:in|dead|floating))',
  'be found (?:in (?:a|the) (?:river|ditch|canal|bag|boot|woods|sea|bin)|dead)',
  '(?:still )?(?:got|have) (?:a|the) keys? (?:to|for) (?:your|ur) (?:flat|house|place|car|room)\\b(?![^.!?\\n]{0,40}' +
    '(?:want|water|feed|drop|return|give|post|back|plants|cat|dog|parcel))',
  '(?:shame|pity|awful|terrible|tragic|sad|horrible) (?:thing )?if (?:something|anything|someone|somebody)(?: \\w+)? ' +
    '(?:happened|happens|were to happen) to',
  'make an example (?:out )?of (?:you|u)',
  '(?:don(?:A|o)t|do not) (?:think|believe) i won(?:A|o)t (?:do it|do this|go through with it|hurt|use)',
  'if i (?:go down|lose|fall|burn|sink)\\b[^.!?\\n]{0,10}(?:you(?:A| a)re|you(?:A| wi)ll be|ur) (?:coming|going) ' +
    '(?:down )?with me',
  '(?:you|u|your|ur)(?: \\w+)? (?:will|(?:A| wi)ll) (?:face|suffer) (?:the )?consequences',
  '(?:no idea|don(?:A|o)t know) who (?:you(?:A| a)re|ur|u r) (?:messing|dealing|fucking|playing) with',
  'if (?:you|u|your \\w+) (?:had|has|have|were to have) (?:an|a little|some|a nasty) accident',
  'pull up on (?:you|u)\\b',
  '(?:your|ur) days (?:are|r) numbered',
  '(?:or|otherwise) (?:i(?:A| a)?m|i will|i(?:A| wi)ll|imma) (?:posting|sending|leaking|sharing|showing|telling) ' +
    '(?:everything|it all|them|the \\w+|your|ur|every)',
  '(?:keep|kip) (?:playing|playin|pushing|pushin|talking|talkin|testing me|testin me|it up)(?: (?:and|n|an))? see' +
    '(?=\\s*[.!?]|$)',
  'catch (?:you|u) (?:lacking|lackin|slipping|slippin|alone)\\b',
  'sleep (?:wid|wit) one eye open',
  '(?:you|u) (?:will never|(?:A| wi)ll never|won(?:A|o)t ever|will not ever) (?:find|see) (?:em|them|us)\\b',
  '(?:and|n) see what i (?:do|(?:A| wi)ll do)(?=\\s*[.!?]|$)',
  '(?:shame|pity|awful|terrible|tragic|sad|horrible) (?:thing )?if (?:your|ur) [^.!?\\n]{0,30}(?:went missing|' +
    'got hurt|' +
    'had an accident|disappeared|caught fire|burned down|got (?:scratched|keyed|smashed))',
  'never[^.!?\\n]{0,50}i(?:A| wi)ll see to (?:that|it)(?=\\s*[.!]|$)',
  '(?:you(?:A| a)re|ur|u r) (?:going to|gonna) wish (?:you|u)(?:A|\\s+woul)?d? (?:never|not|hadn)',
  'i swear i(?:A| wi)ll (?:be )?wait(?:ing)? for (?:you|u)',
  '(?:you|u)(?:(?:A| a)re| r)? dead (?:if|when) i (?:see|catch|find)',
  'slap the (?:taste|teeth|smile|grin) (?:out of|outta|off) (?:your|ur)',
  '(?:ur|you(?:A| a)re|u r) (?:gettin|getting) it(?=\\s*[.!]|$)',
  '(?:gonna|going to) (?:end|finish|murder|stab|shoot) (?:you|u)\\b(?! (?:when|if|with|laughing)\\b)',
  'dental records',
  'get a (?:dig|smack|slap|punch|box|kick|belt|clatter|hiding|kicking) (?:in|round|across) (?:the|yer|your|ur) ' +
    '(?:face|head|mouth|gob|teeth|ear)',
  '(?:come|comin|coming) fi (?:yuh|you)',
];
export const THREAT_STRUCTURES = sharePrefix(THREAT_STRUCTURE_LIST, I_WILL);

/** Self-harm and suicidal intent from the sender. Always the safety path. */
export const SELF_HARM = [
  'kill myself',
  'killing myself',
  'end my life',
  'ending my life',
  'take my (?:own )?life',
  'want to die',
  'wanna die',
  'wish i (?:was|were) dead',
  'wish i (?:was|were) never born',
  'better off dead',
  'better off without me',
  'iAm suicidal',
  'i am suicidal',
  'feel(?:ing)? suicidal',
  'i (?:have|had|get) suicidal',
  '(?:iAm |i am |i keep |i(?:A| ha)ve been )?(?:thinking about|thoughts of|considering|contemplating) (?:suicide|' +
    'killing myself|ending it)',
  '(?:iAm going to|i am going to|iAm gonna|i want to|iAll|i will|i might|i may|i could|i should|i(?:A|' +
    ' ha)ve thought about|i tried to) (?:commit(?:ting)? )?suicide',
  'hurt myself',
  'hurting myself',
  'cut myself(?! (?:shaving|chopping|slicing|cooking|on (?:a|the)|by accident|accidentally|opening))',
  'cutting myself',
  'don(?:A|o)t want to (?:live|be alive|be here anymore)',
  'no reason to live',
  'nothing to live for',
  'end it all',
  'not be here anymore',
  'won(?:A|o)t be (?:here|around) (?:much longer|anymore|tomorrow)',
  'take an overdose',
  'jump off (?:a|the) (?:bridge|roof|building)',
  'slit my wrists',
  'hang myself',
  'can(?:A|no)t go on (?:anymore|like this)(?![^.!?\\n]{0,30}\\b(?:we need|let(?:A|)s|can we|schedule|rota|plan))',
  // passive ideation: "what's the point of living", "everyone would be better off if I wasn't around"
  'what(?:A| i)s the point (?:of|in) (?:living|life|going on|being alive|being here|even being here)',
  'no point (?:in )?(?:living|going on|being alive)',
  '(?:don(?:A|o)t|do not|can(?:A|no)t|cannot) see (?:the|any) point (?:in|of) (?:going on|living|carrying on|' +
    'being here|being alive|anything anymore)',
  '(?:better off|easier for (?:everyone|everybody|you all|you)|happier|fine) (?:if|when) i(?:A|\\s)?(?:m| am| was|' +
    ' were)?(?:n(?:A|o)t| not)? (?:around|here|alive|gone|dead|in the picture)',
  '(?:better off|easier for (?:everyone|everybody|you all|you)) (?:if|when) i (?:wasn(?:A|o)t|weren(?:A|o)t|am not|' +
    '(?:was|were) gone|died|disappeared)',
  // not "nobody would even notice if I skipped the work do": after "if I" only going, dying or not being there
  '(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)(?: if i (?:was|were) gone| if i died|' +
    ' if i disappeared)?(?! if (?:i|we) (?!(?:was|were|wasn(?:A|)t|weren(?:A|)t|died|disappeared|vanished|left|' +
    'went|just|stopped|ended|never|didn(?:A|)t|killed|took (?:all|my)|jumped|drowned|walked|quietly)\\b))',
  'would be better (?:off )?without me',
  // the same, in other words: "you'll find them once I'm out of the way", "the last time I'll make you worry"
  '(?:once|when|after) i(?:A| a)?m (?:out of (?:the|your|everyone(?:A|)s) way|no longer (?:here|around)|not (?:here|' +
    'around) (?:anymore|any more))',
  'last time i(?:A| wi)ll (?:make you worry|bother you|be a (?:problem|burden|bother))',
  '(?:suffered|been through|put up with) enough because of me',
  'strongest (?:thing|pills?|painkillers?|tablets?|stuff) (?:\\w+ ){0,5}?(?:without a prescription|over the counter)',
  '(?:i )?(?:just )?(?:want|wanna|wish i could) (?:to )?(?:disappear|vanish)(?: forever| for good|' +
    ' completely)?(?=\\s*(?:[.!?,]|$))',
  'disappear forever',
  '(?:don(?:A|o)t|do not) want to wake up',
  'never wake up again',
  '(?:go to sleep|sleep) and (?:never|not) wake up',
  'stop existing',
  '(?:don(?:A|o)t|do not) want to exist',
  '(?:tired|sick) of (?:being alive|living|life|existing)(?=\\s*(?:[.!?,]|$))',
  '(?:i(?:A| a)m|so) done with (?:life|living|being alive)',
  'i (?:cut|burned|burnt|hurt) (?:myself )?again',
  '(?:started|start|been) (?:cutting|hurting|burning) (?:myself )?again',
  'self[- ]harm(?:ing)?',
  '(?:pills|tablets) in my hand',
  '(?:take|swallow|took|swallowed) (?:all )?(?:the|my|those|these) (?:pills|tablets) at once',
  '(?:drive|driving|drove|jump|jumping|walk|walking|step|stepping) (?:off|into|in front of) (?:the|a) (?:bridge|' +
    'cliff|river|traffic|train|building|roof|bus|truck)',
  '(?:wrote|written|writing|left) (?:goodbye )?(?:letters|notes|a note|a letter) (?:to|for) (?:everyone|my family|' +
    'you all|the kids)',
  'this is (?:my )?goodbye',
  '(?:giving|gave|give) away (?:all )?my (?:things|stuff)',
  'i(?:A| a)m (?:just )?a burden (?:to|on) (?:everyone|you all|my family)',
  // passive ideation, goodbyes, giving things away, affairs in order, self-injury
  'kms',
  'my affairs in order',
  '(?:sorted|made|wrote|written|updated|done|finished) (?:out )?my will\\b(?! (?:now that|since|after|because|' +
    'for the|with the))',
  'i want (?:you|u) to have my \\w+[.,!]?\\s*i (?:won(?:A|o)t|will not) (?:need|be needing)',
  'won(?:A|o)t be needing (?:it|them|any of (?:it|this|them))(?: (?:now|anymore|any more|where i(?:A| a)m going))?' +
    '(?=\\s*[.!]|$)',
  '(?:i(?:A| ha)ve )?no (?:use|need) for (?:it|them|any of it) (?:now|anymore|any more)',
  '(?:given|gave|giving) (?:away )?(?:the|my) (?:cat|dog|kitten|puppy|pets?|rabbit|bird)s? (?:away )?to',
  'i(?:A| ha)ve said my goodbyes',
  'what(?:A| i)s the point (?:of|in) me (?:even )?(?:being here|being alive|living|existing|going on)',
  '(?:you|u) won(?:A|o)t have to (?:worry about|deal with|put up with|see) me (?:soon|anymore|any more|much longer|' +
    'for much longer|after (?:today|tonight))',
  '(?:make sure|promise) (?:the|my) (?:dog|cat|pets?) (?:goes|go|gets|is looked after)',
  '(?:left|written|wrote) (?:the )?instructions for (?:the|my) funeral',
  '(?:sorry for|sorry about) being (?:such )?a burden',
  'won(?:A|o)t be (?:a problem|a burden|bothering \\w+|in (?:your|the) way)[^.!?]{0,25}' +
    '(?:anymore|any more|longer|soon)',
  'this is the end for me',
  '(?:goodbye|bye),? (?:everyone|everybody|all|you all)\\b[^.!?]{0,3}[.!?]?[^.!?]{0,40}' +
    '(?:i(?:A| a)m sorry|i love you all|' +
    'forgive me)',
  '(?:look after|take care of|mind|feed) [\\w ]{1,20} for me (?:when|after|once) i(?:A| a)m gone',
  'when i(?:A| a)m gone(?=\\s*[.!?,]|$)',
  'this is (?:my|the) last (?:message|text|time)(?: (?:you(?:A| wi)ll|i(?:A| wi)ll|from me))?(?=\\s*[.!?]|$| you)',
  'want (?:it all|everything|it) to (?:stop|end),? (?:forever|for good|permanently)',
  'life(?:A| i)s not worth (?:it|living)',
  'life (?:isn(?:A|o)t|is not) worth (?:it|living)',
  'tell (?:the kids|them|my \\w+|everyone|mum|mam|mom) (?:that )?i loved (?:them|him|her|you)',
  'can(?:A|no)t keep (?:living|going) like this',
  '(?:said|saying) my goodbyes',
  'saying goodbye (?:now )?while i (?:still )?can',
  'none of (?:it|this) will matter (?:soon|anymore|after)',
  '(?:don(?:A|o)t|can(?:A|no)t) see (?:a|any) (?:future|way out|way forward) (?:for me|anymore|except)',
  'ending (?:things|it all)(?! with)',
  'end it (?:tonight|all|today|now)',
  '(?:tired of|done) (?:fighting|trying) to (?:stay alive|live|keep going)',
  'won(?:A|o)t be (?:a problem|a burden|bothering (?:you|anyone))[^.!?]{0,25}(?:much )?longer',
  '(?:don(?:A|o)t|do not) plan on being (?:here|around|alive)',
  '(?:done|finished)\\W+with (?:everything\\W+)?(?:with )?(?:living|life)\\b',
  '(?:i(?:A|\\s+woul)d|id) rather be dead',
  '(?:bled|bleed|bleeding|bruised|burnt|burned)\\b[^.!?]{0,25}on purpose',
  '(?:hit|punch|scratch|bite|burn|cut)(?:es|s|ing)? (?:myself|my arms?|my legs?|my wrists?|my thighs?)\\b' +
    '(?! (?:shaving|chopping|slicing|cooking|on (?:a|the)|by accident|accidentally|opening))',
  '(?:until|till) i bleed',
  '(?:should|could|might|gonna|going to) (?:just )?jump(?=\\s*[.!?]|$| off)',
  '(?:driving|drive|crash(?:ing)?) (?:my car )?into (?:a|the) (?:wall|tree|bridge|lorry|truck)',
  'how many (?:pills|tablets)',
  '(?:stay|staying) alive',
  'you(?:A| wo)n(?:A|o)t have to deal with me (?:anymore|any more|after)',
  '(?:want|wanna) (?:to )?(?:end it|die)\\b',
  // general structures: the sender + an ending of their own life, absence, or ideation
  `${I_WILL} (?:top|off|neck|do|hang|drown|gas|poison|shoot|starve|overdose) myself(?: in)?\\b`,
  '(?:throw|throwing|threw|hurl|fling|lie|lay|lying) myself (?:under|off|in front of|onto|into the path of) (?:a|' +
    'the) ' +
    '(?:train|bus|bridge|building|cliff|car|lorry|truck|traffic|tracks|river|sea|roof)',
  '(?:walk|walking|swim|swimming|wade|wading) (?:out )?into the (?:sea|river|lake|ocean|water)(?! (?:for|with|' +
    'to (?:cool|' +
    'swim)))',
  '(?:i |me |ah |mi )?(?:don(?:A|o)t|do not|dont|no|nuh|never) (?:want to|wanna|wan|waan|want|wish to) (?:live|' +
    'be alive|' +
    'be here|exist|wake up|go on)(?: (?:anymore|any more|no more|again|any longer|tomorrow))?(?=\\s*[.!?,]|$|' +
    ' (?:anymore|' +
    'any more|no more|again|any longer))',
  '(?:i |mi |ah )(?:want to|wanna|wan|waan|want) (?:dead|die|be dead|end it|go to sleep forever)\\b',
  '(?:can(?:A|no)t|cannae|cyaan|cant|can not) (?:go on|do this|take it|tek it|keep going|carry on|cope)' +
    '(?: (?:anymore|any more|no more|nuh more|like this|any longer))?(?=\\s*[.!?,]|$| (?:anymore|any more|no more|' +
    'nuh more|any longer|ma|mam|mum|mom)\\b)(?![^.!?\\n]{0,30}\\b(?:we need|let(?:A|)s|can we|schedule|rota|' +
    'arrangement|' +
    'plan|system|week|job|commute))',
  '(?:nothing|no reason|nobody|no one) (?:left )?to live for',
  '(?:there(?:A| i)s|is) no point (?:anymore|any more|to (?:anything|any of it|me)|in (?:me|anything|trying ' +
    'anymore))(?=\\s*[.!?,]|$)',
  'i(?:A| a)m (?:just |only |nothing but |such )?a (?:burden|waste of space|waste of (?:air|oxygen|life))' +
    '(?=\\s*[.!?,]|$| (?:to|on|for) (?:everyone|everybody|you|all|my))',
  '(?:want|wish|need) (?:it all|everything|it|all of (?:this|it)|this) to (?:stop|end|be over)\\b' +
    '(?![^.!?\\n]{0,20}(?:so (?:we|i) can|and (?:start|go|get)))(?!\\s+(?:soon|already|quickly)\\b)' +
    '(?=\\s*[.!?,]|\\s*$| (?:forever|for good|permanently|now|tonight))',
  '(?:easier|better|happier|simpler) (?:for (?:everyone|everybody|you all|you|u|them|the kids) )?(?:if|when) ' +
    'i(?:A| a)?(?:m| am| was| were)?(?:n(?:A|o)t| not| wasn(?:A|o)t| weren(?:A|o)t)? (?:here|around|alive|gone|dead|' +
    'in the picture)\\b',
  '(?:it(?:A| wi)ll|it will|everything will|this will) (?:all )?be over (?:soon|tonight|tomorrow)(?=\\s*[.!?,]|$)' +
    '(?![^\\n]{0,40}(?:exam|meeting|week|term|court|case|hearing|move))',
  'i(?:A| a)m ready to (?:go|die|leave this world|be with)(?: now)?(?=\\s*[.!?,]|$)(?![^\\n]{0,30}(?:when you|car|' +
    'coat|shoes|bags?|packed))',
  '(?:nobody|no one|no-one|noone|no1|nobdy) (?:will|would|wud|wd|(?:A| wi)ll|is going to) (?:even )?(?:miss me|' +
    'notice (?:if|when) i(?:A| a)?m gone|care if i (?:die|died|was gone))',
  '(?:every1|everyone|everybody|evry1|evryone|you all|yall|u all|the world|the kids|my kids|my family) ' +
    '(?:would|wud|wd|will|(?:A| wi)ll|(?:A|\\s+woul)d) (?:be |b )?(?:better|happier|better off|easier)(?: \\w+)? ' +
    '(?:without|w/o|w/out|wivout) me\\b',
  '(?:better|happier|easier) (?:off )?(?:without|w/o|w/out) me(?! (?:there|at|for|on|in) (?:the|a|this|that)\\b)',
  'this (?:is|iz) (?:my|the) (?:last|final) (?:message|msg|txt|text|post|goodbye|words)(?=\\s*[.!?]|$| (?:from me|to ' +
    '(?:you|u|anyone|everyone)))',
  '(?:my|this is my|a) (?:final|last) goodbye',
  '(?:bye|goodbye|gbye) (?:every1|everyone|everybody|evry1|all|yall|you all)\\W+(?:i(?:A| a)m )?sorry',
  '(?:given|gave|giving|give) (?:away )?(?:all )?my (?:things|stuff|belongings|possessions|clothes)(?: away)?' +
    '(?=\\s*[.!?,]|$| to (?:people|friends|everyone|my))',
  '(?:left|written|wrote|leaving|writing) (?:a )?(?:note|letter|letters|notes) (?:for|to) (?:my|the|everyone|you)' +
    '(?![^.!?\\n]{0,30}(?:fridge|teacher|school|milk|shopping|delivery|neighbou?r|cleaner|about (?:the|dinner)))',
  '(?:i(?:A| a)m )?on (?:the|a) (?:roof|ledge|bridge|edge of the \\w+|tracks|cliff edge)(?=\\s*[.!?,]|$| now|' +
    ' right now)',
  '(?:sleep|go to sleep|sleeping) (?:forever|for good|permanently|and not wake up|and never wake up)',
  '(?:imma|ima|i(?:A| a)m gonna|i(?:A| a)m going to|gonna|going to) jump(?=\\s*[.!?]|$| off)',
  'wish (?:i|ah) (?:was|were|wis|wiz|wus) (?:dead|deid|gone|never born)',
  '(?:no|nuh) (?:point|use) (?:in |of )?(?:me )?(?:being alive|living|being here|existing|going on|me)\\b' +
    '(?=\\s*[.!?,]|\\s*$| anymore| any more)',
  '(?:looking up|looked up|searching|googling|googled) (?:ways|how) to (?:end it|die|kill myself|end my life|' +
    'overdose|do it painlessly)',
  '(?:won(?:A|o)t|will not|wont|don(?:A|o)t think i(?:A| wi)ll|not going to|not gonna) (?:still )?(?:be|b) ' +
    '(?:alive|(?:here|around) (?:by (?:the time|next|tomorrow|monday|the weekend)|when (?:you|u) (?:read|get|' +
    'wake)|much longer|for much longer|for long|after (?:tonight|today)|this time next))',
  '(?:can(?:A|no)t|cannot) see myself (?:surviving|living|making it|being here|being alive)',
  '(?:i )?(?:hope|pray|wish) (?:i|it|this|that) (?:\\w+ )?(?:kills|finishes) me\\b',
  '(?:hope|wish|pray|want)[^.!?\\n]{0,15}\\b(?:not|never|don(?:A|o)t) wake up',
  '(?:take|swallow|taking|swallowing) (?:all|every one of|the whole (?:box|bottle|packet) of) (?:my|the|of my|these|' +
    'those) (?:pills|tablets|meds|medication|painkillers|sleeping pills)',
  '(?:stockpil\\w+|saving up|saved up|hoarding|hoarded) (?:my |enough |all my )?(?:pills|tablets|meds|painkillers)',
  'enough (?:pills|tablets|meds|painkillers) (?:to|saved|stockpiled|now)',
  '(?:pills|tablets|meds) (?:out|lined up|counted out|ready|in front of me)(?=\\s*[.!?,]|\\s*$| on)',
  '(?:a|the) noose',
  '(?:cut|cutting|hurt|hurting|burn|burning|burnt|burned|harmed|harming) (?:myself )?again\\b' +
    '(?! (?:on|in|at|with|chopping|cooking|shaving|making|opening))',
  '(?:myself|my (?:arms?|legs?|wrists?|skin|thighs?|head|knuckles)|walls?)\\b[^.!?\\n]{0,30}(?:till|until|til) ' +
    '(?:it|they|i) (?:bleed|bleeds|bled)',
  'ending (?:everything|it all|my life)',
  '(?:doing|do) (?:everyone|everybody|you all|the world|you) a favou?r (?:if|by) (?:i |me )?(?:\\w+ )?' +
    '(?:died|dying|disappeared|disappearing|was gone|wasn(?:A|o)t here|ended it|ending it|killing myself)',
  '(?:tired|sick|exhausted) of (?:being alive|living|existing)\\b',
  '(?:when|after|once) i(?:A| a)m (?:gone|dead|not here|not around)\\b(?! (?:for|on|to|from|till|until) )',
  'want out\\W+(?:for good|forever|permanently|of (?:this life|life|everything))',
  '(?:can(?:A|no)t|cannot|don(?:A|o)t|do not) see myself (?:surviving|living|making it|being here|being alive|lasting)',
  'want (?:the|this) pain to (?:stop|end)\\b[^.!?\\n]{0,10}(?:whatever it takes|forever|for good|permanently)',
  'i(?:A| a)m done\\W+(?:for good|forever)(?=\\s*[.!?]|$)',
  '(?:thinking|thinkin|think|thought) (?:about|bout|abt|of) (?:ending it|ending my life|suicide|killing myself|' +
    'not being here|not waking up)',
  '(?:don(?:A|o)t|do not|dont) (?:want to|wanna) wake up (?:tmrw|tomoz|tomorrow|in the morning|again)',
  'i cut (?:myself )?(?:2nite|tonight|last night|today|again)\\b(?![A\\w])',
  '(?:nobody|no one|no1|noone) (?:cares|would care|will care) (?:if|whether) i (?:live|die|lived|died|exist)',
  'no reason to (?:carry on|go on|keep going|stay alive|be here)',
  '(?:don tire|tire) (?:for|of) (?:this )?life',
  '(?:can(?:A|no)t|cyaan|cannae|cant) live (?:like (?:this|dis|that) )?(?:nuh more|no more|anymore|any more|' +
    'with myself)',
  '(?:walk|walking|step|stepping|run|running|throw myself) (?:out )?in front of (?:a|the) (?:lorry|car|van|tube|tram|' +
    'train|bus|truck)',
  'sorted for (?:after|when i(?:A| a)m gone)(?=\\s*[.!]|$)',
  '(?:took|swallowed|taken|downed) (?:the whole|a whole|an entire|all the|all my|the rest of the|every one of my) ' +
    '(?:bottle|packet|box|strip|pills|tablets|meds|medication)',
  '(?:won(?:A|o)t|not going to|not gonna|not gon) (?:be |b )?(?:around|here) (?:4|for) (?:much|very) (?:longer|long)',
  'decided i(?:A| a)m (?:not going to|not gonna) be (?:here|around|alive)',
  '(?:be )?free of me(?= soon| forever| at last|\\s*[.!]|$)',
  'what(?:A| i)?s the point (?:of|in) me(?=\\s*[.!?]|$)',
  '(?:want to|wanna|wish i could|just want to) (?:be |b )?gone(?= forever| for good|\\s*[.!?]|$)',
  'swallow (?:everything|all of it|the lot|all the (?:pills|tablets|meds))',
  '(?:sorry|sry|soz) (?:for|about) everything\\W+(?:bye|goodbye|love you)',
  'i deserve to die|i don(?:A|o)t deserve to live',
  'if i (?:were|was|wuz) (?:dead|gone)\\b',
  '(?:writing|written|wrote) my goodbyes(?! (?:for|in|on) (?:the|a|his|her) (?:card|leaving))',
  '(?:won(?:A|o)t|can(?:A|no)t|don(?:A|o)t think i(?:A| wi)ll) (?:make it|survive|last|get) through another ' +
    '(?:night|day|week)',
  'sleep (?:and|n|an) (?:never|not) wake up',
  '(?:thinking|thinkin) (?:of|about|bout) (?:jumping|jumpin|ending it|hanging myself|overdosing)',
];

/**
 * Function words: never marked as what makes a sentence hot (the model's spans, the label model's
 * words), and never worth deleting to cool one down (the rewriter).
 */
export const STOPWORDS = new Set(
  (
    'a an the and or but so if of to in on at by for with from as is are was were be been being am i me my you ' +
    'your he him ' +
    'his she her it its we us our they them their this that these those not no do does did have has had will would ' +
    'can could ' +
    "should just than then there here what who when where why how all any some i'm it's don't can't like " +
    'about into out up down over off again too very more most only own same other such both each few ' +
    'haven don doesn isn wasn aren couldn wouldn shouldn didn hasn hadn won ain weren'
  ).split(' '),
);
