/**
 * The listening vocabulary: a feelings inventory and a needs inventory after the Center for Nonviolent
 * Communication's published lists, and the "faux feelings" table that maps a judgement of someone else
 * ("ignored", "manipulated") to the feelings and needs that usually lie underneath it.
 * The facilitator names a feeling only when the person used a word from these lists.
 */

/** Feelings when needs are not met, grouped by family: a word's family says how strong it is. */
export const PAINFUL_FEELINGS: Record<string, string[]> = {
  afraid: ['afraid', 'scared', 'frightened', 'terrified', 'fearful', 'panicked', 'petrified', 'nervous', 'worried'],
  anxious: ['anxious', 'uneasy', 'tense', 'stressed', 'on edge', 'restless', 'jittery', 'overwhelmed', 'stressed out'],
  annoyed: ['annoyed', 'irritated', 'frustrated', 'exasperated', 'aggravated', 'impatient', 'fed up'],
  angry: ['angry', 'furious', 'livid', 'outraged', 'resentful', 'mad', 'bitter', 'enraged', 'pissed off'],
  sad: ['sad', 'unhappy', 'heartbroken', 'devastated', 'miserable', 'gloomy', 'depressed', 'grieving', 'gutted'],
  hurt: ['hurt', 'wounded', 'crushed', 'heartsick', 'in pain'],
  lonely: ['lonely', 'alone', 'isolated', 'left out', 'disconnected', 'distant', 'detached'],
  tired: ['tired', 'exhausted', 'drained', 'worn out', 'burnt out', 'burned out', 'weary', 'depleted'],
  confused: ['confused', 'torn', 'lost', 'puzzled', 'baffled', 'bewildered', 'unsure', 'uncertain'],
  ashamed: ['ashamed', 'embarrassed', 'humiliated', 'guilty', 'mortified', 'self-conscious'],
  disappointed: ['disappointed', 'discouraged', 'disheartened', 'let down', 'deflated'],
  helpless: ['helpless', 'powerless', 'hopeless', 'stuck', 'trapped'],
  jealous: ['jealous', 'envious', 'insecure'],
  upset: ['upset', 'distressed', 'shaken', 'rattled', 'agitated', 'troubled', 'disturbed', 'awful', 'terrible'],
  small: ['small', 'worthless', 'unimportant', 'invisible'],
};

/** Feelings when needs are met. */
export const GLAD_FEELINGS: Record<string, string[]> = {
  grateful: ['grateful', 'thankful', 'appreciative', 'touched', 'moved'],
  hopeful: ['hopeful', 'optimistic', 'encouraged'],
  relieved: ['relieved', 'calmer', 'calm', 'at ease', 'reassured', 'safe'],
  happy: ['happy', 'glad', 'pleased', 'delighted', 'joyful'],
  close: ['close', 'connected', 'loved', 'cared for', 'understood', 'heard', 'seen', 'valued', 'appreciated'],
};

/**
 * Words that are feelings only in a feeling frame ("I feel lost", "I was so mad"): on their own they
 * are mostly something else ("I lost my keys", "close the door", "I heard you", "a mad idea").
 */
export const NEEDS_A_FRAME = new Set([
  'lost',
  'close',
  'heard',
  'seen',
  'understood',
  'calm',
  'calmer',
  'safe',
  'mad',
  'alone',
  'distant',
  'detached',
  'stuck',
  'moved',
  'touched',
  'torn',
  'loved',
  'cared for',
  'valued',
  'appreciated',
  'small',
  'awful',
  'terrible',
  'hurt',
  'trapped',
  'drained',
  'crushed',
  'invisible',
  'unimportant',
]);

/** A feeling word that, said with "not" ("I don't feel heard"), names a need that is not met. */
export const UNMET_NEED_OF: Record<string, string> = {
  heard: 'being heard',
  seen: 'being seen',
  understood: 'being understood',
  safe: 'feeling safe',
  loved: 'feeling loved',
  valued: 'being valued',
  appreciated: 'being appreciated',
  'cared for': 'being cared for',
  close: 'closeness',
  connected: 'connection',
};

/** Needs, grouped; the first word of each list is how the facilitator names the family. */
export const NEEDS: Record<string, string[]> = {
  connection: ['connection', 'closeness', 'intimacy', 'belonging', 'company', 'being included', 'inclusion', 'love'],
  respect: ['respect', 'dignity', 'being taken seriously', 'consideration', 'courtesy'],
  understanding: [
    'understanding',
    'being heard',
    'being seen',
    'empathy',
    'acknowledgement',
    'recognition',
    'acceptance',
  ],
  appreciation: ['appreciation', 'being valued', 'gratitude', 'thanks'],
  support: ['support', 'help', 'teamwork', 'partnership', 'cooperation', 'shared responsibility'],
  fairness: ['fairness', 'equality', 'balance', 'reciprocity', 'justice', 'a fair share'],
  honesty: ['honesty', 'trust', 'transparency', 'openness', 'clarity', 'being told'],
  reliability: ['reliability', 'predictability', 'consistency', 'dependability', 'follow-through'],
  safety: ['safety', 'security', 'stability', 'protection', 'peace of mind'],
  rest: ['rest', 'space', 'time to myself', 'time alone', 'ease', 'breathing room', 'a break'],
  autonomy: ['autonomy', 'independence', 'freedom', 'choice', 'privacy', 'say in'],
  peace: ['peace', 'harmony', 'calm', 'quiet'],
  care: ['care', 'kindness', 'warmth', 'affection', 'tenderness', 'reassurance'],
  contribution: ['contribution', 'purpose', 'meaning', 'competence', 'growth', 'to matter'],
};

