/**
 * Who is connected, by room and person; a person may have several tabs open, on several
 * processes. One interface, two implementations: this process only, or every process via Redis.
 */
export interface Presence {
  add(roomId: string, participantId: string): Promise<void>;
  remove(roomId: string, participantId: string): Promise<void>;
  online(roomId: string): Promise<Set<string>>;
  /** Rooms with a connection on this process (for /metrics). */
  activeRooms(): number;
  dropRoom(roomId: string): Promise<void>;
  close(): Promise<void>;
}

/** Connection counts per room and person, in this process (cluster/presence.ts uses them too). */
export class LocalCounts {
  readonly rooms = new Map<string, Map<string, number>>();

  add(roomId: string, participantId: string): number {
    const room = this.rooms.get(roomId) ?? new Map<string, number>();
    const count = (room.get(participantId) ?? 0) + 1;
    room.set(participantId, count);
    this.rooms.set(roomId, room);
    return count;
  }

  remove(roomId: string, participantId: string): number {
    const room = this.rooms.get(roomId);
    if (!room) return 0;
    const left = (room.get(participantId) ?? 1) - 1;
    if (left > 0) room.set(participantId, left);
    else room.delete(participantId);
    if (room.size === 0) this.rooms.delete(roomId);
    return left;
  }

  people(roomId: string): Set<string> {
    return new Set(this.rooms.get(roomId)?.keys() ?? []);
  }
}

/** The embedded default: one process knows every connection. */
export class MemoryPresence implements Presence {
  private readonly counts = new LocalCounts();

  async add(roomId: string, participantId: string): Promise<void> {
    this.counts.add(roomId, participantId);
  }

  async remove(roomId: string, participantId: string): Promise<void> {
    this.counts.remove(roomId, participantId);
  }

  async online(roomId: string): Promise<Set<string>> {
    return this.counts.people(roomId);
  }

  activeRooms(): number {
    return this.counts.rooms.size;
  }

  async dropRoom(roomId: string): Promise<void> {
    this.counts.rooms.delete(roomId);
  }

  async close(): Promise<void> {}
}
