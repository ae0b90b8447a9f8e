import { describe, expect, it } from 'vitest';
import { analyzeWithSuggestions } from '../../../../server/facilitator/rewrite/index.js';
import { asExperience } from '../../../../server/facilitator/rewrite/rewrite.js';

const suggest = (text: string) => analyzeWithSuggestions(text, { threshold: 0.5 }).suggestions;

describe('when no edit of the whole message passes', () => {
  it('an accusation is told as the sender’s experience', () => {
    expect(asExperience('You only show up for Christmas presents.')).toBe(
      'It feels to me like you only show up for Christmas presents.',
    );
    expect(asExperience('The bill is late.')).toBeNull();
  });

  it('the parts that can be said calmly are offered, the attack left out', () => {
    expect(suggest('You two are useless, lazy and you only show up for Christmas presents.')).toEqual([
      'It feels to me like you only show up for Christmas presents.',
    ]);
  });

  it('sarcasm is never turned into a request', () => {
    for (const s of suggest('Oh great, take her side like always, you spineless idiot.'))
      expect(s).not.toMatch(/please|could you/i);
  });
});
