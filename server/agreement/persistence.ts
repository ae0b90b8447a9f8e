import type { Store } from '../store/types.js';

/**
 * Appends a room's document updates to the store in order, and every `compactEvery` updates
 * replaces what is stored by one snapshot. Writes run one after another on a promise chain so
 * that a compaction never overtakes the appends it replaces.
 */
export class DocPersistence {
  private chain: Promise<void> = Promise.resolve();
  private cancelled = false;

  constructor(
    private readonly store: Store,
    private readonly roomId: string,
    /** Updates already stored (what the document was loaded from). */
    private stored: number,
    private readonly compactEvery: number,
    private readonly snapshot: () => Uint8Array,
  ) {}

  append(update: Uint8Array): void {
    this.stored += 1;
    this.enqueue(() => this.store.appendDocUpdate(this.roomId, update));
    if (this.stored >= this.compactEvery) {
      // Taken now: it holds exactly the updates enqueued so far, which is what `count` replaces.
      const snapshot = this.snapshot();
      const count = this.stored;
      this.stored = 1;
      this.enqueue(() => this.store.compactDoc(this.roomId, snapshot, count));
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

  private enqueue(write: () => Promise<void>): void {
    this.chain = this.chain
      .then(() => (this.cancelled ? undefined : write()))
      .catch((err: unknown) => {
        console.error('agreement: document write failed', { roomId: this.roomId, error: (err as Error)?.name });
      });
  }
}
