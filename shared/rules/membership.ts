import { LIMITS, type ErrorCode, type Role, type RoomKind } from '../protocol.js';
import { isParty } from './floor.js';

/** What room size depends on: the server's record and the client's RoomView both fit. */
export interface SizedRoom {
  kind: RoomKind;
  participants: readonly { role: Role }[];
}

type Refusal = { ok: false; code: ErrorCode; message: string };

/** Whether one more person with `role` may join: a couple's room is for two, every room has a size. */
export function mayJoin(room: SizedRoom, role: Role): { ok: true } | Refusal {
  if (isParty(role)) {
    const max = LIMITS.partiesPerKind[room.kind];
    const parties = room.participants.filter((p) => isParty(p.role)).length;
    if (parties < max) return { ok: true };
    return {
      ok: false,
      code: 'conflict',
      message:
        room.kind === 'couple'
          ? 'This room is for two people, and both have already joined.'
          : `This room already has the ${max} people it can hold.`,
    };
  }
  const supporters = room.participants.filter((p) => p.role === 'observer' || p.role === 'mediator').length;
  if (supporters < LIMITS.supportersPerRoom) return { ok: true };
  const message = `This room already has ${LIMITS.supportersPerRoom} observers and mediators.`;
  return { ok: false, code: 'conflict', message };
}

/** Whether an invite for `role` could still be used: a link the server would refuse only disappoints. */
export function mayInvite(room: SizedRoom, role: Role): boolean {
  return mayJoin(room, role).ok;
}
