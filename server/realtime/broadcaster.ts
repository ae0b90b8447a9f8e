import type { Server } from 'socket.io';
import type { LogEntry, PrepMessage, ServerToClientEvents } from '../../shared/protocol.js';
import type { RoomBroadcaster } from '../rooms/deps.js';
import type { RoomRecord } from '../rooms/types.js';
import { roomView } from '../rooms/view.js';
import { personChannel, roomChannel } from './channels.js';
import type { Presence } from './presence.js';

/** The room service's output, over socket.io. */
export class SocketBroadcaster implements RoomBroadcaster {
  constructor(
    private readonly io: Server<never, ServerToClientEvents>,
    private readonly presence: Presence,
  ) {}

  state(room: RoomRecord): void {
    this.io.to(roomChannel(room.roomId)).emit('room:state', roomView(room, this.presence.online(room.roomId)));
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
  }
}
