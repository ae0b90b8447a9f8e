import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../shared/protocol.js';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** WebSocket first (several server processes need no sticky sessions then); long-polling if it is blocked. */
export function connectRoom(token: string): RoomSocket {
  return io({ auth: { token }, reconnectionDelayMax: 4000, transports: ['websocket', 'polling'] });
}

type Payload<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends keyof ClientToServerEvents> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

const TIMEOUT_MS = 10_000;

/** Emits an event and resolves with its acknowledgement; a silent server becomes a kind failure. */
export function call<E extends keyof ClientToServerEvents>(socket: RoomSocket, event: E, payload: Payload<E>): Promise<AckOf<E>> {
  return new Promise((resolve) => {
    const timed = socket.timeout(TIMEOUT_MS) as unknown as { emit: (e: string, p: unknown, cb: (err: unknown, r: unknown) => void) => void };
    timed.emit(event, payload, (err, res) => {
      if (err || !res) {
        const fail: Ack = { ok: false, error: { code: 'internal', message: 'The server did not answer in time. Please try again in a moment.' } };
        resolve(fail as AckOf<E>);
      } else resolve(res as AckOf<E>);
    });
  });
}

/** The id the server gives a point shared from private prep (it mirrors the gateway's hash). */
export function shareMsgId(text: string): string {
  const t = text.trim();
  let h = 2166136261;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619);
  return `share-${(h >>> 0).toString(36)}`;
}

export function newMsgId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
