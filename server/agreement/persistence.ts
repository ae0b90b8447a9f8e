import * as Y from 'yjs';
import { AppError } from '../errors.js';
import { log } from '../log.js';
import type { Store } from '../rooms/ports.js';

/**
 * Appends a room's document updates to the store in order, and every `compactEvery` updates
 * replaces what is stored by one snapshot. Writes run one after another on a promise chain so
 * that a compaction never overtakes the appends before it.
 *
 * The snapshot is built from the store, not from this process's document: with several processes
 * appending to one room, the store holds updates this process may not have applied yet, and a
 * compaction must never drop them. The store refuses a compaction whose first update changed
 * meanwhile (another process compacted first), which is fine: that one did the work.
 */
export class DocPersistence {
  private chain: Promise<void> = Promise.resolve();
  private cancelled = false;
  private sinceCompaction: number;

  constructor(
    private readonly store: Store,
    private readonly roomId: string,
    /** Updates already stored (what the document was loaded from). */
    stored: number,
    private readonly compactEvery: number,
    /** Bytes of what was loaded: with every append, about what the store holds for this document. */
    public storedBytes = 0,
  ) {
    this.sinceCompaction = stored;
  }

  /** Stores an update; resolves once stored, rejects if the store refused it. */
  append(update: Uint8Array): Promise<void> {
    this.sinceCompaction += 1;
    this.storedBytes += update.byteLength;
    const written = this.enqueue(() => this.store.appendDocUpdate(this.roomId, update));
    if (this.sinceCompaction >= this.compactEvery) {
      this.sinceCompaction = 1;
      void this.enqueue(() => this.compact()).catch(() => undefined);
    }
    return written;
  }

  /**
   * The document unloads: its updates become one snapshot after the writes before, so an idle room's
   * store holds (and its next load reads) one update, not up to `compactEvery` - 1 of them.
   */
  compactNow(): Promise<void> {
    if (this.sinceCompaction < 2) return this.flushed();
    this.sinceCompaction = 1;
    return this.enqueue(() => this.compact()).catch(() => undefined);
  }

  private async compact(): Promise<void> {
    const updates = await this.store.loadDocUpdates(this.roomId);
    if (updates.length < 2) return;
    const doc = new Y.Doc();
    try {
      for (const update of updates) Y.applyUpdate(doc, update);
      const snapshot = Y.encodeStateAsUpdate(doc);
      const compacted = updates.reduce((n, u) => n + u.byteLength, 0);
      if (await this.store.compactDoc(this.roomId, snapshot, updates.length, updates[0])) {
        this.storedBytes = Math.max(snapshot.byteLength, this.storedBytes - compacted + snapshot.byteLength);
      }
    } finally {
      doc.destroy();
    }
  }

  /** Resolves when every write enqueued so far has finished. */
  flushed(): Promise<void> {
    return this.chain;
  }

  /** The room was deleted: writes still queued would only recreate what was removed. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Runs after every write before it; the chain goes on after a failure, the caller hears of it. */
  private enqueue(write: () => Promise<unknown>): Promise<void> {
    const run = this.chain.then(async () => {
      if (!this.cancelled) await write();
    });
    this.chain = run.catch((err: unknown) => {
      // The store refuses writes for a deleted room (not_found): nothing to report.
      if (err instanceof AppError && err.code === 'not_found') return;
      log.error(`agreement: document write failed (room ${this.roomId})`, err);
    });
    return run;
  }
}
