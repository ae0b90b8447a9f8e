import { describe, expect, it } from 'vitest';
import { newId } from '../../../server/rooms/ids.js';

describe('newId', () => {
  it('gives 96-bit url-safe ids, all different, across many batches of random bytes', () => {
    const ids = Array.from({ length: 2_000 }, () => newId('m'));
    for (const id of ids) expect(id).toMatch(/^m_[A-Za-z0-9_-]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
