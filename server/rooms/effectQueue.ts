import { AppError } from '../errors.js';
import { log } from '../log.js';

/**
 * What follows a delivered message (the facilitator's words, the agenda hearing it) runs after its
 * sender is answered, one room's work after another in the order it was queued: a reflection never
 * overtakes the clause offer queued before it, and a failure is logged without dropping the work
 * queued behind it. Rooms do not wait for each other, and a room's effects wait for the input already
 * received (other people's messages are not held up behind the facilitator's words).
 */
export class EffectQueue {
  /** Per room, the end of its queue; a room with nothing queued has no entry. */
  private readonly tails = new Map<string, Promise<void>>();

  /**
   * Runs `work` after everything queued before it for this room. The promise is the work's own: a caller
   * that waits hears of a failure; one that does not must catch it (the queue has logged it already).
   */
  enqueue(roomId: string, work: () => Promise<void>): Promise<void> {
    // Started from the event loop's check phase: messages that came in meanwhile are delivered first.
    const run = (this.tails.get(roomId) ?? Promise.resolve()).then(afterPendingInput).then(work);
    const done = run.catch(logFailure);
    this.tails.set(roomId, done);
    void done.then(() => {
      if (this.tails.get(roomId) === done) this.tails.delete(roomId);
    });
    return run;
  }

  /** Resolves once every queue is empty, including work queued while waiting (shutdown, tests). */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }

  /** Rooms with work still queued (tests). */
  get busyRooms(): number {
    return this.tails.size;
  }
}

const afterPendingInput = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A room deleted meanwhile is not a failure: its effects have nowhere to go. */
function logFailure(err: unknown): void {
  if (err instanceof AppError && err.code === 'not_found') return;
  log.error('effects after a message not carried out', err);
}
