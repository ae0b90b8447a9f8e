import { describe, expect, it } from 'vitest';
import { lowerFirst } from '../../../../server/analysis/listening/text.js';
import { describesPain, disclosesHarm, listen } from '../../../../server/analysis/listening/index.js';
import { feelingsIn } from '../../../../server/analysis/listening/feelings.js';

const feelings = (text: string) => listen(text).feelings.map((f) => f.word);

/** Couples, families and coworkers: the feeling words each person used, and only those. */
const FEELINGS: [string, string[]][] = [
  ['I felt invisible at the party, and being included matters to me.', ['invisible']],
  ['I felt humiliated and scared.', ['humiliated', 'scared']],
  ["I'm sorry I wasn't there. I felt awful about it.", ['awful']],
  ['When the $800 chair went on the card, I felt anxious about the electric bill.', ['anxious']],
  ['Nobody else will cover the Friday shift and I am exhausted.', ['exhausted']],
  ['Dad, the comments about my weight at every dinner hurt me.', ['hurt']],
  ['I was so mad when you left.', ['mad']],
  ["I'm not angry, just tired.", ['tired']],
  ['I feel close to you when we cook together.', ['close']],
  ['I feel lost at work since the reorganisation.', ['lost']],
  ['Lonely and unimportant.', ['lonely', 'unimportant']],
  ['When you cancel last minute I feel let down and a bit stupid.', ['let down']],
  ['Honestly I am worried and stressed out about the rent.', ['worried', 'stressed out']],
  // Words that are something else here: no feeling at all.
  ['I lost my keys again this morning.', []],
  ['Please close the door when you leave.', []],
  ['I heard you say that yesterday.', []],
  ['I was close to quitting last week.', []],
  ["I've seen this happen before.", []],
  ['We moved to the night shift in March.', []],
  ["That's a mad idea.", []],
  ['Keep calm and carry on.', []],
  // Someone else's feeling is not the writer's.
  ["You're angry all the time.", []],
  ['He was upset about the car.', []],
  ['She gets so jealous when I go out.', []],
  // A glad word said through the teeth.
  ["I'm so happy you finally showed up.", []],
];

describe('feelings: the words a person used for their own feelings', () => {
  it.each(FEELINGS)('%s', (text, expected) => {
    expect(feelings(text)).toEqual(expected);
  });

  it('keeps how it was said, for the tense and the verb of a reflection', () => {
    expect(listen('I felt hurt.').feelings[0]).toMatchObject({ word: 'hurt', past: true });
    expect(listen('I am exhausted.').feelings[0]).toMatchObject({ word: 'exhausted', past: false, be: true });
    expect(listen('I feel invisible at the party.').feelings[0]).toMatchObject({ about: 'at the party' });
  });

  it('hears a glad feeling said to be missing as a need, not a feeling', () => {
    const heard = listen("I don't feel heard when I bring up the rota.");
    expect(heard.feelings).toEqual([]);
    expect(heard.needs).toEqual([{ need: 'being heard', frame: 'unmet' }]);
    expect(feelingsIn('I never feel safe at home.').unmetNeeds).toEqual(['feeling safe']);
  });
});

const NEEDS: [string, string[]][] = [
  ['Being included matters to me.', ['being included']],
  ['It is important to me that we talk before big purchases.', ['that we talk before big purchases']],
  ['I need help with the kids on Sundays.', ['help with the kids on Sundays']],
  ['I just want to feel safe in my own home.', ['to feel safe in my own home']],
  ['I miss our Sunday walks.', ['our Sunday walks']],
  ['I need a fair share of the on-call rota, but nobody listens.', ['a fair share of the on-call rota']],
  // "I need you to…" asks something of someone: a request, not a need.
  ['I need you to call me when you are late.', []],
  ['It was a long day.', []],
];

describe('needs: said in the person’s own words and frame', () => {
  it.each(NEEDS)('%s', (text, expected) => {
    expect(listen(text).needs.map((n) => n.need)).toEqual(expected);
  });
});

describe('judgements of the other, with what usually lies beneath', () => {
  it.each([
    ['He only cares about money.', 'He only cares about money', 'care'],
    ['She never listens to me.', 'She never listens to me', 'being heard'],
    ["You're so selfish with the car.", "You're so selfish with the car", 'consideration'],
    ['I feel ignored when you are on your phone.', 'feel ignored', 'being seen'],
    ['My brother never helps with Mum.', 'My brother never helps with Mum', 'support'],
  ])('%s', (text, said, need) => {
    const [j] = listen(text).judgements;
    expect(j.said).toBe(said);
    expect(j.needs).toContain(need);
    expect(j.feelings.length).toBeGreaterThan(0);
  });

  it('finds none in a plain observation', () => {
    expect(listen('The bill came on Tuesday.').judgements).toEqual([]);
  });
});

