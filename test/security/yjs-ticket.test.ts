import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { agreementServerUrl, TicketedProvider, ticketParams } from '../../client/src/agreement/agreementSocket.js';
import { hashSecret } from '../../server/auth/credentials.js';
import { createRoom, http, useServer } from '../helpers/server.js';
import { upgradeStatus } from '../integration/agreementHelpers.js';
import { until } from '../helpers/yjs.js';

/** Issue 8, /yjs upgrade: the token never travels in a URL; a single-use ticket does. */
const server = useServer();

const wsUrl = () => `${server().url.replace('http', 'ws')}/yjs`;

const upgrade = upgradeStatus;

async function ticket(roomId: string, token: string): Promise<{ status: number; json: any }> {
  return http(server().url, 'POST', `/api/rooms/${roomId}/yjs-ticket`, undefined, token);
}

describe('POST /api/rooms/:roomId/yjs-ticket', () => {
  it("gives a short-lived, random ticket for the caller's own room only", async () => {
    const host = await createRoom(server().url);
    const other = await createRoom(server().url);
    const res = await ticket(host.roomId, host.token);
    expect(res.status).toBe(201);
    // 24 random bytes, base64url.
    expect(res.json.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.json.expiresAt - Date.now()).toBeGreaterThan(20_000);
    expect(res.json.expiresAt - Date.now()).toBeLessThanOrEqual(30_000);
    expect((await ticket(host.roomId, 'x'.repeat(32))).status).toBe(401);
    expect((await http(server().url, 'POST', `/api/rooms/${host.roomId}/yjs-ticket`)).status).toBe(401);
    expect((await ticket(other.roomId, host.token)).status).toBe(403);
  });

  it('stores tickets hashed, never as they are', async () => {
    const host = await createRoom(server().url);
    const { json } = await ticket(host.roomId, host.token);
    const tickets = (server().app.store as any).tickets as Map<string, unknown>;
    expect(tickets.has(json.ticket)).toBe(false);
    expect(tickets.has(hashSecret(json.ticket))).toBe(true);
  });
});

describe('/yjs upgrade', () => {
  it('admits a ticket once; a second use is refused', async () => {
    const host = await createRoom(server().url);
    const { json } = await ticket(host.roomId, host.token);
    expect(await upgrade(`${wsUrl()}/${host.roomId}?ticket=${json.ticket}`)).toBe(101);
    expect(await upgrade(`${wsUrl()}/${host.roomId}?ticket=${json.ticket}`)).toBe(401);
  });

  it('refuses an expired ticket', async () => {
    const host = await createRoom(server().url);
    const raw = 'expired-ticket-expired-ticket-00';
    const { roomId, participantId } = host;
    const record = { roomId, participantId, role: 'host' as const, expiresAt: Date.now() + 30 };
    await server().app.store.putTicket(hashSecret(raw), record, 30);
    await new Promise((r) => setTimeout(r, 100));
    expect(await upgrade(`${wsUrl()}/${host.roomId}?ticket=${raw}`)).toBe(401);
  });

  it('refuses a ticket for another room (and spends it)', async () => {
    const host = await createRoom(server().url);
    const other = await createRoom(server().url);
    const { json } = await ticket(host.roomId, host.token);
    expect(await upgrade(`${wsUrl()}/${other.roomId}?ticket=${json.ticket}`)).toBe(403);
    expect(await upgrade(`${wsUrl()}/${host.roomId}?ticket=${json.ticket}`)).toBe(401);
  });

  it('refuses a ticket whose room was deleted', async () => {
    const host = await createRoom(server().url);
    const { json } = await ticket(host.roomId, host.token);
    expect((await http(server().url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    expect(await upgrade(`${wsUrl()}/${host.roomId}?ticket=${json.ticket}`)).toBe(401);
  });

  it('refuses a token in the URL, even a valid one, and even beside a valid ticket', async () => {
    const host = await createRoom(server().url);
    expect(await upgrade(`${wsUrl()}/${host.roomId}?token=${host.token}`)).toBe(401);
    const { json } = await ticket(host.roomId, host.token);
    expect(await upgrade(`${wsUrl()}/${host.roomId}?ticket=${json.ticket}&token=${host.token}`)).toBe(401);
  });
});

/** A WebSocket stand-in that records the URLs a provider opens and lets the test close them. */
function recordingSocket(urls: string[], sockets: { close(code: number): void }[]) {
  return class FakeSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    readyState = 0;
    binaryType = 'arraybuffer';
    onopen: (() => void) | null = null;
    onclose: ((e: { code: number; reason: string }) => void) | null = null;
    onmessage: ((e: unknown) => void) | null = null;
    onerror: ((e: unknown) => void) | null = null;
    constructor(readonly url: string) {
      urls.push(url);
      sockets.push(this);
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.();
      }, 0);
    }
    send(): void {}
    close(code = 1006): void {
      if (this.readyState === 3) return;
      this.readyState = 3;
      this.onclose?.({ code, reason: '' });
    }
  };
}

