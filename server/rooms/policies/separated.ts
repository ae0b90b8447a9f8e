import type { PendingRelay, RoomRecord } from '../model.js';

/**
 * The room becomes a separated room: turns no longer apply (the mode is open and the floor empty),
 * held room messages and anything waiting stay with their senders. Null when it is one already.
 * Nobody can switch it back: the person who asked must not need anyone's agreement to stay safe.
 */
export function separateRoom(room: RoomRecord, now: number): RoomRecord | null {
  if (room.separated) return null;
  return {
    ...room,
    // The switch is announced as it happens.
    separated: { since: now, by: 'request', announced: true },
    mode: 'open',
    floor: { holder: null, queue: [], listener: null, stage: null, expiresAt: null },
    speakerWords: undefined,
  };
}

/** A pending point is its author's own: others cannot see, approve or drop it. */
export const relayKey = (participantId: string, clientMsgId: string) => `${participantId}:${clientMsgId}`;

/** At most this many points wait for one person's approval; a new one drops their oldest. */
export const PENDING_PER_PERSON = 5;

/** The room's pending points with `pending` added (or replacing its earlier words), bounded per person. */
export function withPending(relays: Record<string, PendingRelay> | undefined, pending: PendingRelay) {
  const key = relayKey(pending.participantId, pending.clientMsgId);
  const { [key]: _earlier, ...rest } = relays ?? {};
  const mine = Object.entries(rest)
    .filter(([, r]) => r.participantId === pending.participantId)
    .sort(([, a], [, b]) => a.at - b.at);
  const dropped = new Set(mine.slice(0, Math.max(0, mine.length - (PENDING_PER_PERSON - 1))).map(([k]) => k));
  const kept = Object.fromEntries(Object.entries(rest).filter(([k]) => !dropped.has(k)));
  return { ...kept, [key]: pending };
}

/** Whether the room should now tell everyone it is separated: once, when the joint session opens. */
export function announceSeparated(room: RoomRecord): RoomRecord | null {
  if (!room.separated || room.separated.announced || room.phase === 'prep') return null;
  return { ...room, separated: { ...room.separated, announced: true } };
}