describe('the concrete object of a complaint', () => {
  it.each([
    ['When the $800 chair went on the card without us talking, I was scared.', 'the $800 chair'],
    ["I'm not doing your share of the on-call rota anymore.", 'your share of the on-call rota'],
    ['I sat alone at my birthday dinner, three times.', 'my birthday dinner'],
    ['Dad, the comments about my weight at every dinner hurt me.', 'the comments about my weight'],
    ['Nobody else will cover the Friday shift.', 'the Friday shift'],
  ])('%s', (text, phrase) => {
    expect(listen(text).object?.phrase).toBe(phrase);
  });

  it('is not a person, nor a vague phrase', () => {
    expect(listen('My husband said it was the way it is.').object).toBeNull();
  });
});

describe('repair attempts', () => {
  it.each([
    ["I'm sorry I wasn't there.", 'apology', "I wasn't there"],
    ["I'm so sorry for yelling at you last night.", 'apology', 'for yelling at you last night'],
    ['I apologise for the comment about your cooking.', 'apology', 'for the comment about your cooking'],
    ['That was on me.', 'responsibility', 'That was on me'],
    ['I should have called you before the meeting.', 'responsibility', 'I should have called you before the meeting'],
    ['Thank you for picking up the kids on Tuesdays.', 'appreciation', 'picking up the kids on Tuesdays'],
    ['I really appreciate that you covered my Friday shift.', 'appreciation', 'that you covered my Friday shift'],
  ])('%s', (text, kind, about) => {
    expect(listen(text).repairs[0]).toMatchObject({ kind, about });
  });

  it.each([
    'Sorry you feel that way.',
    "I'm sorry, but you started it.",
    'Thanks for nothing.',
    'Thanks for ruining the weekend.',
  ])('is not fooled by a non-apology or sarcasm: %s', (text) => {
    expect(listen(text).repairs).toEqual([]);
  });
});

describe('questions, pain and disclosures', () => {
  it('keeps the questions a person asks', () => {
    expect(listen('I tried. What if he refuses? Then what?').questions).toEqual(['What if he refuses?', 'Then what?']);
  });

  it.each([
    ['I felt humiliated and scared.', true],
    ['I sat alone at my birthday dinner, three times.', true],
    ['He only cares about money.', true],
    ['Can we meet on Thursday?', false],
    ['I feel happy about the plan.', false],
  ])('describesPain: %s', (text, pain) => {
    expect(describesPain(text)).toBe(pain);
    expect(listen(text).pain).toBe(pain);
  });

  it.each([
    ["I'm scared of what he'll do if I leave.", true],
    ['You pushed me against the wall.', true],
    ["I don't feel safe around you.", true],
    ['He checks my phone every night.', true],
    ["I'm scared about money.", false],
    ['You hurt my feelings yesterday.', false],
  ])('disclosesHarm: %s', (text, disclosure) => {
    expect(disclosesHarm(text)).toBe(disclosure);
  });
});

describe('whose feeling, and names kept', () => {
  it('a feeling of someone named is not the writer’s', () => {
    expect(listen('Maya is upset about her birthday.').feelings).toEqual([]);
    expect(listen('My mum was so hurt.').feelings).toEqual([]);
    expect(listen('I am upset about her birthday.').feelings.map((f) => f.word)).toEqual(['upset']);
  });
  it('a name keeps its capital inside a sentence; a common first word does not', () => {
    expect(lowerFirst('Maya is upset')).toBe('Maya is upset');
    expect(lowerFirst('Being included matters')).toBe('being included matters');
    expect(lowerFirst('The bill came')).toBe('the bill came');
  });
});

describe('judgements of someone named or of a relation', () => {
  it.each([
    ['I think Grace is too strict and Asha is nearly 17.', 'understanding'],
    ['My parents treat me like a child.', 'respect'],
    ['I feel accused.', 'fairness'],
  ])('%s', (text, need) => {
    expect(listen(text).judgements.flatMap((j) => j.needs)).toContain(need);
  });
  it('a plain fact about someone named is no judgement', () => {
    expect(listen('Omar is on holiday this week.').judgements).toEqual([]);
  });
});
