import type http from 'node:http';
import type { Server } from 'socket.io';
import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { clientAddress } from './clientAddress.js';
import type { RateLimits } from './limits.js';

/**
 * The largest socket.io packet a legitimate client sends: a 4000-character message (or prep text)
 * whose characters JSON may escape to six bytes each (\u0000), plus the event name, clientMsgId and
 * framing. Anything bigger is refused by engine.io before it is buffered.
 */
export const MAX_SOCKET_PACKET_BYTES = 4000 * 6 + 8 * 1024;

/** A connection that has not authenticated (joined the namespace with a token) by then is closed. */
export const AUTH_TIMEOUT_MS = 5000;

/**
 * Connections per address that are open but not yet authenticated. A real client authenticates in
 * one round trip, so even a household behind one NAT rarely has more than a few at once.
 */
export const MAX_PENDING_PER_ADDRESS = 20;

export const BINARY_REFUSED = 'Binary data is not accepted here; this service speaks JSON only.';
export const TOO_MANY_PENDING = 'Too many connections from this address are still signing in. Please wait a moment.';
export const TOO_MANY_HANDSHAKES = 'Too many new connections from this address. Please wait a moment.';

/**
 * The protocol carries JSON only, so a packet announcing binary attachments (which the stock
 * decoder would keep in memory until its attachments arrive) or a bare binary frame is a protocol
 * error: the connection is closed before anything is buffered.
 */
class JsonOnlyDecoder extends Decoder {
  override add(obj: unknown): void {
    if (!isJsonPacket(obj)) throw new Error('binary packet refused');
    super.add(obj);
  }
}

function isJsonPacket(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  const type = Number(data[0]);
  return type !== PacketType.BINARY_EVENT && type !== PacketType.BINARY_ACK;
}

/** The socket.io `parser` option: the stock encoder, a decoder that refuses binary. */
export const jsonOnlyParser = { Encoder, Decoder: JsonOnlyDecoder };

interface Pending {
  address: string;
  done: boolean;
  timer?: NodeJS.Timeout;
}

/** Counts refused requests by error code (server/metrics.ts implements it). */
export interface RejectionCounter {
  rejected: { inc(labels: { code: string }): void };
}

export interface AdmissionDeps {
  limits: RateLimits;
  metrics: RejectionCounter;
  proxyHops: number;
  maxPendingPerAddress?: number;
  authTimeoutMs?: number;
}

/**
 * Engine.io admission: a handshake rate per address, a cap on unauthenticated connections per
 * address, and a clear refusal of binary packets. Returns the `allowRequest` hook; `attach` wires
 * the connection events once the Server exists.
 */
export function admission(deps: AdmissionDeps) {
  const maxPending = deps.maxPendingPerAddress ?? MAX_PENDING_PER_ADDRESS;
  const authTimeoutMs = deps.authTimeoutMs ?? AUTH_TIMEOUT_MS;
  const pendingByAddress = new Map<string, number>();
  // Keyed by the handshake request, which engine.io keeps as the connection's `request`.
  const byRequest = new WeakMap<http.IncomingMessage, Pending>();

  const release = (entry: Pending | undefined): void => {
    if (!entry || entry.done) return;
    entry.done = true;
    clearTimeout(entry.timer);
    const left = (pendingByAddress.get(entry.address) ?? 1) - 1;
    if (left <= 0) pendingByAddress.delete(entry.address);
    else pendingByAddress.set(entry.address, left);
  };

  type Answer = (err: string | null | undefined, ok: boolean) => void;
  const refuse = (code: 'rate_limited' | 'invalid_payload', message: string, cb: Answer) => {
    deps.metrics.rejected.inc({ code });
    cb(message, false);
  };

  /** engine.io calls this for handshakes only (requests without a session id). */
  const allowRequest = (req: http.IncomingMessage, cb: Answer): void => {
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], deps.proxyHops);
    if ((pendingByAddress.get(address) ?? 0) >= maxPending) return refuse('rate_limited', TOO_MANY_PENDING, cb);
    if (!deps.limits.allow('connect', `handshake:${address}`)) return refuse('rate_limited', TOO_MANY_HANDSHAKES, cb);
    const entry: Pending = { address, done: false };
    pendingByAddress.set(address, (pendingByAddress.get(address) ?? 0) + 1);
    byRequest.set(req, entry);
    // Released when the connection authenticates or closes; this covers a handshake that never
    // became a connection, and closes one that never authenticates.
    entry.timer = setTimeout(() => {
      release(entry);
      open.get(req)?.close();
    }, authTimeoutMs);
    entry.timer.unref();
    cb(null, true);
  };

  interface RawSocket {
    request: http.IncomingMessage;
    close(): void;
    write(data: string): void;
    on(event: 'packet', fn: (packet: { type: string; data?: unknown }) => void): void;
    once(event: 'close', fn: () => void): void;
  }
  const open = new WeakMap<http.IncomingMessage, RawSocket>();

  function attach(io: Server): void {
    io.engine.on('connection', (raw: RawSocket) => {
      const entry = byRequest.get(raw.request);
      open.set(raw.request, raw);
      raw.once('close', () => release(entry));
      // 'packet' fires before socket.io decodes the data, so the client hears why it is closed.
      raw.on('packet', (packet) => {
        if (packet.type !== 'message' || isJsonPacket(packet.data)) return;
        deps.metrics.rejected.inc({ code: 'invalid_payload' });
        // A CONNECT_ERROR on the main namespace reaches the client as connect_error with this text.
        const refusal = { message: BINARY_REFUSED, data: { code: 'invalid_payload' } };
        raw.write(`${PacketType.CONNECT_ERROR}${JSON.stringify(refusal)}`);
      });
    });
    io.on('connection', (socket) => release(byRequest.get(socket.conn.request)));
  }

  /** Unauthenticated connections per address, for tests and metrics. */
  const pending = (address: string): number => pendingByAddress.get(address) ?? 0;

  return { allowRequest, attach, pending };
}
