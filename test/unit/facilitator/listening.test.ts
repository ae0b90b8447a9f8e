import { describe, expect, it } from 'vitest';
import { LocalFacilitator } from '../../../server/facilitator/local.js';
import { namesOnlyTheirFeelings } from '../../../server/facilitator/listening/faithful.js';
import { soundsRight } from '../../../server/facilitator/listening/grammar.js';
import { toSecondPerson } from '../../../server/facilitator/listening/person.js';
import type { RoomContext } from '../../../server/facilitator/types.js';

const COUPLE: RoomContext = {
  kind: 'couple',
  title: '',
  names: { maya: 'Maya', sam: 'Sam' },
  parties: ['maya', 'sam'],
};
const FAMILY: RoomContext = {
  kind: 'family',
  title: '',
  names: { mum: 'Mum', kai: 'Kai', lea: 'Lea' },
  parties: ['mum', 'kai', 'lea'],
};
const WORK: RoomContext = {
  kind: 'workplace',
  title: '',
  names: { priya: 'Priya', tom: 'Tom', med: 'Mira' },
  parties: ['priya', 'tom'],
};
const engine = new LocalFacilitator();

/**
 * What the local facilitator says back, read as the person would: their own words for feeling, need and
 * request, their name, nothing they did not say. null: nothing that can be said back faithfully.
 */
const REFLECTIONS: [RoomContext, string, string, string | null][] = [
  [
    COUPLE,
    'maya',
    'I felt invisible at the party, and being included matters to me.',
    'Maya, it sounds like you felt invisible at the party, and being included matters to you.',
  ],
  [
    COUPLE,
    'maya',
    'I sat alone at my birthday dinner and felt humiliated and scared.',
    'Maya, it sounds like you felt humiliated and scared.',
  ],
  [
    COUPLE,
    'sam',
    'When the $800 chair went on the card, I felt anxious about the electric bill. ' +
      'Can we agree to talk before anything over $200?',
    'Sam, it sounds like you felt anxious about the electric bill, ' +
      'and you would like the two of you to agree to talk before anything over $200.',
  ],
  [
    COUPLE,
    'maya',
    'Would you be willing to text me if plans change?',
    'Maya, it sounds like you would like Sam to text you if plans change.',
  ],
  [
    COUPLE,
    'sam',
    "Please don't buy anything over $200 without me.",
    'Sam, it sounds like you would like Maya not to buy anything over $200 without you.',
  ],
  [COUPLE, 'maya', 'I miss our Sunday walks.', 'Maya, it sounds like you miss your Sunday walks.'],
  [
    COUPLE,
    'maya',
    'It is important to me that we talk before big purchases.',
    'Maya, it sounds like it matters to you that you both talk before big purchases.',
  ],
  [FAMILY, 'lea', 'Mum, the comments about my weight at every dinner hurt me.', 'Lea, it sounds like you felt hurt.'],
  [FAMILY, 'kai', 'I need help with Grandma on Sundays.', 'Kai, it sounds like you need help with Grandma on Sundays.'],
  [
    FAMILY,
    'mum',
    "I don't feel heard when I bring up the holidays.",
    'Mum, it sounds like being heard matters to you.',
  ],
  [
    FAMILY,
    'kai',
    "I'm exhausted and I need the driving to be shared fairly.",
    'Kai, it sounds like you are exhausted, and you need the driving to be shared fairly.',
  ],
  [FAMILY, 'lea', 'Could you tell me when you are coming over?', null],
  [
    WORK,
    'priya',
    'Nobody else will cover the Friday shift and I am exhausted.',
    'Priya, it sounds like you are exhausted.',
  ],
  [
    WORK,
    'tom',
    'I feel lost since the reorganisation, and clarity matters to me.',
    'Tom, it sounds like you feel lost, and clarity matters to you.',
  ],
  [WORK, 'priya', "I'm not doing your share of the on-call rota anymore.", null],
  [
    WORK,
    'tom',
    'I was so frustrated when the report went out without my name.',
    'Tom, it sounds like you were frustrated.',
  ],
  [
    WORK,
    'tom',
    'I feel unappreciated when my work goes out under your name.',
    'Tom, it sounds like you feel unappreciated.',
  ],
  [
    WORK,
    'priya',
    'Honestly I am worried about the deadline, and I need clearer priorities from you.',
    'Priya, it sounds like you are worried about the deadline, and you need clearer priorities from Tom.',
  ],
  [
    WORK,
    'tom',
    'I would like us to agree who answers the client emails.',
    'Tom, it sounds like you would like the two of you to agree who answers the client emails.',
  ],
  [
    COUPLE,
    'sam',
    'I feel pressured when you bring up the wedding every night.',
    'Sam, it sounds like you feel pressured.',
  ],
  [COUPLE, 'maya', 'I felt so alone when you went to the pub on my birthday.', 'Maya, it sounds like you felt alone.'],
  [
    COUPLE,
    'sam',
    'I need some time to myself after work, maybe half an hour.',
    'Sam, it sounds like you need some time to yourself after work.',
  ],
  [
    FAMILY,
    'kai',
    'Being trusted with the car matters to me.',
    'Kai, it sounds like being trusted with the car matters to you.',
  ],
  [
    FAMILY,
    'lea',
    'I felt embarrassed when the story about me came up at dinner.',
    'Lea, it sounds like you felt embarrassed.',
  ],
];

