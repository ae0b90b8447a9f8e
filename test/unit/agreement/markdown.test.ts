import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AgreementState } from '../../../shared/agreement.js';
import type { AgreementRecord } from '../../../shared/agreementRecord.js';
import { humanTime } from '../../../shared/agreementRecord.js';
import { agreementMarkdown, escapeMarkdown } from '../../../server/agreement/markdown.js';
import { agreementRecord } from '../../../server/agreement/record.js';
import { acceptClause, deriveAgreement, proposeClause, signAgreement } from '../../../server/agreement/state.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const T0 = Date.UTC(2026, 11, 7, 8, 5, 0);
const MIN = 60_000;
const names = { a: 'Alex', b: 'Sam' };

/** Two parties agree one clause and both sign, each at a known time. */
function signedState(): { state: AgreementState; texts: Map<string, string> } {
  const state: AgreementState = { clauses: [], signatures: {}, final: null };
  const texts = new Map([['c1', 'We speak one at a time.']]);
  const parties = ['a', 'b'];
  proposeClause(state, { id: 'c1', proposedBy: 'b', at: T0 });
  acceptClause(state, { clauseId: 'c1', participantId: 'b', text: texts.get('c1')!, at: T0 + MIN }, parties);
  acceptClause(state, { clauseId: 'c1', participantId: 'a', text: texts.get('c1')!, at: T0 + 2 * MIN }, parties);
  signAgreement(state, { participantId: 'a', texts, at: T0 + 3 * MIN }, parties);
  signAgreement(state, { participantId: 'b', texts, at: T0 + 4 * MIN }, parties);
  return { state, texts };
}

const draft = (over: Partial<AgreementRecord> = {}): AgreementRecord => ({
  title: 'Our agreement',
  final: false,
  signedAt: null,
  clauses: [],
  signatures: [],
  earlierSignatures: [],
  signedText: null,
  signedTextHash: null,
  ...over,
});

describe('agreement record', () => {
  it('keeps the time of each acceptance and signature, and hashes exactly the text that was signed', () => {
    const { state, texts } = signedState();
    const record = agreementRecord(state, deriveAgreement(state, texts, ['a', 'b']), ' Our agreement ', names);
    expect(record.title).toBe('Our agreement');
    expect(record.final).toBe(true);
    expect(record.signedAt).toBe(T0 + 4 * MIN);
    expect(record.clauses[0]).toMatchObject({
      proposedBy: 'Sam',
      proposedAt: T0,
      acceptances: [
        { name: 'Sam', at: T0 + MIN },
        { name: 'Alex', at: T0 + 2 * MIN },
      ],
    });
    expect(record.signatures).toEqual([
      { name: 'Alex', participantId: 'a', at: T0 + 3 * MIN },
      { name: 'Sam', participantId: 'b', at: T0 + 4 * MIN },
    ]);
    expect(record.signedText).toBe('[["c1","We speak one at a time."]]');
    expect(record.signedTextHash).toBe(sha256('[["c1","We speak one at a time."]]'));
    // The hash the server stored when people signed is the one the record shows.
    expect(record.signedTextHash).toBe(state.final!.hash);
  });

  it('drops an acceptance and a signature that were given for other words', () => {
    const state: AgreementState = { clauses: [], signatures: {}, final: null };
    const parties = ['a', 'b'];
    proposeClause(state, { id: 'c1', proposedBy: 'a', at: T0 });
    acceptClause(state, { clauseId: 'c1', participantId: 'a', text: 'old', at: T0 }, parties);
    acceptClause(state, { clauseId: 'c1', participantId: 'b', text: 'old', at: T0 }, parties);
    signAgreement(state, { participantId: 'a', texts: new Map([['c1', 'old']]), at: T0 }, parties);
    const texts = new Map([['c1', 'new words']]);
    const record = agreementRecord(state, deriveAgreement(state, texts, parties), 'T', names);
    expect(record.clauses[0].acceptances).toEqual([]);
    expect(record.signatures).toEqual([]);
    expect(record.signedTextHash).toBeNull();
    expect(record.signedAt).toBeNull();
  });
});

describe('agreement markdown', () => {
  it('carries the signing date, each acceptance and signature with ISO and human times, and the hash', () => {
    const { state, texts } = signedState();
    const md = agreementMarkdown(agreementRecord(state, deriveAgreement(state, texts, ['a', 'b']), 'Our deal', names));
    expect(md).toContain('# Our deal');
    expect(md).toContain('**Final**');
    expect(md).toContain('Signed: 7 December 2026, 08:09 UTC (2026-12-07T08:09:00.000Z)');
    expect(md).toContain(
      '1. We speak one at a time.\n   - Status: agreed\n   - Proposed by: Sam\n   - Accepted by:\n' +
        '     - Sam, 2026-12-07T08:06:00.000Z (7 December 2026, 08:06 UTC)\n' +
        '     - Alex, 2026-12-07T08:07:00.000Z (7 December 2026, 08:07 UTC)',
    );
    expect(md).toContain(
      '## Signatures\n\n- Alex, 2026-12-07T08:08:00.000Z (7 December 2026, 08:08 UTC)\n' +
        '- Sam, 2026-12-07T08:09:00.000Z (7 December 2026, 08:09 UTC)',
    );
    const hash = sha256('[["c1","We speak one at a time."]]');
    expect(md).toContain(`sha256 of the signed text: ${hash}; the same text always gives the same hash`);
    expect(md).toContain('```\n[["c1","We speak one at a time."]]\n```');
  });

  it('says plainly when nothing is signed yet, and shows no hash', () => {
    const md = agreementMarkdown(
      draft({
        clauses: [
          {
            id: 'c2',
            text: 'Line one\nline two',
            status: 'proposed',
            proposedBy: 'Sam',
            proposedAt: T0,
            acceptances: [],
            earlierAcceptances: [],
            versions: [],
            reviewOn: null,
          },
        ],
      }),
    );
    expect(md).toContain('**Draft**');
    expect(md).toContain('Signed: not signed yet.');
    expect(md).toContain('1. Line one\n   line two');
    expect(md).toContain('   - Accepted by: no one yet');
    expect(md).toContain('## Signatures\n\nNot signed yet.');
    expect(md).not.toContain('sha256');
    const empty = agreementMarkdown(draft({ title: 'Agreement' }));
    expect(empty).toContain('# Agreement');
    expect(empty).toContain('No clauses yet.');
  });

  it('fences the signed text so backticks in people’s words cannot end it early', () => {
    const md = agreementMarkdown(draft({ signedText: '[["c1","a ``` b"]]', signedTextHash: 'h' }));
    expect(md).toContain('````\n[["c1","a ``` b"]]\n````');
  });

  it('writes times in UTC the same way everywhere', () => {
    expect(humanTime(Date.UTC(2027, 0, 3, 17, 4))).toBe('3 January 2027, 17:04 UTC');
  });

  it("escapes people's words so they cannot become markup", () => {
    expect(escapeMarkdown('<script>alert(1)</script>')).toBe('\\<script\\>alert(1)\\</script\\>');
    expect(escapeMarkdown('# title\n- item\n1. item')).toBe('\\# title\n\\- item\n1\\. item');
    expect(escapeMarkdown('[link](http://x) *b* _i_')).toBe('\\[link\\](http://x) \\*b\\* \\_i\\_');
  });
});
