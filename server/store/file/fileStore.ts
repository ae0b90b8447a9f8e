import fs from 'node:fs';
import path from 'node:path';
import { log } from '../../log.js';
import { MemoryStore } from '../memory.js';
import { FileJournal, type JournalOptions } from './journal.js';
import { releaseLock, takeLock } from './lock.js';
import { replayFile } from './replay.js';
import { readEntries } from './coldEntries.js';

export interface FileStoreOptions extends JournalOptions {
  /** Where a damaged file is reported (one line each); default: the server log. */
  notice?: (line: string) => void;
}

/**
 * The durable embedded store: the memory store's records serve every read (a message costs what it costs
 * in memory, plus one line written), except a room's entries older than its newest HOT_ENTRIES, which are
 * read back from its file (coldEntries.ts); every change is first written to the room's file in
 * `<dir>/rooms/`. At start the files are replayed; a file cut short by a crash keeps every whole change
 * before the damage. One process per directory (a lock file says which).
 */
export class FileStore extends MemoryStore {
  override readonly kind = 'file' as const;

  private constructor(
    readonly dir: string,
    private readonly files: FileJournal,
  ) {
    super();
  }

  static async open(dir: string, options: FileStoreOptions = {}): Promise<FileStore> {
    const notice = options.notice ?? ((line: string) => log.warn(line));
    const roomsDir = path.join(dir, 'rooms');
    fs.mkdirSync(roomsDir, { recursive: true });
    takeLock(dir);
    let store: FileStore | undefined;
    const files = new FileJournal(roomsDir, (roomId) => store?.changesOf(roomId) ?? [], options);
    store = new FileStore(dir, files);
    try {
      store.load(roomsDir, notice);
    } catch (err) {
      files.close();
      releaseLock(dir);
      throw err;
    }
    store.journal = files;
    // Replayed whole; from now on a room's older entries live in its file, not in memory.
    store.readColdEntriesFrom((roomId, from, to) => readEntries(files.pathOf(roomId), from, to));
    return store;
  }

  private load(roomsDir: string, notice: (line: string) => void): void {
    for (const name of fs.readdirSync(roomsDir)) {
      const file = path.join(roomsDir, name);
      // A compaction cut short by a crash: the room's own file is still whole.
      if (name.endsWith('.tmp')) fs.rmSync(file, { force: true });
      if (!name.endsWith('.jsonl')) continue;
      const out = replayFile(file, this);
      if (out.roomId && this.files.pathOf(out.roomId) !== file) {
        notice(`Data store: ${name} holds room ${out.roomId}, which belongs in another file; it was left as it is.`);
        continue;
      }
      if (!out.damage) {
        if (out.roomId) this.files.adopt(out.roomId, out.lines);
        continue;
      }
      // Kept aside, never deleted: what could not be read may still be recovered by hand.
      const aside = `${file}.damaged-${Date.now()}`;
      fs.renameSync(file, aside);
      if (out.roomId) this.files.compact(out.roomId);
      notice(
        out.roomId
          ? `Data store: room ${out.roomId} was read up to a damaged line (${out.damage}); kept ${out.lines} ` +
              `changes, skipped ${out.skipped} lines; the original file is kept as ${aside}.`
          : `Data store: ${name} could not be read (${out.damage}); it is kept as ${aside}.`,
      );
    }
  }

  override async close(): Promise<void> {
    this.files.close();
    releaseLock(this.dir);
  }
}
