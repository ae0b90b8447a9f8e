import { createHash, randomBytes } from 'node:crypto';
import type { Store, TokenRecord } from '../store/types.js';

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

export interface Identity extends TokenRecord {}

/** Resolves a bearer token to who it belongs to, or null when it is unknown or its room is gone. */
export async function authenticate(store: Store, token: unknown): Promise<Identity | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200) return null;
  const record = await store.getToken(hashSecret(token));
  if (!record) return null;
  const room = await store.getRoom(record.roomId);
  if (!room || !room.participants.some((p) => p.participantId === record.participantId)) return null;
  return record;
}