/** A painful moment told without a feeling word: said back in their words, naming no feeling. */
const PAIN: [RoomContext, string, string, string | null][] = [
  [
    COUPLE,
    'maya',
    'I sat alone at my birthday dinner, three times.',
    'Maya, what I hear is that you sat alone at your birthday dinner, three times.',
  ],
  [COUPLE, 'maya', 'It broke my heart when you left.', 'Maya, what I hear is that it broke your heart when Sam left.'],
  [
    FAMILY,
    'kai',
    'I cried in the car after the party.',
    'Kai, what I hear is that you cried in the car after the party.',
  ],
  [FAMILY, 'lea', 'It broke my heart when you left.', null],
  [FAMILY, 'kai', 'That hurts, Mum. I know I could do more.', 'Kai, I hear that this hurts.'],
  [COUPLE, 'sam', 'That hurt.', 'Sam, it sounds like you feel hurt.'],
];

describe('reflection (local): a person’s own feeling, need and request, by name', () => {
  it.each(REFLECTIONS)('%#: %s', async (room, speaker, text, expected) => {
    const said = await engine.reflect(room, speaker, text);
    expect(said).toBe(expected);
    if (said) {
      expect(said.startsWith(`${room.names[speaker]}, `)).toBe(true);
      expect(soundsRight(said.replace(/’/g, "'"))).toBe(true);
      expect(namesOnlyTheirFeelings(said, text)).toBe(true);
    }
  });

  it.each(PAIN)('a painful moment without a feeling word %#: %s', async (room, speaker, text, expected) => {
    const said = await engine.reflect(room, speaker, text);
    expect(said).toBe(expected);
    if (said) expect(namesOnlyTheirFeelings(said, text)).toBe(true);
  });

  it('never names a feeling the person did not use', async () => {
    const said = await engine.reflect(COUPLE, 'maya', 'I felt humiliated and scared.');
    expect(said).not.toMatch(/angry|hurt|sad/);
  });

  it('says nothing back for a message with no feeling, need or request', async () => {
    expect(await engine.reflect(COUPLE, 'maya', 'The bill came on Tuesday.')).toBeNull();
  });
});

const ACKNOWLEDGEMENTS: [RoomContext, string, string, string | null][] = [
  [
    COUPLE,
    'sam',
    "I'm sorry I wasn't there. I felt awful.",
    'Thank you, Sam. Saying you’re sorry you weren’t there takes courage.',
  ],
  [COUPLE, 'sam', 'That was on me.', 'Thank you, Sam. Owning your part in this takes courage.'],
  [
    COUPLE,
    'maya',
    'Thank you for picking up the kids on Tuesdays.',
    'Thank you, Maya. Naming what you appreciate, like picking up the kids on Tuesdays, makes a difference.',
  ],
  [
    COUPLE,
    'sam',
    "I'm sorry for yelling at you last night.",
    'Thank you, Sam. Saying you’re sorry for yelling at Maya last night takes courage.',
  ],
  [
    COUPLE,
    'maya',
    'I appreciate that you covered the bill this month.',
    'Thank you, Maya. Noticing that Sam covered the bill this month, and saying so, makes a difference.',
  ],
  [
    FAMILY,
    'kai',
    'I should have called Grandma more often.',
    'Thank you, Kai. Saying you should have called Grandma more often takes courage.',
  ],
  [
    FAMILY,
    'mum',
    'Thank you for listening.',
    'Thank you, Mum. Naming what you appreciate, like listening, makes a difference.',
  ],
  [
    FAMILY,
    'lea',
    'I appreciate that you drove me to the station.',
    'Thank you, Lea. Saying what you appreciate makes a difference.',
  ],
  [WORK, 'tom', 'I was wrong about the rota.', 'Thank you, Tom. Saying you were wrong about the rota takes courage.'],
  [
    WORK,
    'priya',
    'Thanks for covering my Friday shift.',
    'Thank you, Priya. Naming what you appreciate, like covering your Friday shift, makes a difference.',
  ],
  [WORK, 'tom', "I'm sorry.", 'Thank you, Tom. Saying sorry takes courage.'],
];

