import type { Role } from '../protocol.js';
import { isParty } from './floor.js';

/**
 * Who sees what in a separated room (shuttle mode), as pure functions over shapes the server's record
 * and the client's RoomView both fit. Each party talks on their own side, seen by them, the mediators
 * and the facilitator; only points their author approved reach the room.
 */

export interface SeparatedLike {
  separated?: unknown;
  participants: readonly { participantId: string; role: Role }[];
}

/** The server keeps `{ since, by }`, the view `true`: either way, set means separated. */
export function isSeparated(room: { separated?: unknown }): boolean {
  return Boolean(room.separated);
}

/** In a separated room, the people taking part (host and participants) write on their own side. */
export function talksOnSide(room: { separated?: unknown }, role: Role): boolean {
  return isSeparated(room) && isParty(role);
}

/** Who sees a party's side: the party and every mediator (the facilitator is not a person in the room). */
export function sideAudience(room: SeparatedLike, authorId: string): string[] {
  const mediators = room.participants.filter((p) => p.role === 'mediator').map((p) => p.participantId);
  return [authorId, ...mediators.filter((id) => id !== authorId)];
}

/** May this person read a log entry? Entries without `visibleTo` are for everyone in the room. */
export function mayRead(entry: { visibleTo?: readonly string[] }, participantId: string): boolean {
  return !entry.visibleTo || entry.visibleTo.includes(participantId);
}

/**
 * An entry on a party's side of a separated room (their own words, or the facilitator's reflection of them): what a
 * mediator reads whenever they joined, as mediators read every side. Private notes (a check-in, a safety notice)
 * are not side entries and stay with the people they were written to.
 */
export function isSideEntry(
  entry: { type: string; at: number; visibleTo?: readonly string[]; kind?: string },
  room: { separated?: { since: number } },
): boolean {
  if (!room.separated || !entry.visibleTo || entry.at < room.separated.since) return false;
  return entry.type === 'message' || entry.kind === 'reflection';
}

/** Entries everyone in the room saw: only these may feed what the facilitator says to the room. */
export function isPublicEntry(entry: { visibleTo?: readonly string[] }): boolean {
  return !entry.visibleTo;
}
