import type { CaucusMessage } from '../../../shared/protocol.js';
import type { RoomRecord } from '../model.js';

/** Lines kept per caucus: enough for a side talk, few enough to keep the room record small. */
export const CAUCUS_LINES = 100;

export type CaucusPair =
  | { ok: true; mediator: string; with: string }
  | { ok: false; code: 'forbidden' | 'not_found' | 'not_allowed'; message: string };

/**
 * Who a caucus line is between: one end is a mediator, the other the one person they talk with. A mediator
 * starts it with anyone in the room; the person answers a mediator. Nobody else is ever part of it.
 */
export function caucusPair(room: RoomRecord, fromId: string, toId: string): CaucusPair {
  const from = room.participants.find((p) => p.participantId === fromId);
  const to = room.participants.find((p) => p.participantId === toId);
  if (!from) return { ok: false, code: 'forbidden', message: 'You are not part of this room.' };
  if (!to) return { ok: false, code: 'not_found', message: 'There is no one with that id in this room.' };
  if (from === to) return { ok: false, code: 'not_allowed', message: 'A private talk needs someone else in it.' };
  if (from.role === 'mediator' && to.role !== 'mediator') return { ok: true, mediator: fromId, with: toId };
  if (to.role === 'mediator' && from.role !== 'mediator') return { ok: true, mediator: toId, with: fromId };
  return {
    ok: false,
    code: 'forbidden',
    message: 'A private talk is between a mediator and one person; please write to the mediator.',
  };
}

export const caucusKey = (mediator: string, withId: string) => `${mediator}:${withId}`;

export function withCaucusLine(room: RoomRecord, line: CaucusMessage): RoomRecord {
  const key = caucusKey(line.mediator, line.with);
  const lines = [...(room.caucus?.[key] ?? []), line].slice(-CAUCUS_LINES);
  return { ...room, caucus: { ...room.caucus, [key]: lines } };
}