describe('acknowledgement (local): warm, by name, about what they said, asking nothing of anyone else', () => {
  it.each(ACKNOWLEDGEMENTS)('%#: %s', async (room, speaker, text, expected) => {
    const said = await engine.acknowledge(room, speaker, text);
    expect(said).toBe(expected);
    expect(said).not.toMatch(/\?|forgive|accept/i);
  });

  it('thanks for what was just said are noticed as such', async () => {
    expect(await engine.acknowledge(COUPLE, 'maya', 'Thank you for saying that. Could we plan Saturdays?')).toBe(
      'Thank you, Maya. Noticing what Sam shared, and saying so, makes a difference.',
    );
  });

  it('in a group, "you" is whoever the message is addressed to by name', async () => {
    expect(await engine.acknowledge(FAMILY, 'kai', "I'm sorry I shouted at you on Sunday, Mum.")).toBe(
      'Thank you, Kai. Saying you’re sorry you shouted at Mum on Sunday takes courage.',
    );
    expect(await engine.reflect(FAMILY, 'lea', 'Kai, I felt hurt when you read my diary.')).toBe(
      'Lea, it sounds like you felt hurt.',
    );
  });

  it('says nothing for a message without a repair attempt', async () => {
    expect(await engine.acknowledge(COUPLE, 'sam', 'Sorry you feel that way.')).toBeNull();
  });
});

describe('saying words back: I becomes you, you becomes the other person', () => {
  it.each([
    ["I wasn't there", 'Sam', "you weren't there"],
    ['you covered my shift', 'Priya', 'Priya covered your shift'],
    ["you're always on your phone", 'Sam', "Sam is always on Sam's phone"],
    ['we talk before big purchases', null, 'you talk before big purchases'],
  ])('%s', (phrase, other, expected) => {
    expect(toSecondPerson(phrase, other)).toBe(expected);
  });

  it('cannot say "you" back in a group, where it names no one person', () => {
    expect(toSecondPerson('you covered my shift', null)).toBeNull();
  });
});

describe('the grammar check of the facilitator’s own sentences', () => {
  it.each([
    'Maya, it sounds like our plans matter to we.',
    'I had to find out from your that you were at the pub.',
    'Sam, it sounds like you is tired.',
    'Maya, it sounds like you felt the .',
    'maya, it sounds like you felt hurt.',
    'Maya, it sounds like you felt hurt',
    'Maya, it sounds like you would like Sam to don’t buy it.'.replace('’', "'"),
  ])('refuses: %s', (sentence) => {
    expect(soundsRight(sentence)).toBe(false);
  });

  it('passes a sound one', () => {
    expect(
      soundsRight('Maya, it sounds like you felt invisible at the party, and being included matters to you.'),
    ).toBe(true);
  });
});

describe('a model’s words said back are checked: only the person’s own feelings', () => {
  it.each([
    ['Maya, it sounds like you felt humiliated and scared.', 'I felt humiliated and scared.', true],
    ['Maya, it sounds like you felt angry.', 'I felt humiliated and scared.', false],
    ['Maya, it sounds like you feel unheard and being heard matters to you.', 'I want to be heard.', false],
    ['Thank you, Sam. Saying you are sorry takes courage.', "I'm sorry I wasn't there.", true],
    ['Sam, it sounds like you feel lost.', 'I lost my keys.', false],
  ])('%s', (reply, said, ok) => {
    expect(namesOnlyTheirFeelings(reply, said)).toBe(ok);
  });
});
