import type { RoomRecord } from '../model.js';

/**
 * The room becomes a separated room: turns no longer apply (the mode is open and the floor empty),
 * held room messages and anything waiting stay with their senders. Null when it is one already.
 * Nobody can switch it back: the person who asked must not need anyone's agreement to stay safe.
 */
export function separateRoom(room: RoomRecord, now: number): RoomRecord | null {
  if (room.separated) return null;
  return {
    ...room,
    separated: { since: now, by: 'request' },
    mode: 'open',
    floor: { holder: null, queue: [], listener: null, stage: null, expiresAt: null },
    speakerWords: undefined,
  };
}

/** A pending point is its author's own: others cannot see, approve or drop it. */
export const relayKey = (participantId: string, clientMsgId: string) => `${participantId}:${clientMsgId}`;
