/**
 * English: how someone tells that they were harmed, threatened, controlled or are afraid of someone
 * (disclosure.ts reads these). After mediators' screening questions: physical harm, threats, fear,
 * control over money, phone, friends or movements, stalking, children's safety.
 */
import type { DisclosurePatterns } from '../types.js';
import { phrases } from './lexicon.js';

const REL =
  '(?:(?:my|me|mi) (?:(?:husband|wife|partner)(?:A|)s (?:family|brothers?|sisters?|mother|mum|mom|father|dad|' +
  'people|relatives)|' +
  'husband|wife|partner|ex|ex-?husband|ex-?wife|ex-?partner|baby(?:A|)s? (?:father|mother|daddy|mama)|' +
  'supervisor|line manager|colleague|co-?worker|daughter-in-law|son-in-law|sister-in-law|brother-in-law|fella|man|' +
  'old man|missus|neighbou?r|teacher|employer|stepmother|grandfather|granddad|cousin|' +
  'boyfriend|girlfriend|bf|gf|fianc[eé]e?|dad|father|stepdad|stepfather|mum|mom|mam|mother|stepmum|stepmom|' +
  'brother|sister|son|daughter|grandson|granddaughter|grandchild|uncle|aunty|auntie|aunt|mother-in-law|' +
  'father-in-law|in-laws|family|landlord|flatmate|' +
  'housemate|carer|coach|boss|manager|da|ma|oul fella|auld fella)\\b|oga|madam|the (?:foreman|landlord|neighbou?r|' +
  'supervisor|manager|boss)\\b)';
const AGENT = `(?:he|she|they|dem|he(?:A| ha)s|she(?:A| ha)s|they(?:A| ha)ve|${REL}(?:(?:A|)s been|(?:A|)s)?)`;
/** violence to the sender or someone close ("beats my mum and me") */
const VIOLENT =
  '(?:beat|beats|beating|beaten|hit|hits|hitting|punch(?:ed|es|ing)?|kick(?:ed|s|ing)?|slap(?:ped|s|ping)?|' +
  'batter(?:ed|s|ing)?|bash(?:ed|es|ing)?|belt(?:ed|s)?|leather(?:ed|s)?|klap(?:ped|s)?|moer(?:ed|s)?|' +
  'chok(?:ed|es|ing)|strangl(?:ed|es|ing)|rap(?:ed|es)|abus(?:ed|es|ing)|hurt|hurts|hurting|lick|licks|box(?:ed|es)?|' +
  'shov(?:ed|es)|push(?:ed|es))';
/** done to the sender, told in the passive: "I was hit by my husband" */
const PASSIVE =
  '(?:hit|beaten|beat up|beat|pushed|shoved|kicked|punched|slapped|raped|assaulted|attacked|strangled|choked|' +
  'threatened|stalked|followed|abused|molested|locked (?:in|out|up)|dragged|thrown|battered|harassed|groped|' +
  'touched|hurt|bullied|controlled|hospitali[sz]ed|knocked (?:down|out|over))';
/** what the feared person will do: "terrified he'll find me", not "afraid he's right" */
const WILL_DO =
  "(?:he|she|they)(?:['’]ll| will| might| would| could| is going to| ['’]s going to| is gonna)(?: \\w+)? " +
  '(?:hurt|kill|find|do|come|take|hit|snap|flip|explode|lose it|see|follow|track|turn up|show up|hear|be standing|' +
  'be waiting)';