describe("the web client's /yjs URL", () => {
  it('builds the endpoint from the page and puts only the ticket in the query', () => {
    expect(agreementServerUrl({ protocol: 'https:', host: 'rooms.example' })).toBe('wss://rooms.example/yjs');
    expect(agreementServerUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe('ws://localhost:3000/yjs');
    expect(ticketParams('T1')).toEqual({ ticket: 'T1' });
  });

  it('is the only way the web client opens the agreement: no source puts the token into URL parameters', () => {
    const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f));
    for (const file of sources) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text, file).not.toMatch(/params:\s*\{\s*token\b|[?&]token=/);
      if (/new WebsocketProvider\(/.test(text)) expect(file).toBe(path.join('agreement', 'agreementSocket.ts'));
    }
  });

  it('fetches a fresh ticket before every connect and reconnect, and never puts the token in a URL', async () => {
    const token = 'the-long-lived-token-the-long-lived';
    const urls: string[] = [];
    const sockets: { close(code: number): void }[] = [];
    let issued = 0;
    // The client exchanges its token for tickets; the token goes only into that request.
    const fetchTicket = async () => `ticket-${++issued}`;
    const p = new TicketedProvider('wss://rooms.example/yjs', 'r_room', new Y.Doc(), fetchTicket, {
      WebSocketPolyfill: recordingSocket(urls, sockets) as never,
      disableBc: true,
      maxBackoffTime: 20,
    });
    try {
      await until(() => urls.length === 1);
      // The server drops the connection twice (a restart, a network blip): each reconnect has a new ticket.
      sockets[0].close(1006);
      await until(() => urls.length === 2);
      sockets[1].close(1001);
      await until(() => urls.length === 3);
      expect(urls).toEqual([
        'wss://rooms.example/yjs/r_room?ticket=ticket-1',
        'wss://rooms.example/yjs/r_room?ticket=ticket-2',
        'wss://rooms.example/yjs/r_room?ticket=ticket-3',
      ]);
      for (const url of urls) expect(url).not.toContain(token);
      for (const url of urls) expect(new URL(url).searchParams.has('token')).toBe(false);
      // One ticket request per connect, none spare.
      expect(issued).toBe(3);
      // A final close from the server (room deleted) is not retried.
      sockets[2].close(4404);
      await new Promise((r) => setTimeout(r, 100));
      expect(urls).toHaveLength(3);
      expect(issued).toBe(3);
    } finally {
      p.destroy();
    }
  });

  it('stops when no ticket can be had (the token no longer works)', async () => {
    const urls: string[] = [];
    let asked = 0;
    const p = new TicketedProvider('ws://x/yjs', 'r_room', new Y.Doc(), async () => (asked++, null), {
      WebSocketPolyfill: recordingSocket(urls, []) as never,
      disableBc: true,
    });
    const closed = new Promise<number>((resolve) => p.once('closed', (e: { code: number }) => resolve(e.code)));
    expect(await closed).toBe(4401);
    expect(urls).toEqual([]);
    expect(asked).toBe(1);
    p.destroy();
  });

  it('connects a real client with tickets and reconnects after the server drops it', async () => {
    const host = await createRoom(server().url);
    const tickets: string[] = [];
    const doc = new Y.Doc();
    const p = new TicketedProvider(
      wsUrl(),
      host.roomId,
      doc,
      async () => {
        const res = await ticket(host.roomId, host.token);
        tickets.push(res.json.ticket);
        return res.json.ticket;
      },
      { WebSocketPolyfill: WebSocket as never, disableBc: true, maxBackoffTime: 50 },
    );
    try {
      await until(() => p.synced);
      p.ws?.close();
      await until(() => tickets.length === 2 && p.synced, 5000);
      expect(new Set(tickets).size).toBe(2);
      expect(p.url).toContain(`ticket=${tickets[1]}`);
      expect(p.url).not.toContain(host.token);
    } finally {
      p.destroy();
    }
  });
});
