import { describe, expect, it } from 'vitest';
import { signingLine } from '../../../../client/src/agreement/signingLine.js';

const names: Record<string, string> = { a: 'Alex', b: 'Sam', c: 'Kim' };
const nameOf = (id: string) => names[id] ?? 'Someone';

describe('the signing line', () => {
  it('never says "you signed" when the agreement has no signatures (one an edit cleared)', () => {
    expect(signingLine([], 'a', false, nameOf)).toBe('No one has signed yet.');
  });

  it('says who signed, with you first, and that the others are awaited', () => {
    expect(signingLine(['a'], 'a', false, nameOf)).toBe('You signed. Waiting for the others to sign.');
    expect(signingLine(['b'], 'a', false, nameOf)).toBe('Signed by Sam.');
    expect(signingLine(['a', 'b'], 'a', false, nameOf)).toBe('Signed by you and Sam. Waiting for the others to sign.');
    expect(signingLine(['b', 'c'], 'a', false, nameOf)).toBe('Signed by Sam and Kim.');
  });

  it('says the agreement is final once everyone signed', () => {
    expect(signingLine(['a', 'b'], 'a', true, nameOf)).toBe('Everyone has signed. The agreement is final.');
  });
});
