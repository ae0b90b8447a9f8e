import { useEffect, useRef, useState } from 'react';
import type { FacilitatorEvent, LogEntry, MessageEvent, PrepMessage, RoomView } from '../../shared/protocol.js';
import type { StoredRoom } from './credentials.js';
import { call, connectRoom, type RoomSocket } from './socket.js';

export type Connection =
  | { state: 'connecting' }
  | { state: 'online'; caughtUp?: number }
  | { state: 'offline' }
  | { state: 'refused'; message: string };

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

function merge(log: LogEntry[], more: LogEntry[]): LogEntry[] {
  if (more.length === 0) return log;
  const bySeq = new Map<number, LogEntry>();
  for (const e of log) bySeq.set(e.seq, e);
  for (const e of more) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** One live connection to a room: state, the log (caught up from the last seq after a reconnect), presence. */
export function useRoom(creds: StoredRoom | null): RoomConnection {
  const [socket, setSocket] = useState<RoomSocket | null>(null);
  const [view, setView] = useState<RoomView | null>(null);
  const [log, setLog] = useState<LogEntry[]>([]);
  const [connection, setConnection] = useState<Connection>({ state: 'connecting' });
  const [deleted, setDeleted] = useState(false);
  const lastSeq = useRef(0);
  const prepListeners = useRef(new Set<(m: PrepMessage) => void>());

  const addEntries = (entries: LogEntry[]) => {
    for (const e of entries) lastSeq.current = Math.max(lastSeq.current, e.seq);
    setLog((l) => merge(l, entries));
  };

  useEffect(() => {
    if (!creds) return;
    const s = connectRoom(creds.token);
    setSocket(s);
    let everConnected = false;

    s.on('connect', async () => {
      const wasReconnect = everConnected;
      everConnected = true;
      const res = await call(s, 'history', { sinceSeq: lastSeq.current });
      if (res.ok) addEntries(res.messages);
      const missed = res.ok ? res.messages.length : 0;
      setConnection(wasReconnect ? { state: 'online', caughtUp: missed } : { state: 'online' });
    });
    s.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect') setConnection({ state: 'offline' });
    });
    s.on('connect_error', (err) => {
      if (err.message === 'unauthorized') {
        setConnection({ state: 'refused', message: 'This device’s key for the room does not work any more. The room may have been closed.' });
      } else setConnection({ state: 'offline' });
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
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [creds?.token]); // eslint-disable-line react-hooks/exhaustive-deps

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