/**
 * Judgements dressed as feelings ("I feel ignored" says what someone else did): each with the feelings
 * and needs that usually lie underneath, to offer gently as a question, never as a verdict.
 */
export const JUDGEMENT_WORDS: Record<string, { feelings: string[]; needs: string[] }> = {
  abandoned: { feelings: ['lonely', 'scared', 'hurt'], needs: ['connection', 'reliability'] },
  accused: { feelings: ['hurt', 'angry', 'frustrated'], needs: ['fairness', 'understanding'] },
  excluded: { feelings: ['lonely', 'hurt', 'sad'], needs: ['belonging', 'being included'] },
  micromanaged: { feelings: ['frustrated', 'tense'], needs: ['trust', 'autonomy'] },
  patronised: { feelings: ['frustrated', 'hurt'], needs: ['respect', 'being taken seriously'] },
  patronized: { feelings: ['frustrated', 'hurt'], needs: ['respect', 'being taken seriously'] },
  attacked: { feelings: ['scared', 'hurt', 'angry'], needs: ['safety', 'respect'] },
  belittled: { feelings: ['hurt', 'angry', 'embarrassed'], needs: ['respect', 'appreciation'] },
  betrayed: { feelings: ['hurt', 'angry', 'disappointed'], needs: ['trust', 'honesty'] },
  blamed: { feelings: ['hurt', 'frustrated', 'scared'], needs: ['fairness', 'understanding'] },
  bullied: { feelings: ['scared', 'angry', 'helpless'], needs: ['safety', 'respect'] },
  cheated: { feelings: ['hurt', 'angry', 'resentful'], needs: ['honesty', 'fairness'] },
  controlled: { feelings: ['frustrated', 'trapped', 'angry'], needs: ['autonomy', 'choice'] },
  criticized: { feelings: ['hurt', 'embarrassed', 'frustrated'], needs: ['appreciation', 'understanding'] },
  criticised: { feelings: ['hurt', 'embarrassed', 'frustrated'], needs: ['appreciation', 'understanding'] },
  dismissed: { feelings: ['hurt', 'frustrated'], needs: ['being heard', 'respect'] },
  disrespected: { feelings: ['hurt', 'angry'], needs: ['respect', 'consideration'] },
  ignored: { feelings: ['lonely', 'hurt', 'sad'], needs: ['being seen', 'connection'] },
  invisible: { feelings: ['lonely', 'sad', 'hurt'], needs: ['being seen', 'belonging'] },
  judged: { feelings: ['hurt', 'embarrassed', 'angry'], needs: ['acceptance', 'understanding'] },
  'left out': { feelings: ['lonely', 'hurt', 'sad'], needs: ['belonging', 'being included'] },
  'let down': { feelings: ['disappointed', 'hurt', 'sad'], needs: ['reliability', 'support'] },
  lied: { feelings: ['hurt', 'angry', 'confused'], needs: ['honesty', 'trust'] },
  manipulated: { feelings: ['angry', 'confused', 'scared'], needs: ['honesty', 'autonomy'] },
  misunderstood: { feelings: ['frustrated', 'lonely', 'sad'], needs: ['understanding', 'being heard'] },
  neglected: { feelings: ['lonely', 'hurt', 'sad'], needs: ['care', 'connection'] },
  pressured: { feelings: ['anxious', 'overwhelmed', 'frustrated'], needs: ['space', 'choice'] },
  rejected: { feelings: ['hurt', 'sad', 'lonely'], needs: ['belonging', 'acceptance'] },
  'taken for granted': { feelings: ['sad', 'frustrated', 'tired'], needs: ['appreciation', 'fairness'] },
  unappreciated: { feelings: ['sad', 'frustrated', 'tired'], needs: ['appreciation', 'recognition'] },
  unheard: { feelings: ['frustrated', 'lonely', 'sad'], needs: ['being heard', 'understanding'] },
  unloved: { feelings: ['sad', 'lonely', 'hurt'], needs: ['love', 'connection'] },
  unsupported: { feelings: ['tired', 'overwhelmed', 'lonely'], needs: ['support', 'teamwork'] },
  used: { feelings: ['angry', 'hurt', 'resentful'], needs: ['fairness', 'care'] },
};

/** Every feeling word, longest first so "stressed out" wins over "stressed". */
export const ALL_FEELING_WORDS: string[] = [
  ...Object.values(PAINFUL_FEELINGS).flat(),
  ...Object.values(GLAD_FEELINGS).flat(),
].sort((a, b) => b.length - a.length);

const FEELING_RE = new RegExp(
  `(?<![\\w'’])(${ALL_FEELING_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\w'’])`,
  'gi',
);
const PAINFUL = new Set(Object.values(PAINFUL_FEELINGS).flat());

/** The feeling words a text uses, as written, in order, without repeats. */
export function feelingWordsIn(text: string): string[] {
  const found = [...text.matchAll(FEELING_RE)].map((m) => m[1].toLowerCase().replace(/\s+/g, ' '));
  return [...new Set(found)];
}

/** True when a feeling word names a painful feeling (a need not met). */
export function isPainful(feeling: string): boolean {
  return PAINFUL.has(feeling.toLowerCase());
}
