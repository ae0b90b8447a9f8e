import { describe, expect, it } from 'vitest';
import { emptyAgreementState, type AgreementState } from '../../../shared/agreement.js';
import { AppError } from '../../../server/errors.js';
import {
  acceptClause,
  deriveAgreement,
  proposeClause,
  signAgreement,
  textHash,
} from '../../../server/agreement/state.js';

const parties = ['A', 'B'];
const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
  return 'none';
};

/** A state with clauses c1.. proposed by A, and the words they read now. */
function setup(...words: string[]) {
  const s = emptyAgreementState();
  const texts = new Map<string, string>();
  words.forEach((text, i) => {
    proposeClause(s, { id: `c${i + 1}`, proposedBy: 'A', at: 1 });
    texts.set(`c${i + 1}`, text);
  });
  const accept = (id: string, who: string, ps = parties) =>
    acceptClause(s, { clauseId: id, participantId: who, text: texts.get(id) ?? '', at: 2 }, ps);
  const sign = (who: string, ps = parties) => signAgreement(s, { participantId: who, texts, at: 3 }, ps);
  const view = (ps = parties) => deriveAgreement(s, texts, ps);
  return { s, texts, accept, sign, view };
}

describe('agreement state', () => {
  it('a clause is agreed when every party accepted its words', () => {
    const { accept, view } = setup('One.');
    accept('c1', 'A');
    accept('c1', 'A'); // idempotent
    expect(view().clauses[0]).toMatchObject({ status: 'proposed', acceptedBy: ['A'] });
    accept('c1', 'B');
    expect(view().clauses[0]).toMatchObject({ status: 'agreed', acceptedBy: ['A', 'B'] });
  });

  it('refuses unknown clauses and non-parties', () => {
    const { accept, sign } = setup('One.');
    expect(code(() => accept('nope', 'A'))).toBe('not_found');
    expect(code(() => accept('c1', 'M'))).toBe('forbidden');
    expect(code(() => sign('M'))).toBe('forbidden');
  });

  it('an acceptance counts only for the exact words accepted', () => {
    const { s, texts, accept, view } = setup('We talk on Sundays.');
    accept('c1', 'A');
    accept('c1', 'B');
    texts.set('c1', 'We talk on Sundays, unless B is away.');
    expect(view().clauses[0]).toMatchObject({ status: 'proposed', acceptedBy: [] });
    // The stamps are kept: back to the accepted words, they count again.
    expect(s.clauses[0].acceptances.A.hash).toBe(textHash('We talk on Sundays.'));
    texts.set('c1', 'We talk on Sundays.');
    expect(view().clauses[0].status).toBe('agreed');
  });

  it('refuses an acceptance of words that changed since the person read them', () => {
    const { s } = setup('One.');
    const accept = (expectedHash: string) =>
      acceptClause(s, { clauseId: 'c1', participantId: 'A', text: 'One, edited.', at: 2, expectedHash }, parties);
    expect(code(() => accept(textHash('One.')))).toBe('conflict');
    expect(code(() => accept(textHash('One, edited.')))).toBe('none');
  });

  it('signing needs clauses, every clause agreed; final when every party signed the same version', () => {
    const { accept, sign, s, view } = setup('One.');
    expect(
      code(() => signAgreement(emptyAgreementState(), { participantId: 'A', texts: new Map(), at: 1 }, parties)),
    ).toBe('not_allowed');
    accept('c1', 'A');
    expect(code(() => sign('A'))).toBe('not_allowed');
    accept('c1', 'B');
    sign('A');
    expect(s.final).toBeNull();
    sign('B');
    expect(s.final).toMatchObject({ at: 3, texts: { c1: 'One.' } });
    expect(view()).toMatchObject({ final: true, signedBy: ['A', 'B'] });
    expect(code(() => sign('A'))).toBe('not_allowed');
    expect(code(() => proposeClause(s, { id: 'c2', proposedBy: 'A', at: 4 }))).toBe('not_allowed');
  });

  it('the final words are the final texts, whatever the document holds later', () => {
    const { accept, sign, texts, view } = setup('One.');
    accept('c1', 'A');
    accept('c1', 'B');
    sign('A');
    sign('B');
    texts.set('c1', 'Forged afterwards.');
    expect(view().clauses[0]).toMatchObject({ text: 'One.', status: 'agreed', acceptedBy: ['A', 'B'] });
  });

  it('a new clause or an edit makes earlier signatures stop counting', () => {
    const { accept, sign, s, texts, view } = setup('One.');
    accept('c1', 'A');
    accept('c1', 'B');
    sign('A');
    expect(view().signedBy).toEqual(['A']);
    proposeClause(s, { id: 'c2', proposedBy: 'B', at: 5 });
    texts.set('c2', 'Two.');
    expect(view().signedBy).toEqual([]);
    expect(view().clauses.map((c) => c.status)).toEqual(['agreed', 'proposed']);
  });

  it('status follows the current parties: someone who joins must accept too', () => {
    const { accept, sign, view } = setup('One.');
    accept('c1', 'A');
    accept('c1', 'B');
    expect(view([...parties, 'C']).clauses[0].status).toBe('proposed');
    expect(code(() => sign('A', [...parties, 'C']))).toBe('not_allowed');
  });

  it('keeps the time of each acceptance and signature', () => {
    const { accept, sign, s } = setup('One.');
    accept('c1', 'A');
    accept('c1', 'B');
    sign('A');
    const state: AgreementState = s;
    expect(state.clauses[0].acceptances.B.at).toBe(2);
    expect(state.signatures.A.at).toBe(3);
  });
});
