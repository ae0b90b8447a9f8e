/**
 * Word and phrase lists behind the rules. Patterns are written for the original text (case-insensitive);
 * an apostrophe is written A and stands for ' or ’. Sources: Gottman's four horsemen (criticism,
 * contempt, defensiveness, stonewalling), plus common English profanity and insult vocabulary.
 */

const A = "['’]?";

export function phrases(list: string[]): string {
  return list.map((p) => p.replace(/A/g, A).replace(/ /g, '\\s+')).join('|');
}

/** Swear words. `strong` ones are hostile wherever they appear; `mild` ones are intensifiers. */
export const PROFANITY_STRONG = [
  'f+u+c+k+\\w*', 'clusterf\\w+', 'bollocks', 'bugger\\w*', 'sod off', 'shite', 'fck\\w*', 'fuk\\w*', 'f\\*+k\\w*', 'f\\*+ck\\w*', 'motherf\\w+', 'mf', 'mofo', 'stfu', 'gtfo', 'wtf',
  'shit\\w*', 'sh\\*t\\w*', 'bullshit\\w*', 'bs', 'bitch\\w*', 'b\\*tch\\w*', 'bastard\\w*', 'asshole\\w*', 'arsehole\\w*',
  'a\\*\\*hole\\w*', 'dickhead\\w*', 'dick', 'dicks', 'cunt\\w*', 'c\\*nt\\w*', 'prick\\w*', 'twat\\w*', 'wanker\\w*',
  'douche\\w*', 'jackass\\w*', 'dumbass\\w*', 'smartass\\w*', 'piss\\w*', 'cock', 'cocks', 'cocksuck\\w*', 'pussy', 'pussies',
  'whore\\w*', 'slut\\w*', 'skank', 'skanks', 'skanky', 'nigg\\w*', 'fag\\w*', 'retard\\w*',
];
export const PROFANITY_MILD = [
  'damn\\w*', 'goddamn\\w*', 'dammit', 'crap\\w*', 'hell', 'bloody', 'freaking', 'friggin\\w*', 'effing', 'screw you',
  'screw this', 'screw it', 'sucks', 'suck it', 'balls', 'ass', 'arse', 'a\\$\\$', 'hoe', 'hoes', 'butt',
];

/** Words that insult a person. */
export const INSULT_WORDS = [
  'idiot\\w*', 'moron\\w*', 'imbecile\\w*', 'stupid\\w*', 'stupidity', 'dumb\\w*', 'dim ?wit\\w*', 'halfwit\\w*', 'nitwit\\w*',
  'dimwit\\w*', 'loser\\w*', 'pathetic\\w*', 'worthless', 'useless', 'fool', 'fools', 'foolish', 'clown\\w*', 'jerk\\w*',
  'scum\\w*', 'trash(?! (?:bin|bins|can|cans|folder|bag|bags|day|pickup|truck|collection|talk))', 'garbage(?! (?:bin|bins|can|cans|bag|bags|day|disposal|pickup|truck|collection))', 'pig', 'pigs', 'cow', 'cows', 'psycho', 'psychos', 'psychopath\\w*', 'psychotic', 'lunatic\\w*', 'nutcase\\w*', 'nut job',
  'creep', 'creeps', 'creepy', 'freak', 'freaks', 'disgusting', 'ugly', 'fatso', 'fat', 'incompetent', 'ignorant',
  'hypocrite\\w*', 'coward\\w*', 'parasite\\w*', 'brainless', 'clueless', 'spineless', 'gutless', 'narcissist\\w*', 'deadbeat\\w*',
  'liar', 'liars', 'lazy', 'selfish', 'pervert\\w*', 'perv', 'sicko\\w*', 'cretin\\w*', 'buffoon\\w*', 'airhead\\w*', 'bimbo\\w*',
  'weirdo\\w*', 'failure', 'waste of space', 'waste of (?:air|oxygen|time)', 'piece of (?:\\w+)', 'crazy', 'insane',
  'ridiculous', 'idiotic', 'moronic', 'childish', 'immature', 'vile', 'evil', 'filth\\w*', 'rat', 'snake', 'bully',
  'nag', 'witch', 'dense', 'hag', 'slob', 'retarded', 'dunce', 'simpleton', 'numbskull\\w*', 'bonehead\\w*', 'knucklehead\\w*', 'ignoramus',
];

