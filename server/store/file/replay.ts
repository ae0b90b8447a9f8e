import fs from 'node:fs';
import type { MemoryStore } from '../memory.js';
import { decodeChange } from './lines.js';

export interface Replayed {
  /** The room the file holds, when its first line could be read. */
  roomId?: string;
  /** Changes applied. */
  lines: number;
  /** Why replay stopped early (a damaged or cut-short line), or undefined when the file was read whole. */
  damage?: string;
  /** Lines not applied after the damage. */
  skipped: number;
}

/**
 * Applies a room file's changes to the store, in order, up to the first line that cannot be read (a line
 * cut short by a crash mid-write, or damaged): what follows a damaged line is not applied, so the room is
 * always as it was after some change that was acknowledged.
 */
export function replayFile(file: string, store: MemoryStore): Replayed {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  // A file ends with a newline: the last piece is empty unless the last write was cut short.
  const tail = lines.pop() ?? '';
  let roomId: string | undefined;
  let seq = 0;
  for (let i = 0; i < lines.length; i++) {
    try {
      const change = decodeChange(lines[i], roomId === undefined ? null : store.currentRoom(roomId));
      if (roomId === undefined) {
        if (change.op !== 'create') throw new Error('the file does not start with its room');
        roomId = change.room.roomId;
      } else if (change.op === 'create') throw new Error('a second room in one file');
      if (change.op === 'log' && change.entry.seq !== ++seq) throw new Error(`entry ${change.entry.seq} out of order`);
      store.apply(roomId, change);
    } catch (err) {
      const skipped = lines.length - i + (tail ? 1 : 0);
      return { roomId, lines: i, damage: `line ${i + 1}: ${(err as Error).message}`, skipped };
    }
  }
  if (tail) return { roomId, lines: lines.length, damage: `line ${lines.length + 1} was cut short`, skipped: 1 };
  return { roomId, lines: lines.length, skipped: 0 };
}
