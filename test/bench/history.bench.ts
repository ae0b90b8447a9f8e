/**
 * What a room's history costs (issue 13). `npm run bench` runs its delivery row (historyRow); the memory
 * figures need a collectable heap, so this file is also run by hand:
 *
 *   node --expose-gc --import tsx test/bench/history.bench.ts
 *
 * 1. memory per idle room: rooms of two people made over HTTP (tokens and invites included), heap after GC;
 * 2. memory per message: one room filled with HISTORY (default 10,000) calm messages over the real protocol
 *    (each with what the facilitator says after it), heap after GC, after 3,000 messages in another room
 *    warmed the JIT and the bounded caches;
 * 3. delivery in that room against a fresh room, interleaved in blocks (send -> 'message' at the other
 *    person, and the sender's ack), so that drift hits both alike.
 * The app runs in this process with the memory store (STORE=file: the file store, `npm start`'s default, in a
 * fresh temporary folder); the clients too (the same for both rooms).
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FileStore } from '../../server/store/file/fileStore.js';
import { percentiles, type Percentiles } from './stats.js';
import { CALM } from './calmMessages.js';

const HISTORY = Number(process.env.HISTORY ?? 10_000);
const IDLE_ROOMS = Number(process.env.IDLE_ROOMS ?? 500);
const WARM = 3_000;
const BLOCKS = 10;
const PER_BLOCK = 100;

const gc = (globalThis as { gc?: () => void }).gc;
function heap(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function couple(url: string): Promise<{ roomId: string; tokens: [string, string] }> {
  const host = await post(url, '/api/rooms', { kind: 'couple', name: 'Ann', mode: 'open' });
  const guest = await post(url, `/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Ben' });
  return { roomId: host.roomId, tokens: [host.token, guest.token] };
}

const ack = (s: Socket, event: string, payload: unknown): Promise<any> => s.timeout(10_000).emitWithAck(event, payload);

async function party(url: string, token: string): Promise<Socket> {
  const socket = connectSocket(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await ack(socket, 'room:enter', {});
  return socket;
}

let sent = 0;
/** One message from `from`, timed until `to` has it and until `from` has its ack. */
async function one(from: Socket, to: Socket, receipts: number[], acks: number[]): Promise<void> {
  const clientMsgId = `h${sent++}`;
  const start = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - start) / 1e6;
  const seen = new Promise<void>((resolve) => {
    const on = (m: { clientMsgId: string }) => {
      if (m.clientMsgId !== clientMsgId) return;
      to.off('message', on);
      receipts.push(ms());
      resolve();
    };
    to.on('message', on);
  });
  const answer = await ack(from, 'message:send', { clientMsgId, text: CALM[sent % CALM.length] });
  if (answer?.status !== 'delivered') throw new Error(`not delivered: ${JSON.stringify(answer)}`);
  acks.push(ms());
  await seen;
}

export interface HistoryRow {
  messages: number;
  logEntries: number;
  receipt: { fresh: Percentiles; long: Percentiles };
  ack: { fresh: Percentiles; long: Percentiles };
}

/**
 * The row of `npm run bench`: a couple's room filled with `history` messages against a fresh room, `blocks`
 * interleaved blocks of `perBlock` messages each (clients in this thread, the app wherever `url` is).
 */
export async function historyRow(url: string, history: number, blocks: number, perBlock: number): Promise<HistoryRow> {
  const big = await couple(url);
  const [a, b] = await Promise.all(big.tokens.map((t) => party(url, t)));
  const fresh = await couple(url);
  const [c, d] = await Promise.all(fresh.tokens.map((t) => party(url, t)));
  for (let i = 0; i < history; i++) await one(i % 2 ? b : a, i % 2 ? a : b, [], []);
  const last = await ack(a, 'message:send', { clientMsgId: `h${sent++}`, text: CALM[0] });
  const r = { big: [] as number[], fresh: [] as number[] };
  const k = { big: [] as number[], fresh: [] as number[] };
  for (let block = 0; block < blocks; block++) {
    for (let i = 0; i < perBlock; i++) await one(i % 2 ? d : c, i % 2 ? c : d, r.fresh, k.fresh);
    for (let i = 0; i < perBlock; i++) await one(i % 2 ? b : a, i % 2 ? a : b, r.big, k.big);
  }
  for (const s of [a, b, c, d]) s.disconnect();
  return {
    messages: history,
    logEntries: Number(last?.seq ?? 0),
    receipt: { fresh: percentiles(r.fresh), long: percentiles(r.big) },
    ack: { fresh: percentiles(k.fresh), long: percentiles(k.big) },
  };
}

async function main(): Promise<void> {
  const dir = process.env.STORE === 'file' ? mkdtempSync(path.join(tmpdir(), 'history-bench-')) : undefined;
  const store = dir ? await FileStore.open(dir) : undefined;
  const config = testConfig({ port: 0, host: '127.0.0.1', rateLimitFactor: 1e6, logLevel: 'silent' });
  const app = createApp(config, { store });
  const url = await app.listen();

  // 1. idle rooms
  const before = heap();
  for (let i = 0; i < IDLE_ROOMS; i++) await couple(url);
  const perRoom = (heap() - before) / IDLE_ROOMS;

  // 2. one room with a long history
  const big = await couple(url);
  const [a, b] = await Promise.all(big.tokens.map((t) => party(url, t)));
  const fresh = await couple(url);
  const [c, d] = await Promise.all(fresh.tokens.map((t) => party(url, t)));
  // Warmed first in a room of its own, so the JIT's code and the bounded caches are not counted as history.
  const warm = await couple(url);
  const [e, f] = await Promise.all(warm.tokens.map((t) => party(url, t)));
  for (let i = 0; i < WARM; i++) await one(i % 2 ? f : e, i % 2 ? e : f, [], []);
  await app.rooms.settled();
  // FRESH_START=n: the fresh room has n messages first (past the 60-entry read-back window at n >= 60).
  for (let i = 0; i < Number(process.env.FRESH_START ?? 0); i++) await one(i % 2 ? d : c, i % 2 ? c : d, [], []);
  const filled = heap();
  for (let i = 0; i < HISTORY; i++) await one(i % 2 ? b : a, i % 2 ? a : b, [], []);
  await app.rooms.settled();
  const entries = (await app.store.tailLog(big.roomId, 1))[0]?.seq ?? 0;
  const perMessage = (heap() - filled) / HISTORY;

  // 3. the long room against the fresh one, interleaved
  const r = { big: [] as number[], fresh: [] as number[] };
  const k = { big: [] as number[], fresh: [] as number[] };
  for (let block = 0; block < BLOCKS; block++) {
    for (let i = 0; i < PER_BLOCK; i++) await one(i % 2 ? d : c, i % 2 ? c : d, r.fresh, k.fresh);
    for (let i = 0; i < PER_BLOCK; i++) await one(i % 2 ? b : a, i % 2 ? a : b, r.big, k.big);
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    store: store ? 'file' : 'memory',
    idleRoomBytes: Math.round(perRoom),
    history: { messages: HISTORY, logEntries: entries, bytesPerMessage: Math.round(perMessage) },
    receipt: { fresh: percentiles(r.fresh), long: percentiles(r.big) },
    ack: { fresh: percentiles(k.fresh), long: percentiles(k.big) },
  };
  console.log(JSON.stringify(result, null, 2));
  for (const s of [a, b, c, d, e, f]) s.disconnect();
  await app.close(); // closes the store too
  if (dir) rmSync(dir, { recursive: true, force: true });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