// what was done to the sender (with "me", "my ..." or "us" right after)
const HARM =
  '(?:hit|hits|beat|punch|kick|slap|push|shove|choke|strangle|grab|pin|rape|hurt|threaten|force|lock|follow|' +
  'stalk|track|bite|burn|drag|attack|trap|isolate|blackmail|pull(?:ed|s)?|harass(?:ed|es)?|corner(?:ed|s)?|' +
  'batter(?:ed|s)?|bash(?:ed|es)?|belt(?:ed|s)?|leather(?:ed|s)?|klap(?:ped|s)?|moer(?:ed|s)?|lick|licks|grop(?:ed|' +
  'es)|smother(?:ed|s)?|suffocat(?:ed|es)|' +
  'kidnap(?:ped|s)?|hitting|beat|beats|beating|beaten|punch(?:ed|es)?|kick(?:ed|s)?|slap(?:ped|s)?|push(?:ed|es)?|' +
  'shov(?:ed|es)|chok(?:ed|es)|strangl(?:ed|es)|grab(?:bed|s)|pinn(?:ed)|pins|rap(?:ed|es)|assault(?:ed|s)|' +
  'abus(?:ed|es)|molest(?:ed|s)|hurt|hurts|threaten(?:ed|s)|forc(?:ed|es)|lock(?:ed|s)|follow(?:ed|s)|' +
  'stalk(?:ed|s)|track(?:ed|s)|bit|bites|burn(?:ed|t|s)|spat on|dragg(?:ed)|drags|' +
  'tri(?:ed|es) to (?:kill|strangle|choke|hurt)|(?:nearly|almost|practically) (?:killed|strangled|choked|drowned)|' +
  'could(?: have|(?:A|)ve) killed|threatening|shook|shakes|spits? (?:on|at)|spitting on|threatenin|' +
  'attack(?:ed|s)|trapp(?:ed)|' +
  'traps|isolat(?:ed|es)|blackmail(?:ed|s))';
// not "hit me up", "beat me at chess", "grabbed me a coffee", "pushed me to apply", "hit me with the news"
const OBJ_ME =
  '(?:(?:me|us|mi)(?! (?:up|back|on (?:instagram|insta|twitter|tiktok|facebook|snap|x)|' +
  'at (?:chess|cards|scrabble|tennis|golf|pool|darts|poker|monopoly|football|fifa|mario kart|everything|games?|' +
  '\\w+ing\\b)|' +
  '(?:a|an|some|one) (?:coffee|drink|tea|pint|sandwich|beer|ticket|seat|bite|plate|copy|chair|lift|ride)|' +
  'with (?:the|a|an|some|this|that) (?:news|question|bombshell|idea|request|joke|fact|surprise)|' +
  // "she nearly killed me with that joke", "you almost killed me laughing"
  'with (?:that|the|this|his|her|their|those|your|all (?:the|those|his|her)) (?:\\w+ )?(?:jokes?|laugh\\w*|' +
  'stor(?:y|ies)|impressions?|face|dances?|outfits?|workload|questions|kindness|comments?|puns?)|laughing|' +
  'to (?:apply|try|go for|enter|join|watch|study|exercise|finish|do better|be better|take the job|come|sign up)|' +
  'out of (?:the|a|our) (?:group|chat|game|team|band|club|whatsapp|group chat)))|my (?:arms?|wrists?|neck|' +
  'throat|hair|face|head))\\b';
// what someone said they would do to the sender (or the children, the pets, the house)
const THREAT_WORDS =
  '(?:kill|hurt|harm|beat|burn|dead|die(?!d)|regret|post (?:the|my|those|our)|never see|take (?:the|my|our) (?:kids|' +
  'children|son|daughter|' +
  'baby)|' +
  'fire me|sack me|get me (?:fired|sacked|deported|arrested|sectioned)|evict|deport|hurt|' +
  'post my|share my|send my|tell immigration|report me|call immigration|ruin me|snap my|break my|find me|' +
  'make me pay|make my life|throw me out|kick me out|take everything|cut me off|deport me|have me (?:deported|' +
  'arrested|sectioned|committed|locked up)|call the police on me|my body|bury me|nobody would (?:ever )?find)';
const AFRAID =
  '(?:afraid|scared|terrified|frightened|petrified)(?: stiff| to death| shitless| witless| out of my (?:mind|wits))?';
const CONTROLLED =
  '(?:phone|fone|mobile|cell|messages|texts|emails|email|bank|money|wages|salary|card|bank card|passport|location|' +
  'account|' +
  'accounts|car keys|keys|post|diary|browser history|social media|whatsapp|benefits)';

/** Marks an account whose teller is AGENT: AGENT and a few words are matched once for all of them. */
const BY_AGENT = '\u0001';
/**
 * One regular expression per group: `${AGENT} (?:\w+ ){0,4}?(?:a|b|c)` for the accounts told of an agent, the
 * others as they are. Each is kept under about 20,000 characters of source, past which V8 does not optimise.
 */
