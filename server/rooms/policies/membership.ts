import { nameKey } from '../../../shared/names.js';
import type { RoomRecord } from '../model.js';

/**
 * Whether someone in the room already goes by this name, as a reader would see it (normalised,
 * ignoring case), so no one can join as a look-alike of another person.
 */
export function nameTaken(room: Pick<RoomRecord, 'participants'>, name: string): boolean {
  const key = nameKey(name);
  return room.participants.some((p) => nameKey(p.name) === key);
}

export const NAME_TAKEN = 'Someone in this room already uses that name. Could you add an initial?';
