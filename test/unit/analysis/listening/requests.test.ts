import { describe, expect, it } from 'vitest';
import { requestsIn } from '../../../../server/analysis/listening/requests.js';

describe('requestsIn: the asks in a message, in the speaker’s words', () => {
  const asks: [string, string[]][] = [
    ['Can you text me if plans change?', ['text me if plans change']],
    ['I need you to stop buying things over $200 without asking.', ['stop buying things over $200 without asking']],
    ['Would you be willing to check the calendar with me on Sundays?', ['check the calendar with me on Sundays']],
    ['I need a quiet evening now and then.', ['a quiet evening now and then']],
    ['Please stop making plans for both of us without asking.', ['stop making plans for both of us without asking']],
    ["I'd like us to have a monthly budget meeting.", ['have a monthly budget meeting']],
    ['Let’s agree to check in every Sunday night.', ['agree to check in every Sunday night']],
    ['Could you tell me when you will be late?', ['tell me when you will be late']],
    ['Stop yelling at me.', ['stop yelling at me']],
    ["Don't read my messages, please.", ["don't read my messages"]],
    ['It would help if you could let me know by six.', ['let me know by six']],
    [
      'Would you be willing to take turns with the on-call rota, because I am exhausted?',
      ['take turns with the on-call rota'],
    ],
    ['I wish you would ask before inviting your mom over.', ['ask before inviting your mom over']],
    ['Could we split the bills fifty-fifty?', ['split the bills fifty-fifty']],
    ['All I am asking is that you tell me the truth.', ['tell me the truth']],
    ['Mum, please stop commenting on my weight at dinner.', ['stop commenting on my weight at dinner']],
    ['We need to talk about money.', ['talk about money']],
    ['Could you cover one Saturday shift a month?', ['cover one Saturday shift a month']],
    [
      'I felt invisible. Can you text me if plans change? And could we eat together on Fridays?',
      ['text me if plans change', 'eat together on Fridays'],
    ],
    ['Can you text me if plans change? Can you text me if plans change?', ['text me if plans change']],
  ];
  for (const [text, want] of asks)
    it(`finds ${JSON.stringify(want)} in "${text}"`, () => expect(requestsIn(text)).toEqual(want));

  const none = [
    'Why can you never just call?',
    'Can you believe this?',
    'Could you not see I was upset?',
    'Could you have told me earlier?',
    'I sat alone at my birthday dinner. Nobody called.',
    'I do not know.',
    'I need respect.',
    'I need space.',
    'I need some honesty about money too.',
    'It was a long day.',
  ];
  for (const text of none) it(`finds no ask in "${text}"`, () => expect(requestsIn(text)).toEqual([]));
});