/** Contempt without swearing: mockery, superiority, sarcasm, dismissal of the person. */
export const CONTEMPT = [
  'who do you think you are', 'you disgust me', 'you make me sick', 'get a life', 'grow up', 'give me a break',
  'oh please', 'yeah right', 'as if', 'big surprise', 'what a surprise', 'how convenient', 'nice try', 'whatever you say',
  'do you even', 'are you even', 'what a joke', 'you(?:A| a)re a joke', 'you(?:A| a)re pathetic', 'nobody cares', 'no one cares',
  "i don(?:A|o)t care what you (?:think|say|want)", 'shut up', 'shut your (?:mouth|face)', 'are you kidding me', 'rolls? (?:my )?eyes',
  'good luck with that', 'spare me', 'classic you', 'typical(?: of)? you', 'how typical', 'so typical', '(?<![a-z] )typical(?=\\s*[.!?]|$)', "it(?:A| i)s not rocket science", 'even a (?:child|kid|toddler) (?:could|can|would)',
  'pfft+', 'duh', 'get over yourself', 'cry me a river', 'boo hoo', 'poor (?:little )?(?:you|baby)', 'how pathetic',
  'you(?:A| a)re (?:so )?(?:full of yourself|beneath me|not worth)', "you(?:A| a)re not worth (?:it|my time)", 'waste of my time',
  "you(?:A| a)re such an? ", 'what did you expect', 'of course you (?:did|would|do|are|were)', 'clearly you', 'obviously you',
  "you(?:A| wi)ll never (?:change|amount|be)", "you(?:A| a)re nothing", 'you are nothing', 'sure,? jan', 'thanks for nothing',
  'you people', 'your kind', 'get out of my face', 'go to hell', 'drop dead', 'get lost',
  'you can(?:A|no)t even', 'heaven forbid', 'god forbid', 'wow,? just wow', '(?<![a-z] )unbelievable(?=\\s*[.!?,]|$)', 'whatever helps you sleep',
  'real mature', 'very mature', 'so mature', 'how mature', "(?:don(?:A|o)t )?make me laugh",
  // sarcasm: praise that means its opposite
  "(?:oh |yeah )?(?:sure|right),? because (?:you|u)(?:A| a)re", "because (?:you|u)(?:A| a)re (?:so|soo+) (?:perfect|smart|clever|great|wonderful|amazing|special)",
  '(?:great|good|nice|fantastic|amazing|brilliant|wonderful|awesome|well) (?:job|work|going|done|move|one)[,.!]* (?:as usual|as always|once again|again|genius|einstein)',
  'nice (?:one|going|job|work),? (?:genius|einstein|sherlock)', 'way to go,? (?:genius|einstein|again)', 'must be nice', 'mr\\.? perfect', 'miss perfect',
  'oh,? how (?:nice|lovely|sweet|generous|kind) of (?:you|u)', 'really impressive', 'so impressive',
  "(?:you|u)(?:A| a)re just like (?:your|ur) (?:mother|mom|mum|father|dad|sister|brother|family)", "(?:you|u)(?:(?:A| a)re| act| behave| sound| look)(?:ing)? (?:even )?(?:worse|no better) than (?:a|an|your|ur|my) \\w+",
  "(?:you|u) (?:act|behave|sound)s? like (?:a|an) (?:child|baby|toddler|two year old|teenager|spoiled brat|brat)",
  '\u{1F644}', '(?:should|shall) (?:we|i) throw (?:you|u) a (?:parade|party)', "(?:do )?(?:you|u) want a (?:medal|cookie|trophy|gold star|prize)",
  "look who(?:A| i)?s? (?:finally )?(?:decided|showed|shows|bothered|remembered)", 'cute (?:that|how) (?:you|u) think', 'how cute', 'enlighten (?:us|me)',
  'your (?:brilliant|genius|expert|oh so wise|infinite) (?:\\w+ )?(?:advice|ideas?|opinions?|wisdom|plan|insight)', '(?:congratulations|congrats),? (?:you|u) (?:managed|finally|actually)',
  '(?<![a-z] )impressive(?=\\s*[.!]|$)', 'nobody asked (?:for )?(?:you|u|your)', 'no one asked (?:for )?(?:you|u|your)', '(?:are (?:you|u) )?happy now', 'mr\\.? know[- ]it[- ]all', 'know[- ]it[- ]all',
  "mr\\.? ['\"‘“]?i know(?= everything)", "(?:you|u)(?:A| a)re (?:just )?(?:a )?nobody", ',? genius(?=\\s*[.!?]|$)', 'bless your heart', 'all by yourself', 'news ?flash', 'ok(?:ay)? boomer', 'employee of the month',
];

