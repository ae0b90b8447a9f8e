import fs from 'node:fs';
import path from 'node:path';
import type { ChangeJournal, StoreChange } from '../memory.js';
import { log } from '../../log.js';
import { encodeChange } from './lines.js';

export type FsyncPolicy = 'always' | 'interval';

export interface JournalOptions {
  /** 'always': fsync after every change; 'interval' (default): fsync changed files every `fsyncMs`. */
  fsync?: FsyncPolicy;
  fsyncMs?: number;
  /** A room's file is compacted once it has this many lines more than twice its last compacted size. */
  compactAfter?: number;
  /** Files kept open at most (default MAX_OPEN); tests set a few, to let files go. */
  maxOpen?: number;
}

/**
 * Open files kept at most; the least recently written is closed first (reopened on its next change). A
 * quarter of the process's file limit, 256 to 4,096: with more rooms written in turn than files kept,
 * every change closed a file and opened another (the load sweep's 1,000 rooms against 256 files).
 */
const MAX_OPEN = Math.min(4096, Math.max(256, Math.floor(openFileLimit() / 4)));

/** The process's soft limit on open files (Linux's /proc), 1,024 where it cannot be read. */
function openFileLimit(): number {
  try {
    const m = /^Max open files\s+(\d+)/m.exec(fs.readFileSync('/proc/self/limits', 'utf8'));
    return m ? Number(m[1]) : 1024;
  } catch {
    return 1024;
  }
}

interface RoomFile {
  fd: number;
  /** Lines in the file, and lines right after its last compaction. */
  lines: number;
  base: number;
  dirty: boolean;
  /** fsyncs started on the libuv pool and not yet done. */
  syncing: number;
  /** Closed from the fsync's callback: the file was let go (too many open) while dirty. */
  closeAfterSync: boolean;
}

/** A file name for any room id: the id itself when it is plain, else its hex. */
export function roomFileName(roomId: string): string {
  return /^[A-Za-z0-9_-]{1,120}$/.test(roomId) ? `${roomId}.jsonl` : `x-${Buffer.from(roomId).toString('hex')}.jsonl`;
}

/**
 * One append-only file per room (rooms/<roomId>.jsonl), one line per change, written with a synchronous
 * write before the change is applied and acknowledged: once a write returns, the change is in the
 * operating system's hands and survives the process being killed (kill -9); fsync (per the policy)
 * makes it survive a power cut too. A room's file is rewritten from memory (compacted) as it grows, and
 * removed with the room.
 */
export class FileJournal implements ChangeJournal {
  private readonly files = new Map<string, RoomFile>();
  /** Line counts of files closed while open files were too many, so a reopen need not count them. */
  private readonly counts = new Map<string, { lines: number; base: number }>();
  private readonly due = new Set<string>();
  /** Files let go while dirty: closed once their fsync is done (or at once by `close()`). */
  private readonly closing = new Set<RoomFile>();
  private readonly timer: NodeJS.Timeout | undefined;
  private readonly fsync: FsyncPolicy;
  private readonly compactAfter: number;
  private readonly maxOpen: number;

  constructor(
    readonly dir: string,
    /** The changes that rebuild a room as it is now (the store's memory), for compaction. */
    private readonly snapshotOf: (roomId: string) => StoreChange[],
    options: JournalOptions = {},
  ) {
    this.fsync = options.fsync ?? 'interval';
    this.compactAfter = options.compactAfter ?? 2000;
    this.maxOpen = options.maxOpen ?? MAX_OPEN;
    if (this.fsync === 'interval') {
      this.timer = setInterval(() => this.flush(), options.fsyncMs ?? 1000);
      this.timer.unref();
    }
  }

  pathOf(roomId: string): string {
    return path.join(this.dir, roomFileName(roomId));
  }

  /** Tells the journal how many lines a room's file has (after replay at start). */
  adopt(roomId: string, lines: number): void {
    this.counts.set(roomId, { lines, base: lines });
  }

  write(roomId: string, change: StoreChange): void {
    // A creation starts the file afresh; every other change is appended.
    const file = change.op === 'create' ? this.open(roomId, 'w') : this.open(roomId, 'a');
    fs.writeSync(file.fd, encodeChange(change));
    file.lines += 1;
    if (this.fsync === 'always') fs.fsyncSync(file.fd);
    else file.dirty = true;
    if (file.lines > 2 * file.base + this.compactAfter && !this.due.has(roomId)) {
      this.due.add(roomId);
      // After the change is applied (this runs before that): the snapshot then holds it.
      queueMicrotask(() => this.compact(roomId));
    }
  }

