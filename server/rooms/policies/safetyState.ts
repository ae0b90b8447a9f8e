import type { Participant, RoomRecord } from '../model.js';

/**
 * What the other policies read of the room's safety state (policies/safety.ts keeps it): whether a
 * disclosure was just made or is recent, and who takes part as usual. No effects here, so any policy may
 * import it.
 */

/** Delivered messages after a disclosure during which the facilitator asks no one to respond or join in. */
export const HUSH_AFTER_DISCLOSURE = 8;

/** Within a few messages of a disclosure: no nudge, invitation or paraphrase request goes out. */
export function hushed(room: Pick<RoomRecord, 'sinceDisclosure'>): boolean {
  return room.sinceDisclosure !== undefined && room.sinceDisclosure < HUSH_AFTER_DISCLOSURE;
}

/** The message just counted in `room` is itself a disclosure: reflections and the agenda skip it. */
export function justDisclosed(room: Pick<RoomRecord, 'sinceDisclosure'>): boolean {
  return room.sinceDisclosure === 0;
}

/** Someone told of harm or fear this session: clause offers stop for the rest of it. */
export function anyDisclosure(room: Pick<RoomRecord, 'disclosedBy'>): boolean {
  return (room.disclosedBy?.length ?? 0) > 0;
}

/** Taking part as usual: not paused, not removed. */
export const isActive = (p: Pick<Participant, 'status'>): boolean => p.status === undefined;
