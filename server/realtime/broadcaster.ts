import type { Server } from 'socket.io';
import type {
  CaucusMessage,
  LogEntry,
  PrepMessage,
  PrepPartial,
  ReviewUpdate,
  ServerToClientEvents,
} from '../../shared/protocol.js';
import type { RoomBroadcaster } from '../rooms/ports.js';
import type { RoomRecord } from '../rooms/model.js';
import { log } from '../log.js';
import { roomView, roundHeat } from '../rooms/view.js';
import { personChannel, roomChannel } from './channels.js';
import type { Presence } from './presence.js';

/** The room service's output, over socket.io. */
export class SocketBroadcaster implements RoomBroadcaster {
  /** Per room, the state being sent: states go out in the order the changes happened. */
  private readonly sending = new Map<string, Promise<void>>();
  /** Per room, the record of the last state queued and not yet sent. */
  private readonly queued = new Map<string, RoomRecord>();

  constructor(
    private readonly io: Server<never, ServerToClientEvents>,
    private readonly presence: Presence,
    /** Drops what this process (and, with Redis, every process) keeps in memory about the room. */
    private readonly purge: (roomId: string) => void = () => undefined,
  ) {}

  state(room: RoomRecord): void {
    const roomId = room.roomId;
    this.queued.set(roomId, room);
    const sent = (this.sending.get(roomId) ?? Promise.resolve())
      .then(async () => {
        const online = await this.presence.online(roomId);
        if (this.queued.get(roomId) === room) this.queued.delete(roomId);
        this.io.to(roomChannel(roomId)).emit('room:state', roomView(room, online));
      })
      .catch((err: unknown) => log.error('room:state not sent', err));
    this.sending.set(roomId, sent);
    void sent.then(() => {
      if (this.sending.get(roomId) === sent) this.sending.delete(roomId);
    });
  }

  entry(roomId: string, entry: LogEntry, except?: string, after?: RoomRecord): void {
    // An entry with visibleTo (a safety notice, a separated room's side) goes to those people only.
    const to = entry.visibleTo ? entry.visibleTo.map((id) => personChannel(roomId, id)) : roomChannel(roomId);
    // Every socket is in a room named by its id: leaving it out spares the sender's socket a second copy.
    const channel = except ? this.io.to(to).except(except) : this.io.to(to);
    if (entry.type !== 'message') channel.emit('facilitator', entry);
    else if (!after || entry.visibleTo) channel.emit('message', entry);
    else {
      // The room's shown heat rides with the message to the whole room: no room:state for a heat step alone.
      channel.emit('message', entry, { heat: roundHeat(after.heat) });
      // A state of an earlier change still on its way would land after this with an older heat: the room as
      // it is now follows it.
      const pending = this.queued.get(roomId);
      if (pending && pending !== after) this.state(after);
    }
  }

  prep(roomId: string, participantId: string, message: PrepMessage): void {
    this.io.to(personChannel(roomId, participantId)).emit('prep:message', message);
  }

  prepPartial(roomId: string, participantId: string, partial: PrepPartial): void {
    this.io.to(personChannel(roomId, participantId)).emit('prep:partial', partial);
  }

  review(roomId: string, participantId: string, update: ReviewUpdate): void {
    this.io.to(personChannel(roomId, participantId)).emit('message:review', update);
  }

  /**
   * `participantId` left the joint session: their screens get the room's state once more (to show it), then
   * leave the room's channel, on every process (the adapter carries socketsLeave). They keep their own channel.
   */
  removed(room: RoomRecord, participantId: string): void {
    const roomId = room.roomId;
    const person = personChannel(roomId, participantId);
    void this.presence
      .online(roomId)
      .then((online) => {
        this.io.to(person).emit('room:state', roomView(room, online));
        this.io.in(person).socketsLeave(roomChannel(roomId));
      })
      .catch((err: unknown) => log.error('removal not sent', err));
  }

  /** Back in the room's broadcasts, and the room as it is now (the state sent before they rejoined missed them). */
  readmitted(room: RoomRecord, participantId: string): void {
    const roomId = room.roomId;
    const person = personChannel(roomId, participantId);
    this.io.in(person).socketsJoin(roomChannel(roomId));
    void this.presence
      .online(roomId)
      .then((online) => this.io.to(person).emit('room:state', roomView(room, online)))
      .catch((err: unknown) => log.error('re-admission not sent', err));
  }

  caucus(roomId: string, message: CaucusMessage): void {
    this.io
      .to([personChannel(roomId, message.mediator), personChannel(roomId, message.with)])
      .emit('caucus:message', message);
  }

  left(roomId: string, participantId: string): void {
    this.io.in(personChannel(roomId, participantId)).disconnectSockets(true);
  }

  deleted(roomId: string): void {
    this.io.to(roomChannel(roomId)).emit('room:deleted', { roomId });
    this.io.in(roomChannel(roomId)).disconnectSockets(true);
    void this.presence.dropRoom(roomId).catch(() => undefined);
    this.queued.delete(roomId);
    this.purge(roomId);
  }
}
