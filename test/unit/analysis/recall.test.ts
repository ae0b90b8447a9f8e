import { describe, expect, it } from 'vitest';
import { SAFETY_LABELS, type Analysis } from '../../../shared/analysis.js';
import { analyze } from '../../../server/analysis/index.js';
import { normalize } from '../../../server/analysis/normalize.js';
import { rulesAlone } from '../../helpers/rulesAlone.js';

rulesAlone();

/**
 * Recall of threats, self-harm and disclosures read as structures, not one phrasing at a time: each table
 * holds one property, its rows vary the syntax (who acts, tense, condition, object) and the English, and
 * the near misses beside them share the words but not the structure.
 */

const noSuggestions = { suggestions: false } as const;
const safety = (a: Analysis) => a.labels.some((l) => SAFETY_LABELS.includes(l));
const verdict = (text: string) => analyze(text, noSuggestions);

describe('threats: the sender, future or conditional, a harm, and the reader or what is theirs', () => {
  it.each([
    // the sender will harm the reader, in several tenses and Englishes
    "I'm gonna hurt you so bad you won't walk",
    'So help me, I will break every bone in your body.',
    'mi wi kill yuh',
    'I go beat you until you no fit stand.',
    "Ah'll batter ye.",
    // what is theirs: pets, home, things
    "I'll kill that cat of yours if you walk out.",
    'Sign the papers or I torch the house.',
    'Keep pushing me and your precious car ends up in the canal.',
    // an outcome that befalls the reader
    "You won't live to see the hearing.",
    "You'll end up in A&E if you keep this up.",
    'Nobody will ever find your body.',
    // conditional and veiled
    'Try it and see what happens.',
    'Go on, move out. See how far you get.',
    "Don't make me come over there.",
    // children and abduction
    "I'm taking the kids and you won't ever see them again.",
    'Once the kids are over the border, good luck finding us.',
    // job, reputation, blackmail
    "I'll make sure you lose your job.",
    'Unless you pay tonight, your boss gets the screenshots.',
    "I'll send your wife those photos.",
    // stalking
    "I've been outside your house every night this week.",
    'I know which window is your bedroom.',
  ])('%j reaches the safety path as a threat', (text) => {
    expect(verdict(text).labels).toContain('threat');
  });

  it.each([
    "I'd kill for a coffee.",
    "My boss will murder me if I'm late lol",
    "I'll take the kids to school tomorrow.",
    "I'll be waiting outside your work at six.",
    "I'll hit you up after the parent-teacher meeting",
    "I'll hunt you down a copy of that report.",
    "Don't make me come over there and hug you.",
    'Watch your back when you lift that box.',
    "You'll be next in the queue.",
    "I know where you'll be on Friday, at the school play, so I'll save you a seat.",
    'Touch the hot pan and you will regret nothing, it is cold.',
  ])('%j does not reach the safety path', (text) => {
    expect(safety(verdict(text))).toBe(false);
  });
});

describe('self-harm: the sender and an ending, absence or wish not to be', () => {
  it.each([
    "I'm going to top myself.",
    "I'll throw myself under a train.",
    'i dont wanna live no more',
    'Everyone would be happier without me.',
    "I don't think I'll still be alive next week.",
    'This is my last msg',
    "I've been stockpiling my tablets.",
    "I'm on the roof.",
    'Ah wish ah wis deid.',
    'I cut again last night.',
    "I'd be doing everyone a favour if I just disappeared.",
    "Nobody will miss me when I'm gone.",
  ])('%j reaches the safety path as self-harm', (text) => {
    expect(verdict(text).labels).toContain('self_harm');
  });

  it.each([
    "I'm dying to see you.",
    'This job is killing me.',
    "I can't go on like this, we need a new schedule.",
    "I've updated my will now that we've got the house.",
    "I won't be around much this week, work's mental.",
    'I cut my finger on the tin.',
    "I'm tired of this heatwave.",
  ])('%j does not reach the safety path', (text) => {
    expect(safety(verdict(text))).toBe(false);
  });
});

describe('disclosures: the sender as the one harmed, controlled or afraid, never held', () => {
  it.each([
    'He broke my nose last year.',
    'I was hit by my husband.',
    'My stepdad beats my mum and me.',
    'He had me up against the wall by my throat.',
    "He's put me in hospital twice.",
    'My boss threatened to fire me if I complained.',
    'He decides what I wear.',
    'He stops me seeing my family.',
    'He waits outside my house.',
    'im scared 2 go home',
    'i dont feel safe w him',
    "I'm frightened to leave him.",
    'Oga dey beat me every day.',
    'Mi fraid a him.',
    'Me da used to leather us.',
  ])('%j is a disclosure and is delivered', (text) => {
    const a = verdict(text);
    expect(a.disclosure, text).toBe(true);
    expect(a.held, text).toBe(false);
  });

  it.each([
    'He threw me a surprise party.',
    'She pushed me to apply for the job.',
    'He follows me on Instagram now.',
    "I'm afraid we're out of milk.",
    'He checks the post every morning.',
    'My son beat me at chess.',
  ])('%j is not a disclosure', (text) => {
    expect(verdict(text).disclosure ?? false).toBe(false);
  });
});

describe('disguises read as the plain words, offsets kept', () => {
  it.each([
    ['I.will.kill.you', 'I will kill you'],
    ['I-will-hurt-you', 'I will hurt you'],
    ['ill kiII u', 'ill kill u'],
    ['I w1ll hurt y0u', 'I will hurt you'],
    ['Y\u1d0f\u1d1c \u1d00\u0280\u1d07 \u1d05\u1d07\u1d00\u1d05', 'You are dead'],
    ["I'll \u00abend\u00bb you.", "I'll  end  you."],
  ])('%j reads as %j', (text, plain) => {
    const n = normalize(text);
    expect(n.text).toBe(plain);
    // every character of the reading maps back inside the original
    for (let i = 0; i <= n.text.length; i++) expect(n.toOriginal(i)).toBeLessThanOrEqual(text.length);
    expect(verdict(text).labels).toContain('threat');
  });

  it.each([
    'e.g. the file_name.txt is on the co-parent drive',
    'McIntosh said "fine" and left',
    'Thanks for your "help" with the rota.',
    'He said "I will kill you" to me, word for word.',
  ])('%j is left as written', (text) => {
    expect(normalize(text).text).toBe(text);
  });
});

describe('no slow path for long messages built against the new structures', () => {
  it('analyses each quickly', () => {
    const long = [
      "i'll ".repeat(500),
      'if you '.repeat(400),
      'you will not '.repeat(300),
      'he said he '.repeat(300),
      'my husband my '.repeat(300),
      'i.will.'.repeat(500),
      '"a'.repeat(1000),
      'I was '.repeat(400),
      'want it all to '.repeat(300),
    ];
    for (const text of long) {
      const t0 = performance.now();
      analyze(text, noSuggestions);
      expect(performance.now() - t0, text.slice(0, 30)).toBeLessThan(1000);
    }
  });
});