  drop(roomId: string): void {
    this.close(roomId);
    this.counts.delete(roomId);
    fs.rmSync(this.pathOf(roomId), { force: true });
  }

  /**
   * Rewrites a room's file as the fewest changes that rebuild it (a new file, fsynced, renamed over the
   * old one: a crash midway leaves the old file whole).
   */
  compact(roomId: string): void {
    this.due.delete(roomId);
    const changes = this.snapshotOf(roomId);
    if (changes.length === 0) return;
    const target = this.pathOf(roomId);
    const temp = `${target}.tmp`;
    const fd = fs.openSync(temp, 'w');
    try {
      fs.writeSync(fd, changes.map(encodeChange).join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    this.close(roomId);
    fs.renameSync(temp, target);
    syncDir(this.dir);
    this.adopt(roomId, changes.length);
  }

  /**
   * Starts an fsync of every file written since the last flush. On the libuv pool, not this thread: with
   * a thousand rooms written every second, synchronous fsyncs held the event loop for half its time.
   */
  flush(): void {
    for (const file of this.files.values()) {
      if (!file.dirty) continue;
      file.dirty = false;
      this.syncLater(file);
    }
  }

  /** Closes a room's file (all files without an id), fsynced first if it was written since its last fsync. */
  close(roomId?: string): void {
    const ids = roomId === undefined ? [...this.files.keys()] : [roomId];
    for (const id of ids) {
      const file = this.files.get(id);
      if (!file) continue;
      this.files.delete(id);
      this.counts.set(id, { lines: file.lines, base: file.base });
      // an fsync still running on the pool may not have seen the last write: sync again, here
      if (file.dirty || file.syncing > 0) fs.fsyncSync(file.fd);
      fs.closeSync(file.fd);
    }
    if (roomId === undefined) {
      for (const file of this.closing) {
        file.closeAfterSync = false;
        fs.fsyncSync(file.fd);
        fs.closeSync(file.fd);
      }
      this.closing.clear();
      if (this.timer) clearInterval(this.timer);
    }
  }

  private syncLater(file: RoomFile): void {
    file.syncing += 1;
    fs.fsync(file.fd, (err) => {
      file.syncing -= 1;
      // Off the event loop there is no caller to throw to: the disk's failure is said in the log.
      if (err) log.error(`Data store: fsync failed (${this.dir})`, err);
      if (file.closeAfterSync && file.syncing === 0) {
        this.closing.delete(file);
        fs.close(file.fd, () => {});
      }
    });
  }

  /**
   * Lets go of the least recently written file when too many are open. A dirty one is fsynced on the pool
   * and closed after: with more rooms written than files kept open, this ran for nearly every message
   * (an fsync each, synchronous, before).
   */
  private evict(roomId: string): void {
    const file = this.files.get(roomId)!;
    this.files.delete(roomId);
    this.counts.set(roomId, { lines: file.lines, base: file.base });
    if (!file.dirty && file.syncing === 0) return fs.closeSync(file.fd);
    file.closeAfterSync = true;
    this.closing.add(file);
    if (file.dirty) {
      file.dirty = false;
      this.syncLater(file);
    }
  }

  private open(roomId: string, flags: 'a' | 'w'): RoomFile {
    let file = this.files.get(roomId);
    if (file && flags === 'w') {
      this.close(roomId);
      file = undefined;
    }
    if (file) {
      // Most recently written last: the first one is the one to close when too many are open.
      this.files.delete(roomId);
      this.files.set(roomId, file);
      return file;
    }
    const known = flags === 'w' ? { lines: 0, base: 0 } : (this.counts.get(roomId) ?? { lines: 0, base: 0 });
    this.counts.delete(roomId);
    file = { fd: fs.openSync(this.pathOf(roomId), flags), ...known, dirty: false, syncing: 0, closeAfterSync: false };
    this.files.set(roomId, file);
    if (this.files.size > this.maxOpen) this.evict(this.files.keys().next().value!);
    return file;
  }
}

/** A rename is durable once its directory is synced. */
export function syncDir(dir: string): void {
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
