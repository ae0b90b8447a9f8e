import { describe, expect, it } from 'vitest';
import { hashText, shareMsgId } from '../../../../shared/rules/shareId.js';

describe('share ids', () => {
  it('is FNV-1a in base 36, as the server has always named shares', () => {
    expect(hashText('')).toBe((2166136261).toString(36));
    expect(hashText('a')).toBe((0xe40c292c).toString(36));
  });

  it('names a share by its trimmed words, so the sender and the server agree', () => {
    expect(shareMsgId('  I felt unheard.\n')).toBe(shareMsgId('I felt unheard.'));
    expect(shareMsgId('I felt unheard.')).toBe(`share-${hashText('I felt unheard.')}`);
    expect(shareMsgId('one')).not.toBe(shareMsgId('two'));
  });
});
