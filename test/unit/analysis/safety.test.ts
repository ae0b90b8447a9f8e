import { describe, expect, it } from 'vitest';
import { SAFETY_LABELS, type Analysis } from '../../../shared/analysis.js';
import { analyze, tellsOfHarm } from '../../../server/analysis/index.js';
import { rulesAlone } from '../../helpers/rulesAlone.js';

rulesAlone();

/**
 * Issue 11: what reaches the safety path, what is held as heat, what is a disclosure and what is delivered.
 * Each table states one property of the verdict; the rows are hits and the near misses beside them.
 */

const safety = (a: Analysis) => a.labels.some((l) => SAFETY_LABELS.includes(l));

// [text, reaches the safety path]
const SAFETY_PATH: [string, boolean][] = [
  // self-harm in other words than dying
  ["You deserve someone who isn't broken. You'll find them once I'm out of the way", true],
  ["Thanks for always picking up, Dad. This is the last time I'll make you worry", true],
  ["What's the strongest thing you can buy without a prescription? Asking for a reason", true],
  // veiled and conditional threats
  ["You'll regret the day you ever walked out on me.", true],
  ["I know where you'll be on Friday.", true],
  ["Keep pushing me and you'll be next.", true],
  ['watch ur back', true],
  ["I'll be waiting outside your work tomorrow, don't think you can hide.", true],
  ['Nice car. Would be a shame if someone keyed it.', true],
  ["I'd hate for something to happen to that dog of yours.", true],
  // children, property, job, reputation, blackmail
  ['I am going to take the kids and you will never see them again.', true],
  ["If I can't have the kids, nobody will.", true],
  ['If you take the kids I will hurt you.', true],
  ["I'll get you fired, I know people at head office.", true],
  ['Drop the case or your secret comes out.', true],
  ['Pay me back by Monday or I post the screenshots everywhere.', true],
  // disguised
  ["I'll sh00t you", true],
  ['i will k i l l you', true],
  ['I will k\u200bill you', true],
  ['I will k\u0456ll you', true],
  // self-harm: explicit, passive ideation, goodbyes, giving things away, affairs in order, self-injury
  ['Everyone would be better off without me.', true],
  ["I won't be around much longer.", true],
  ["I've put my affairs in order.", true],
  ["I want you to have my watch. I won't need it.", true],
  ["I've said my goodbyes.", true],
  ["i've been cutting myself again", true],
  ['ngl i want to kms', true],
  // near misses: logistics, idioms, care, hyperbole about things
  ["I'm going to take the kids to the park after lunch if that's ok.", false],
  ["I know where you'll be on Friday, the office party, have fun!", false],
  ["I know where you live, I'll drop the parcel round.", false],
  ['Watch your step, the floor is wet.', false],
  ["You're dead right about the budget.", false],
  ["I'll destroy you at Mario Kart tonight.", false],
  ['I cut myself chopping onions.', false],
  ["I've put my tax affairs in order at last.", false],
  ["I'll die if I don't get coffee soon.", false],
  ['This traffic is killing me.', false],
  // banter about violence is heat, not a safety stop
  ['I could kill you for eating my leftovers lol', false],
  ['If you wake the baby I will kill you. Lovingly.', false],
  ['If you touch the baby I will kill you.', true],
  ["I'll murder you if you spoil the finale", false],
];

// [text, held]
const HELD: [string, boolean][] = [
  // banter aimed at the reader: held as heat
  ['I could kill you for eating my leftovers lol', true],
  ['If you wake the baby I will kill you. Lovingly.', true],
  ["I'll murder you if you spoil the finale", true],
  ['ur dead if u finish the series without me', true],
  // passive-aggressive sarcasm aimed at the reader
  ['Oh wow, you did the dishes. Alert the media.', true],
  ["Well done, you managed to be late to your own son's birthday. Again.", true],
  ['How kind of you to let me know at the last minute, as always.', true],
  // delivered: teasing, swearing about a situation, apologies naming the insult, plain agreement
  ['get over here, you goof, I missed you', false],
  ['you silly sausage, you forgot your lunch again', false],
  ['this week has been shit', false],
  ['Damn, I missed the bus.', false],
  ["Bloody hell, the boiler's gone again.", false],
  ["I'm sorry I said you were selfish.", false],
  ['I apologise for calling you a liar yesterday.', false],
  ['Fine. Go ahead.', false],
  ['Ok fine, you pick the restaurant.', false],
  // ... while the insult itself, swearing at the reader and a bare refusal still are
  ['You are so selfish.', true],
  ['this is shit and so are you', true],
  ['Fine.', true],
  ["Sorry, but you're an idiot.", true],
];

