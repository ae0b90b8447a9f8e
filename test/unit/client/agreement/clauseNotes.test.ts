import { describe, expect, it } from 'vitest';
import type { RecordClause } from '../../../../shared/agreementRecord.js';
import { acceptanceOf, changedAfterYouAccepted, earlierNote } from '../../../../client/src/agreement/clauseNotes.js';

const clause = (over: Partial<RecordClause> = {}): RecordClause => ({
  id: 'c1',
  text: 'We meet on Saturdays.',
  status: 'proposed',
  proposedBy: 'Ann',
  proposedAt: 1,
  acceptances: [],
  earlierAcceptances: [],
  versions: [],
  reviewOn: null,
  ...over,
});

describe('acceptances on screen', () => {
  it('shows "accepted" only for exactly the words on screen', () => {
    const rec = clause({ acceptances: [{ name: 'Ben', participantId: 'ben', at: 2, hash: 'h1' }] });
    expect(acceptanceOf('ben', ['ben'], rec, 'h1')).toBe('accepted');
    // Words changed here (typed offline, not yet seen by the server): not what Ben accepted.
    expect(acceptanceOf('ben', ['ben'], rec, 'h2')).toBe('earlier');
    expect(acceptanceOf('ann', ['ben'], rec, 'h1')).toBe('not-yet');
    // Before the record arrives the document's word is all there is.
    expect(acceptanceOf('ben', ['ben'], undefined, undefined)).toBe('accepted');
  });

  it('says an acceptance of earlier words is one, and who changed them', () => {
    const rec = clause({
      earlierAcceptances: [
        {
          name: 'Ben',
          participantId: 'ben',
          at: 2,
          acceptedText: 'We meet on Sundays.',
          changedBy: [{ name: 'Sam', participantId: 'sam' }],
        },
      ],
    });
    expect(acceptanceOf('ben', [], rec, 'h1')).toBe('earlier');
    expect(earlierNote(rec, 'ben', 'ann')).toBe('accepted earlier words, changed by Sam');
    expect(changedAfterYouAccepted(rec, 'ben')).toBe(
      'Sam changed this point after you accepted it, so your acceptance is not for these words. ' +
        'You accepted: “We meet on Sundays.” Read the words as they are now, and accept them ' +
        'if they still work for you.',
    );
    expect(changedAfterYouAccepted(rec, 'ann')).toBeNull();
  });

  it('says "you" when the reader changed the words themselves', () => {
    const rec = clause({
      earlierAcceptances: [
        {
          name: 'Ann',
          participantId: 'ann',
          at: 2,
          acceptedText: null,
          changedBy: [{ name: 'Ann', participantId: 'ann' }],
        },
      ],
    });
    expect(changedAfterYouAccepted(rec, 'ann')).toMatch(/^You changed this point after you accepted it/);
  });
});
