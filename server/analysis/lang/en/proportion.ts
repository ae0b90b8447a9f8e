/** English: the words that keep the analyzer proportionate (proportion.ts reads these). */
import type { ProportionPatterns } from '../types.js';

const TRIVIAL =
  'leftovers|pizza|chips|crisps|biscuits?|cookies|tim tams?|chocolate|yoghurt|yogurt|cake|beer|wine|snacks?|' +
  'sandwich|last slice|fries|coffee|tea|milk|charger|razor|remote|hoodie|jumper|finale|the ending|spoilers?|series|' +
  'episode|season|match score|song|pun|jokes?|playlist|password|mug|ice cream|noodles|the score|the ending|' +
  'the show|that show|our show|next ep|telly|tv|' +
  'popcorn|cheese|biryani|samosas?|pakoras?|suya|patty|jollof|biltong|nutella|rolos?|easter egg|roast potato|' +
  'dishes|towel|blanket|duvet|thermostat|plants|shampoo|straighteners|hoodie|socks|dad jokes?|meme|karaoke|' +
  'game of thrones|succession|oat milk|last (?:slice|bite|piece|one|biscuit|cookie|roast \\w+|bit|drop|can|bottle|' +
  'pod|samosa|pakora|rolo)|the killer|who wins|crisps|supermalt|coke|gulab jamun|tim tams|' +
  '(?:wake|wakes|woke|wake up|woke up) the (?:baby|kids)';

const SITUATION =
  'day|days|week|weeks|month|year|morning|night|weekend|traffic|bus|buses|train|trains|tube|boiler|weather|rain|' +
  'wifi|wi-fi|internet|printer|laptop|computer|job|work|shift|exam|queue|commute|meeting|deadline|flight|delay|' +
  'delays|heating|shower|rent|bills?|situation|luck|timing|signal|network|game|match|result|results|cold|flu|boiler|' +
  'mondays?|fridays?|heatwave|hangover|quarter|sprint|project|rota|drive|drive home|uni|school|term|semester|' +
  'load shedding|power cut|petrol|prices?|queue|taxi|ferry|landing|roads?|snow|heat|storm|wind|cough|migraine';
const BODY = 'back|feet|foot|head|knees?|neck|legs?|stomach|tooth|teeth|shoulder|hands?|eyes?';
const BELONGING =
  'phone|car|keys|wallet|laptop|bike|fridge|oven|kettle|washing machine|dishwasher|tickets?|restaurant|' +
  'table|booking|card|battery|screen|tyre|tire|engine|umbrella|flat|house|kitchen|roof|toilet|shower|' +
  'heating|internet|wifi|printer|boiler|tv|telly|package|parcel|order|delivery';
const SWEAR =
  "shit|shite|shitty|crap|crappy|fucking|fuckin|fuck me|for fuck[’'']?s sake|ffs|bloody hell|bloody|damn|dammit|" +
  'damnit|hell|bollocks|sucks|sucked|pissed off|fucked|fuck|shitshow|arse|piss|fml|wtf|jeez|nightmare';

const VIOLENT =
  'kill|murder|strangle|throttle|end|batter|punch|smack|slap|choke|smother|drown|bury|skin|beat|moer|knock|fight|' +
  'stab|kick';
const READER = 'you|u|ya|yuh|yah';

/** "wow", "oh sure", "yeah": one cue however many */
const INTERJECTION = /(?:^|[.!?]\s+)(?:oh|ah|wow|yeah|yah|ehn|sure|ooh)\b|\bwow\b/gi;

/** heads of a subject that is a person or what someone said: swearing at them is not about a situation */
const NOT_A_THING =
  'you|youre|ur|he|she|they|him|her|them|people|person|guy|guys|man|woman|men|women|girl|boy|idiot|' +
  'mum|mom|mam|dad|sister|brother|boss|husband|wife|partner|ex|friend|friends|neighbou?rs?|landlord|kids?|son|' +
  'daughter|family|teacher|manager|article|comment|post|story|argument|opinion|idea|excuse|answer|reply|' +
  'message|point|text|nonsense|government|party|mayor|president|liberals?|democrats?|republicans?|media|' +
  'voters|police|country|world|everyone|everybody|nobody|anyone|someone|whoever|this|that|it';
