import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TicketedProvider } from '../../client/src/agreementSocket.js';

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
