import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../../server/limits/clientAddress.js';

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 0)).toBe('10.0.0.5');
    expect(clientAddress(undefined, undefined, 0)).toBe('unknown');
  });

  it('takes the address the trusted proxy saw', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 1)).toBe('1.2.3.4');
    // A client that sends its own header cannot choose its address.
    expect(clientAddress('10.0.0.5', 'spoofed, 1.2.3.4', 1)).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.5', ['spoofed', '1.2.3.4, 10.0.0.9'], 2)).toBe('1.2.3.4');
  });

  it('falls back to the left-most entry when there are fewer hops than trusted', () => {
    expect(clientAddress('10.0.0.5', '1.2.3.4', 5)).toBe('1.2.3.4');
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
  });
});
