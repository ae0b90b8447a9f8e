import type { Server } from 'socket.io';
import type { LogEntry, PrepMessage, ServerToClientEvents } from '../../shared/protocol.js';
import type { RoomBroadcaster } from '../rooms/deps.js';
import type { RoomRecord } from '../rooms/types.js';
import { roomView } from '../rooms/view.js';
import { personChannel, roomChannel } from './channels.js';
import type { Presence } from './presence.js';

/** The room service's output, over socket.io. */
export class SocketBroadcaster implements RoomBroadcaster {
  /** The last room:state sent per room: most messages change nothing people see, so none is sent. */
  private readonly lastState = new Map<string, string>();

  constructor(
    private readonly io: Server<never, ServerToClientEvents>,
    private readonly presence: Presence,
  ) {}

  state(room: RoomRecord): void {
    const view = roomView(room, this.presence.online(room.roomId));
    const json = JSON.stringify(view);
    if (this.lastState.get(room.roomId) === json) return;
    this.lastState.set(room.roomId, json);
    this.io.to(roomChannel(room.roomId)).emit('room:state', view);
  }

  entry(roomId: string, entry: LogEntry): void {
    if (entry.type === 'message') {
      this.io.to(roomChannel(roomId)).emit('message', entry);
      return;
    }
    const to = entry.visibleTo ? entry.visibleTo.map((id) => personChannel(roomId, id)) : roomChannel(roomId);
    this.io.to(to).emit('facilitator', entry);
  }

  prep(roomId: string, participantId: string, message: PrepMessage): void {
    this.io.to(personChannel(roomId, participantId)).emit('prep:message', message);
  }

  deleted(roomId: string): void {
    this.io.to(roomChannel(roomId)).emit('room:deleted', { roomId });
    this.io.in(roomChannel(roomId)).disconnectSockets(true);
    this.presence.dropRoom(roomId);
    this.lastState.delete(roomId);
  }
}
