import { nameKey } from '../../../shared/names.js';
import { LIMITS, type ErrorCode, type Role } from '../../../shared/protocol.js';
import type { RoomRecord } from '../types.js';

type Refusal = { ok: false; code: ErrorCode; message: string };

/** Whether one more person with `role` may join: a couple's room is for two, every room has a size. */
export function mayJoin(room: Pick<RoomRecord, 'kind' | 'participants'>, role: Role): { ok: true } | Refusal {
  const speaking = role === 'host' || role === 'participant';
  if (speaking) {
    const max = LIMITS.partiesPerKind[room.kind];
    const parties = room.participants.filter((p) => p.role === 'host' || p.role === 'participant').length;
    if (parties < max) return { ok: true };
    return {
      ok: false,
      code: 'conflict',
      message: room.kind === 'couple' ? 'This room is for two people, and both have already joined.' : `This room already has the ${max} people it can hold.`,
    };
  }
  const supporters = room.participants.filter((p) => p.role === 'observer' || p.role === 'mediator').length;
  if (supporters < LIMITS.supportersPerRoom) return { ok: true };
  return { ok: false, code: 'conflict', message: `This room already has ${LIMITS.supportersPerRoom} observers and mediators.` };
}

/**
 * Whether someone in the room already goes by this name, as a reader would see it (normalised,
 * ignoring case), so no one can join as a look-alike of another person.
 */
export function nameTaken(room: Pick<RoomRecord, 'participants'>, name: string): boolean {
  const key = nameKey(name);
  return room.participants.some((p) => nameKey(p.name) === key);
}

export const NAME_TAKEN = 'Someone in this room already uses that name. Could you add an initial?';