/** Criticism: the person's character, not the situation; absolutes. */
export const CRITICISM = [
  'you always', 'you never', "you(?:A| a)re always", "you(?:A| a)re never", 'you constantly', "you(?:A| a)re constantly",
  'you can never', "you can(?:A|no)t ever", "you won(?:A|o)t ever", "you don(?:A|o)t ever", "you didn(?:A|o)t even",
  'every single time', 'every time you', 'each time you', 'not once have you', "you(?:A| ha)ve never",
  "what(?:A| i)s wrong with you", "what is wrong with you", 'what the (?:hell|heck|fuck) is wrong with you',
  "what(?:A| i)s your problem", "why can(?:A|no)t you (?:ever|just)", 'why do you always', 'why do you never',
  "why don(?:A|o)t you ever", "you don(?:A|o)t (?:even )?care", 'you only (?:ever )?(?:care|think) about yourself',
  "you(?:A| a)re (?:so |such an? |really |just )?(?:selfish|lazy|useless|hopeless|impossible|irresponsible|inconsiderate|careless|clueless|controlling|cold|heartless|selfish)",
  "you(?:A| a)re the (?:kind|sort|type) of (?:person|man|woman)", "you(?:A| a)re (?:incapable|unable)",
  'you ruin everything', 'you ruined everything', "you(?:A| wi)ll never", 'typical of you', 'just like you',
  "you(?:A| ha)ve (?:always|never) been", "there(?:A| i)s something wrong with you", 'you(?:A| a)re the problem',
  'all you (?:ever )?do is', 'you (?:only|just) (?:ever )?think of yourself', "you(?:A| a)re (?:a|an) terrible",
  "why are (?:you|u) (?:always |so |even )?like this", "what kind of (?:person|mother|father|parent|mom|mum|dad|husband|wife|partner|man|woman|friend|manager|boss|adult|grown man|grown woman|sister|brother|son|daughter) (?:would|does|do|forgets|says|treats|leaves|are you)",
  "(?:you|u) (?:have|got) the (?:emotional )?maturity of", "couldn(?:A|o)t be bothered", 'grow a (?:spine|pair)',
  // superlatives: "you're the laziest person I've ever met", "the worst husband in the world"
  "(?:you|u)(?:A| a)re (?:(?:honestly|literally|really|truly|by far|easily|seriously) )?(?:the|such (?:a|an)) (?:single )?(?:laziest|dumbest|stupidest|worst|rudest|meanest|cruellest|cruelest|ugliest|cheapest|coldest|weakest|most (?:selfish|useless|pathetic|annoying|incompetent|inconsiderate|irresponsible|arrogant|dishonest|disgusting|ungrateful|self-centred|self-centered|self-absorbed|toxic|manipulative|controlling|ridiculous|childish|immature|unreliable|spoiled|entitled|insufferable))",
];

/** Defensiveness: innocence, counter-attack, excuses. */
export const DEFENSIVENESS = [
  "it(?:A| i)s not my fault", 'not my fault', "it wasn(?:A|o)t my fault", "i didn(?:A|o)t do anything(?: wrong)?", 'i did nothing wrong',
  "don(?:A|o)t blame me", "don(?:A|o)t put this on me", "that(?:A| i)s not true", "i never said that", 'what about you',
  'what about when you', "you(?:A| a)re the one who", 'yes,? but you', 'yeah,? but you', "it wasn(?:A|o)t me", 'how is (?:that|this|it) my fault',
  'why is it always me', "i(?:A| a)m not the problem", "i(?:A| a)m not the one who", 'you started it', 'i had no choice',
  "you(?:A| a)re overreacting", "you(?:A| a)re too sensitive", "you(?:A| a)re being dramatic", 'i was just joking',
  "it(?:A| wa)s just a joke", 'well,? you', 'you did it too', "you(?:A| ha)ve done (?:it|that|the same|worse)",
  "i(?:A| a)m not (?:the bad guy|a mind reader)", 'i did my best', 'i was only trying',
];

