import { useEffect, useRef, useState } from 'react';
import type {
  CaucusMessage,
  FacilitatorEvent,
  HeldForYou,
  LogEntry,
  MessageAfter,
  MessageEvent,
  PrepMessage,
  PrepPartial,
  ReviewUpdate,
  RoomView,
} from '../../../shared/protocol.js';
import type { StoredRoom } from '../credentials.js';
import { SeqFeed } from './sequence.js';
import { call, connectRoom, type RoomSocket } from './socket.js';
import type { Connection } from './types.js';

export interface RoomConnection {
  socket: RoomSocket | null;
  view: RoomView | null;
  log: LogEntry[];
  connection: Connection;
  deleted: boolean;
  /** This person's messages still held for review when the socket (re)connected, oldest first. */
  heldOnConnect: HeldForYou[];
  /** Adds an entry the sender already has (the ack of a delivered message). */
  addEntry: (entry: LogEntry) => void;
  /** The room's shown heat after the delivered message `seq` (its event's or its ack's); an older one is ignored. */
  heatAfter: (seq: number, heat: number) => void;
  /** Private prep replies pushed by the server. */
  onPrep: (listener: (m: PrepMessage) => void) => () => void;
  /** A preparation reply as it is being written (the final one comes through onPrep). */
  onPrepPartial: (listener: (p: PrepPartial) => void) => () => void;
  /** Fresh suggestions for a message of this person's that is still held. */
  onReview: (listener: (u: ReviewUpdate) => void) => () => void;
  /** Caucus lines this person is part of (a mediator and one person), oldest first, each once. */
  caucus: CaucusMessage[];
  /** Adds caucus lines fetched with caucus:history (or an ack's), keeping each once and in time order. */
  addCaucus: (lines: CaucusMessage[]) => void;
}

/** Lines merged by id, in time order. */
export function mergeCaucus(have: CaucusMessage[], lines: CaucusMessage[]): CaucusMessage[] {
  const fresh = lines.filter((l) => !have.some((h) => h.id === l.id));
  return fresh.length === 0 ? have : [...have, ...fresh].sort((a, b) => a.at - b.at);
}

/** Listeners for one pushed event: subscribe returns the way to unsubscribe. */
function listeners<T>() {
  const set = new Set<(value: T) => void>();
  return {
    emit: (value: T) => set.forEach((l) => l(value)),
    subscribe: (listener: (value: T) => void) => {
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };
}

const REFUSED = 'This device’s key for the room does not work any more. The room may have been closed.';

/**
 * One live connection to a room: state, the log and presence. The log holds every entry once, in seq
 * order: entries that arrive early wait for the ones before them, a gap is fetched (SeqFeed), and a
 * reconnect catches up from the last seq up to which nothing is missing.
 */
export function useRoomConnection(creds: StoredRoom | null): RoomConnection {
  const [socket, setSocket] = useState<RoomSocket | null>(null);
  const [view, setView] = useState<RoomView | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [connection, setConnection] = useState<Connection>({ state: 'connecting' });
  const [deleted, setDeleted] = useState(false);
  const [heldOnConnect, setHeldOnConnect] = useState<HeldForYou[]>([]);
  const [caucus, setCaucus] = useState<CaucusMessage[]>([]);
  const feed = useRef<SeqFeed<LogEntry> | null>(null);
  const prepListeners = useRef(new Set<(m: PrepMessage) => void>());
  const partialListeners = useRef(listeners<PrepPartial>());
  const reviewListeners = useRef(listeners<ReviewUpdate>());

  const addEntries = (entries: LogEntry[]) => feed.current?.receive(entries);
  // The newest message whose heat is shown: events from several processes may arrive out of order.
  const heatSeq = useRef(0);
  const heatAfter = (seq: number, heat: number) => {
    if (seq <= heatSeq.current) return;
    heatSeq.current = seq;
    setView((prev) => (prev && prev.heat !== heat ? { ...prev, heat } : prev));
  };

  useEffect(() => {
    if (!creds) return;
    const s = connectRoom(creds.token);
    setSocket(s);
    let everConnected = false;
    const history = async (sinceSeq: number) => {
      const res = await call(s, 'history', { sinceSeq });
      return res.ok ? res.messages : null;
    };
    // Delivered entries come out in order and once each, so they are simply appended.
    const f = new SeqFeed<LogEntry>(history, (entries) => setLog((l) => [...l, ...entries]));
    setLog([]);
    feed.current = f;
    heatSeq.current = 0;

    s.on('connect', async () => {
      const wasReconnect = everConnected;
      everConnected = true;
      const missed = await f.catchUp();
      setConnection(wasReconnect ? { state: 'online', caughtUp: missed } : { state: 'online' });
    });
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setConnection({ state: 'offline' });
      // The server closed this connection (this person left or was taken out of the room, or the server is
      // stopping): socket.io does not reconnect by itself, so try once; a key that no longer works says so.
      if (reason === 'io server disconnect') setTimeout(() => !f.closed && !s.active && s.connect(), 500);
    });
    s.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        setConnection({ state: 'refused', message: REFUSED });
      } else {
        setConnection({ state: 'offline' });
        // Refused by the server because its storage did not answer: socket.io does not retry a
        // refusal by itself, so try again shortly (the token is still good).
        if (err.message === 'unavailable' && !s.active) setTimeout(() => !f.closed && s.connect(), 3000);
      }
    });
    s.on('room:state', (state) => setView((prev) => ({ ...state, you: state.you ?? prev?.you })));
    s.on('message', (m: MessageEvent, after?: MessageAfter) => {
      addEntries([m]);
      // A heat step comes with the message, not as a room:state of its own.
      if (after) heatAfter(m.seq, after.heat);
    });
    s.on('facilitator', (f: FacilitatorEvent) => addEntries([f]));
    s.on('prep:message', (m) => prepListeners.current.forEach((l) => l(m)));
    s.on('prep:partial', (p) => partialListeners.current.emit(p));
    s.on('message:review', (u) => reviewListeners.current.emit(u));
    s.on('message:held', (held) => setHeldOnConnect(held));
    s.on('caucus:message', (m) => setCaucus((c) => mergeCaucus(c, [m])));
    s.on('room:deleted', () => {
      setDeleted(true);
      s.disconnect();
    });
    return () => {
      f.close();
      if (feed.current === f) feed.current = null;
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [creds?.token]); // one socket per key: other fields of creds do not reconnect it

  return {
    socket,
    view,
    log,
    connection,
    deleted,
    heldOnConnect,
    addEntry: (e) => addEntries([e]),
    heatAfter,
    onPrep: (listener) => {
      prepListeners.current.add(listener);
      return () => prepListeners.current.delete(listener);
    },
    onPrepPartial: partialListeners.current.subscribe,
    onReview: reviewListeners.current.subscribe,
    caucus,
    addCaucus: (lines) => setCaucus((c) => mergeCaucus(c, lines)),
  };
}
