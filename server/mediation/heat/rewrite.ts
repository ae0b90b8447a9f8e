/**
 * The rewriter: calmer versions of a held message that keep the sender's meaning and need.
 * Two shapes: a minimal edit (insults, profanity, contempt and absolutes taken out or softened) and a
 * nonviolent-communication form ("When ..., I feel ..., because I need .... Would you be willing to ...?").
 * No facts are added and nothing apologises on the sender's behalf; the caller keeps only candidates
 * that score below the hold threshold.
 */
import type { HeatLabel } from '../../../shared/analysis.js';
import type { RuleHit } from './rules.js';

type Sub = [RegExp, string | ((m: string, ...g: string[]) => string)];
const w = (body: string, flags = 'gi') => new RegExp(`(?<![\\w'’])(?:${body})(?![\\w'’])`, flags);

/** Ordered substitutions: whole attacks first, then words. */
const SUBS: Sub[] = [
  // directed profanity and dismissals: drop them
  [w("(?:f+u+c+k+|screw|damn)\\s+(?:you|u|ya|off|yourself)|piss\\s+off|go\\s+to\\s+hell|bite\\s+me|kiss\\s+my\\s+ass|up\\s+yours|drop\\s+dead|get\\s+lost|shut\\s+(?:the\\s+\\w+\\s+)?up|shut\\s+your\\s+(?:\\w+\\s+)?(?:mouth|face|trap)"), ''],
  [w("(?:what|who|where|why|how)\\s+the\\s+(?:f+u+c+k+|hell|heck|shit|crap|devil)"), (m) => m.split(/\s+/)[0]],
  [w('wtf'), 'what'],
  [w("holy\\s+(?:shit|crap|f+u+c+k+|hell|cow)|oh\\s+(?:shit|crap|f+u+c+k+|hell)"), ''],
  [w("give\\s+a\\s+(?:f+u+c+k+|shit|damn|crap|rat['’]?s\\s+ass)"), 'care'],
  [w("as\\s+(?:f+u+c+k+|hell|shit)"), ''],
  [w("a\\s+(?:f+u+c+k+|shit)\\s*(?:ton|load)\\s+of"), 'a lot of'],
  [w("the\\s+(?:f+u+c+k+|hell|heck)(?:\\s+(?:out\\s+)?of)?"), ''],
  [w("who\\s+do\\s+you\\s+think\\s+you\\s+are|get\\s+a\\s+life|grow\\s+up|give\\s+me\\s+a\\s+break|oh\\s+please|yeah\\s+right|nice\\s+try|big\\s+surprise|what\\s+a\\s+surprise|how\\s+convenient|good\\s+luck\\s+with\\s+that|spare\\s+me|get\\s+over\\s+yourself|cry\\s+me\\s+a\\s+river|boo\\s+hoo|wow,?\\s+just\\s+wow|real\\s+mature|very\\s+mature|how\\s+mature|pfft+|duh|typical|classic\\s+you|what\\s+a\\s+joke|whatever\\s+you\\s+say|are\\s+you\\s+kidding\\s+me|(?:what['’]?s|what\\s+is)\\s+(?:wrong\\s+with\\s+you|your\\s+problem)|what\\s+the\\s+\\w+\\s+is\\s+wrong\\s+with\\s+you"), ''],
  // "you are an idiot", "you stupid cow", "you're pathetic": the attack carries no content, drop it
  [w("(?:you|u|ya)(?:['’]?re|\\s+are|\\s+r|\\s+were|\\s+sound\\s+like|\\s+act\\s+like|\\s+look\\s+like)?\\s+(?:(?:such|so|a|an|the|total|complete|absolute|utter|fucking|freaking|damn|little|big|real|just|really|nothing\\s+but)\\s+)*(?:(?:stupid|dumb|lazy|fat|ugly|pathetic|worthless|useless|selfish|disgusting|old|idiotic|ignorant|brainless|clueless|spineless)\\s+)*(?:idiot|moron|imbecile|loser|fool|clown|jerk|scum|pig|cow|psycho|lunatic|creep|freak|hypocrite|coward|parasite|narcissist|deadbeat|liar|pervert|cretin|buffoon|airhead|bimbo|weirdo|nobody|failure|slob|nag|witch|hag|dunce|bitch|bastard|asshole|arsehole|dick|dickhead|prick|twat|cunt|douche\\w*|jackass|dumbass|whore|slut|retard|piece\\s+of\\s+\\w+|waste\\s+of\\s+\\w+|stupid|dumb|pathetic|worthless|useless|disgusting|ugly|crazy|insane|ignorant|brainless|clueless|spineless|incompetent|hopeless|impossible|nothing)s?"), ''],
  // absolutes become "often" / "rarely"
  [w("you\\s+always"), 'you often'],
  [w("you\\s+never"), 'you rarely'],
  [w("you['’]?re\\s+always|you\\s+are\\s+always"), "you're often"],
  [w("you['’]?re\\s+never|you\\s+are\\s+never"), 'you are rarely'],
  [w('you\\s+constantly'), 'you often'],
  [w('every\\s+single\\s+time'), 'often'],
  [w('every\\s+time\\s+you'), 'when you'],
  // criticism of character into what the sender feels
  [w("you\\s+(?:only|just)\\s+(?:ever\\s+)?(?:care|think)\\s+(?:about|of)\\s+yourself|you['’]?re\\s+(?:so\\s+|being\\s+|really\\s+)?selfish|you\\s+are\\s+(?:so\\s+|being\\s+|really\\s+)?selfish"), "I feel my needs aren't being considered"],
  [w("you\\s+don['’]?t\\s+(?:even\\s+)?care(?:\\s+about\\s+(?:me|us))?"), "I don't feel cared about"],
  [w("you['’]?re\\s+(?:so\\s+|being\\s+|really\\s+)?lazy|you\\s+are\\s+(?:so\\s+|being\\s+|really\\s+)?lazy"), "I'd like more help"],
  [w("you['’]?re\\s+(?:so\\s+|being\\s+|really\\s+)?(?:inconsiderate|careless|irresponsible)|you\\s+are\\s+(?:so\\s+|being\\s+|really\\s+)?(?:inconsiderate|careless|irresponsible)"), "I'd like more care in this"],
  [w("you\\s+(?:ruin|ruined|wreck|wrecked|destroy|destroyed)\\s+everything"), "I'm upset about how things went"],
  // blame and defensiveness into plain statements
  [w("(?:it['’]?s|it\\s+is|this\\s+is|that['’]?s|that\\s+is)\\s+(?:all\\s+)?your\\s+fault\\s+that"), "I'm upset that"],
  [w("(?:it\\s+is|that['’]?s|that\\s+is)\\s+(?:all\\s+)?your\\s+fault|it['’]?s\\s+(?:all\\s+)?your\\s+fault|this\\s+is\\s+(?:all\\s+)?your\\s+fault|(?:it['’]?s\\s+)?all\\s+your\\s+fault"), 'I am upset about how this went'],
  [w('you\\s+made\\s+me\\s+(?=\\w)'), 'I felt '],
  [w("it['’]?s\\s+not\\s+my\\s+fault|not\\s+my\\s+fault|that['’]?s\\s+not\\s+true|don['’]?t\\s+blame\\s+me|you['’]?re\\s+overreacting|you['’]?re\\s+too\\s+sensitive|you['’]?re\\s+being\\s+dramatic"), 'I see it differently'],
  // words
  [w('(?:idiot|moron|imbecile|loser|fool|jerk|clown|bastard|asshole|arsehole|scumbag|dickhead|prick|twat|douchebag|jackass|dumbass|cretin|buffoon|hypocrite|pig|creep|freak|weirdo|psycho|lunatic|bitch)'), 'person'],
  [w('(?:idiots|morons|imbeciles|losers|fools|jerks|clowns|bastards|assholes|arseholes|scumbags|dickheads|pricks|twats|douchebags|jackasses|dumbasses|cretins|buffoons|hypocrites|pigs|creeps|freaks|weirdos|psychos|lunatics|bitches|scum|hoes|whores|sluts)'), 'people'],
  [w('liars?'), (m) => (m.toLowerCase().endsWith('s') ? 'people who lie' : 'person who lies')],
  [w('(?:stupid(?:est)?|dumb(?:est)?|idiotic|moronic|retarded|brainless|asinine)'), 'unwise'],
  [w('(?:stupidity|idiocy)'), 'mistake'],
  [w('(?:pathetic|disgusting|vile|despicable)'), 'disappointing'],
  [w('(?:ridiculous|absurd|ludicrous)'), 'hard to accept'],
  [w('bull\\s*shit|bs'), 'not true'],
  [w('full\\s+of\\s+(?:shit|crap|it)'), 'wrong'],
  [w('(?:a\\s+)?(?:piece|pile|load|bunch|crock)\\s+of\\s+(?:shit|crap|garbage|trash|rubbish)'), ''],
  [w('(?:shitty|crappy|trashy)'), 'bad'],
  [w('(?:shit|crap|garbage|trash|rubbish)'), 'stuff'],
  [w('(?:f+u+c+k+(?:ing|in|ed|s)?|fck\\w*|fuk\\w*|freaking|friggin\\w*|effing|goddamn\\w*|damn(?:ed|n)?|dammit|bloody|motherf\\w+)'), ''],
  [w('(?:hell)'), ''],
  [w('(?:nigg\\w*|fag\\w*|faggot\\w*|retard\\w*|cunt\\w*|whore|slut|skank\\w*|hoe)'), ''],
];