/** Stonewalling: shutting the conversation down. Only counted when it makes up most of a short sentence. */
export const STONEWALLING = [
  'whatever', "i(?:A| a)m done(?: talking| with this| here)?", "i(?:A| a)m not (?:talking|discussing|doing) (?:about )?this",
  "i have nothing (?:more )?to say", 'this conversation is over', "we(?:A| a)re done(?: here)?", 'talk to the hand',
  'forget it', 'never ?mind', "i(?:A| a)m out", 'end of (?:discussion|story|conversation)', "i(?:A| a)m not discussing this",
  "don(?:A|o)t talk to me", 'leave me alone', 'i give up', "i don(?:A|o)t care(?: anymore)?", 'fine', 'k', 'talk to you never',
  "i(?:A| a)m not going to (?:talk|discuss)", "there(?:A| i)s nothing to talk about", "i(?:A| wi)ll talk when i want", 'not interested',
  "don(?:A|o)t bother", 'no comment', 'go away', 'stop talking',
  'do (?:what|whatever) (?:you|u) (?:want|like|wish)', 'do whatever', "(?:i(?:A| a)m )?not doing this(?: again| anymore| now| with you)?", 'bye', 'save it',
  "i(?:A| a)m not listening", "i(?:A| ha)ve checked out", 'talk to my lawyer', 'this is pointless', "i(?:A| a)m blocking you", 'leave me out of (?:it|this)',
];

/** Refusals that shut the conversation down whatever the sentence's length. */
export const STONEWALLING_EXPLICIT = [
  "i(?:A| a)m not (?:answering|replying to|responding to|reading|discussing|talking about) (?:any more of |anymore |any of )?(?:this|that|you|your|it)",
  "i(?:A| wi)ll not (?:answer|reply to|respond to|discuss|talk about) (?:this|that|you|your|it)", "don(?:A|o)t bother (?:replying|answering|responding|texting|calling|messaging)",
  "(?:i(?:A| ha)ve )?stopped (?:reading|listening to|answering) (?:your|you)", "checked out of (?:this|the) (?:family|marriage|relationship|conversation|team)",
  "(?:not|never) (?:discussing|talking about) this (?:with you|again)", 'talk to my lawyer',
];

/** Blame: the cause of everything is the reader. */
export const BLAME = [
  "it(?:A| i)s (?:all )?your fault", "this is (?:all )?your fault", "it(?:A| i)s all on you", 'all your fault', 'your fault',
  'because of (?:you|your|ur)', "(?:you|u)(?:A| a)re the one who (?:lost|broke|forgot|started|ruined|messed|wrecked|caused|crashed|missed|spent|left|did|made)", "(?:it(?:A| i)s|that(?:A| i)s) (?:all )?on (?:you|u)", 'you made me', 'you caused', 'you ruined', "you(?:A| a)re the reason", 'thanks to you', "if you hadn(?:A|o)t",
  "if it (?:weren|wasn)(?:A|o)t for you", 'you did this', 'you brought this on', "you(?:A| ha)ve (?:ruined|destroyed|wrecked)",
  'you (?:destroyed|wrecked|screwed up)', 'you started this', 'you (?:always )?make (?:me|everything|it) (?:worse|angry|mad|miserable)',
  'blame (?:yourself|you)', 'you only have yourself to blame', 'you (?:let|messed) (?:me|us|everything|it) (?:down|up)',
];

