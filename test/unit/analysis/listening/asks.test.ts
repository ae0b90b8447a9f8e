import { describe, expect, it } from 'vitest';
import { asksIn } from '../../../../server/analysis/listening/asks.js';
import { requestsIn } from '../../../../server/analysis/listening/requests.js';

describe('requestsIn: the ask, as written, without its lead-in', () => {
  it.each([
    ['Would you be willing to text me if plans change?', ['text me if plans change']],
    ['Can we agree to talk before anything over $200?', ['agree to talk before anything over $200']],
    ['Please stop checking my phone.', ['stop checking my phone']],
    ['Sam, could you tell me when you will be late?', ['tell me when you will be late']],
    ["I'd like us to take turns driving to Grandma.", ['take turns driving to Grandma']],
    ['I need you to cover two Fridays a month.', ['cover two Fridays a month']],
    ["Let's plan one evening a week together.", ['plan one evening a week together']],
    ['Text me if plans change.', ['text me if plans change']],
    ['I wish you would ask before you borrow the car.', ['ask before you borrow the car']],
    ['Can you believe he said that?', []],
    ['Could you not see I was upset?', []],
    ['The bill came on Tuesday.', []],
    ['I felt hurt.', []],
  ])('%s', (text, expected) => {
    expect(requestsIn(text)).toEqual(expected);
  });

  it('says who would act: the other person, or everyone together', () => {
    expect(asksIn('Could we talk first? Please call me.')).toEqual([
      { who: 'we', ask: 'talk first' },
      { who: 'you', ask: 'call me' },
    ]);
  });
});

describe('asks of someone spoken of', () => {
  it('are marked "they": in preparation the other person, in the room perhaps someone else', () => {
    expect(asksIn('Could she take Mum to her appointments on Saturdays?')).toEqual([
      { who: 'they', ask: 'take Mum to her appointments on Saturdays' },
    ]);
    expect(asksIn("I'd like him to call before he comes over.")).toEqual([
      { who: 'they', ask: 'call before he comes over' },
    ]);
  });
});

describe('a name without a comma is the subject of a story, not someone spoken to', () => {
  it('"Alex put the chair on the card" tells; "Sam, call me" asks', () => {
    expect(asksIn('Alex put an $800 gaming chair on our shared card without asking.')).toEqual([]);
    expect(asksIn('Mum took the car without asking.')).toEqual([]);
    expect(asksIn('Sam, call me when you land.')).toEqual([{ who: 'you', ask: 'call me when you land' }]);
  });
});
