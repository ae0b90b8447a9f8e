import type { AgreementSnapshot } from '../../shared/agreement.js';
import { AppError } from '../errors.js';
import type { Store } from '../rooms/ports.js';
import type { DocFanout, FanoutKind } from './fanout.js';
import { RoomDoc } from './roomDoc.js';

export interface RegistryOptions {
  store: Store;
  fanout: DocFanout;
  compactEvery: number;
  idleMs: number;
  maxDocBytes: number;
  now: () => number;
  onChange: (roomId: string, snapshot: AgreementSnapshot) => void;
  /** Another process deleted the room. */
  onDropped: (roomId: string) => void;
  /** A person's connections must close (they left, or were taken out of the room). */
  onLeft?: (roomId: string, participantId: string) => void;
}

/**
 * Which rooms' documents are in memory. A document is loaded once, however many connections ask
 * for it at the same time, and unloaded after it has been idle; a reload waits for the previous
 * instance's last writes so it never reads a store that is missing them.
 */
export class DocRegistry {
  private readonly docs = new Map<string, RoomDoc>();
  private readonly loading = new Map<string, Promise<RoomDoc>>();
  private readonly unloading = new Map<string, Promise<void>>();
  /** Per loaded document: stops hearing other processes about it. */
  private readonly unsubscribe = new Map<RoomDoc, () => Promise<void>>();
  private closed = false;

  constructor(private readonly opts: RegistryOptions) {}

  get size(): number {
    return this.docs.size;
  }

  /** The loaded document, loading it first if needed. Rejects with not_found if dropped meanwhile. */
  acquire(roomId: string): Promise<RoomDoc> {
    const loaded = this.docs.get(roomId);
    if (loaded) {
      loaded.touch();
      return Promise.resolve(loaded);
    }
    const inFlight = this.loading.get(roomId);
    if (inFlight) return inFlight;
    const ticket: { load?: Promise<RoomDoc> } = {};
    const load = (async () => {
      await this.unloading.get(roomId);
      // Hear the other processes before reading the store, so no update falls in between;
      // what arrives while loading is applied after (Yjs updates apply in any order, twice is harmless).
      let room: RoomDoc | undefined;
      const early: [FanoutKind, Uint8Array][] = [];
      const stop = await this.opts.fanout.subscribe(roomId, (kind, payload) => {
        if (kind === 'dropped') this.opts.onDropped(roomId);
        else if (kind === 'left') this.opts.onLeft?.(roomId, new TextDecoder().decode(payload));
        else if (room) room.applyRemote(kind, payload);
        else early.push([kind, payload]);
      });
      const [updates, record] = await Promise.all([
        this.opts.store.loadDocUpdates(roomId),
        this.opts.store.getRoom(roomId),
      ]).catch(async (err: unknown) => {
        await stop();
        throw err;
      });
      // Dropped (room deleted) or shut down while the store was answering.
      if (this.closed || !record || this.loading.get(roomId) !== ticket.load) {
        await stop();
        throw new AppError('not_found', 'The room is gone.');
      }
      const loaded: RoomDoc = new RoomDoc(roomId, updates, record, {
        store: this.opts.store,
        compactEvery: this.opts.compactEvery,
        idleMs: this.opts.idleMs,
        maxDocBytes: this.opts.maxDocBytes,
        now: this.opts.now,
        onIdle: () => this.unload(loaded),
        onBroken: () => this.discard(loaded),
        onChange: (snapshot) => this.opts.onChange(roomId, snapshot),
        publish: (kind, payload) => this.opts.fanout.publish(roomId, kind, payload),
      });
      room = loaded;
      for (const [kind, payload] of early)
        if (kind === 'update' || kind === 'awareness') loaded.applyRemote(kind, payload);
      this.unsubscribe.set(loaded, stop);
      this.docs.set(roomId, loaded);
      return loaded;
    })();
    ticket.load = load;
    this.loading.set(roomId, load);
    const settle = () => {
      if (this.loading.get(roomId) === load) this.loading.delete(roomId);
    };
    load.then(settle, settle);
    return load;
  }

  /** The room was deleted: forget its document now, without writing anything more. */
  drop(roomId: string): void {
    this.loading.delete(roomId);
    const room = this.docs.get(roomId);
    if (!room) return;
    this.docs.delete(roomId);
    room.persistence.cancel();
    room.destroy();
    void this.stopHearing(room);
  }

  /** A copy that may differ from the store: forget it now; the next use loads it afresh. */
  private discard(room: RoomDoc): void {
    if (this.docs.get(room.roomId) !== room) return;
    this.docs.delete(room.roomId);
    room.persistence.cancel();
    room.destroy();
    void this.stopHearing(room);
  }

  private async stopHearing(room: RoomDoc): Promise<void> {
    const stop = this.unsubscribe.get(room);
    this.unsubscribe.delete(room);
    await stop?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const room of [...this.docs.values()]) this.unload(room);
    await Promise.allSettled([...this.loading.values()]);
    await Promise.all([...this.unloading.values()]);
  }

  private unload(room: RoomDoc): void {
    if (this.docs.get(room.roomId) !== room) return;
    this.docs.delete(room.roomId);
    room.destroy();
    const flushed = room
      .settled()
      .then(() => room.persistence.compactNow())
      .then(() => this.stopHearing(room));
    this.unloading.set(room.roomId, flushed);
    void flushed.then(() => {
      if (this.unloading.get(room.roomId) === flushed) this.unloading.delete(room.roomId);
    });
  }
}
