import type { FloorView, TurnMode } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { facilitator } from './effects.js';
import type { Identity } from './model.js';
import { applyFloor, type FloorEvent } from './policies/floor.js';
import { roomView } from './view.js';
import { floorSettings, type RoomWork } from './work.js';

/** Whose turn it is: floor events and the turn mode. */

export async function floor(work: RoomWork, roomId: string, event: FloorEvent): Promise<FloorView> {
  const now = work.deps.now();
  const { room } = await work.change(roomId, (r) => {
    const out = applyFloor(r, event, now, floorSettings(work.deps));
    if (!out.ok) throw new AppError(out.code, out.message);
    if (!out.changed) return { result: undefined };
    return { room: { ...r, floor: out.floor, mode: out.mode }, result: undefined };
  });
  return roomView(room, new Set()).floor;
}

export async function setMode(work: RoomWork, who: Identity, mode: TurnMode): Promise<TurnMode> {
  const before = await work.room(who.roomId);
  await floor(work, who.roomId, { type: 'mode', mode, by: who.participantId });
  if (before.mode !== mode) {
    const room = await work.room(who.roomId);
    await work.carryOut(room, [facilitator({ say: 'modeChanged', mode })]);
  }
  return mode;
}
