import type { ApiError, ErrorCode } from '../shared/protocol.js';

const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  too_long: 413,
  rate_limited: 429,
  not_your_turn: 409,
  on_break: 409,
  forbidden: 403,
  not_allowed: 409,
  not_found: 404,
  unauthorized: 401,
  conflict: 409,
  internal: 500,
  unavailable: 503,
  gone: 410,
};

/** An error the caller can act on: it carries the protocol's code and a plain message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** A status other than the code's usual one (a confidential room's transcript: 403 not_allowed). */
    private readonly statusOverride?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return this.statusOverride ?? STATUS[this.code];
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message };
  }
}

/** Anything thrown becomes a protocol error; unknown errors hide their details. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toJSON();
  if (isUnavailable(err)) return UNAVAILABLE.toJSON();
  return { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}

const UNAVAILABLE = new AppError('unavailable', 'The service cannot reach its storage just now. Please retry soon.');

/** The HTTP status for anything thrown: an AppError's own, 503 while storage is unreachable, else 500. */
export function statusOf(err: unknown): number {
  if (err instanceof AppError) return err.status;
  return isUnavailable(err) ? 503 : 500;
}

/**
 * The storage (Redis) did not answer: a command timed out (frozen or slow), or the connection is
 * down and retries ran out. The caller may retry later; nothing about the request was wrong.
 * Recognised by what ioredis throws, so nothing here depends on it.
 */
export function isUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'MaxRetriesPerRequestError' || err.name === 'AbortError') return true;
  if (/^(Command timed out|Connection is closed\.?|Stream isn't writeable.*)$/.test(err.message)) return true;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code);
}
