import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const providers: WebsocketProvider[] = [];

/** A stock y-websocket client, as any Yjs app would connect; destroyed after each test. */
export function provider(url: string, roomId: string, token: string): { doc: Y.Doc; p: WebsocketProvider } {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(url.replace('http', 'ws') + '/yjs', roomId, doc, { params: { token }, WebSocketPolyfill: WebSocket as never, disableBc: true });
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
