import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TicketedProvider } from '../../client/src/agreement/agreementSocket.js';

/** POST /api/rooms/:roomId/yjs-ticket; null when the token is refused (as the web client treats it). */
export async function yjsTicket(url: string, roomId: string, token: string): Promise<string | null> {
  const res = await fetch(`${url}/api/rooms/${encodeURIComponent(roomId)}/yjs-ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status === 201) return ((await res.json()) as { ticket: string }).ticket;
  if ([401, 403, 404].includes(res.status)) return null;
  throw new Error(`yjs-ticket: ${res.status}`);
}

const providers: WebsocketProvider[] = [];

/** A stock y-websocket client, as any Yjs app would connect; destroyed after each test. */
export function provider(url: string, roomId: string, token: string): { doc: Y.Doc; p: WebsocketProvider } {
  const doc = new Y.Doc();
  // As the web client does: a fresh single-use ticket for every (re)connect, the token only in a header.
  const fetchTicket = () => yjsTicket(url, roomId, token);
  const p = new TicketedProvider(url.replace('http', 'ws') + '/yjs', roomId, doc, fetchTicket, {
    WebSocketPolyfill: WebSocket as never,
    disableBc: true,
  });
  providers.push(p);
  return { doc, p };
}

export function destroyProviders(): void {
  for (const p of providers.splice(0)) p.destroy();
}

/** Registers provider clean-up for a test file. */
export function useProviders(): void {
  afterEach(() => destroyProviders());
}

/** Polls until `check` holds, failing after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The WebSocket address of a room's agreement document for this person, with a fresh ticket. */
export async function yjsSocketUrl(url: string, roomId: string, token: string): Promise<string> {
  const ticket = await yjsTicket(url, roomId, token);
  if (!ticket) throw new Error('no ticket: the token was refused');
  return `${url.replace('http', 'ws')}/yjs/${roomId}?ticket=${encodeURIComponent(ticket)}`;
}

/**
 * A hand-driven y-websocket client: it syncs a local document from the server, then sends exactly
 * the updates a test gives it (as an attacker would), and records how the server closed it.
 */
export interface RawDocClient {
  doc: Y.Doc;
  send(update: Uint8Array): void;
  sendAwareness(update: Uint8Array): void;
  /** Resolves with the close code. */
  closed: Promise<number>;
  isOpen(): boolean;
  close(): void;
}

export async function rawDocClient(
  url: string,
  roomId: string,
  token: string,
  clientId?: number,
): Promise<RawDocClient> {
  const doc = new Y.Doc();
  if (clientId !== undefined) doc.clientID = clientId;
  const ws = new WebSocket(await yjsSocketUrl(url, roomId, token));
  ws.binaryType = 'arraybuffer';
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  let synced = false;
  ws.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    const step = syncProtocol.readSyncMessage(decoder, encoder, doc, 'server');
    if (step === syncProtocol.messageYjsSyncStep2) synced = true;
    if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const frame = (type: number, write: (e: encoding.Encoder) => void) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, type);
    write(e);
    ws.send(encoding.toUint8Array(e));
  };
  frame(0, (e) => syncProtocol.writeSyncStep1(e, doc));
  await until(() => synced);
  return {
    doc,
    send: (update) => frame(0, (e) => syncProtocol.writeUpdate(e, update)),
    sendAwareness: (update) => frame(1, (e) => encoding.writeVarUint8Array(e, update)),
    closed,
    isOpen: () => ws.readyState === WebSocket.OPEN,
    close: () => ws.close(),
  };
}
