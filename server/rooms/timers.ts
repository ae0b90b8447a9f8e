import type { RoomClock } from './ports.js';
import type { RoomRecord } from './model.js';

/** The room's next deadline: a break that ends, or a floor whose time runs out. */
export function nextDeadline(room: Pick<RoomRecord, 'break' | 'floor'>): number | null {
  const times = [room.break?.endsAt, room.floor.expiresAt].filter((t): t is number => typeof t === 'number');
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * One timer per room, re-armed from the stored deadline after every change, so a deadline is
 * never kept only in memory. Firing twice is harmless: the tick is an atomic store update.
 */
export class RoomTimers implements RoomClock {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly onDue: (roomId: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  sync(room: RoomRecord): void {
    this.clear(room.roomId);
    const due = nextDeadline(room);
    if (due === null) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(room.roomId);
        this.onDue(room.roomId);
      },
      Math.max(0, due - this.now()) + 5,
    );
    timer.unref();
    this.timers.set(room.roomId, timer);
  }

  clear(roomId: string): void {
    const timer = this.timers.get(roomId);
    if (timer) clearTimeout(timer);
    this.timers.delete(roomId);
  }

  close(): void {
    for (const roomId of [...this.timers.keys()]) this.clear(roomId);
  }
}
