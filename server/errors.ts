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
};

/** An error the caller can act on: it carries the protocol's code and a plain message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message };
  }
}

/** Anything thrown becomes a protocol error; unknown errors hide their details. */
export function toApiError(err: unknown): ApiError {
  if (err instanceof AppError) return err.toJSON();
  return { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}
