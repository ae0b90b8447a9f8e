import { describe, expect, it } from 'vitest';
import {
  baseOf,
  check,
  draftClauses,
  draftFromAsk,
  readsWell,
  thirdPerson,
} from '../../../server/facilitator/drafts.js';
import { requestsIn } from '../../../server/analysis/listening/requests.js';

const TWO = { parties: 2 };
const FIVE = { parties: 5 };

/** [what someone said, the draft for two people]: the clause comes from the concrete ask. */
const CASES: [string, string][] = [
  ['Can you text me if plans change?', 'We text each other if plans change.'],
  [
    'I need you to stop buying things over $200 without asking.',
    'We talk before either of us buys anything over $200.',
  ],
  ['Would you be willing to check the calendar with me on Sundays?', 'We check the calendar together on Sundays.'],
  ['I need a quiet evening now and then.', 'Each of us can have a quiet evening now and then.'],
  [
    'I would like a clear list of what needs doing each week.',
    'We agree on a clear list of what needs doing each week.',
  ],
  ['I would like a later curfew on weekends.', 'We agree on a later curfew on weekends.'],
  ['Could you text me if plans change, Sam?', 'We text each other if plans change.'],
  [
    'Could you text me if plans change, before the time we agreed to meet?',
    'We text each other if plans change, before the time we agreed to meet.',
  ],
  [
    'Please stop making plans for both of us without asking.',
    'We talk before either of us makes plans for both of us.',
  ],
  ["I'd like us to have a monthly budget meeting.", 'We have a monthly budget meeting.'],
  ['Let’s agree to check in every Sunday night.', 'We check in every Sunday night.'],
  ['Let’s agree on a monthly budget meeting.', 'We agree on a monthly budget meeting.'],
  ['Could you tell me when you will be late?', 'We tell each other when we will be late.'],
  ['Stop yelling at me.', 'We don’t yell at each other.'],
  ["Don't read my messages, please.", 'We don’t read each other’s messages.'],
  ['It would help if you could let me know by six.', 'We let each other know by six.'],
  ['Would you be willing to take turns with the on-call rota?', 'We take turns with the on-call rota.'],
  ['I wish you would ask before inviting your mom over.', 'We ask each other before inviting family over.'],
  ['Could we split the bills fifty-fifty?', 'We split the bills fifty-fifty.'],
  ['All I am asking is that you tell me the truth.', 'We tell each other the truth.'],
  ['Mum, please stop commenting on my weight at dinner.', 'We don’t comment on each other’s weight at dinner.'],
  ['Can you please be on time for pickups?', 'We are on time for pickups.'],
  ['Stop being late to standup.', 'We try not to be late to standup.'],
  [
    'I need you to pay your half of the electric bill by the first.',
    'We each pay our half of the electric bill by the first.',
  ],
  ['Please call me when you are running late.', 'We call each other when we are running late.'],
  ['Would you be willing to listen without interrupting me?', 'We listen without interrupting each other.'],
  [
    'Can you give me a heads-up before you invite your friends over?',
    'We give each other a heads-up before we invite friends over.',
  ],
  ['I need my own space on weekends.', 'Each of us can have our own space on weekends.'],
  [
    'Could you ask me before you make plans for the weekend?',
    'We ask each other before we make plans for the weekend.',
  ],
  [
    'Stop scheduling meetings over my lunch without asking me first.',
    'We talk before either of us schedules meetings over each other’s lunch.',
  ],
  ["Don't make promises to the kids that you can't keep.", 'We don’t make promises to the kids that we can’t keep.'],
  ['Could you help me with the dishes after dinner?', 'We help each other with the dishes after dinner.'],
  ['Could you cover one Saturday shift a month?', 'We cover one Saturday shift a month.'],
];

describe('drafts from people’s concrete asks', () => {
  for (const [said, draft] of CASES)
    it(`"${said}" -> "${draft}"`, () => {
      const [ask] = requestsIn(said);
      expect(draftFromAsk(ask, TWO)).toBe(draft);
    });

  it('every draft reads as a sentence: no leftover "I", "you" or "my", no "matter to we", no "agree to agree"', () => {
    for (const [, draft] of CASES) {
      expect(readsWell(draft), draft).toBe(true);
      expect(draft).not.toMatch(/\b(?:I|you|your|my|me)\b|to we\b|agree to agree|\s{2}/);
    }
  });

  it('"either of us" for two people, "any of us" for more', () => {
    const ask = 'stop buying things over $200 without asking';
    expect(draftFromAsk(ask, TWO)).toContain('either of us');
    expect(draftFromAsk(ask, FIVE)).toBe('We talk before any of us buys anything over $200.');
  });

  it('drops what the grammar check finds broken', () => {
    expect(check('Our plans matter to we.')).toBeNull();
    expect(check('We agree to agree on a monthly budget meeting.')).toBeNull();
    expect(check('We tell each other when you are late.')).toBeNull();
    expect(check('We the plans.')).toBeNull();
    expect(check('We talk before either of us buys the.')).toBeNull();
    expect(check('We text each other if plans change.')).toBe('We text each other if plans change.');
  });

  it('makes no draft where the words would not make a clause', () => {
    for (const ask of [
      'tell you mother to not keep dropping you on your head',
      'stop with these lies',
      'stop what you are doing',
      'people vote for them',
      'tell us again',
      'get some help for the town you live in',
    ])
      expect(draftFromAsk(ask, TWO), ask).toBeNull();
    expect(requestsIn("Don't you understand?")).toEqual([]);
  });

  it('keeps 1-3 distinct drafts, newest asks last, and none from a text without an ask', () => {
    const drafts = draftClauses(
      [
        'Can you text me if plans change?',
        'I sat alone at my birthday dinner.',
        'Stop yelling at me. Stop yelling at me.',
        'Could we split the bills fifty-fifty?',
        'Could you cover one Saturday shift a month?',
      ],
      TWO,
    );
    expect(drafts).toEqual([
      'We don’t yell at each other.',
      'We split the bills fifty-fifty.',
      'We cover one Saturday shift a month.',
    ]);
    expect(draftClauses(['I sat alone at my birthday dinner.', 'It was a long day.'], TWO)).toEqual([]);
  });

  it('turns verbs round: "making" -> "make" -> "makes"', () => {
    expect(['making', 'stopping', 'buying', 'inviting', 'commenting', 'being'].map(baseOf)).toEqual([
      'make',
      'stop',
      'buy',
      'invite',
      'comment',
      'be',
    ]);
    expect(['buy', 'watch', 'try', 'have', 'schedule', 'go'].map(thirdPerson)).toEqual([
      'buys',
      'watches',
      'tries',
      'has',
      'schedules',
      'goes',
    ]);
  });
});