/** Threats of harm from the sender. Always held; never delivered as written. */
export const THREAT = [
  "(?:iAll|i will|iAm going to|iAm gonna|i am going to|i am gonna|i gonna|i swear iAll|i could|i should) (?:fucking )?(?:kill|murder|hurt|beat|punch|hit|slap|stab|shoot|strangle|choke|destroy|ruin|end|break|smash|bury) (?:you|u|your|him|her|them)\\b(?! (?:up|back|to it|an? |some |over |at (?:chess|cards|this|that|it|tennis|golf)|with (?:a|an|the) (?:email|text|call|message|link|reminder)))",
  "i(?:A| wi)ll make (?:you|u) (?:pay|regret|suffer|sorry)", "you(?:A| wi)ll regret (?:this|it|that)", 'you will regret',
  'watch your back', 'i know where you live', "you(?:A| a)re dead", 'you are dead', "you(?:A| a)re (?:going to|gonna) (?:pay|regret|get hurt|be sorry)",
  "i(?:A| wi)ll make your life (?:a )?(?:hell|misery)", "you(?:A| wi)ll never see (?:the|your|our) (?:kids|children|son|daughter|baby) again",
  "i(?:A| wi)ll take the (?:kids|children)", 'sleep with one eye open', "you(?:A| wi)ll be sorry", 'or else',
  "i(?:A| wi)ll burn (?:your|the house|it)", 'i could kill you', 'i should kill you', 'i want to (?:kill|hurt|punch|hit) you',
  "i(?:A| wi)ll find you", 'you deserve to die', "(?:go )?kill yourself", 'kys', 'hope you die', 'i hope you die',
  "i(?:A| wi)ll (?:post|send|share|leak) (?:your|the) (?:photos|pictures|nudes|messages)",
  // conditional and veiled: "touch my stuff again and you'll get hurt", "you won't like what happens"
  // (a caring "be careful or you'll get hurt" is not one: only after "again" / "or else")
  "(?:again|or else|otherwise)(?:,? (?:and|or))?[,\\s]+(?:you|u)(?:A| wi)ll (?:get hurt|be hurt|be sorry|regret it|pay)",
  "(?:and|or)[,\\s]+(?:you|u)(?:A| wi)ll (?:see|find out) what happens",
  "(?:you|u)(?:A| a)re (?:going to|gonna) get (?:hurt|it|what(?:A| i)s coming)", "(?:you|u)(?:A| wi)ll get what(?:A| i)s coming",
  "(?:you|u) won(?:A|o)t like what (?:happens|i do|comes next)", 'something (?:bad )?(?:will|is going to|could) happen to (?:you|u)',
  "don(?:A|o)t make me (?:hurt|hit|kill|slap|punch) (?:you|u)", "i(?:A| wi)ll (?:come|go) after (?:you|u)", "i(?:A| wi)ll get (?:you|u) for (?:this|that)",
  "(?:you|u)(?:A| wi)ll pay for (?:this|that|it)", "i(?:A| wi)ll (?:make sure|see to it)(?: that)? (?:you|u) (?:never|lose|regret|pay|suffer)",
  "i(?:A| wi)ll take (?:you|u) for everything", "i(?:A| wi)ll take everything (?:from )?(?:you|u)", "(?:you|u)(?:A| wi)ll wish (?:you|u) (?:hadn(?:A|o)t|never|were)",
  "i(?:A| wi)ll (?:hurt|kill) myself if (?:you|u)",
  "(?:you|u)(?:A| wi)ll be (?:limping|crawling|bleeding|begging|in (?:the )?hospital|in a wheelchair|picking up your teeth)", 'what crossing me (?:costs|gets you|means)',
  "(?:don(?:A|o)t|do not|never) cross me", "i(?:A|\\s+woul)d be (?:very |really )?careful (?:what|how) (?:you|u) (?:say|do|act)",
  "i know (?:which|what|where) (?:school|street|gym|office|bar|house) (?:your|ur) (?:kids|children|son|daughter|wife|husband|mother|mom|mum)",
  "i know where (?:your|ur) (?:kids|children|son|daughter|mother|mom|mum|parents|family) (?:live|lives|go|goes|work|works|are)",
  'see what happens to (?:your|ur) (?:job|kids|car|career|face|family|stuff|things)', "put (?:you|u) through (?:a|the|that) (?:wall|window|door|floor)",
  "break (?:your|ur) (?:neck|legs?|arms?|jaw|face|nose|fingers|teeth)", "(?:smash|bash|cave) (?:your|ur) (?:face|head|skull) in",
  "(?:send|show|post|share|leak) (?:those|these|the|your|our|my|all the|all those|all your) (?:\\w+ )?(?:photos|pictures|pics|videos|nudes|messages|texts) to (?:your|ur|everyone|the whole)",
  "i(?:A| wi)ll (?:burn|smash|destroy|wreck|trash|key|slash|break) (?:every(?:thing| last| single)?|all|your|ur)",
  "one more (?:word|time|step|chance)[,.]?(?: and| or)? (?:i(?:A| wi)ll|i swear|you(?:A| wi)ll)",
  "i(?:A| wi)ll (?:knock|lay|deck|lamp|batter|flatten|sort) (?:you|u) (?:out|down|flat|clean out|one)", "knock (?:your|ur) (?:teeth|head|block|lights) (?:in|out|off)",
  "kick (?:your|ur) (?:ass|arse|head|teeth) in", "(?:beat|kick) the (?:shit|crap|hell|living daylights) out of (?:you|u)",
];

