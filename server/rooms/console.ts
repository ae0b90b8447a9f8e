import type { ConsoleView } from '../../shared/protocol.js';
import { isModerator } from '../../shared/rules/floor.js';
import { AppError } from '../errors.js';
import type { Identity, RoomRecord } from './model.js';
import { outcomesOf } from './policies/outcomes.js';
import type { RoomWork } from './work.js';

/** How many messages each person has waiting for their own review: counts only, never the words. */
export function heldCounts(room: RoomRecord): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const h of Object.values(room.held)) counts[h.participantId] = (counts[h.participantId] ?? 0) + 1;
  return counts;
}

/** The mediator's console (and the host's): held counts and the room's outcomes so far. */
export async function consoleView(work: RoomWork, who: Identity): Promise<ConsoleView> {
  const room = await work.room(who.roomId);
  if (!isModerator(who.role)) {
    throw new AppError('forbidden', 'The console is for the host and mediators.');
  }
  return { held: heldCounts(room), outcomes: outcomesOf(room) };
}
