import { useEffect, useRef, useState } from 'react';
import type { FacilitatorEvent, LogEntry, MessageEvent, PrepMessage, RoomView } from '../../../shared/protocol.js';
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
  /** Adds an entry the sender already has (the ack of a delivered message). */
  addEntry: (entry: LogEntry) => void;
  /** Private prep replies pushed by the server. */
  onPrep: (listener: (m: PrepMessage) => void) => () => void;
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
  const feed = useRef<SeqFeed<LogEntry> | null>(null);
  const prepListeners = useRef(new Set<(m: PrepMessage) => void>());

  const addEntries = (entries: LogEntry[]) => feed.current?.receive(entries);

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

    s.on('connect', async () => {
      const wasReconnect = everConnected;
      everConnected = true;
      const missed = await f.catchUp();
      setConnection(wasReconnect ? { state: 'online', caughtUp: missed } : { state: 'online' });
    });
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setConnection({ state: 'offline' });
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
    s.on('message', (m: MessageEvent) => addEntries([m]));
    s.on('facilitator', (f: FacilitatorEvent) => addEntries([f]));
    s.on('prep:message', (m) => prepListeners.current.forEach((l) => l(m)));
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
    addEntry: (e) => addEntries([e]),
    onPrep: (listener) => {
      prepListeners.current.add(listener);
      return () => prepListeners.current.delete(listener);
    },
  };
}
