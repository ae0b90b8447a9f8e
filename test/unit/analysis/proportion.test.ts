import { describe, expect, it } from 'vitest';
import { SAFETY_LABELS, type Analysis } from '../../../shared/analysis.js';
import { analyze } from '../../../server/analysis/index.js';
import { PROPORTION } from '../../../server/analysis/lang/en/proportion.js';
import { banterViolence, sarcasm } from '../../../server/analysis/proportion.js';
import { rulesAlone } from '../../helpers/rulesAlone.js';

rulesAlone();

/**
 * Issue 11, proportion: what is everyday (delivered), what is sarcasm or banter at the reader (held as heat,
 * never a safety stop), and the insults and threats that must stay as they are. Each table has the near
 * misses beside the hits.
 */

const safety = (a: Analysis) => a.labels.some((l) => SAFETY_LABELS.includes(l));

describe('everyday messages are delivered', () => {
  it.each([
    // swearing about a thing or the sender's own day
    'This week has been shit.',
    'Mondays are crap, honestly',
    'The heating has packed in again, for fuck’s sake',
    'Holy shit, the car failed its MOT',
    'Damn, the restaurant’s fully booked',
    'My back is fucked after moving all those boxes',
    'crap, missed the last train home',
    // swearing as an exclamation, whatever it is about
    'Holy crap, we actually shipped it.',
    'Damn, that deadline crept up fast.',
    'Bloody hell, what a week.',
    // sympathy in blunt words
    "That sucks. I'm sorry, mate.",
    'It sucks that you had to deal with that alone.',
    // teasing with fondness
    'Get over here, you goof, I missed you.',
    'You silly billy, come back to bed x',
    // an apology or a complaint that names the insult
    "I'm sorry I said you were selfish.",
    'I take back what I said about you being incompetent.',
    // the sender calling themselves a name: what is left ("last night. I'm sorry.") is a fragment, not a crisis
    "I was a jerk last night. I'm sorry.",
    'I was out of order calling you a liar in front of the kids.',
    // plain agreement with a plan
    'Fine. Go ahead.',
    'OK fine, Tuesdays it is.',
    "That's fine, I'll pick them up.",
    // things that "kill" the sender, and food
    'This deadline is going to kill me',
    'We need to kill the old feature before launch.',
    'Granny is going to murder a roast dinner',
    // real thanks, however warm
    'Thank you so much for collecting Mum from the airport, you’re a lifesaver.',
    'Oh wow, you fixed the shelf? That’s brilliant, thank you!',
    'Really appreciate you covering for me, thanks.',
  ])('%s', (text) => {
    expect(analyze(text).held).toBe(false);
  });
});

describe('sarcasm aimed at the reader is held, not a safety stop', () => {
  it.each([
    "Oh sure, because you're SO organised.",
    'Wow, thanks for the help, really.',
    'Must be nice to have a mum who does everything for you.',
    'Of course you forgot. You always do.',
    'Thanks for nothing, as usual.',
    'Because you’re SO considerate, right?',
    'Really, thanks for ignoring my messages. Amazing.',
  ])('%s', (text) => {
    const a = analyze(text);
    expect(a.held).toBe(true);
    expect(safety(a)).toBe(false);
  });

  it('needs two kinds of contrast beside praise: one is just enthusiasm', () => {
    expect(sarcasm('Thanks SO much for the lift', true, PROPORTION)).toBeNull();
    expect(sarcasm('Thanks SO much for the lift, really.', true, PROPORTION)).not.toBeNull();
    // praise of something that is not the reader's
    expect(sarcasm('Wow, the view is amazing, really.', false, PROPORTION)).toBeNull();
  });
});

describe('banter about violence at the reader is heat, not a threat', () => {
  it.each([
    'I could kill you for eating my leftovers lol',
    "I'll strangle you if you spoil the finale",
    "you're dead meat when I get home haha",
    'I swear I’ll kill you if you spoil Succession',
    'Touch my cheese again and you’re dead',
    'I’m going to smack you for that pun haha',
    'Whoever finished my oat milk is a dead man lol',
  ])('%s', (text) => {
    const a = analyze(text);
    expect(a.held).toBe(true);
    expect(safety(a)).toBe(false);
  });

  it.each([
    // a serious context keeps it a threat, laughter or not
    'If you take the kids I will kill you lol',
    "I'll kill you if you go to the police haha",
    'I know where you live, I will kill you',
    "I'll kill you if you leave me",
  ])('stays a threat: %s', (text) => {
    expect(safety(analyze(text))).toBe(true);
  });

  it('finds the violence and the trivial cause together', () => {
    expect(banterViolence('I’ll murder you for drinking my last beer', PROPORTION)).not.toBeNull();
    expect(banterViolence('I’ll murder you', PROPORTION)).toBeNull();
    expect(banterViolence('I ate the last slice, sorry', PROPORTION)).toBeNull();
  });
});

describe('insults and swearing at the reader stay held', () => {
  it.each([
    'You’re a pathetic loser.',
    'fuck off you wanker',
    'You stupid idiot, look what you’ve done.',
    'God, you’re so fucking stupid.',
    'You’re such a fucking liar.',
    // swearing at what the reader said
    'What a load of shite, you know that isn’t true.',
    // an exclamation first does not excuse what follows it
    'Damn, you are useless.',
    'Fuck, you never listen.',
    'Jesus christ, you are such an idiot.',
    'You suck.',
    'Your plan sucks and so do you.',
  ])('%s', (text) => {
    expect(analyze(text).held).toBe(true);
  });
});
