import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocFanout, FanoutKind } from '../../server/agreement/fanout.js';

type Heard = Array<{ kind: FanoutKind; payload: number[] }>;

/** Two processes' fan-outs on one backend; `shared` says whether one hears the other at all. */
export interface FanoutPair {
  a: DocFanout;
  b: DocFanout;
  shared: boolean;
}

/**
 * The agreement document fan-out contract: every implementation runs this same suite. A process
 * never hears itself; another process hears it only when the backend is shared (Redis), and
 * with a local fan-out a publish reaches no one.
 */
export function fanoutContract(name: string, make: () => Promise<FanoutPair>): void {
  describe(`Fanout contract: ${name}`, () => {
    let pair: FanoutPair;
    let id = 0;
    let roomId: string;
    beforeEach(async () => {
      pair = await make();
      roomId = `r_fanout_${process.pid}_${id++}`;
    });
    afterEach(async () => {
      await pair.a.close();
      await pair.b.close();
    });

    const listen = async (fanout: DocFanout, room: string) => {
      const heard: Heard = [];
      const stop = await fanout.subscribe(room, (kind, payload) => heard.push({ kind, payload: [...payload] }));
      return { heard, stop };
    };

    /**
     * Everything `from` published before this call has been delivered: it publishes a marker that
     * `to` waits for (one publisher's messages arrive in order). Without a shared backend, nothing
     * is in flight: one turn of the event loop.
     */
    const delivered = async (from: DocFanout, to: DocFanout) => {
      if (!pair.shared) return new Promise((resolve) => setImmediate(resolve));
      const marker = `${roomId}_marker_${id++}`;
      let arrived!: () => void;
      const done = new Promise<void>((resolve) => (arrived = resolve));
      const stop = await to.subscribe(marker, () => arrived());
      from.publish(marker, 'update', new Uint8Array([0]));
      await done;
      await stop();
    };

    it('subscribes to a function that stops', async () => {
      const stop = await pair.a.subscribe(roomId, () => undefined);
      expect(typeof stop).toBe('function');
      await expect(stop()).resolves.toBeUndefined();
      // Stopping twice is harmless.
      await expect(stop()).resolves.toBeUndefined();
    });

    it("delivers another process's updates, awareness and drops as they were sent", async () => {
      const b = await listen(pair.b, roomId);
      pair.a.publish(roomId, 'update', new Uint8Array([1, 2, 3]));
      pair.a.publish(roomId, 'awareness', new Uint8Array([4]));
      pair.a.publish(roomId, 'dropped', new Uint8Array([]));
      await delivered(pair.a, pair.b);
      const sent: Heard = [
        { kind: 'update', payload: [1, 2, 3] },
        { kind: 'awareness', payload: [4] },
        { kind: 'dropped', payload: [] },
      ];
      expect(b.heard).toEqual(pair.shared ? sent : []);
    });

    it('never hands a process what it published itself', async () => {
      const a = await listen(pair.a, roomId);
      const b = await listen(pair.b, roomId);
      pair.a.publish(roomId, 'update', new Uint8Array([1]));
      await delivered(pair.a, pair.b);
      // b's reply comes after a's own message on a's connection: when it is there, a's would be too.
      pair.b.publish(roomId, 'update', new Uint8Array([2]));
      await delivered(pair.b, pair.a);
      expect(b.heard).toEqual(pair.shared ? [{ kind: 'update', payload: [1] }] : []);
      expect(a.heard).toEqual(pair.shared ? [{ kind: 'update', payload: [2] }] : []);
    });

    it('keeps rooms apart', async () => {
      const b = await listen(pair.b, roomId);
      pair.a.publish(`${roomId}_elsewhere`, 'update', new Uint8Array([9]));
      await delivered(pair.a, pair.b);
      expect(b.heard).toEqual([]);
    });

    it('hears nothing more after stop', async () => {
      const b = await listen(pair.b, roomId);
      pair.a.publish(roomId, 'update', new Uint8Array([1]));
      await delivered(pair.a, pair.b);
      await b.stop();
      pair.a.publish(roomId, 'update', new Uint8Array([2]));
      await delivered(pair.a, pair.b);
      expect(b.heard).toEqual(pair.shared ? [{ kind: 'update', payload: [1] }] : []);
    });

    it('lets an old stop leave a newer subscription to the same room in place', async () => {
      const first = await listen(pair.b, roomId);
      const second = await listen(pair.b, roomId);
      await first.stop();
      pair.a.publish(roomId, 'update', new Uint8Array([7]));
      await delivered(pair.a, pair.b);
      expect(first.heard).toEqual([]);
      expect(second.heard).toEqual(pair.shared ? [{ kind: 'update', payload: [7] }] : []);
    });
  });
}
