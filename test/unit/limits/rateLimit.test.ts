import { describe, expect, it } from 'vitest';
import { RateLimiter, scaleRule, takeToken } from '../../../server/limits/rateLimit.js';

describe('token bucket', () => {
  const rule = { burst: 3, perSecond: 1 };

  it('allows a burst, then refuses, then refills with time', () => {
    let bucket: ReturnType<typeof takeToken>['bucket'] | undefined;
    const results = [];
    for (let i = 0; i < 4; i++) {
      const out = takeToken(bucket, rule, 0);
      bucket = out.bucket;
      results.push(out.allowed);
    }
    expect(results).toEqual([true, true, true, false]);
    expect(takeToken(bucket, rule, 999).allowed).toBe(false);
    expect(takeToken(bucket, rule, 1000).allowed).toBe(true);
  });

  it('scales with RATE_LIMIT_FACTOR', () => {
    expect(scaleRule(rule, 10)).toEqual({ burst: 30, perSecond: 10 });
    expect(scaleRule(rule, 0.1)).toEqual({ burst: 1, perSecond: 0.1 });
  });

  it('keeps buckets per key and a bounded number of keys', () => {
    const limiter = new RateLimiter({ burst: 1, perSecond: 0.001 }, 2);
    expect(limiter.allow('a', 0)).toBe(true);
    expect(limiter.allow('a', 0)).toBe(false);
    expect(limiter.allow('b', 0)).toBe(true);
    limiter.allow('c', 0); // pushes out 'a', the least recently used
    expect(limiter.allow('a', 0)).toBe(true);
  });
});
