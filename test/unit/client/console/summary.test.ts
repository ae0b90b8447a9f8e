import { describe, expect, it } from 'vitest';
import { duration, heatWords, suggestionWords } from '../../../../client/src/console/SessionSummary.js';

describe('the session summary in words', () => {
  it('names only what people did with held messages', () => {
    expect(suggestionWords({ taken: 0, edited: 0, original: 0, discarded: 0 })).toBe(
      'No message needed a second look.',
    );
    expect(suggestionWords({ taken: 2, edited: 0, original: 1, discarded: 3 })).toBe(
      'When a message was held for a second look, people chose a suggestion twice, sent it as written once and let ' +
        'it go 3 times.',
    );
  });

  it('says durations and heat plainly', () => {
    expect(duration(25 * 60_000)).toBe('about 25 minutes');
    expect(duration(70 * 60_000)).toBe('1 hour 10 minutes');
    expect(heatWords([])).toBe('No messages have been shared yet.');
    expect(heatWords([{ at: 1, heat: 0.1 }])).toBe('The conversation stayed calm across one message.');
    expect(
      heatWords([
        { at: 1, heat: 0.8 },
        { at: 2, heat: 0.2 },
      ]),
    ).toBe('At its most, the room felt heated; by the latest message it felt calm.');
  });
});
