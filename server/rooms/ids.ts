import { createHash, randomBytes } from 'node:crypto';

/** 24 random bytes (192 bits), URL-safe: used for tokens and invite codes. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Random bytes for ids, fetched in batches: one call to the system's generator per 341 ids, not per id. */
const POOL_BYTES = 4092;
const ID_BYTES = 12;
let pool = Buffer.alloc(0);
let used = POOL_BYTES;

/** Short random ids for rooms, participants, messages and clauses (not secrets: 96 bits). */
export function newId(prefix: string): string {
  if (used + ID_BYTES > pool.length) {
    pool = randomBytes(POOL_BYTES);
    used = 0;
  }
  const id = pool.toString('base64url', used, used + ID_BYTES);
  used += ID_BYTES;
  return `${prefix}_${id}`;
}

/** Secrets are stored by hash only, so a leaked store does not leak working tokens. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
