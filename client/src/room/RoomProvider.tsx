import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type {
  CaucusMessage,
  HeldForYou,
  LogEntry,
  PrepMessage,
  PrepPartial,
  ReviewUpdate,
  RoomView,
} from '../../../shared/protocol.js';
import type { StoredRoom } from '../credentials.js';
import { createActions, NOT_CONNECTED, type AckOf, type RoomActions } from './actions.js';
import { call } from './socket.js';
import type { Connection, Me } from './types.js';
import { useRoomConnection } from './useRoomConnection.js';

export interface RoomState {
  creds: StoredRoom;
  me: Me;
  view: RoomView | null;
  /** Names by participantId, from the view. */
  names: Map<string, string>;
  log: LogEntry[];
  connection: Connection;
  deleted: boolean;
  /** This person's messages still held for review when the socket (re)connected, oldest first. */
  heldOnConnect: HeldForYou[];
  /** A connection exists, so actions reach the server (buffered by socket.io until it connects). */
  ready: boolean;
  /** Adds an entry the sender already has (the ack of a delivered message). */
  addEntry: (entry: LogEntry) => void;
  /** Private prep replies pushed by the server. */
  onPrep: (listener: (m: PrepMessage) => void) => () => void;
  /** A preparation reply as it is being written (the final one comes through onPrep). */
  onPrepPartial: (listener: (p: PrepPartial) => void) => () => void;
  /** Fresh suggestions for a message of this person's that is still held. */
  onReview: (listener: (u: ReviewUpdate) => void) => () => void;
  /** Caucus lines this person is part of (a mediator and one person), oldest first. */
  caucus: CaucusMessage[];
  addCaucus: (lines: CaucusMessage[]) => void;
}

const RoomContext = createContext<RoomState | null>(null);
const ActionsContext = createContext<RoomActions | null>(null);

/** Owns the room's socket for its children: they read the room with useRoom() and act with useRoomActions(). */
export function RoomProvider({ creds, children }: { creds: StoredRoom; children: ReactNode }) {
  const room = useRoomConnection(creds);
  const { socket, view, heatAfter } = room;
  const actions = useMemo(
    () =>
      createActions(async (event, payload) => {
        if (!socket) return NOT_CONNECTED as AckOf<typeof event>;
        const res = await call(socket, event, payload);
        // A delivered message's answer carries the room's heat after it (the others get it with the message).
        const r = res as { ok: boolean; status?: string; seq?: number; heat?: number };
        if (r.ok && r.status === 'delivered' && typeof r.seq === 'number' && typeof r.heat === 'number')
          heatAfter(r.seq, r.heat);
        return res;
      }),
    // heatAfter only sets state (through a ref and a setter that do not change): a new socket, new actions.
    [socket],
  );
  const participants = view?.participants;
  const names = useMemo(() => new Map((participants ?? []).map((p) => [p.participantId, p.name])), [participants]);
  const state: RoomState = {
    creds,
    me: { participantId: creds.participantId, role: creds.role, name: creds.name },
    view,
    names,
    log: room.log,
    connection: room.connection,
    deleted: room.deleted,
    heldOnConnect: room.heldOnConnect,
    ready: socket !== null,
    addEntry: room.addEntry,
    onPrep: room.onPrep,
    onPrepPartial: room.onPrepPartial,
    onReview: room.onReview,
    caucus: room.caucus,
    addCaucus: room.addCaucus,
  };
  return (
    <ActionsContext.Provider value={actions}>
      <RoomContext.Provider value={state}>{children}</RoomContext.Provider>
    </ActionsContext.Provider>
  );
}

export function useRoom(): RoomState {
  const room = useContext(RoomContext);
  if (!room) throw new Error('useRoom() needs a <RoomProvider> above it');
  return room;
}

export function useRoomActions(): RoomActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error('useRoomActions() needs a <RoomProvider> above it');
  return actions;
}
