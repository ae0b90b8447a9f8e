import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '../../../shared/protocol.js';
import type { AckOf, Payload, RoomEvent } from './actions.js';

export type RoomSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** WebSocket first (several server processes need no sticky sessions then); long-polling if it is blocked. */
export function connectRoom(token: string): RoomSocket {
  return io({ auth: { token }, reconnectionDelayMax: 4000, transports: ['websocket', 'polling'] });
}

const TIMEOUT_MS = 10_000;
const NO_ANSWER = 'The server did not answer in time. Please try again in a moment.';

/** Emits an event and resolves with its acknowledgement; a silent server becomes a kind failure. */
export function call<E extends RoomEvent>(socket: RoomSocket, event: E, payload: Payload<E>): Promise<AckOf<E>> {
  return new Promise((resolve) => {
    // socket.io's typed timeout().emit cannot follow a generic event name; the types are checked above.
    type LooseEmit = { emit: (e: string, p: unknown, cb: (err: unknown, r: unknown) => void) => void };
    const timed = socket.timeout(TIMEOUT_MS) as unknown as LooseEmit;
    timed.emit(event, payload, (err, res) => {
      if (err || !res) {
        const fail: Ack = { ok: false, error: { code: 'internal', message: NO_ANSWER } };
        resolve(fail as AckOf<E>);
      } else resolve(res as AckOf<E>);
    });
  });
}
