import type { BreakView } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { SAFETY_PAUSE } from '../facilitator/types.js';
import { facilitator } from './effects.js';
import type { Identity, RoomRecord } from './model.js';
import { breakIsOver, breakView, endBreak as endingBreak, startBreak } from './policies/breaks.js';
import { applyFloor } from './policies/floor.js';
import { countBreak } from './policies/outcomes.js';
import { quietPause } from './policies/safety.js';
import { floorSettings, type RoomWork } from './work.js';

/** Breaks, and the room's deadlines (a break that is over, a floor whose time is up). */

export async function requestBreak(work: RoomWork, who: Identity, minutes?: number, quiet = false): Promise<BreakView> {
  const length = minutes ?? work.deps.config.breakMinutes;
  if (quiet) return quietBreak(work, who, length);
  return beginBreak(work, who.roomId, who.participantId, length);
}

/** A pause that names no one (policies/safety.ts quietPause): announced as the facilitator's, if it is new. */
async function quietBreak(work: RoomWork, who: Identity, minutes: number): Promise<BreakView> {
  const now = work.deps.now();
  const { room, result } = await work.change(who.roomId, (r) => {
    const out = quietPause(r, who.participantId, minutes, now);
    if (!out.ok) throw new AppError(out.code, out.message);
    const calm = out.started ? { heat: 0, hotStreak: 0, outcomes: countBreak(r) } : {};
    return { room: { ...r, break: out.break, ...calm }, result: out.started };
  });
  if (result) work.deps.metrics.breaksStarted?.inc();
  if (result) await work.carryOut(room, [facilitator({ say: 'breakStarted', minutes, by: SAFETY_PAUSE })]);
  return breakView(room.break) as BreakView;
}

/** Starts a break; a safety pause (called by the facilitator) keeps whose message caused it, server-side only. */
export async function beginBreak(
  work: RoomWork,
  roomId: string,
  by: string,
  minutes: number,
  safetyCausedBy?: string,
): Promise<BreakView> {
  const now = work.deps.now();
  const { room, result } = await work.change(roomId, (r) => {
    const out = startBreak(r, by, minutes, now, safetyCausedBy);
    if (!out.ok) throw new AppError(out.code, out.message);
    const started = { ...r, break: out.break, heat: 0, hotStreak: 0, outcomes: countBreak(r) };
    return out.changed ? { room: started, result: out } : { result: out };
  });
  if (result.changed) work.deps.metrics.breaksStarted?.inc();
  if (result.changed) await work.carryOut(room, [facilitator({ say: 'breakStarted', minutes, by })]);
  return breakView(room.break) as BreakView;
}

export async function endBreak(work: RoomWork, who: Identity): Promise<void> {
  const { room } = await work.change(who.roomId, (r) => {
    const out = endingBreak(r, who.participantId);
    if (!out.ok) throw new AppError(out.code, out.message);
    return { room: { ...r, break: null }, result: undefined };
  });
  await afterBreak(work, room);
}

async function afterBreak(work: RoomWork, room: RoomRecord): Promise<void> {
  await work.carryOut(room, [facilitator({ say: 'recap' })]);
  const last = (await work.deps.store.tailLog(room.roomId, 1))[0]?.seq ?? 0;
  await work.deps.store.updateRoom(room.roomId, (r) => ({ room: { ...r, recapFromSeq: last }, result: undefined }));
}

/** A deadline passed: end a break that is over, pass a floor whose time is up. */
export async function tick(work: RoomWork, roomId: string): Promise<void> {
  const now = work.deps.now();
  const out = await work.deps.store.updateRoom(roomId, (r) => {
    const endsBreak = breakIsOver(r, now);
    const floor = applyFloor(r, { type: 'tick' }, now, floorSettings(work.deps));
    const floorChanged = floor.ok && floor.changed;
    if (!endsBreak && !floorChanged) return { result: false };
    const next = { ...r, break: endsBreak ? null : r.break, floor: floor.ok ? floor.floor : r.floor };
    return { room: next, result: endsBreak };
  });
  if (!out) return;
  work.published(out.room);
  // Only the update that actually ended the break speaks, so a recap is said once.
  if (out.result) await afterBreak(work, out.room);
}