function sentenceCase(s: string): string {
  return s.replace(/(^|[.!?]\s+)([a-z])/g, (_, a: string, b: string) => a + b.toUpperCase());
}

function tidy(s: string): string {
  return sentenceCase(
    s
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.!?;:])/g, '$1')
      .replace(/([,;:])\s*(?=[.!?])/g, '')
      .replace(/^[\s,.;:!?-]+/, '')
      .replace(/([.!?])[\s,;:.!?]*(?=[.!?]|$)/g, '$1')
      .replace(/,\s*,/g, ',')
      .replace(/\b(a|an|the|and|so|such|your|my)\s*([.!?,]|$)/gi, '$2')
      .replace(/\s+([,.!?;:])/g, '$1')
      .replace(/^[\s,.;:!?-]+/, '')
      .trim(),
  );
}

/** Lower-case shouted words, calm repeated punctuation. */
function unshout(s: string): string {
  let letters = 0;
  let upper = 0;
  for (const ch of s) {
    if (ch >= 'A' && ch <= 'Z') (letters++, upper++);
    else if (ch >= 'a' && ch <= 'z') letters++;
  }
  const all = letters >= 8 && upper / letters >= 0.7;
  s = s.replace(/\b[A-Z][A-Z'’]*[A-Z]\b/g, (m) => (all || m.length >= 4 ? m.toLowerCase() : m));
  if (all) s = s.replace(/\bi\b/g, 'I');
  return s.replace(/!{2,}/g, '!').replace(/[!?]{3,}/g, '?').replace(/\?{2,}/g, '?');
}

/** The minimal edit: the same message with the attack taken out. */
export function deleteSpans(text: string, spans: { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start);
  let s = text;
  let lastStart = Infinity;
  for (const sp of sorted) {
    if (sp.end > lastStart) continue;
    s = s.slice(0, sp.start) + ' ' + s.slice(sp.end);
    lastStart = sp.start;
  }
  return tidy(s);
}

export function minimalEdit(text: string): string {
  let s = unshout(text);
  for (const [re, to] of SUBS) s = s.replace(re, to as string);
  s = tidy(s);
  // "a unwise idea" -> "an unwise idea"
  s = s.replace(/\b([Aa]) (unwise)\b/g, '$1n $2');
  return s;
}

const FEELING: Partial<Record<HeatLabel, string>> = {
  insult: 'hurt and angry',
  contempt: 'hurt',
  criticism: 'frustrated',
  blame: 'upset',
  defensiveness: 'misunderstood',
  stonewalling: 'overwhelmed',
  profanity: 'really upset',
  shouting: 'really upset',
  threat: 'very angry',
};
const NEED: Partial<Record<HeatLabel, string>> = {
  insult: 'respect between us',
  contempt: 'respect between us',
  criticism: 'to feel heard',
  blame: 'us to understand what went wrong',
  defensiveness: 'my side to be understood too',
  stonewalling: 'a pause',
  profanity: 'us to talk about this calmly',
  shouting: 'us to talk about this calmly',
};
const REQUEST: Partial<Record<HeatLabel, string>> = {
  insult: 'talk about this with me calmly',
  contempt: 'talk about this with me calmly',
  criticism: 'talk with me about this',
  blame: 'look at this together with me',
  defensiveness: 'hear my side as well',
  stonewalling: 'take a short break and come back to this',
  profanity: 'talk about this with me',
  shouting: 'talk about this with me',
};

const PRIORITY: HeatLabel[] = ['threat', 'stonewalling', 'contempt', 'insult', 'criticism', 'blame', 'defensiveness', 'profanity', 'shouting'];

function main(labels: HeatLabel[]): HeatLabel {
  for (const l of PRIORITY) if (labels.includes(l)) return l;
  return 'profanity';
}

function lowerFirst(s: string): string {
  if (/^I\b/.test(s)) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Candidates in order of preference; the caller scores and filters them. */
export function candidates(text: string, labels: HeatLabel[], hits: RuleHit[], directed: boolean): string[] {
  if (labels.includes('self_harm')) return [];
  const lead = main(labels);
  const feeling = FEELING[lead] ?? 'upset';
  const need = NEED[lead] ?? 'us to talk about this calmly';
  const request = REQUEST[lead] ?? 'talk about this with me';
  if (labels.includes('threat')) {
    return [`I'm ${feeling} right now and I need to step away before we go on.`, 'I need a break before we continue this conversation.'];
  }
  const edit = minimalEdit(text);
  const words = edit.split(/\s+/).filter(Boolean).length;
  const body = edit.replace(/[.!?]+$/, '');
  const nvc: string[] = [];
  if (lead === 'stonewalling') {
    nvc.push(`I'm feeling ${feeling} and I need a pause. Could we take about 20 minutes and come back to this?`);
  }
  if (words >= 3) {
    const single = !/[.!?]/.test(body) && words <= 24;
    if (single && /^(you|your)\b/i.test(body)) {
      nvc.push(`When ${lowerFirst(body)}, I feel ${feeling}, because I need ${need}. Would you be willing to ${request}?`);
    } else {
      nvc.push(`${body}. I feel ${feeling} about this, because I need ${need}. Would you be willing to ${request}?`);
    }
  } else {
    nvc.push(`I'm feeling ${feeling} right now, and I need ${need}. Would you be willing to ${request}?`);
  }
  const out: string[] = [];
  const editUseful = words >= 2 && edit !== text.trim();
  const horseman = lead === 'stonewalling' || lead === 'criticism' || lead === 'contempt' || lead === 'blame' || lead === 'defensiveness';
  if (horseman && directed) {
    out.push(...nvc);
    if (editUseful) out.push(edit);
  } else {
    if (editUseful) out.push(edit);
    out.push(...nvc);
  }
  out.push(`I'm feeling ${feeling} about this and I'd like us to slow down. Would you be willing to ${request}?`);
  return [...new Set(out)].filter((s) => !/\b(sorry|apologi[sz]e)/i.test(s) || /\b(sorry|apologi[sz]e)/i.test(text));
}

/** Used when nothing else scores below the threshold. */
export const FALLBACK = "I'm upset about this and I'd like us to slow down. Would you be willing to talk about it with me?";
