import { describe, expect, it } from 'vitest';
import { signingLine } from '../../../../client/src/agreement/signingLine.js';

const names: Record<string, string> = { a: 'Alex', b: 'Sam', c: 'Kim' };
const nameOf = (id: string) => names[id] ?? 'Someone';

describe('the signing line', () => {
  it('never says "you signed" when the agreement has no signatures (one an edit cleared)', () => {
    expect(signingLine([], 'a', false, nameOf)).toBe('No one has signed yet.');
  });

  it('tells a person whose signature was for earlier words, and never says "you signed" then', () => {
    const line = signingLine([], 'a', false, nameOf, true);
    expect(line).toBe(
      'No one has signed these words yet. You signed earlier words: a point changed after you signed, ' +
        'so please read it again and sign again.',
    );
    expect(signingLine(['b'], 'a', false, nameOf, true)).toMatch(/^Signed by Sam\. You signed earlier words/);
    for (const signed of [[], ['a'], ['b'], ['a', 'b']]) {
      for (const earlier of [false, true]) {
        const said = signingLine(signed, 'a', false, nameOf, earlier);
        // One sentence about the state of signing: never "you signed" beside "no one has signed".
        expect(said.includes('You signed.') && said.includes('No one has signed')).toBe(false);
      }
    }
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
