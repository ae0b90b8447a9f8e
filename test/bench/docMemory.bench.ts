/**
 * What an agreement document costs per room (issue 13), run by hand (the heap must be collectable):
 *
 *   node --expose-gc --import tsx test/bench/docMemory.bench.ts
 *   npm run build:server && BUILT=1 node --expose-gc --import tsx test/bench/docMemory.bench.ts   # compiled
 *
 * ROOMS (default 100) rooms, each with 3 clauses and 15 edits of their words made by two y-websocket providers,
 * against the same through a bare ws relay (test/bench/baseline.ts). Heap after GC, per room: with both
 * providers connected, and after both left (the app unloads an idle document after DOC_IDLE_MS, here 500 ms).
 * Clients and servers share this process, so the clients' own documents are in both figures alike; the
 * rooms themselves (records, tokens, proposed clauses) are made before the first reading and not counted.
 */
import { randomUUID } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startBaseline } from './baseline.js';

// BUILT=1: the service as `npm start` runs it (dist/, after `npm run build:server`); under tsx every function
// also carries its name (keepNames: about 3 KB a room here), which the esbuild build does not add
const source = process.env.BUILT ? '../../dist/server' : '../../server';
const { createApp } = (await import(`${source}/app.js`)) as typeof import('../../server/app.js');
const { testConfig } = (await import(`${source}/config.js`)) as typeof import('../../server/config.js');

const ROOMS = Number(process.env.ROOMS ?? 100);
const EDITS = 15;
const CLAUSES = ['We take turns with the school run.', 'We share the holidays equally.', 'We talk every Sunday.'];

const gc = (globalThis as { gc?: () => void }).gc;
async function heap(): Promise<number> {
  if (!gc) throw new Error('run with node --expose-gc');
  await new Promise((r) => setTimeout(r, 200));
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function until(test: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const options = (params?: Record<string, string>) => ({
  params,
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  disableBc: true,
});

const clauses = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('clauses');
const textOf = (doc: Y.Doc, i: number) => clauses(doc).get(i)?.get('text') as Y.Text | undefined;

/** EDITS edits, alternately by each side, each one seen by the other before the next. */
async function edit(docs: Y.Doc[]): Promise<void> {
  for (let j = 0; j < EDITS; j++) {
    const from = textOf(docs[j % 2], j % 3)!;
    from.insert(from.length, '!');
    const want = from.toString();
    await until(() => textOf(docs[(j + 1) % 2], j % 3)?.toString() === want, 'an edit');
  }
}

interface Room {
  connect(): Promise<WebsocketProvider[]>;
}

async function appRooms(url: string, n: number): Promise<Room[]> {
  const rooms: Room[] = [];
  for (let i = 0; i < n; i++) {
    const host = await post(url, '/api/rooms', { kind: 'couple', name: 'Ann', mode: 'open' });
    const guest = await post(url, `/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Ben' });
    const socket: Socket = connectSocket(url, {
      auth: { token: host.token },
      transports: ['websocket'],
      forceNew: true,
    });
    await socket.timeout(5000).emitWithAck('room:enter', {});
    for (const text of CLAUSES) await socket.timeout(5000).emitWithAck('agreement:propose', { text });
    socket.disconnect();
    rooms.push({
      connect: async () => {
        const docs = [new Y.Doc(), new Y.Doc()];
        const providers: WebsocketProvider[] = [];
        for (const [k, token] of [host.token, guest.token].entries()) {
          const res = await fetch(`${url}/api/rooms/${host.roomId}/yjs-ticket`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
          });
          const { ticket } = (await res.json()) as { ticket: string };
          providers.push(
            new WebsocketProvider(`${url.replace(/^http/, 'ws')}/yjs`, host.roomId, docs[k], options({ ticket })),
          );
        }
        await until(() => docs.every((d) => clauses(d).length === 3), 'clause sync');
        await edit(docs);
        return providers;
      },
    });
  }
  return rooms;
}

function relayRooms(relayUrl: string, n: number): Room[] {
  return Array.from({ length: n }, () => ({
    connect: async () => {
      const docs = [new Y.Doc(), new Y.Doc()];
      // the first peer holds the clauses in the document's shape; the relay only forwards
      for (const [k, text] of CLAUSES.entries()) {
        const clause = new Y.Map<unknown>();
        clause.set('id', `c${k}`);
        clause.set('text', new Y.Text(text));
        clause.set('status', 'proposed');
        clauses(docs[0]).push([clause]);
      }
      const name = `r${randomUUID()}`;
      const providers = [new WebsocketProvider(relayUrl, name, docs[0], options())];
      await until(() => providers[0].wsconnected, 'relay connection');
      providers.push(new WebsocketProvider(relayUrl, name, docs[1], options()));
      await until(() => clauses(docs[1]).length === 3, 'clause sync');
      await edit(docs);
      return providers;
    },
  }));
}

async function measure(
  rooms: Room[],
  loaded: () => Promise<number> = async () => 0,
): Promise<{ connectedBytes: number; afterLeavingBytes: number; docsLoadedAfterLeaving: number }> {
  const before = await heap();
  const providers: WebsocketProvider[][] = [];
  for (const room of rooms) providers.push(await room.connect());
  const connected = await heap();
  for (const p of providers.flat()) p.destroy();
  providers.length = 0;
  await new Promise((r) => setTimeout(r, 1500)); // past the idle unload
  const left = await heap();
  return {
    docsLoadedAfterLeaving: await loaded(),
    connectedBytes: Math.round((connected - before) / rooms.length),
    afterLeavingBytes: Math.round((left - before) / rooms.length),
  };
}

export async function benchDocMemory(n = ROOMS) {
  const metricsToken = randomUUID();
  const app = createApp(testConfig({ rateLimitFactor: 1e6, docIdleMs: 500, metricsToken }));
  const url = await app.listen();
  const bare = await startBaseline();
  try {
    // one room each first, so that code and module state are not counted per room
    await measure(await appRooms(url, 1));
    await measure(relayRooms(bare.relayUrl, 1));
    // the documents still in memory, from the app's own gauge
    const loaded = async () =>
      Number(
        /mediation_agreement_docs_loaded (\d+)/.exec(
          await (await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })).text(),
        )?.[1] ?? NaN,
      );
    const service = await measure(await appRooms(url, n), loaded);
    const relay = await measure(relayRooms(bare.relayUrl, n));
    return { rooms: n, clauses: CLAUSES.length, edits: EDITS, service, relay };
  } finally {
    await bare.close();
    await app.close();
  }
}

benchDocMemory().then(
  (r) => {
    console.log(JSON.stringify(r, null, 2));
    process.exit(0);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
