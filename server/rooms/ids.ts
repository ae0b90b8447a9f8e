import { createHash, randomBytes } from 'node:crypto';

/** 24 random bytes (192 bits), URL-safe: used for tokens and invite codes. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Short random ids for rooms, participants and clauses (not secrets: 96 bits). */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** Secrets are stored by hash only, so a leaked store does not leak working tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
