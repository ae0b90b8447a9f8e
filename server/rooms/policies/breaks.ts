import type { BreakView, ErrorCode } from '../../../shared/protocol.js';
import type { BreakRecord, RoomRecord } from '../model.js';
import { mayEndBreak } from '../../../shared/rules/breaks.js';

/** Breaks as pure functions: who may start and end one, and when one is over. */

export type BreakOutcome =
  | { ok: true; break: BreakRecord | null; changed: boolean }
  | { ok: false; code: ErrorCode; message: string };

/**
 * Starts a break asked for by `by` (a participant id, or 'facilitator'). A safety pause names the
 * sender whose message caused it in `safetyCausedBy`: kept in the record, never in what people see.
 */
export function startBreak(
  room: RoomRecord,
  by: string,
  minutes: number,
  now: number,
  safetyCausedBy?: string,
): BreakOutcome {
  const role = room.participants.find((p) => p.participantId === by)?.role;
  if (by !== 'facilitator' && (role === undefined || role === 'observer')) {
    return { ok: false, code: 'forbidden', message: 'Only people in the conversation can call a break.' };
  }
  // Asking again during a break is not an error: the break that is running stands.
  if (room.break && room.break.endsAt > now) return { ok: true, break: room.break, changed: false };
  const started: BreakRecord = { startedAt: now, endsAt: now + minutes * 60_000, requestedBy: by };
  const cause = by === 'facilitator' && safetyCausedBy !== undefined ? { safetyCausedBy } : {};
  return { ok: true, break: { ...started, ...cause }, changed: true };
}

const WAITS = 'Otherwise it ends by itself when the time is up.';

/** Why `by` may not end this break, in words that neither blame nor tell whose message paused the room. */
function refusal(room: RoomRecord, brk: BreakRecord, by: string): string {
  if (brk.requestedBy !== 'facilitator') {
    const asker = room.participants.find((p) => p.participantId === brk.requestedBy)?.name ?? 'someone else';
    return `This break was asked for by ${asker}; they or a mediator can end it early. ${WAITS}`;
  }
  if (brk.sharedQuietly) return 'This pause ends by itself when the time is up; a mediator can end it early.';
  if (brk.safetyCausedBy === by) {
    return `Let’s give this pause its time: a mediator can end it early. ${WAITS}`;
  }
  // The same words whatever called the pause: they must not tell whose message caused a safety pause.
  return 'The facilitator called this pause; it ends by itself when the time is up.';
}

export function endBreak(room: RoomRecord, by: string): BreakOutcome {
  const who = room.participants.find((p) => p.participantId === by);
  if (!room.break) {
    if (who === undefined || who.role === 'observer') {
      return { ok: false, code: 'forbidden', message: 'The break ends on its own when the time is up.' };
    }
    return { ok: false, code: 'not_allowed', message: 'There is no break running.' };
  }
  // A quiet pause is its asker's (and the mediators'), though it shows as the facilitator's.
  const { askedQuietlyBy: quietly, sharedQuietly } = room.break;
  const may = sharedQuietly
    ? who?.role === 'mediator'
    : quietly
      ? who?.participantId === quietly || who?.role === 'mediator'
      : who && mayEndBreak(room.break, who);
  if (who === undefined || !may) {
    return { ok: false, code: 'forbidden', message: refusal(room, room.break, by) };
  }
  return { ok: true, break: null, changed: true };
}

/** What people see of a break: who asked and when it ends, never whose message caused a safety pause. */
export function breakView(brk: BreakRecord | null): BreakView | null {
  return brk && { startedAt: brk.startedAt, endsAt: brk.endsAt, requestedBy: brk.requestedBy };
}

export function isOnBreak(room: Pick<RoomRecord, 'break'>, now: number): boolean {
  return room.break !== null && room.break.endsAt > now;
}

/** A break whose time is up ends at the next tick. */
export function breakIsOver(room: Pick<RoomRecord, 'break'>, now: number): boolean {
  return room.break !== null && room.break.endsAt <= now;
}