function accounts(list: string[]): RegExp {
  const byAgent = list.filter((p) => p.startsWith(BY_AGENT)).map((p) => p.slice(BY_AGENT.length));
  const rest = list.filter((p) => !p.startsWith(BY_AGENT));
  const all = [...rest, `${AGENT} (?:\\w+ ){0,4}?(?:${phrases(byAgent)})`];
  return new RegExp(`(?<![\\w'’])(?:${phrases(all)})`, 'gi');
}

const TOLD = [
  // "he hit me", "my husband beats me", "he used to hit us", "he dey beat me"
  `${BY_AGENT}${HARM} ${OBJ_ME}`,
  '(?:you|u) (?:\\w+ )?(?:hit|beat|punched|kicked|slapped|pushed|shoved|choked|strangled) me\\b(?! (?:up|back)\\b)',
  // said to the person who said it: "you said you would kill me", "you threatened to hurt the kids"
  '(?:you|u) (?:said|told me|swore|threatened|texted me|messaged me|wrote)(?: to me)?(?: that)?' +
    '(?: (?:you|u)(?:A| woul)d| (?:you|u)(?:A| wi)ll| (?:you|u) (?:were|was) going to| (?:you|u)(?:A| a)re gonna)?' +
    ' (?:to )?(?:kill|hurt|harm|beat|strangle|choke|stab|burn) (?:me|us|the kids|the children|my \\w+)\\b',
  // "he said he'd kill me if I left", "he told me I'd regret it", "she threatened to take the kids"
  `${BY_AGENT}(?:said|says|say|told me|tells me|keeps saying|telling me|swore|warned me|threatened|threatens|` +
    `has threatened|kept saying|texted|messaged|wrote)(?: to me)?(?: that)?[^.!?]{0,60}?\\b${THREAT_WORDS}`,
  // "I'm afraid of him", "I'm scared of what she'll do", "I'm afraid to go home", "terrified he'll find me"
  `i(?:A| a)?m (?:\\w+ )?(?:so |really |still |very |genuinely |honestly )?${AFRAID} ` +
    `(?:of (?:him|her|them|you|u|${REL}|` +
    `what (?:\\w+ )?(?:he|she|they)|(?:\\w+ing )?(?:\\w+ )?(?:him|her|them)\\b|going home)|` +
    `for my (?:life|safety|kids|children)|` +
    `(?:to|2) (?:go|be) (?:home|back|alone with|near)|(?:to|2) (?:leave|tell|say no to|stand up to) (?:him|her|` +
    `them)\\b|` +
    `${WILL_DO})`,
  `i (?:am|was|feel|felt|have been|(?:A|)ve been) (?:\\w+ )?${AFRAID} (?:of (?:him|her|them|${REL})\\b|` +
    `${WILL_DO})`,
  'i (?:don(?:A|o)t|do not|never) feel safe (?:at home|around (?:him|her|them)|with (?:him|her|them)|' +
    'in (?:my|our) ' +
    '(?:own )?(?:home|house|flat)|(?:w|w/) (?:him|her|them))',
  'walking on eggshells',
  // control: money, phone, friends, movements
  `${BY_AGENT}(?:won(?:A|o)t|doesn(?:A|o)t|does not|will not|never) (?:let|allow) me`,
  'i(?:A| a)m not allowed (?:to (?:see|leave|go|have|talk|work|call|text)|my own|out|any|a (?:phone|key|bank|job|car))',
  `${BY_AGENT}(?:checks|checked|reads|read|goes through|went through|monitors|monitored|tracks|tracked|` +
    `controls|controlled|takes|took|has taken|keeps|kept|broke|smashed|hid|hides|deleted|deletes|goes thru|` +
    `went thru) ` +
    `(?:all |every )?` +
    `(?:of )?my (?:\\w+ )?${CONTROLLED}`,
  `${BY_AGENT}controls (?:everything|every penny|all the money|what i|who i|where i)`,
  `${BY_AGENT}(?:makes|make|made|forces|forced) me (?:to )?` +
    '(?:share|have sex|hand|give|show|ask|stay|account|sleep|quit|leave|give up|stop seeing|cut off|kneel|' +
    'crawl|strip|work|beg|delete|stop|get rid of|drop)',
  `${BY_AGENT}(?:takes|took|has taken) (?:all (?:of )?)?(?:my money|everything i earn|everything)`,
  'i have to (?:account for|justify) every',
  `${BY_AGENT}(?:hides|hid|takes|took|locks|locked) (?:the|my) (?:keys|doors?|car keys|passport)`,
  `${BY_AGENT}(?:watches|monitors|checks|reads) (?:everything|every \\w+) i\\b`,
  '(?:put|had|wrapped|squeezed) (?:his|her|their) hands? (?:around|round|on) my (?:neck|throat)',
  'i have to (?:ask (?:him|her|them)|show (?:him|her|them)? ?(?:the )?receipts|hide (?:money|food))',
  '(?:put|hid|installed) (?:a )?(?:tracker|tracking app|camera|spyware|gps) (?:on|in) my',
  `${BY_AGENT}(?:gets|goes|went|flips|kicks off|got) (?:\\w+ )?(?:furious|mad|crazy|ballistic|violent|` +
    'angry|nuts) (?:if|when|whenever|every time) i',
  // stalking
  `${BY_AGENT}(?:keeps |kept |has been |(?:A|)s been |been )?(?:turning|turns|turned) up (?:at|outside) ` +
    '(?:my|our|where i)',
  `${BY_AGENT}(?:is |(?:A|)s |has been |(?:A|)s been |been |keeps )?(?:following|stalking|watching|` + 'tracking) me',
  'i see (?:his|her|their) car outside (?:my|our)',
  // shut in, thrown out, things thrown
  `${BY_AGENT}(?:locks|locked|kept|keeps|shut|shuts) me (?:locked )?(?:in|out|inside|up)`,
  'gets (?:furious|violent|nasty|aggressive|angry|mad) (?:if|when|whenever) i (?:don(?:A|o)t|do not|go|see|talk|' +
    'text|answer|say|speak)',
  `${BY_AGENT}(?:throws|threw|throw) (?:me out|(?:a |the |his |her |my )?(?:plates?|glass(?:es)?|` +
    'bottles?|chairs?|phones?|shoes?|cups?|mugs?|things|stuff|pans?|knife|knives|remote|keys|bags?|boots?|' +
    'drinks?|food|hot \\w+) at me)',
  `(?:punched|smashed|kicked|hit) (?:a hole in )?(?:the|a) (?:wall|door|window)[^.!?]{0,20}(?:next to|by|near|` +
    'beside) my (?:head|face)',
  'bruises (?:on|all over) (?:my|me)',
  `${BY_AGENT}(?:had|held|pinned|pushed|slammed|shoved) (?:me|us) (?:up )?against (?:the|a) (?:wall|fridge|` +
    'door|car|counter|floor|bed|window|cupboard)',
  '(?:me|us)\\b[^.!?\\n]{0,30}by my (?:neck|throat|hair)',
  '(?:thought|think|feared|was sure|believed) (?:he|she|they)(?:A| wa)?s? (?:was |were )?(?:going to|gonna|about to|' +
    'would|(?:A|)d|might) (?:kill|hurt|strangle|murder) me',
  `${BY_AGENT}(?:blocked|blocks|stood in) (?:the|my) (?:door|exit|doorway|way out|stairs)`,
  '(?:put|landed|sent) (?:me|us) in (?:the )?(?:hospital|a&e|intensive care)',
  'i (?:have to|must|had to) (?:hand over|give (?:him|her|them)|show (?:him|her|them)) (?:all )?my (?:\\w+ )?' +
    '(?:phone|money|wages|salary|card|passport|pin|password)',
  `${BY_AGENT}(?:won(?:A|o)t|doesn(?:A|o)t|never|will not|refuses to) give me (?:any )?(?:money|food|cash|` +
    'my (?:money|wages|passport|phone|keys))',
  '(?:asks?|checks?|demands? to know|wants? to know|needs? to know|phones \\w+ times to ask)(?: \\w+){0,2} where ' +
    'i (?:am|was|go|went|(?:A| a)m)\\b',
  `${BY_AGENT}(?:sold|pawned|spent|emptied|drained|took out|empties|drains) my (?:\\w+ )?(?:car|savings|` +
    'account|jewellery|jewelry|gold|things|pension|money|inheritance|wages)',
  '(?:cameras?|trackers?|spyware|recorders?|tracking app)\\b[^.!?\\n]{0,30}(?:to )?(?:watch|track|spy on|listen to|' +
    'record|follow) me',
  '(?:broke|breaks|broken|got) into my (?:flat|house|home|car|room|place)',
  '(?:he|she|they) (?:knows?|found out|find out) where i (?:live|work|sleep|am staying|park)',
  'forced (?:himself|herself|themselves) (?:on|onto|upon) me',
  '(?:ask|get|need|beg for) (?:his|her|their) permission',
  '(?:smashed|slammed|banged|hit|bashed|knocked|smashes|slams|bangs) my head (?:against|into|on|off)',
  `${BY_AGENT}(?:took|takes|hid|hides|keeps|kept|has) (?:the kids(?:A|)|the children(?:A|)|our|my|all our) ` +
    '(?:passports?|documents|papers|birth certificates)',
  'every penny i (?:earn|make|get)',
  `${BY_AGENT}(?:goes|went|comes|came|flies|flew) (?:for|at) me\\b`,
  `${AFRAID} of (?:him|her)\\b(?! (?:being|getting|leaving|going|finding))`,
  'i (?:get|got|am|was) (?:punished|beaten|hit|slapped|belted) (?:if|when|whenever|every time|for)\\b' +
    '(?! (?:parking|speeding|the traffic))',
  `${BY_AGENT}(?:scratched|scratches|clawed|claws|bit|bites|burned|burnt|burns) my (?:face|arms?|neck|back|hands?|` +
    'skin|chest|legs?)',
  `${BY_AGENT}(?:threw|throws|poured|pours|chucked) (?:\\w+ ){1,3}(?:on|over) me\\b`,
  `${BY_AGENT}(?:steals|stole|stealing|has stolen|takes|took) (?:from )?my (?:\\w+ )?(?:pension|money|savings|wages|` +
    'benefits|card)',
  `${BY_AGENT}(?:won(?:A|o)t|wouldn(?:A|o)t|didn(?:A|o)t|would not|did not) let me (?:out|leave|go|in|sleep|` +
    'eat|call|speak)',
];

