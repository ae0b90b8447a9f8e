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
