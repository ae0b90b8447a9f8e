import { RateLimiter, scaleRule, type RateRule } from './rateLimit.js';

/** Rate rules per kind of request, before RATE_LIMIT_FACTOR. */
export const RATE_RULES = {
  /** Room messages and resolutions, per participant. */
  message: { burst: 10, perSecond: 1 },
  /** Private preparation, per participant. */
  prep: { burst: 10, perSecond: 0.5 },
  /** Everything else a participant does on the socket. */
  event: { burst: 40, perSecond: 5 },
  /** New socket connections, per address. */
  connect: { burst: 30, perSecond: 2 },
  /** Creating rooms, per address. */
  createRoom: { burst: 10, perSecond: 0.2 },
  /** Joining with an invite code, per address (slows guessing). */
  join: { burst: 20, perSecond: 0.5 },
  /** Other HTTP calls, per address. */
  http: { burst: 120, perSecond: 20 },
} satisfies Record<string, RateRule>;

export type RateKind = keyof typeof RATE_RULES;

/** One limiter per kind, all scaled by the same factor. */
export class RateLimits {
  private readonly limiters: Record<RateKind, RateLimiter>;

  constructor(factor: number) {
    this.limiters = Object.fromEntries(
      Object.entries(RATE_RULES).map(([kind, rule]) => [kind, new RateLimiter(scaleRule(rule, factor))]),
    ) as Record<RateKind, RateLimiter>;
  }

  allow(kind: RateKind, key: string): boolean {
    return this.limiters[kind].allow(key);
  }
}
