import type { RoomRecord } from '../../rooms/model.js';
import type { StoreChange } from '../memory.js';

/*
 * One change, one line of JSON: how the file store writes a StoreChange and reads it back. A room change
 * writes only the fields that differ from the record it replaces (unchanged fields are the same frozen
 * objects, so the comparison is by reference and costs a loop over the record's keys).
 */

type Fields = Record<string, unknown>;

/** The fields of `next` that are not the very same as in `prev`, and the ones `next` no longer has. */
export function roomDiff(prev: RoomRecord, next: RoomRecord): { set: Fields; del?: string[] } {
  const [p, n] = [prev as unknown as Fields, next as unknown as Fields];
  const set: Fields = {};
  const del: string[] = [];
  for (const key of Object.keys(n)) {
    if (n[key] === p[key]) continue;
    if (n[key] === undefined) del.push(key);
    else set[key] = n[key];
  }
  for (const key of Object.keys(p)) if (!(key in n) && p[key] !== undefined) del.push(key);
  return del.length > 0 ? { set, del } : { set };
}

function patched(current: RoomRecord, set: Fields, del: string[] = []): RoomRecord {
  const next: Fields = { ...(current as unknown as Fields), ...set };
  for (const key of del) delete next[key];
  return next as unknown as RoomRecord;
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

/** The line for a change, newline included. */
export function encodeChange(change: StoreChange): string {
  let out: Fields;
  switch (change.op) {
    case 'room':
      out = change.prev ? { op: 'room', ...roomDiff(change.prev, change.room) } : { op: 'room', room: change.room };
      break;
    case 'log': {
      const { op, entry, key } = change;
      out = key === undefined ? { op, entry } : { op, entry, key };
      if (change.room) Object.assign(out, change.prev ? roomDiff(change.prev, change.room) : { room: change.room });
      break;
    }
    case 'doc':
      out = { op: 'doc', update: b64(change.update) };
      break;
    case 'compact':
      out = { op: 'compact', snapshot: b64(change.snapshot), count: change.count };
      break;
    default:
      out = change;
  }
  return `${JSON.stringify(out)}\n`;
}

/**
 * The change a line stands for, given the room's current record (null before its creation). Throws on a
 * line that is not a change this store writes, so replay can stop at the first damaged line.
 */
export function decodeChange(line: string, current: RoomRecord | null): StoreChange {
  const raw = JSON.parse(line) as Fields;
  const op = raw.op;
  if (op === 'create') {
    if (typeof raw.room !== 'object' || raw.room === null) throw new Error('a room creation without a room');
    return raw as unknown as StoreChange;
  }
  if (!current) throw new Error(`a change (${String(op)}) before the room was created`);
  const room = (): RoomRecord | undefined =>
    raw.room
      ? (raw.room as RoomRecord)
      : raw.set
        ? patched(current, raw.set as Fields, raw.del as string[])
        : undefined;
  switch (op) {
    case 'room': {
      const next = room();
      if (!next) throw new Error('a room change without fields');
      return { op, room: next };
    }
    case 'log': {
      const entry = raw.entry as { seq?: unknown } | undefined;
      if (typeof entry !== 'object' || entry === null || typeof entry.seq !== 'number') throw new Error('a bad entry');
      const change = { op, entry, room: room() } as StoreChange & { op: 'log' };
      if (typeof raw.key === 'string') change.key = raw.key;
      if (!change.room) delete change.room;
      return change;
    }
    case 'doc':
      return { op, update: bytes(String(raw.update)) };
    case 'compact':
      return { op, snapshot: bytes(String(raw.snapshot)), count: Number(raw.count) };
    case 'token':
    case 'invite':
    case 'ticket':
    case 'untick':
    case 'prep':
    case 'unprep':
      return raw as unknown as StoreChange;
    default:
      throw new Error(`an unknown change (${String(op)})`);
  }
}
