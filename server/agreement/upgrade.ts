import { STATUS_CODES } from 'node:http';
import type stream from 'node:stream';

const PREFIX = '/yjs';
const ROOM_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface UpgradeTarget {
  /** null when the path is under /yjs but names no valid room: answered with 404. */
  roomId: string | null;
  /** The single-use ticket from POST /api/rooms/:roomId/yjs-ticket. */
  ticket: string | null;
  /** True when the URL carries ?token=: refused, so clients stop putting tokens in URLs (and logs). */
  tokenInUrl: boolean;
}

/** Reads /yjs/:roomId?ticket=... from an upgrade request; null when the path is not ours. */
export function parseUpgradeTarget(rawUrl: string | undefined): UpgradeTarget | null {
  let url: URL;
  try {
    url = new URL(rawUrl ?? '', 'http://localhost');
  } catch {
    return null;
  }
  if (url.pathname !== PREFIX && !url.pathname.startsWith(`${PREFIX}/`)) return null;
  const rest = url.pathname.slice(PREFIX.length + 1);
  let roomId: string | null = null;
  try {
    roomId = ROOM_ID.test(decodeURIComponent(rest)) ? decodeURIComponent(rest) : null;
  } catch {
    roomId = null;
  }
  return { roomId, ticket: url.searchParams.get('ticket'), tokenInUrl: url.searchParams.has('token') };
}

/** Refuses an upgrade with a plain HTTP response on the raw socket, then drops the socket. */
export function rejectUpgrade(socket: stream.Duplex, status: number): void {
  if (socket.destroyed) return;
  const body = STATUS_CODES[status] ?? 'Error';
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${body}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
