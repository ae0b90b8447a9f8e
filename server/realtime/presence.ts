/** Who is connected, by room and person; a person may have several tabs open. */
export class Presence {
  private readonly rooms = new Map<string, Map<string, number>>();

  add(roomId: string, participantId: string): void {
    const room = this.rooms.get(roomId) ?? new Map<string, number>();
    room.set(participantId, (room.get(participantId) ?? 0) + 1);
    this.rooms.set(roomId, room);
  }

  remove(roomId: string, participantId: string): void {
    const room = this.rooms.get(roomId);
    if (!room) return;
    const left = (room.get(participantId) ?? 1) - 1;
    if (left > 0) room.set(participantId, left);
    else room.delete(participantId);
    if (room.size === 0) this.rooms.delete(roomId);
  }

  online(roomId: string): Set<string> {
    return new Set(this.rooms.get(roomId)?.keys() ?? []);
  }

  activeRooms(): number {
    return this.rooms.size;
  }

  dropRoom(roomId: string): void {
    this.rooms.delete(roomId);
  }
}
