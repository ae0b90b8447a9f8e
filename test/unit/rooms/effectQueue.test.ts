import { describe, expect, it } from 'vitest';
import { EffectQueue } from '../../../server/rooms/effectQueue.js';
import { setLogLevel } from '../../../server/log.js';

/** Work that finishes only when released, so a test decides the order things could finish in. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

describe('EffectQueue', () => {
  it('runs one room’s work in the order it was queued, each after the one before has finished', async () => {
    const queue = new EffectQueue();
    const done: string[] = [];
    const first = gate();
    void queue.enqueue('r1', async () => {
      await first.opened;
      done.push('reflection');
    });
    void queue.enqueue('r1', async () => {
      done.push('clause offer');
    });
    await Promise.resolve();
    expect(done).toEqual([]);
    first.open();
    await queue.idle();
    expect(done).toEqual(['reflection', 'clause offer']);
  });

  it('does not hold one room up behind another', async () => {
    const queue = new EffectQueue();
    const slow = gate();
    const done: string[] = [];
    void queue.enqueue('r1', async () => {
      await slow.opened;
      done.push('r1');
    });
    await queue.enqueue('r2', async () => {
      done.push('r2');
    });
    expect(done).toEqual(['r2']);
    slow.open();
    await queue.idle();
    expect(done).toEqual(['r2', 'r1']);
    expect(queue.busyRooms).toBe(0);
  });

  it('carries on after a failure: the caller that waits hears of it, the work behind it still runs', async () => {
    setLogLevel('silent');
    const queue = new EffectQueue();
    const failed = queue.enqueue('r1', async () => {
      throw new Error('the engine did not answer');
    });
    const after = queue.enqueue('r1', async () => undefined);
    await expect(failed).rejects.toThrow('the engine did not answer');
    await expect(after).resolves.toBeUndefined();
    await queue.idle();
  });

  it('is idle only once work queued while waiting has run too', async () => {
    const queue = new EffectQueue();
    const done: string[] = [];
    void queue.enqueue('r1', async () => {
      void queue.enqueue('r2', async () => {
        done.push('queued from inside');
      });
      done.push('outer');
    });
    await queue.idle();
    expect(done).toEqual(['outer', 'queued from inside']);
  });
});
