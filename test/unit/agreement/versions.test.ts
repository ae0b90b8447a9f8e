import { describe, expect, it } from 'vitest';
import { emptyAgreementState, type AgreementState } from '../../../shared/agreement.js';
import { agreementMarkdown } from '../../../server/agreement/markdown.js';
import { agreementRecord } from '../../../server/agreement/record.js';
import { acceptClause, deriveAgreement, proposeClause, textHash } from '../../../server/agreement/state.js';
import { isReviewDay, MAX_VERSIONS, recordEdits, setReviewDate } from '../../../server/agreement/versions.js';

const T0 = Date.UTC(2026, 11, 7, 8, 0, 0);
const MIN = 60_000;
const parties = ['ann', 'sam'];
const names = { ann: 'Ann', sam: 'Sam' };

function proposed(text = 'We meet on Sundays.'): AgreementState {
  const state = emptyAgreementState();
  proposeClause(state, { id: 'c1', proposedBy: 'ann', at: T0, text });
  return state;
}

const edit = (state: AgreementState, text: string, by: string, at: number) =>
  recordEdits(state, [{ clauseId: 'c1', text, by, at }]);

describe('clause versions', () => {
  it('keeps one version per run of edits by one person, and starts a new one when someone else edits', () => {
    const state = proposed('We meet');
    edit(state, 'We meet on', 'ann', T0 + 1);
    edit(state, 'We meet on Sundays.', 'ann', T0 + 2);
    expect(state.clauses[0].versions).toEqual([
      { text: 'We meet on Sundays.', hash: textHash('We meet on Sundays.'), by: 'ann', at: T0 + 2 },
    ]);
    edit(state, 'We meet on Saturdays.', 'sam', T0 + 3);
    expect(state.clauses[0].versions?.map((v) => [v.by, v.text])).toEqual([
      ['ann', 'We meet on Sundays.'],
      ['sam', 'We meet on Saturdays.'],
    ]);
  });

  it('starts a new version after an acceptance, even by the same person, so the accepted words stay on record', () => {
    const state = proposed();
    acceptClause(state, { clauseId: 'c1', participantId: 'sam', text: 'We meet on Sundays.', at: T0 + MIN }, parties);
    edit(state, 'We meet on Sundays at noon.', 'ann', T0 + 2 * MIN);
    expect(state.clauses[0].versions?.map((v) => v.text)).toEqual([
      'We meet on Sundays.',
      'We meet on Sundays at noon.',
    ]);
  });

  it('keeps the proposal and the newest versions when there are many', () => {
    const state = proposed('v0');
    for (let i = 1; i <= MAX_VERSIONS + 10; i++) edit(state, `v${i}`, i % 2 ? 'sam' : 'ann', T0 + i);
    const versions = state.clauses[0].versions ?? [];
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect(versions[0].text).toBe('v0');
    expect(versions.at(-1)?.text).toBe(`v${MAX_VERSIONS + 10}`);
  });

  it('says whose acceptance is of earlier words, what they accepted, and who changed it after', () => {
    const state = proposed();
    acceptClause(state, { clauseId: 'c1', participantId: 'ann', text: 'We meet on Sundays.', at: T0 + MIN }, parties);
    edit(state, 'We meet on Saturdays.', 'sam', T0 + 2 * MIN);
    const texts = new Map([['c1', 'We meet on Saturdays.']]);
    const record = agreementRecord(state, deriveAgreement(state, texts, parties), 'T', names);
    const [clause] = record.clauses;
    expect(clause.acceptances).toEqual([]);
    expect(clause.earlierAcceptances).toEqual([
      {
        name: 'Ann',
        participantId: 'ann',
        at: T0 + MIN,
        acceptedText: 'We meet on Sundays.',
        changedBy: [{ name: 'Sam', participantId: 'sam' }],
      },
    ]);
    expect(clause.versions.map((v) => [v.by, v.text])).toEqual([
      ['Ann', 'We meet on Sundays.'],
      ['Sam', 'We meet on Saturdays.'],
    ]);
    const md = agreementMarkdown(record);
    expect(md).toContain(`- Last changed by: Sam, ${new Date(T0 + 2 * MIN).toISOString()}`);
    expect(md).toContain('Ann accepted earlier words');
    expect(md).toContain('Sam changed them after, so that acceptance does not count for these words.');
    expect(md).toMatch(/1\. Ann, .*:\n +“We meet on Sundays\.”/);
  });

  it('counts an acceptance again when the words go back to what was accepted', () => {
    const state = proposed();
    acceptClause(state, { clauseId: 'c1', participantId: 'ann', text: 'We meet on Sundays.', at: T0 + MIN }, parties);
    edit(state, 'We meet on Saturdays.', 'sam', T0 + 2 * MIN);
    edit(state, 'We meet on Sundays.', 'sam', T0 + 3 * MIN);
    const texts = new Map([['c1', 'We meet on Sundays.']]);
    const record = agreementRecord(state, deriveAgreement(state, texts, parties), 'T', names);
    expect(record.clauses[0].acceptances.map((a) => a.name)).toEqual(['Ann']);
    expect(record.clauses[0].earlierAcceptances).toEqual([]);
  });
});

describe('review dates', () => {
  it('are real days from today to ten years ahead', () => {
    expect(isReviewDay('2027-01-04', T0)).toBe(true);
    expect(isReviewDay('2026-12-07', T0)).toBe(true);
    expect(isReviewDay('2026-12-06', T0)).toBe(false);
    expect(isReviewDay('2027-02-30', T0)).toBe(false);
    expect(isReviewDay('2040-01-01', T0)).toBe(false);
    expect(isReviewDay('4 weeks', T0)).toBe(false);
  });

  it('are set, shown in the record and the export, and cleared', () => {
    const state = proposed();
    setReviewDate(state, { clauseId: 'c1', on: '2027-01-04', by: 'sam', at: T0 });
    const texts = new Map([['c1', 'We meet on Sundays.']]);
    const snapshot = deriveAgreement(state, texts, parties);
    expect(snapshot.clauses[0].reviewOn).toBe('2027-01-04');
    const record = agreementRecord(state, snapshot, 'T', names);
    expect(record.clauses[0].reviewOn).toEqual({ on: '2027-01-04', by: 'Sam', at: T0 });
    expect(agreementMarkdown(record)).toContain('- Look at this again on: 4 January 2027 (2027-01-04), set by Sam');
    setReviewDate(state, { clauseId: 'c1', on: null, by: 'ann', at: T0 });
    expect(deriveAgreement(state, texts, parties).clauses[0].reviewOn).toBeUndefined();
    expect(() => setReviewDate(state, { clauseId: 'c1', on: '2020-01-01', by: 'ann', at: T0 })).toThrow(/today/);
  });
});
