import type { RoomEffect } from './effects.js';
import type { NewLogEntry, RoomRecord } from './model.js';
import type { RoomDeps, UpdateAndAppend } from './ports.js';

/**
 * The room's unit of work, as the concerns of the room service (membership, turns, breaks,
 * agreementPhase) and the message pipeline use it; RoomService implements it.
 */
export interface RoomWork {
  readonly deps: RoomDeps;
  /** The room, or AppError not_found. */
  room(roomId: string): Promise<RoomRecord>;
  /**
   * Applies a pure change atomically, re-arms the room's timer, and publishes the new state when
   * something people see changed. AppErrors thrown inside are passed on.
   */
  change<T>(
    roomId: string,
    update: (room: RoomRecord) => { room?: RoomRecord; result: T },
  ): Promise<{ room: RoomRecord; result: T }>;
  /**
   * change() and the log entry it comes with, in one atomic step (store.updateRoomAndAppend): with a
   * dedupe key used before, nothing changes and the first entry comes back. `from`: the record the
   * caller read, where the store may start. `heatRides`: the caller broadcasts the entry to the whole room
   * with the room's shown heat (RoomBroadcaster.entry's `after`), so a change of the heat alone sends no
   * `room:state`.
   */
  changeAndAppend<T>(
    roomId: string,
    update: (room: RoomRecord) => { room: RoomRecord; result: T },
    entry: NewLogEntry,
    dedupeKey?: string,
    from?: RoomRecord,
    heatRides?: boolean,
  ): Promise<UpdateAndAppend<T>>;
  /** Publishes the room as it is and re-arms its timer. */
  published(room: RoomRecord): void;
  /** Carries out what a change decided should follow (rooms/effects.ts), in order. */
  carryOut(room: RoomRecord, effects: readonly RoomEffect[]): Promise<void>;
  /**
   * The same, queued behind the effects queued earlier for this room (rooms/effectQueue.ts), so the
   * caller can answer first. The promise settles when they have been carried out; a caller that does
   * not wait must catch it (a failure is logged by the queue).
   */
  carryOutAfter(room: RoomRecord, effects: readonly RoomEffect[]): Promise<void>;
}

/** The floor's time limit from the room settings. */
export function floorSettings(deps: RoomDeps): { floorMs: number } {
  return { floorMs: deps.config.floorSeconds * 1000 };
}
