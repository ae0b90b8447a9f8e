import { hashSecret, newSecret } from '../rooms/ids.js';
import type { Identity, TicketRecord } from '../rooms/model.js';
import type { Store } from '../rooms/ports.js';

// Ids and secrets are made in rooms/ids.ts (rooms/ makes ids too and may not import auth/).
export { hashSecret, newId, newSecret } from '../rooms/ids.js';
export type { Identity } from '../rooms/model.js';

/** Resolves a bearer token to who it belongs to, or null when it is unknown or its room is gone. */
export async function authenticate(store: Store, token: unknown): Promise<Identity | null> {
  if (typeof token !== 'string' || token.length < 16 || token.length > 200) return null;
  const record = await store.getToken(hashSecret(token));
  if (!record) return null;
  const room = await store.getRoom(record.roomId);
  if (!room || !room.participants.some((p) => p.participantId === record.participantId)) return null;
  return record;
}

/** How long a /yjs ticket can wait before it is used: long enough for one connection attempt. */
export const TICKET_TTL_MS = 30_000;

/**
 * A single-use ticket for the /yjs WebSocket URL, so the long-lived token never sits in a URL
 * (where proxies and servers log it). Stored by hash, like tokens.
 */
export async function issueTicket(
  store: Store,
  who: Identity,
  now = Date.now(),
): Promise<{ ticket: string; expiresAt: number }> {
  const ticket = newSecret();
  const { roomId, participantId, role } = who;
  const record: TicketRecord = { roomId, participantId, role, expiresAt: now + TICKET_TTL_MS };
  await store.putTicket(hashSecret(ticket), record, TICKET_TTL_MS);
  return { ticket, expiresAt: record.expiresAt };
}

/** Takes a ticket (it never works twice) and resolves who it admits, or null. */
export async function redeemTicket(store: Store, ticket: unknown, now = Date.now()): Promise<Identity | null> {
  if (typeof ticket !== 'string' || ticket.length < 16 || ticket.length > 200) return null;
  const record = await store.takeTicket(hashSecret(ticket));
  if (!record || record.expiresAt <= now) return null;
  // The person may have left or the room been deleted since the ticket was issued.
  const room = await store.getRoom(record.roomId);
  const person = room?.participants.find((p) => p.participantId === record.participantId);
  if (!person) return null;
  // paused or out of the joint session: the agreement stays readable, never writable (no way round the pause)
  const readOnly = person.status !== undefined ? { readOnly: true } : {};
  return { roomId: record.roomId, participantId: record.participantId, role: record.role, ...readOnly };
}