/** Self-harm and suicidal intent from the sender. Always the safety path. */
export const SELF_HARM = [
  'kill myself', 'killing myself', 'end my life', 'ending my life', 'take my (?:own )?life', 'want to die', 'wanna die',
  'wish i (?:was|were) dead', 'wish i (?:was|were) never born', 'better off dead', 'better off without me', "iAm suicidal", 'i am suicidal', 'feel(?:ing)? suicidal', 'i (?:have|had|get) suicidal',
  '(?:iAm |i am |i keep |i(?:A| ha)ve been )?(?:thinking about|thoughts of|considering|contemplating) (?:suicide|killing myself|ending it)',
  "(?:iAm going to|i am going to|iAm gonna|i want to|iAll|i will|i might|i may|i could|i should|i(?:A| ha)ve thought about|i tried to) (?:commit(?:ting)? )?suicide",
  'hurt myself', 'hurting myself', 'cut myself', 'cutting myself', "don(?:A|o)t want to (?:live|be alive|be here anymore)",
  'no reason to live', 'nothing to live for', 'end it all', 'not be here anymore', "won(?:A|o)t be (?:here|around) (?:much longer|anymore|tomorrow)",
  'take an overdose', 'jump off (?:a|the) (?:bridge|roof|building)', 'slit my wrists', 'hang myself', "can(?:A|no)t go on (?:anymore|like this)",
  // passive ideation: "what's the point of living", "everyone would be better off if I wasn't around"
  "what(?:A| i)s the point (?:of|in) (?:living|life|going on|being alive|being here|even being here)", 'no point (?:in )?(?:living|going on|being alive)',
  "(?:don(?:A|o)t|do not|can(?:A|no)t|cannot) see (?:the|any) point (?:in|of) (?:going on|living|carrying on|being here|being alive|anything anymore)",
  "(?:better off|easier for (?:everyone|everybody|you all|you)|happier|fine) (?:if|when) i(?:A|\\s)?(?:m| am| was| were)?(?:n(?:A|o)t| not)? (?:around|here|alive|gone|dead|in the picture)",
  "(?:better off|easier for (?:everyone|everybody|you all|you)) (?:if|when) i (?:wasn(?:A|o)t|weren(?:A|o)t|am not|(?:was|were) gone|died|disappeared)",
  "(?:nobody|no one|no-one) would (?:even )?(?:notice|care|miss me)(?: if i (?:was|were) gone| if i died| if i disappeared)?", 'would be better (?:off )?without me',
  "(?:i )?(?:just )?(?:want|wanna|wish i could) (?:to )?(?:disappear|vanish)(?: forever| for good| completely)?(?=\\s*(?:[.!?,]|$))", 'disappear forever',
  "(?:don(?:A|o)t|do not) want to wake up", 'never wake up again', "(?:go to sleep|sleep) and (?:never|not) wake up", 'stop existing', "(?:don(?:A|o)t|do not) want to exist",
  "(?:tired|sick) of (?:being alive|living|life|existing)(?=\\s*(?:[.!?,]|$))", "(?:i(?:A| a)m|so) done with (?:life|living|being alive)",
  "i (?:cut|burned|burnt|hurt) (?:myself )?again", "(?:started|start|been) (?:cutting|hurting|burning) (?:myself )?again", 'self[- ]harm(?:ing)?',
  '(?:pills|tablets) in my hand', "(?:take|swallow|took|swallowed) (?:all )?(?:the|my|those|these) (?:pills|tablets) at once",
  "(?:drive|driving|drove|jump|jumping|walk|walking|step|stepping) (?:off|into|in front of) (?:the|a) (?:bridge|cliff|river|traffic|train|building|roof|bus|truck)",
  "(?:wrote|written|writing|left) (?:goodbye )?(?:letters|notes|a note|a letter) (?:to|for) (?:everyone|my family|you all|the kids)", 'this is (?:my )?goodbye', "(?:giving|gave|give) away (?:all )?my (?:things|stuff)",
  "i(?:A| a)m (?:just )?a burden (?:to|on) (?:everyone|you all|my family)",
];

/**
 * Function words: never marked as what makes a sentence hot (the model's spans, the label model's
 * words), and never worth deleting to cool one down (the rewriter).
 */
export const STOPWORDS = new Set(
  (
    'a an the and or but so if of to in on at by for with from as is are was were be been being am i me my you your he him ' +
    'his she her it its we us our they them their this that these those not no do does did have has had will would can could ' +
    "should just than then there here what who when where why how all any some i'm it's don't can't like " +
    'about into out up down over off again too very more most only own same other such both each few ' +
    'haven don doesn isn wasn aren couldn wouldn shouldn didn hasn hadn won ain weren'
  ).split(' '),
);
