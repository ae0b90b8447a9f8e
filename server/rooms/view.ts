import type { AgendaView, HeldForYou, RoomView } from '../../shared/protocol.js';
import type { AgendaRecord, RoomRecord } from './model.js';
import { breakView } from './policies/breaks.js';

/** What people see of a room: never held texts, prep or shared-point bookkeeping. */
export function roomView(room: RoomRecord, online: ReadonlySet<string>, you?: RoomView['you']): RoomView {
  return {
    roomId: room.roomId,
    title: room.title,
    kind: room.kind,
    mode: room.mode,
    phase: room.phase,
    participants: room.participants.map((p) => ({
      participantId: p.participantId,
      name: p.name,
      role: p.role,
      online: online.has(p.participantId),
      ...(p.status ? { status: p.status } : {}),
      stage: p.stage ?? 'joint',
    })),
    floor: { ...room.floor, stage: room.floor.stage ?? undefined },
    break: breakView(room.break),
    heat: roundHeat(room.heat),
    ...(room.agenda ? { agenda: agendaView(room.agenda) } : {}),
    ...(room.separated ? { separated: true } : {}),
    recordMode: room.recordMode ?? 'confidential',
    expiresAt: room.expiresAt,
    ...(room.deletionNotice
      ? { deletion: { noticeAt: room.deletionNotice.at, deletableAt: room.deletionNotice.deletableAt } }
      : {}),
    ...(you ? { you } : {}),
  };
}

/** This person's own held messages, oldest first: never anyone else's, whose words stay theirs. */
export function heldFor(room: RoomRecord, participantId: string): HeldForYou[] {
  return Object.values(room.held)
    .filter((h) => h.participantId === participantId)
    .sort((a, b) => a.heldAt - b.heldAt)
    .map(({ clientMsgId, text, review }) => ({ clientMsgId, text, review }));
}

/** The agenda as people see it: topics without the words kept to match clauses. */
export function agendaView(agenda: AgendaRecord): AgendaView {
  return {
    topics: agenda.topics.map(({ id, title, status, by }) => ({ id, title, status, by })),
    current: agenda.current,
  };
}

export function namesOf(room: RoomRecord): Record<string, string> {
  return Object.fromEntries(room.participants.map((p) => [p.participantId, p.name]));
}

/** Shown heat moves in steps of 0.1: a gentle gauge, and small drifts do not re-send the room's state. */
export function roundHeat(heat: number): number {
  return Math.round(heat * 10) / 10;
}

const NOBODY: ReadonlySet<string> = new Set();

/** Whether people would see a difference between two versions of a room (presence aside). */
export function visiblyChanged(before: RoomRecord, after: RoomRecord): boolean {
  return viewChange(before, after) !== 'none';
}

type Person = RoomRecord['participants'][number];

/** The same as sameJson of the two people's entries in roomView (presence aside). */
function samePersonView(a: Person, b: Person): boolean {
  return (
    a === b ||
    (a.participantId === b.participantId &&
      a.name === b.name &&
      a.role === b.role &&
      (a.status || undefined) === (b.status || undefined) &&
      (a.stage ?? 'joint') === (b.stage ?? 'joint'))
  );
}

/**
 * What people would see change between two versions of a room (presence aside): nothing, only the shown
 * heat (which a delivered message's event carries, so it needs no `room:state`), or more. The same answer
 * as comparing the two roomViews with sameJson (test/unit/rooms/view.test.ts checks it against that), field
 * by field and without building the views: this runs on every change, and parts a change did not touch are
 * the very same objects.
 */
export function viewChange(before: RoomRecord, after: RoomRecord): 'none' | 'heat' | 'more' {
  const a = before;
  const b = after;
  const more =
    a.roomId !== b.roomId ||
    a.title !== b.title ||
    a.kind !== b.kind ||
    a.mode !== b.mode ||
    a.phase !== b.phase ||
    a.expiresAt !== b.expiresAt ||
    (a.recordMode ?? 'confidential') !== (b.recordMode ?? 'confidential') ||
    !a.separated !== !b.separated ||
    !sameParticipantsView(a.participants, b.participants) ||
    (a.floor !== b.floor &&
      !sameJson(
        { ...a.floor, stage: a.floor.stage ?? undefined },
        { ...b.floor, stage: b.floor.stage ?? undefined },
      )) ||
    (a.break !== b.break && !sameJson(breakView(a.break), breakView(b.break))) ||
    (a.agenda !== b.agenda &&
      !sameJson(a.agenda ? agendaView(a.agenda) : undefined, b.agenda ? agendaView(b.agenda) : undefined)) ||
    (a.deletionNotice !== b.deletionNotice &&
      !sameJson(
        a.deletionNotice ? { noticeAt: a.deletionNotice.at, deletableAt: a.deletionNotice.deletableAt } : undefined,
        b.deletionNotice ? { noticeAt: b.deletionNotice.at, deletableAt: b.deletionNotice.deletableAt } : undefined,
      ));
  if (more) return 'more';
  return roundHeat(a.heat) === roundHeat(b.heat) ? 'none' : 'heat';
}

function sameParticipantsView(a: readonly Person[], b: readonly Person[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!samePersonView(a[i], b[i])) return false;
  return true;
}

/** The views of a room as roomView builds them, compared as JSON: what viewChange must agree with. */
export function viewChangeByViews(before: RoomRecord, after: RoomRecord): 'none' | 'heat' | 'more' {
  const a = roomView(before, NOBODY);
  const b = roomView(after, NOBODY);
  if (a.heat === b.heat) return sameJson(a, b) ? 'none' : 'more';
  b.heat = a.heat;
  return sameJson(a, b) ? 'heat' : 'more';
}

/**
 * Whether two JSON-like values would serialise the same (a key whose value is undefined is left out, as
 * JSON.stringify does, key order aside), without building the strings: this runs on every change.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  // Keys counted and compared in place (no arrays of keys: this runs on every change).
  let defined = 0;
  for (const k in x) {
    if (!Object.hasOwn(x, k) || x[k] === undefined) continue;
    defined++;
    if (!sameJson(x[k], y[k])) return false;
  }
  for (const k in y) if (Object.hasOwn(y, k) && y[k] !== undefined) defined--;
  return defined === 0;
}
