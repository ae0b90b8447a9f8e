import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import type { WebsocketProvider } from 'y-websocket';
import { TicketedProvider } from '../../client/src/agreement/agreementSocket.js';
import type { Role } from '../../shared/protocol.js';
import { AgreementService, type AgreementOptions } from '../../server/agreement/index.js';
import { authenticate, hashSecret, issueTicket, newId, newSecret } from '../../server/auth/credentials.js';
import { redeemTicket } from '../../server/auth/credentials.js';
import { newParticipant, newRoom } from '../../server/rooms/newRoom.js';
import type { RoomRecord } from '../../server/rooms/model.js';
import { MemoryStore } from '../../server/store/memory.js';
import type { Store } from '../../server/rooms/ports.js';

export interface Member {
  participantId: string;
  role: Role;
  token: string;
  name: string;
}

/** A joint-session room with these members, built as the service builds rooms, everyone out of preparation. */
export function roomRecord(roomId: string, members: Member[]): RoomRecord {
  const now = Date.now();
  const [host, ...rest] = members.map((m) => ({
    ...newParticipant(m.participantId, m.name, m.role, now),
    stage: 'joint' as const,
  }));
  const room = newRoom({
    roomId,
    title: 'Test room',
    kind: 'couple',
    mode: 'open',
    host,
    now,
    retentionMs: 3600_000,
    heatThreshold: 0.5,
  });
  return { ...room, phase: 'joint', participants: [host, ...rest] };
}

/** A room with one member per role given, tokens stored hashed as the real service does. */
export async function createRoom(store: Store, roles: Role[]): Promise<{ roomId: string; members: Member[] }> {
  const roomId = newId('room');
  const members = roles.map((role, i) => ({
    participantId: newId('p'),
    role,
    token: newSecret(),
    name: `${role}-${i}`,
  }));
  await store.createRoom(roomRecord(roomId, members));
  for (const m of members)
    await store.putToken(hashSecret(m.token), { roomId, participantId: m.participantId, role: m.role });
  return { roomId, members };
}

export interface Harness {
  store: Store;
  svc: AgreementService;
  server: http.Server;
  /** ws://host:port/yjs */
  url: string;
  changes: {
    roomId: string;
    snapshot: ReturnType<AgreementService['snapshot']> extends Promise<infer S> ? S : never;
  }[];
  connect(roomId: string, token: string, doc?: Y.Doc): WebsocketProvider;
  /** A single-use /yjs ticket for this token, as POST /api/rooms/:roomId/yjs-ticket gives one. */
  ticket(token: string): Promise<string | null>;
  rawSocket(roomId: string, token: string): Promise<WebSocket>;
  close(): Promise<void>;
}

/** A real http server with the agreement service on its upgrade event, as the app wires it. */
export async function startHarness(
  overrides: Partial<AgreementOptions> = {},
  store: Store = new MemoryStore(),
): Promise<Harness> {
  const changes: Harness['changes'] = [];
  const svc = new AgreementService({
    store,
    authenticate: (ticket) => redeemTicket(store, ticket),
    maxMessageBytes: 64 * 1024,
    idleMs: 60_000,
    rateLimitFactor: 1,
    onChange: (roomId, snapshot) => changes.push({ roomId, snapshot }),
    ...overrides,
  });
  const server = http.createServer((_req, res) => {
    res.statusCode = 404;
    res.end();
  });
  server.on('upgrade', (req, sock, head) => {
    if (!svc.handleUpgrade(req, sock, head)) sock.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/yjs`;
  const providers: WebsocketProvider[] = [];
  const sockets: WebSocket[] = [];
  const ticket = async (token: string): Promise<string | null> => {
    const who = await authenticate(store, token);
    return who ? (await issueTicket(store, who)).ticket : null;
  };
  return {
    store,
    svc,
    server,
    url,
    changes,
    ticket,
    connect(roomId, token, doc = new Y.Doc()) {
      // A fresh ticket before every (re)connect, as the web client does.
      const provider = new TicketedProvider(url, roomId, doc, () => ticket(token), {
        // Node has a global BroadcastChannel: without this, providers in one process would sync
        // with each other directly and bypass the server under test.
        disableBc: true,
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      });
      providers.push(provider);
      return provider;
    },
    async rawSocket(roomId, token) {
      const ws = new WebSocket(`${url}/${roomId}?ticket=${encodeURIComponent((await ticket(token)) ?? '')}`);
      ws.on('error', () => {});
      sockets.push(ws);
      return ws;
    },
    async close() {
      for (const p of providers) {
        p.destroy();
        p.doc.destroy();
      }
      for (const ws of sockets) ws.terminate();
      await svc.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function waitForAsync(check: () => Promise<boolean>, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function synced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => provider.once('sync', (s: boolean) => s && resolve()));
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

/** The upgrade's answer: 101 when accepted (the socket is closed again), else the refusal's HTTP status. */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => {
      resolve(101);
      ws.close();
    });
    ws.on('error', () => resolve(0));
  });
}

/** The status of an upgrade that the server refused (fails when it was accepted). */
export async function refusedStatus(url: string): Promise<number> {
  const status = await upgradeStatus(url);
  if (status === 101) throw new Error('the upgrade was accepted');
  return status;
}