// [text, a disclosure]
const DISCLOSURE: [string, boolean][] = [
  ['He hit me last year and I am still afraid of him.', true],
  ["he said he'd kill me if I left", true],
  ['She checks my phone every night.', true],
  ["He won't let me see my family.", true],
  ['I am not allowed to have my own money.', true],
  ['My ex keeps turning up at my flat at night.', true],
  ['He threatened to take the kids to Pakistan if I go to court.', true],
  ["I'm scared of what he'll do when he finds out.", true],
  ["I don't feel safe at home.", true],
  ['When I said no he grabbed my arm so hard it bruised.', true],
  ['He hit me at the party.', true],
  ["I'm scared of my ex.", true],
  ['He nearly killed me last year.', true],
  ['you said you would kill me', true],
  ['U threatened to hurt the kids if i left', true],
  ['My ex could have killed me that night.', true],
  // near misses
  ['That hike nearly killed me.', false],
  ['You said you would pick up the kids at six.', false],
  ['You said you would never hurt me, and you kept that.', false],
  ['She nearly killed me with that joke 😂', false],
  ['You almost killed me laughing at the wedding.', false],
  ['My boss hit the roof when he saw the numbers.', false],
  ["I'm afraid we've run out of time.", false],
  ["I'm scared of spiders.", false],
  ['He follows me on Instagram.', false],
  ['He threatened to quit if we moved the meeting again.', false],
  ['She controls the budget for the whole department.', false],
  ['You hurt me when you left without saying goodbye.', false],
  ['He pushed me to apply for the job and I got it.', false],
  ['She beat me at chess again.', false],
  ['He grabbed me a coffee on the way in.', false],
  ["I'm afraid he's right about the budget.", false],
  ["I'm afraid of my exam results.", false],
];

describe('safety path: threats and self-harm, and their near misses', () => {
  it.each(SAFETY_PATH)('%j reaches the safety path: %s', (text, want) => {
    expect(safety(analyze(text))).toBe(want);
  });
});

describe('held: banter and sarcasm at the reader are, everyday messages are not', () => {
  it.each(HELD)('%j held: %s', (text, want) => {
    const a = analyze(text);
    expect(a.held).toBe(want);
    if (want) expect(safety(a), 'heat, not a safety stop').toBe(false);
  });
});

describe('disclosures: marked, never held, heat kept low', () => {
  it.each(DISCLOSURE)('%j is a disclosure: %s', (text, want) => {
    const a = analyze(text);
    expect(a.disclosure === true).toBe(want);
    if (want) {
      expect(a.held).toBe(false);
      expect(a.heat).toBeLessThan(0.5);
      expect(safety(a)).toBe(false);
    }
  });

  it('an insult beside it makes a message held, not a disclosure, yet it still tells of harm (tellsOfHarm)', () => {
    const text = 'you useless pathetic man, you hit me in front of the kids';
    expect(analyze(text)).toMatchObject({ held: true });
    expect(analyze(text).disclosure).toBeUndefined();
    expect(tellsOfHarm(text)).toBe(true);
    expect(tellsOfHarm('you useless pathetic man')).toBe(false);
  });

  it('an analysis without a disclosure has no disclosure field (the shape callers compare stays the same)', () => {
    expect(analyze('Can we talk about the holidays?')).not.toHaveProperty('disclosure');
  });

  it("the sender's own threat beside a disclosure still reaches the safety path", () => {
    const a = analyze("He hit me last year, so if he comes near me again I'll kill him.");
    expect(a.disclosure).toBe(true);
    expect(a.labels).toContain('threat');
  });

  it('self-harm beside a disclosure still reaches the safety path', () => {
    const a = analyze("He hits me when he's drunk and honestly I want to die.");
    expect(a.disclosure).toBe(true);
    expect(a.labels).toContain('self_harm');
  });
});