const EXCLAIM =
  '(?:(?:oh|ah|aw|ugh|argh|jeez|man|bruh|yoh|eish|honestly|ngl|god|well|holy shit|shit|crap|damn|dammit|' +
  "fuck(?:in[g'’]?)? hell|bloody hell|for fuck['’]?s sake|ffs|(?:fucking |bloody |so )?typical|wtf)[,!. ]+)*";

export const PROPORTION: ProportionPatterns = {
  banter: new RegExp(
    [
      '(?:\\blol+\\b|\\blmf?ao+\\b|\\brofl\\b|\\b(?:ha){2,}h?\\b|\\bhehe+\\b|\\bjk\\b|',
      '(?<!not )\\bjoking\\b|(?<!not )\\bkidding\\b|',
      '\\bswear down\\b|😂|🤣|😅|😆|😜|😝|🙃|😉|',
      `\\b(?:${TRIVIAL})\\b|`,
      '\\b(?:spoil(?:s|ed|ing)?|eat(?:s|ing)?|ate|drink(?:s|ing)?|finish(?:es|ed|ing)?) (?:my|the|it|that|all)\\b|',
      '\\bspoil(?:s|ed|ing)? \\w+|\\bskip(?:s|ped|ping)? (?:my|the|ahead)\\b)',
    ].join(''),
    'i',
  ),
  serious: new RegExp(
    [
      // children make violent words serious, unless waking them is the whole offence ("wake the baby and I'll kill you")
      '\\b(?:(?:kids|children|baby)(?<!\\b(?:wake|wakes|waking|woke|wake up|woke up) the (?:kids|children|baby))|',
      'child|son|daughter|custody|court|police|cops|lawyer|solicitor|leave me|leaving me|',
      "left me|divorce|where you live|where you(?:['’]ll| will) be|i know where|your (?:mum|mom|mam|family|work|job|",
      'house|address)|photos|nudes|pictures|address|knife|gun|blade|witness(?:es)?|i swear on|to god|anywhere near|',
      'show up|find you|track you down|hunt you down|catch you alone|turn up|come near|my work|my mother|my mum|',
      'my mom|regret every|not joking|not kidding|i mean it|',
      "i(?:['’]m| am) serious)\\b",
    ].join(''),
    'i',
  ),
  hatred: /\b(?:i (?:hate|despise|loathe|detest)|i can['’]?t stand|sick of) (?:you|u|ya)\b/i,
  thanks:
    /\b(?:thank|thanks|thx|ty|cheers|appreciate[ds]?|grateful|honou?red|lovely|amazing|best|star|legend|gem|saint)\b/i,
  apology: new RegExp(
    "\\b(?:sorry|apologi[sz]e|apologies|i regret|shouldn['’]?t have|should not have|was wrong to|" +
      // "I was out of order calling you a liar", "I was bang out of line"
      'i was (?:(?:way|bang|totally|well|completely|so) )?out of (?:order|line)|' +
      'take (?:it|that) back|take back what i said)\\b',
    'i',
  ),
  named: new RegExp(
    '\\b(?:said|say|saying|called|calling|call|told|telling)\\s+(?:about\\s+)?(?:you|u|that you|ya)\\b[^.!?;,]*' +
      '(?=[,.!?;]|$)',
    'gi',
  ),
  agreement: new RegExp(
    [
      "\\b(?:go ahead|you (?:pick|choose|decide)|book it|let['’]?s (?:do|go with|say|book|meet|try)|sounds good|",
      'works for me|',
      'see you (?:at|then|tomorrow|soon|there|later|on|next|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|',
      "that works|agreed|your way|i[’']?ll do it|i[’']?m in|no problem|you have it|you take it|",
      '(?:\\w+days?|tomorrow|tonight|noon|\\d+(?::\\d+)?(?:am|pm)?) it is|fine by me|',
      "fine with me|(?:fine|ok|okay|alright)[,.]? i[’']?ll (?:pick|take|do|drop|get|bring|collect|book|sort|pay|",
      'send|grab|',
      'call|ring|text|handle|cover|come|be))\\b',
    ].join(''),
    'i',
  ),
  plainRefusal: /^(?:fine|k|ok(?:ay)? fine|fine then|bye)$/i,
  situation: new RegExp(
    [
      `(?:(?:this|the|what an?|such an?|my|our|today|today['’]s|it['’]s been an?) (?:\\w+ )?`,
      `(?:${SITUATION})(?:['’]s| has| is|`,
      ` was| have| are| were)?(?: been)? (?:an? )?(?:absolute |complete |total |proper |utter )?(?:${SWEAR})\\b|`,
      `(?:what an?|such an?|this|the|a|my) (?:${SWEAR})(?: of an?)? (?:${SITUATION})\\b|`,
      `^(?:oh |ah |aw |ugh,? |that['’]?s |that is )?(?:${SWEAR})(?: it)?[,!.]*\\s+(?:sorry,?\\s+)?`,
      "(?:(?:i['’]?ve |i )(?:just )?",
      '(?:forgot|missed|locked|dropped|broke|lost|left|spilled|spilt|overslept|burnt|burned)|',
      `(?:the|my|our) (?:${SITUATION}|\\w+)(?:['’]s| is| has| was)? (?:gone|broken|cancelled|canceled|down|late|dead|`,
      'flat|off|out))\\b|',
      `(?:${SITUATION})(?: \\w+)? (?:has been|was|is|been|are|were) (?:${SWEAR}) (?:brutal|awful|hard|rough|`,
      'terrible|mental|long|exhausting|unreal|crazy|horrible|relentless|slow|busy|hectic|expensive|cold|hot)\\b|',
      `(?:${SWEAR}) (?:this|the) (?:${SITUATION}) (?:is|was|has)|`,
      `(?:it['’]?s|it is|it was|it['’]?s been) (?:${SWEAR}) (?:freezing|boiling|roasting|cold|hot|raining|pouring|`,
      'late|early|heaving|packed|chaos|mental)\\b|',
      "i(?:['’]m| am| was) (?:so |really |well |proper )?pissed off(?! (?:with|at) (?:you|u)\\b)|",
      `(?:the |this |that )?(?:${SITUATION})['’]?s? (?:broken|gone|cancelled|down|late)[^.!?]{0,60}`,
      `(?:${SWEAR})(?: thing)?`,
      `(?=\\s*[.!?]|$))`,
    ].join(''),
    'gi',
  ),
  swear: new RegExp(`\\b(?:${SWEAR})\\b`, 'i'),
  affection: new RegExp(
    [
      '(?:\\b(?:missed you|miss you|miss ya|missed ya|love you|love ya|luv u|love u|give us a hug|hug|xx+|',
      "you(?:['’]re| are) (?:hilarious|so funny|the best|a legend|brilliant|amazing)|haha\\w*|hehe|silly sausage|",
      'cheeky monkey|big softie|big idiot|daft (?:thing|sod|hap\\w*))\\b|',
      '😂|🤣|❤️|❤|😘|🥰|😍|<3|(?:^|\\s)x+\\s*$)',
    ].join(''),
    'i',
  ),
  teasing: new RegExp(
    [
      '\\b(?:goof|goofball|muppet|eejit|idjit|numpty|sausage|dork|silly|daft|cheeky|monkey|wally|plonker|',
      'dingbat|doofus|nerd|weirdo|dummy|dafty|wee shite|gannet|softie|trouble|pest|big idiot|',
      'shut up|shush)\\b',
    ].join(''),
    'i',
  ),
  violenceAtReader: new RegExp(
    [
      `\\b(?:${VIOLENT})(?:s|ed|ing)?\\s+(?:${READER}|yourself)\\b(?!['’])|`,
      `\\b(?:${READER}|you['’]re|ur|youre)\\s+(?:(?:are|r|will be|['’]ll be|is|be|getting|gonna be)\\s+)?`,
      '(?:so\\s+|a\\s+|getting\\s+)?(?:dead|done for|finished|murdered|strangled|toast)\\b|',
      '\\b(?:wring|break|snap)\\s+(?:your|ur|ya)\\s+(?:neck|legs?|arms?)\\b|knock\\s+(?:your|ya|ur)\\s+block|',
      '\\b(?:kick|whoop|tan)\\s+(?:your|ur|ya)\\s+(?:butt|arse|ass|hide)\\b|\\b(?:you|u|ya) die\\b|',
      '\\bthrow (?:you|u|ya) (?:in|out|into|off)\\b|\\b(?:dead man|dead meat)\\b|',
      '\\b(?:whoever|next person|anyone who)\\b[^.!?]{0,40}\\b(?:dead|strangled|murdered|killed|getting it)\\b|',
      '\\bmi (?:a go |wi )?(?:kill|dead) (?:yuh|you)\\b|\\bi go (?:kill|beat) (?:you|u)\\b|coming for (?:you|u)\\b',
    ].join(''),
    'i',
  ),
  praise: new RegExp(
    [
      '\\b(?:thanks|thank you|thank u|thx|cheers|ta|great|brilliant|wonderful|amazing|lovely|nice|perfect|',
      'fantastic|excellent|well done|congrat\\w*|kind|thoughtful|help|helpful|helped|generous|considerate|',
      'impressive|honou?red|genius|legend|saint|team player|reliable|patient|organi[sz]ed|priority|funny|',
      'hilarious|mature|loyal|gem|star|majesty|highness|appreciate\\w*|outdid|on top of|touching|fab|',
      'good at|great at|so good|busy|hard done by|important|original|generous|sweet|gracing|grace)\\b',
    ].join(''),
    'i',
  ),
  sarcasmAlone: new RegExp(
    [
      "\\b(?:must be (?:nice|lovely|great|so hard|nice|fun)|thanks for nothing|of course you(?:['’]d| did| do| would|",
      " forgot| had| have| didn['’]t| don['’]t| know| always)\\b|some (?:friend|partner|help|dad|mum|mother|father)",
      ' you are|how (?:touching|original|nice of you to finally)|alert the (?:media|press)|',
      '(?:get|give) (?:this|that|him|her|them) (?:man|woman|person|guy|girl)? ?a medal|gold star|',
      'first time for everything|took you long enough|only took (?:you )?(?:a|an|two|three|\\w+) \\w+|',
      "shocker|what a surprise|oh wait,? (?:you|u|he|she|they) (?:didn['’]t|did not|don['’]t|never|weren['’]t|",
      "forgot)|love that for us|nice to know where i stand|aren['’]t you just|",
      '(?:thanks|thank you|thank u|cheers)(?: (?:so|SO) much| a lot| a bunch)? for (?:ditching|ignoring|throwing me|',
      'leaving me|leaving your|eating my|using my|nicking my|stealing my|the mess|the lovely surprise|',
      'letting me know \\w+ ',
      '\\w+ late|showing up \\w+ \\w+ late|forgetting|never)|just wow|',
      'real mature|so now you care|grace (?:us|the \\w+) with your presence|gracing us)\\b|🙄|🙃|',
      `['‘"“](?:help|helping|support|busy|hard work|effort)['’"”]`,
    ].join(''),
    'gi',
  ),
  sarcasmMarkers: [
    /\bSO\b/g,
    /(?:^|[.!?]\s*)really[.,!?]|,\s*really[.!?]|\breally[.!?]*\s*$|\btruly\.?\s*$/gi,
    INTERJECTION,
    /\bagain\b/gi,
    /\b(?:finally|eventually|for once|at last|actually)\b/gi,
    /\bas (?:usual|always|ever)\b/gi,
    /\b(?:right|isn['’]t it|aren['’]t you|didn['’]t you|don['’]t you|wasn['’]t it)\s*[?.]/gi,
    /\b(?:because|bc|cos|cuz|coz)\s+(?:you|u|ur|your)\b/gi,
    /['‘"“](?:help|helping|support|busy|hard work)['’"”]/gi,
    /\bnot\.\s*$/gi,
    /\b(?:how|so|ever so|very|real(?:ly)?) (?:kind|nice|generous|thoughtful|considerate|lovely|sweet) of (?:you|u)\b/gi,
    /\b(?:such|so|SO|a) (?:a )?(?:great|big|good|real) (?:help|listener|friend|gem)\b/gi,
    /\b(?:amazing|brilliant|fantastic|wonderful|perfect|lovely|great|nice one|well done|cheers|ta)[.!]*\s*$/gi,
    /\bwell done\b|\bjust perfect\b|\bgenius\b|\boh wait\b/gi,
  ],
  swearAtPerson: new RegExp(
    [
      '\\b(?:you|u|ya|yall|he|she|they|him|her|them)\\b[^.!?]{0,20}\\b(?:shit|crap|fucking|fuckin|bloody|damn)\\b|',
      '\\bfuck(?:ing|in)? with\\b|',
      '\\b(?:fuck|piss|bugger|sod) off\\b|\\bfuck (?:him|her|them|you|u|off)\\b|',
      '\\b(?:bitch\\w*|hoes?|whores?|cunts?|twats?|wankers?|pricks?|dicks?|bastards?|sluts?|fag\\w*|ni+gg\\w*|',
      'retard\\w*|pussy|hoe)\\b',
    ].join(''),
    'i',
  ),
  aboutThing: new RegExp(
    [
      `^\\s*${EXCLAIM}(?:`,
      // the sender's own mishap or body: "I've locked myself out", "My back is fucked", "missed the last train"
      "(?:(?:i|i['’]ve|ive|we|we['’]ve)\\s+(?:just\\s+)?)?(?:forgot|missed|locked|lost|left|dropped|broke|spilt|",
      'spilled|overslept|burnt|burned|got (?:soaked|stuck|lost)|ran out)\\b|',
      `my (?:${BODY}|${BELONGING})(?:['’]s|\\s+(?:is|are|was|has|have|keeps|just))\\b|`,
      // a thing that happened to the sender: "The heating's packed in again", "Mondays are crap"
      `(?:(?:the|this|that|these|those|my|our|today['’]?s?)\\s+)?(?:[a-z][\\w-]*\\s+)?(?:${SITUATION}|${BELONGING})\\b`,
      // one word or a place after the head: "this rent increase is", "this traffic on I-95 is"
      '(?:\\s+(?:[a-z][\\w-]*|(?:on|in|at|from|to) (?:the )?[\\w-]+))?',
      "(?:['’]s)?\\s+(?:\\w+ly\\s+)?(?:is|are|was|were|has|have|had|been|sucks|sucked|keeps|kept|just|again|",
      'packed|broke|died|failed|jammed|crashed|cancelled|canceled|ruined|gone|sold|went|\\w+ed)\\b)',
    ].join(''),
    'i',
  ),
  swearAtWords: new RegExp(
    '\\b(?:this|that|the|such|your|of|load of|pile of|piece of|full of|talking|talk)\\s+(?:utter\\s+|absolute\\s+)?' +
      '(?:shit|shite|crap|bollocks)\\b|\\bg[ia]ve?s? an? (?:shit|crap|damn|fuck|toss)\\b|' +
      // "why the fuck...", "get a fucking job": aimed at someone, not at a day
      '\\bthe (?:fuck|hell)\\b|\\b(?:get|grow|shut|go|stop|move)\\b[^.!?]{0,15}\\b(?:fucking|fuckin|bloody|damn)\\b',
    'i',
  ),
};
