import type { OutcomesView } from '../../../shared/protocol.js';
import type { RoomRecord } from '../../rooms/model.js';
import { HEAT_SAMPLES } from '../../rooms/policies/outcomes.js';
import type { StoreChange } from '../memory.js';

/*
 * One change, one line of JSON: how the file store writes a StoreChange and reads it back. A room change
 * writes only the fields that differ from the record it replaces (unchanged fields are the same frozen
 * objects, so the comparison is by reference and costs a loop over the record's keys).
 */

type Fields = Record<string, unknown>;
type HeatSample = OutcomesView['heat'][number];

/**
 * The heat sample a change added to the room's outcomes, when that is all it did to their samples: `next`'s
 * are `prev`'s (the very same objects) with one more at the end, the oldest dropped past HEAT_SAMPLES, as
 * policies/outcomes.ts sampleHeat makes them on every delivered message. Then a line carries that sample
 * alone, not all of them again (up to 200: 7 KB a line once a room is 200 messages old).
 */
function addedSample(prev: OutcomesView | undefined, next: OutcomesView | undefined): HeatSample | undefined {
  if (!prev || !next || prev.heat === next.heat) return undefined;
  const [p, n] = [prev.heat, next.heat];
  if (n.length === 0 || n.length !== Math.min(p.length + 1, HEAT_SAMPLES)) return undefined;
  const kept = n.length - 1;
  for (let i = 0; i < kept; i++) if (n[i] !== p[p.length - kept + i]) return undefined;
  return n[kept];
}

/**
 * The fields of `next` that are not the very same as in `prev`, and the ones `next` no longer has. When the
 * outcomes' heat samples only gained one, `outcomes` goes without them and `heatSample` is the one added.
 */
export function roomDiff(prev: RoomRecord, next: RoomRecord): { set: Fields; del?: string[]; heatSample?: HeatSample } {
  const [p, n] = [prev as unknown as Fields, next as unknown as Fields];
  const set: Fields = {};
  const del: string[] = [];
  for (const key of Object.keys(n)) {
    if (n[key] === p[key]) continue;
    if (n[key] === undefined) del.push(key);
    else set[key] = n[key];
  }
  for (const key of Object.keys(p)) if (!(key in n) && p[key] !== undefined) del.push(key);
  const out: { set: Fields; del?: string[]; heatSample?: HeatSample } = { set };
  if (del.length > 0) out.del = del;
  const sample = set.outcomes ? addedSample(prev.outcomes, next.outcomes) : undefined;
  if (sample && next.outcomes) {
    const { heat: _samples, ...rest } = next.outcomes;
    set.outcomes = rest;
    out.heatSample = sample;
  }
  return out;
}

/** The record a line's fields make of `current`: the fields set and deleted, and a heat sample added. */
function patched(current: RoomRecord, set: Fields, del: string[] = [], heatSample?: HeatSample): RoomRecord {
  const next: Fields = { ...(current as unknown as Fields), ...set };
  for (const key of del) delete next[key];
  if (heatSample) {
    const outcomes = next.outcomes as Omit<OutcomesView, 'heat'> | undefined;
    if (!outcomes) throw new Error('a heat sample without outcomes');
    const samples = [...(current.outcomes?.heat ?? []), heatSample].slice(-HEAT_SAMPLES);
    next.outcomes = { ...outcomes, heat: samples };
  }
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
        ? patched(current, raw.set as Fields, raw.del as string[], raw.heatSample as HeatSample | undefined)
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
