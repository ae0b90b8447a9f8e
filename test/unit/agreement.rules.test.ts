import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/errors.js';
import type { Shadow } from '../../server/agreement/guard.js';
import { acceptClause, proposeClause, refreshStatuses, signAgreement } from '../../server/agreement/rules.js';

const parties = ['A', 'B'];
const empty = (): Shadow => ({ clauses: [], signedBy: new Set(), final: false });
const code = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return err instanceof AppError ? err.code : 'other';
  }
  return 'none';
};

describe('agreement rules', () => {
  it('a clause is agreed when every party accepted it', () => {
    const s = empty();
    proposeClause(s, { id: 'c1', text: 'One.', proposedBy: 'A' }, parties);
    expect(acceptClause(s, 'c1', 'A', parties)).toBe('proposed');
    expect(acceptClause(s, 'c1', 'A', parties)).toBe('proposed'); // idempotent
    expect(acceptClause(s, 'c1', 'B', parties)).toBe('agreed');
  });

  it('refuses unknown clauses and non-parties', () => {
    const s = empty();
    proposeClause(s, { id: 'c1', text: 'One.', proposedBy: 'A' }, parties);
    expect(code(() => acceptClause(s, 'nope', 'A', parties))).toBe('not_found');
    expect(code(() => acceptClause(s, 'c1', 'M', parties))).toBe('forbidden');
    expect(code(() => signAgreement(s, 'M', parties))).toBe('forbidden');
  });

  it('signing needs clauses, every clause agreed; final when every party signed', () => {
    const s = empty();
    expect(code(() => signAgreement(s, 'A', parties))).toBe('not_allowed');
    proposeClause(s, { id: 'c1', text: 'One.', proposedBy: 'A' }, parties);
    acceptClause(s, 'c1', 'A', parties);
    expect(code(() => signAgreement(s, 'A', parties))).toBe('not_allowed');
    acceptClause(s, 'c1', 'B', parties);
    expect(signAgreement(s, 'A', parties)).toBe(false);
    expect(signAgreement(s, 'B', parties)).toBe(true);
    expect(s.final).toBe(true);
    expect(code(() => signAgreement(s, 'A', parties))).toBe('not_allowed');
    expect(code(() => proposeClause(s, { id: 'c2', text: 'Two.', proposedBy: 'A' }, parties))).toBe('not_allowed');
  });

  it('a new clause clears signatures', () => {
    const s = empty();
    proposeClause(s, { id: 'c1', text: 'One.', proposedBy: 'A' }, parties);
    acceptClause(s, 'c1', 'A', parties);
    acceptClause(s, 'c1', 'B', parties);
    signAgreement(s, 'A', parties);
    proposeClause(s, { id: 'c2', text: 'Two.', proposedBy: 'B' }, parties);
    expect([...s.signedBy]).toEqual([]);
    expect(s.clauses.map((c) => c.status)).toEqual(['agreed', 'proposed']);
  });

  it('status follows the current parties: someone who joins must accept too', () => {
    const s = empty();
    proposeClause(s, { id: 'c1', text: 'One.', proposedBy: 'A' }, parties);
    acceptClause(s, 'c1', 'A', parties);
    acceptClause(s, 'c1', 'B', parties);
    refreshStatuses(s, [...parties, 'C']);
    expect(s.clauses[0].status).toBe('proposed');
    expect(code(() => signAgreement(s, 'A', [...parties, 'C']))).toBe('not_allowed');
  });
});
