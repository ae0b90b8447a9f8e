import type { BreakView, ErrorCode } from '../../../shared/protocol.js';
import type { RoomRecord } from '../model.js';
import { isModerator } from '../../../shared/rules/floor.js';

/** Breaks as pure functions: who may start and end one, and when one is over. */

export type BreakOutcome =
  | { ok: true; break: BreakView | null; changed: boolean }
  | { ok: false; code: ErrorCode; message: string };

export function startBreak(room: RoomRecord, by: string, minutes: number, now: number): BreakOutcome {
  const role = room.participants.find((p) => p.participantId === by)?.role;
  if (by !== 'facilitator' && (role === undefined || role === 'observer')) {
    return { ok: false, code: 'forbidden', message: 'Only people in the conversation can call a break.' };
  }
  // Asking again during a break is not an error: the break that is running stands.
  if (room.break && room.break.endsAt > now) return { ok: true, break: room.break, changed: false };
  return { ok: true, break: { startedAt: now, endsAt: now + minutes * 60_000, requestedBy: by }, changed: true };
}

export function endBreak(room: RoomRecord, by: string): BreakOutcome {
  const role = room.participants.find((p) => p.participantId === by)?.role;
  if (role === undefined || !isModerator(role)) {
    return {
      ok: false,
      code: 'forbidden',
      message: 'The break ends on its own when the time is up, or when the host ends it.',
    };
  }
  if (!room.break) return { ok: false, code: 'not_allowed', message: 'There is no break running.' };
  return { ok: true, break: null, changed: true };
}

export function isOnBreak(room: Pick<RoomRecord, 'break'>, now: number): boolean {
  return room.break !== null && room.break.endsAt > now;
}

/** A break whose time is up ends at the next tick. */
export function breakIsOver(room: Pick<RoomRecord, 'break'>, now: number): boolean {
  return room.break !== null && room.break.endsAt <= now;
}
