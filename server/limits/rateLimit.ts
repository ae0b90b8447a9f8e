/** A token bucket as plain data, so the policy is a pure function of state and time. */
export interface Bucket {
  tokens: number;
  at: number;
}

export interface RateRule {
  /** Tokens the bucket holds when full (the burst). */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
}

/** Takes one token if there is one; returns the next bucket and whether the call may go on. */
export function takeToken(
  bucket: Bucket | undefined,
  rule: RateRule,
  now: number,
): { bucket: Bucket; allowed: boolean } {
  const start = bucket ?? { tokens: rule.burst, at: now };
  const refilled = Math.min(rule.burst, start.tokens + ((now - start.at) / 1000) * rule.perSecond);
  if (refilled < 1) return { bucket: { tokens: refilled, at: now }, allowed: false };
  return { bucket: { tokens: refilled - 1, at: now }, allowed: true };
}

/** Multiplies a rule by RATE_LIMIT_FACTOR (benchmarks set it high). */
export function scaleRule(rule: RateRule, factor: number): RateRule {
  return { burst: Math.max(1, Math.round(rule.burst * factor)), perSecond: rule.perSecond * factor };
}

/** Buckets by key, in process memory, with idle buckets swept so the map stays bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: RateRule,
    private readonly maxKeys = 100_000,
  ) {}

  allow(key: string, now = Date.now()): boolean {
    const { bucket, allowed } = takeToken(this.buckets.get(key), this.rule, now);
    this.buckets.delete(key); // re-insert to keep the map in least-recently-used order
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return allowed;
  }
}