const TOLD_STRUCTURES = [
  // general structures: harm, control and fear told by the one they happened to
  `${BY_AGENT}${VIOLENT} my (?:mum|mom|mam|mother|sister|brother|kids|children|son|daughter|baby|` +
    'dog|cat)(?: and me)?\\b(?! at\\b)',
  `${BY_AGENT}(?:beat|beats|beaten|beating|bashed|roughed) (?:me|us|mi) up`,
  `${BY_AGENT}(?:broke|broken|fractured|cracked|dislocated|split|bust|busted|bloodied) my (?:arm|nose|jaw|` +
    'ribs?|wrist|fingers?|legs?|tooth|teeth|lip|head|collarbone|cheekbone|eye socket|skull)',
  `${BY_AGENT}(?:gave|gives|left) me (?:a |two )?(?:black eyes?|bruises?|broken \\w+|concussion|split lip|` +
    'fat lip|scars?)',
  `${BY_AGENT}(?:held|holds|pinned|pins) (?:me|us) (?:down|under|against|to the)`,
  `${BY_AGENT}(?:pulled|pointed|held|waved|put|pressed|brandished|came at me with) (?:a |his |her |the )?` +
    '(?:gun|knife|blade|weapon|machete|bat|hammer|scissors)(?: (?:at|on|to|against) (?:me|my|us))?',
  `${BY_AGENT}(?:threw|throws|thrown|flung|hurled) (?:me|us) (?:across|against|into|down|out of|onto|off|` +
    'through|to the (?:floor|ground))',
  `${BY_AGENT}(?:threw|throws|hurled|chucked|lobbed|flung) (?!(?:the |a |me a )?(?:ball|frisbee|pillow|` +
    'cushion|sweets?|candy|kiss|wink|smile|look|glance|party|compliment|question|idea|bouquet)\\b)' +
    '(?:\\w+ ){1,3}at (?:me|us|my (?:head|face))\\b(?! and i (?:caught|missed))',
  `${BY_AGENT}(?:threatened|threatens|has threatened|keeps threatening|kept threatening) ` +
    '(?:to (?!(?:leave\\b(?! me with)|quit|resign|cancel|sue the)\\b)|that|me\\b)',
  '(?:threatening|abusive) (?:messages|texts|letters|calls|emails|voicemails|notes|voice notes)',
  `${BY_AGENT}(?:stops|stopped|prevents|prevented|bans|banned|keeps|kept) me (?:from )?(?:seeing|going|` +
    'leaving|talking|working|calling|having|contacting|visiting|getting|using|driving|sleeping|eating)',
  `${BY_AGENT}(?:decides|decided|tells me|told me|chooses|chose|picks|dictates|controls) (?:who|what|where|` +
    'when|how much|how) i (?:can |could |am allowed to |may |(?:A| a)m allowed to )?(?:see|talk|wear|go|eat|spend|' +
    'text|call|speak|meet|do with my)',
  `${BY_AGENT}(?:waits|waited|is waiting|was waiting|sits|sat|parks|parked|hangs around|hung around|lurks|` +
    'lurked|stands|stood) (?:\\w+ )?(?:outside|by|near|across from|opposite) (?:my|our) (?:house|flat|home|work|' +
    'office|school|door|window|car|place)',
  `${BY_AGENT}(?:watches|watched|monitors|monitored) (?:me|my every \\w+)(?! (?:play|sing|dance|perform|` +
    'do|cook|work|run|swim|on)\\b)',
  '(?:cut|cuts|cutting) (?:me|us) off from (?:everyone|everybody|my|our|friends|family)',
  `${BY_AGENT}(?:always |keeps |constantly )?(?:calls|calling|names) me (?:a |an )?(?:worthless|useless|stupid|fat|` +
    `ugly|whore|slut|bitch|` +
    'idiot|pig|nothing|crazy|mental|psycho|retard)',
  `${BY_AGENT}(?:screams|screamed|yells|yelled|shouts|shouted|roars|roared) (?:at )?(?:me|us) (?:until|till|` +
    'every|all|in (?:my|the) face|for hours)',
  `${BY_AGENT}(?:gives|gave) me (?:an |a )?(?:allowance|pocket money)`,
  'i have to (?:show (?:him|her|them) |hand (?:him|her|them) )?(?:the |all the |my )?receipts',
  `${BY_AGENT}(?:used to |would )?(?:lock|locks|locked) (?:me|us) (?:in|out|up)`,
  `${BY_AGENT}touch(?:ed|es)? me (?:inappropriately|up|there|when i was|without|down there)`,
  `${BY_AGENT}(?:keeps|kept|is|was|has been|been) (?:following|stalking|watching|tracking) me`,
  'i(?: was|(?:A| ha)ve been| got| been| had been|(?:A| ha)d been| keep getting) (?:\\w+ )?' +
    PASSIVE +
    `(?: \\w+){0,4}?,? by (?:him|her|them|${REL}|his|an? ex|the kids(?:A|) (?:father|mother|dad|mum))`,
  `${BY_AGENT}(?:beat|hit|battered|kicked|punched|knocked) (?:me )?(?:black and blue|senseless|unconscious|out cold)`,
  'i (?:fear|dread) (?:for my (?:life|safety|kids|children)|(?:him|her|them)\\b|what (?:he|she|they)|' + REL + ')',
  '(?:mi|me|i(?:A| a)?m|i) (?:\\w+ )?(?:fraid|frighten|frightened|scared|afraid) (?:a|of) (?:him|her|dem|them)\\b',
  '(?:oga|him|madam) (?:dey |kip |always )?(?:beat|lick|hit|box|tump|slap|kick)s? (?:me|mi)\\b',
  '(?:i(?:A| a)m|i am|i feel|i(?:A| a)m still) (?:\\w+ )?(?:afraid|scared|terrified|frightened) (?:to|2) ' +
    '(?:go|be|come)(?: back)? [^.!?\\n]{0,25}because of (?:him|her|them|' +
    REL +
    ')',
  '(?:says|tells me|calls me) (?:that )?i(?:A| a)m (?:worthless|nothing|useless|stupid|ugly|fat|crazy)\\b' +
    '[^.!?]{0,40}' +
    '(?:every day|all the time|always|nobody|no one)',
];

export const DISCLOSURE: DisclosurePatterns = {
  accounts: [accounts(TOLD), accounts(TOLD_STRUCTURES)],
  clauseEnd: /[.!?;\n]|,?\s+(?:so|and|but|then|because|cos|coz)\s+/gi,
};
