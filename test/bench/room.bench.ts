/**
 * The room benchmarks' client side. It runs in a worker thread started by test/bench/run.ts, so the
 * load generator has the second core and the servers (the app and the bare baselines, on the main
 * thread) have the first. Every figure is timed here with process.hrtime.bigint(): a send and the
 * receipts it causes are read on the same thread's clock.
 *
 * Scenarios (each run against the app's full pipeline and against a bare baseline, interleaved in
 * blocks so that drift on the machine hits both alike):
 *   delivery    one message in flight; send -> `message` event on each other participant's socket,
 *               rooms of 2 and 8 participants
 *   throughput  several rooms at once, a window of messages in flight per room, for a fixed time
 *   held        a heated message -> ack with its review, against calm messages' acks in the same room
 *   yjs         an edit of a clause's text by one y-websocket provider -> seen by the other
 */
import { randomUUID } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { EluMeter, msSince, percentiles, ratios, type Percentiles, type Ratios } from './stats.js';
import { CALM } from './calmMessages.js';

export interface RoomBenchInput {
  /** the app, http://127.0.0.1:PORT */
  appUrl: string;
  /** the bare socket.io baseline */
  baseUrl: string;
  /** the bare ws relay baseline, ws://127.0.0.1:PORT/relay */
  relayUrl: string;
  /** the app on the Redis store (a private redis-server), when there is one */
  redisAppUrl?: string;
  /** scale every count and duration down (a smoke run) */
  quick?: boolean;
  yjs?: boolean;
}

type Target = 'pipeline' | 'baseline';

/** Held by the analyzer (insults, contempt), none of them a threat or self-harm (no safety break). */
const HEATED = [
  'You never listen to me, you are so selfish!',
  'This is your fault and you know it, idiot.',
  'You are pathetic and lazy, as always.',
  'Shut up, you never do anything around here!',
  'You are such a liar, I am sick of your excuses.',
  'What a stupid idea, typical of you.',
];

// ------------------------------------------------------------------------------------ clients

type Client = Socket & { counts: Map<string, number> };

const sockets: Client[] = [];

/**
 * Names the measured block now running ('' for setup and warm-up): the worker's own event-loop
 * utilization is summed by it, and the runner sums the server thread's by the same names.
 */
const clientElu = new EluMeter();
let onPhase: (name: string) => void = () => undefined;
function phase(name: string): void {
  clientElu.enter(name);
  onPhase(name);
}

async function connect(url: string, auth: Record<string, string>): Promise<Client> {
  const socket = connectSocket(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false }) as Client;
  socket.counts = new Map();
  socket.onAny((event: string) => socket.counts.set(event, (socket.counts.get(event) ?? 0) + 1));
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** A party of the app's room, in the joint conversation (parties start in their own preparation). */
async function connectParty(url: string, token: string): Promise<Client> {
  const socket = await connect(url, { token });
  const entered = await ack(socket, 'room:enter', {});
  if (!entered?.ok) throw new Error(`room:enter failed: ${JSON.stringify(entered)}`);
  return socket;
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

interface AppRoom {
  roomId: string;
  tokens: string[];
}

/** A family room in open mode with k parties (the host and k-1 participants), made over HTTP. */
async function appRoom(url: string, k: number): Promise<AppRoom> {
  const host = await post(url, '/api/rooms', { kind: k > 2 ? 'family' : 'couple', name: 'Person 0', mode: 'open' });
  const tokens = [host.token as string];
  for (let i = 1; i < k; i++)
    tokens.push(
      (
        await post(url, `/api/rooms/${host.roomId}/join`, {
          // A participant invite admits one person: each gets their own.
          inviteCode: (
            await post(url, `/api/rooms/${host.roomId}/invites`, { role: 'participant' }, host.token)
          ).inviteCode,
          name: `Person ${i}`,
        })
      ).token,
    );
  return { roomId: host.roomId, tokens };
}

/** k connected sockets in one room of the target. */
async function roomSockets(input: RoomBenchInput, target: Target, k: number): Promise<Client[]> {
  if (target === 'baseline') {
    const room = `room-${randomUUID()}`;
    return Promise.all(Array.from({ length: k }, () => connect(input.baseUrl, { room })));
  }
  const room = await appRoom(input.appUrl, k);
  const out: Client[] = [];
  for (const token of room.tokens) out.push(await connectParty(input.appUrl, token));
  return out;
}

function ack(socket: Client, event: string, payload: unknown): Promise<any> {
  return (socket as any).timeout(10_000).emitWithAck(event, payload);
}

// ----------------------------------------------------------------------- message bookkeeping

interface Pending {
  t0: bigint;
  sender: Client;
  remaining: number;
  done: () => void;
}

/**
 * Watches `message` events on a room's sockets and times each receipt (not the sender's own echo)
 * against the send it answers, matched by clientMsgId.
 */
class Receipts {
  readonly pending = new Map<string, Pending>();
  samples: number[] = [];
  /** the last receiver's latency per message (everyone has it) */
  lastSamples: number[] = [];
  received = 0;
  recording = true;

  constructor(room: Client[]) {
    for (const socket of room) {
      socket.on('message', (m: { clientMsgId?: string }) => {
        const p = m?.clientMsgId ? this.pending.get(m.clientMsgId) : undefined;
        if (!p || p.sender === socket) return;
        const ms = msSince(p.t0);
        if (this.recording) {
          this.samples.push(ms);
          this.received++;
        }
        if (--p.remaining === 0) {
          if (this.recording) this.lastSamples.push(ms);
          this.pending.delete(m.clientMsgId!);
          p.done();
        }
      });
    }
  }
}

const eventCounts = (room: Client[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const s of room) for (const [e, n] of s.counts) out[e] = (out[e] ?? 0) + n;
  return out;
};

// ------------------------------------------------------------------------------- delivery

interface DeliveryRun {
  receipt: number[];
  last: number[];
  ack: number[];
  errors: number;
}

/** One message in flight at a time, senders in turn (so the facilitator has no one to nudge). */
async function sequential(
  room: Client[],
  receipts: Receipts,
  count: number,
  record: boolean,
  into: DeliveryRun,
): Promise<void> {
  const k = room.length;
  receipts.recording = record;
  const before = receipts.samples.length;
  const beforeLast = receipts.lastSamples.length;
  for (let i = 0; i < count; i++) {
    const sender = room[i % k];
    const clientMsgId = randomUUID();
    let done!: () => void;
    const delivered = new Promise<void>((r) => (done = r));
    const t0 = process.hrtime.bigint();
    receipts.pending.set(clientMsgId, { t0, sender, remaining: k - 1, done });
    const answer = ack(sender, 'message:send', { clientMsgId, text: CALM[i % CALM.length] }).then((a) => {
      if (record) into.ack.push(msSince(t0));
      return a;
    });
    const a = await answer;
    if (!a?.ok || a.status !== 'delivered') {
      into.errors++;
      receipts.pending.delete(clientMsgId);
      continue;
    }
    await delivered;
  }
  if (record) {
    into.receipt.push(...receipts.samples.slice(before));
    into.last.push(...receipts.lastSamples.slice(beforeLast));
  }
  receipts.samples.length = 0;
  receipts.lastSamples.length = 0;
}

export interface DeliveryFigures {
  store: 'memory' | 'redis';
  participants: number;
  messages: number;
  pipeline: {
    receipt: Percentiles;
    lastReceipt: Percentiles;
    ack: Percentiles;
    errors: number;
    eventsPerReceiverPerMessage: Record<string, number>;
  };
  baseline: {
    receipt: Percentiles;
    lastReceipt: Percentiles;
    ack: Percentiles;
    errors: number;
    eventsPerReceiverPerMessage: Record<string, number>;
  };
  ratio: { receipt: Ratios; lastReceipt: Ratios; ack: Ratios };
}

async function delivery(
  input: RoomBenchInput,
  k: number,
  perBlock: number,
  blocks: number,
  warmup: number,
): Promise<Omit<DeliveryFigures, 'store'>> {
  const targets: Target[] = ['pipeline', 'baseline'];
  const rooms = {} as Record<Target, { sockets: Client[]; receipts: Receipts; run: DeliveryRun }>;
  for (const t of targets) {
    const s = await roomSockets(input, t, k);
    rooms[t] = { sockets: s, receipts: new Receipts(s), run: { receipt: [], last: [], ack: [], errors: 0 } };
    await sequential(s, rooms[t].receipts, warmup, false, rooms[t].run);
  }
  const countsBefore = Object.fromEntries(targets.map((t) => [t, eventCounts(rooms[t].sockets)]));
  for (let b = 0; b < blocks; b++) {
    const order = b % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      phase(`delivery ${k} ${t}`);
      await sequential(rooms[t].sockets, rooms[t].receipts, perBlock, true, rooms[t].run);
      phase('');
    }
  }
  const measured = perBlock * blocks;
  const perReceiver = (t: Target): Record<string, number> => {
    const after = eventCounts(rooms[t].sockets);
    const out: Record<string, number> = {};
    // every socket receives; the sender gets its own echo too, so divide by k receivers
    for (const [e, n] of Object.entries(after))
      out[e] = Math.round(((n - (countsBefore[t][e] ?? 0)) / (measured * k)) * 100) / 100;
    return out;
  };
  const fig = (t: Target) => ({
    receipt: percentiles(rooms[t].run.receipt),
    lastReceipt: percentiles(rooms[t].run.last),
    ack: percentiles(rooms[t].run.ack),
    errors: rooms[t].run.errors,
    eventsPerReceiverPerMessage: perReceiver(t),
  });
  const pipeline = fig('pipeline');
  const baseline = fig('baseline');
  for (const t of targets) for (const s of rooms[t].sockets) s.disconnect();
  return {
    participants: k,
    messages: measured,
    pipeline,
    baseline,
    ratio: {
      receipt: ratios(pipeline.receipt, baseline.receipt),
      lastReceipt: ratios(pipeline.lastReceipt, baseline.lastReceipt),
      ack: ratios(pipeline.ack, baseline.ack),
    },
  };
}

// ----------------------------------------------------------------------------- throughput

interface ThroughputRun {
  seconds: number;
  sent: number;
  receipts: number;
  latency: number[];
  errors: number;
}

/** Every room keeps `window` messages in flight for `ms`; receipts are counted inside the window. */
async function loadRooms(
  rooms: { sockets: Client[]; receipts: Receipts }[],
  window: number,
  ms: number,
  record: boolean,
  into: ThroughputRun,
): Promise<void> {
  let running = true;
  let sent = 0;
  const drains: Promise<void>[] = [];
  for (const r of rooms) r.receipts.recording = record;
  const t0 = process.hrtime.bigint();
  for (const r of rooms) {
    const k = r.sockets.length;
    let i = 0;
    const lane = async () => {
      while (running) {
        const sender = r.sockets[i++ % k];
        const clientMsgId = randomUUID();
        const p: Pending = { t0: process.hrtime.bigint(), sender, remaining: k - 1, done: () => undefined };
        r.receipts.pending.set(clientMsgId, p);
        sent++;
        const a = await ack(sender, 'message:send', { clientMsgId, text: CALM[i % CALM.length] });
        if (!a?.ok) {
          into.errors++;
          r.receipts.pending.delete(clientMsgId);
        }
      }
    };
    for (let w = 0; w < window; w++) drains.push(lane());
  }
  await new Promise((r) => setTimeout(r, ms));
  running = false;
  const seconds = msSince(t0) / 1000;
  const counted = rooms.reduce((n, r) => n + r.receipts.received, 0);
  const latency = rooms.flatMap((r) => r.receipts.samples);
  for (const r of rooms) r.receipts.recording = false;
  await Promise.all(drains);
  // let the last broadcasts land before the next block
  await new Promise((r) => setTimeout(r, 200));
  if (record) {
    into.seconds += seconds;
    into.sent += sent;
    into.receipts += counted;
    into.latency.push(...latency);
  }
  for (const r of rooms) {
    r.receipts.received = 0;
    r.receipts.samples.length = 0;
    r.receipts.lastSamples.length = 0;
    r.receipts.pending.clear();
  }
}

export interface ThroughputFigures {
  rooms: number;
  participants: number;
  window: number;
  seconds: number;
  pipeline: { messagesPerSec: number; receiptsPerSec: number; latency: Percentiles; errors: number };
  baseline: { messagesPerSec: number; receiptsPerSec: number; latency: Percentiles; errors: number };
  ratio: { messagesPerSec: number; latency: Ratios };
}

async function throughput(
  input: RoomBenchInput,
  nRooms: number,
  k: number,
  window: number,
  blockMs: number,
  blocks: number,
  warmupMs: number,
): Promise<ThroughputFigures> {
  const targets: Target[] = ['pipeline', 'baseline'];
  const rooms = {} as Record<Target, { sockets: Client[]; receipts: Receipts }[]>;
  const runs = {} as Record<Target, ThroughputRun>;
  for (const t of targets) {
    rooms[t] = [];
    for (let i = 0; i < nRooms; i++) {
      const s = await roomSockets(input, t, k);
      rooms[t].push({ sockets: s, receipts: new Receipts(s) });
    }
    runs[t] = { seconds: 0, sent: 0, receipts: 0, latency: [], errors: 0 };
    await loadRooms(rooms[t], window, warmupMs, false, runs[t]);
  }
  for (let b = 0; b < blocks; b++) {
    const order = b % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      phase(`throughput ${t}`);
      await loadRooms(rooms[t], window, blockMs, true, runs[t]);
      phase('');
    }
  }
  const fig = (t: Target) => ({
    messagesPerSec: Math.round(runs[t].receipts / (k - 1) / runs[t].seconds),
    receiptsPerSec: Math.round(runs[t].receipts / runs[t].seconds),
    latency: percentiles(runs[t].latency),
    errors: runs[t].errors,
  });
  const pipeline = fig('pipeline');
  const baseline = fig('baseline');
  for (const t of targets) for (const r of rooms[t]) for (const s of r.sockets) s.disconnect();
  return {
    rooms: nRooms,
    participants: k,
    window,
    seconds: Math.round(runs.pipeline.seconds * 10) / 10,
    pipeline,
    baseline,
    ratio: {
      messagesPerSec: Math.round((pipeline.messagesPerSec / baseline.messagesPerSec) * 1000) / 1000,
      latency: ratios(pipeline.latency, baseline.latency),
    },
  };
}

// ----------------------------------------------------------------------------------- held

export interface HeldFigures {
  held: Percentiles;
  calm: Percentiles;
  ratio: Ratios;
  unexpected: number;
  breaksEnded: number;
}

/**
 * In one couple's room: heated, calm, calm, ... (two calm messages after each heated one keep the
 * room's moving heat from staying high, so the facilitator calls no break). Each held message is
 * discarded after timing, so held texts do not pile up in the room record.
 */
async function held(input: RoomBenchInput, rounds: number, warmup: number): Promise<HeldFigures> {
  const room = await roomSockets(input, 'pipeline', 2);
  const heldMs: number[] = [];
  const calmMs: number[] = [];
  let unexpected = 0;
  let breaksEnded = 0;
  let n = 0;
  const one = async (text: string, heated: boolean, record: boolean) => {
    const sender = room[n++ % 2];
    const clientMsgId = randomUUID();
    const t0 = process.hrtime.bigint();
    const a = await ack(sender, 'message:send', { clientMsgId, text });
    const ms = msSince(t0);
    if (a?.ok && a.status === (heated ? 'held' : 'delivered') && (!heated || a.review?.suggestions?.length > 0)) {
      if (record) (heated ? heldMs : calmMs).push(ms);
    } else {
      unexpected++;
      if (a?.error?.code === 'on_break') {
        await ack(room[0], 'break:end', {});
        breaksEnded++;
      }
    }
    if (a?.status === 'held') await ack(sender, 'message:resolve', { clientMsgId, action: 'discard' });
  };
  for (let i = 0; i < warmup + rounds; i++) {
    const record = i >= warmup;
    if (i === warmup) phase('held');
    await one(HEATED[i % HEATED.length], true, record);
    await one(CALM[(2 * i) % CALM.length], false, record);
    await one(CALM[(2 * i + 1) % CALM.length], false, record);
  }
  phase('');
  for (const s of room) s.disconnect();
  const h = percentiles(heldMs);
  const c = percentiles(calmMs);
  return { held: h, calm: c, ratio: ratios(h, c), unexpected, breaksEnded };
}

// ------------------------------------------------------------------------------------ yjs

export interface YjsFigures {
  edits: number;
  pipeline: Percentiles;
  baseline: Percentiles;
  ratio: Ratios;
}

interface YPair {
  providers: WebsocketProvider[];
  texts: Y.Text[];
}

const providerOptions = (params?: Record<string, string>) => ({
  params,
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  disableBc: true,
});

async function yjsTicket(appUrl: string, roomId: string, token: string): Promise<string> {
  const res = await fetch(`${appUrl}/api/rooms/${roomId}/yjs-ticket`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 201) throw new Error(`yjs-ticket: ${res.status}`);
  return ((await res.json()) as { ticket: string }).ticket;
}

function clauseText(doc: Y.Doc): Y.Text | null {
  const first = doc.getArray<Y.Map<unknown>>('clauses').get(0);
  const text = first?.get('text');
  return text instanceof Y.Text ? text : null;
}

async function until(test: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const CLAUSE = 'We take turns with the school run, one week each.';

async function yPair(input: RoomBenchInput, target: Target): Promise<YPair> {
  const docs = [new Y.Doc(), new Y.Doc()];
  let providers: WebsocketProvider[];
  if (target === 'pipeline') {
    const room = await appRoom(input.appUrl, 2);
    const host = await connectParty(input.appUrl, room.tokens[0]);
    const proposed = await ack(host, 'agreement:propose', { text: CLAUSE });
    if (!proposed?.ok) throw new Error(`propose failed: ${JSON.stringify(proposed)}`);
    const url = `${input.appUrl.replace(/^http/, 'ws')}/yjs`;
    // The document's URL carries a single-use ticket, never the token (one connection each: no reconnects here).
    const tickets = await Promise.all(room.tokens.map((token) => yjsTicket(input.appUrl, room.roomId, token)));
    providers = tickets.map(
      (ticket, i) => new WebsocketProvider(url, room.roomId, docs[i], providerOptions({ ticket })),
    );
  } else {
    // the first peer holds the clause, built in the document's shape; the relay only forwards
    const clause = new Y.Map<unknown>();
    clause.set('id', 'c1');
    clause.set('text', new Y.Text(CLAUSE));
    clause.set('status', 'proposed');
    docs[0].getArray('clauses').push([clause]);
    const roomName = `r${randomUUID()}`;
    providers = [new WebsocketProvider(input.relayUrl, roomName, docs[0], providerOptions())];
    await until(() => providers[0].wsconnected, 'relay connection');
    providers.push(new WebsocketProvider(input.relayUrl, roomName, docs[1], providerOptions()));
  }
  await until(() => docs.every((d) => clauseText(d)?.toString() === CLAUSE), `${target} clause sync`);
  return { providers, texts: docs.map((d) => clauseText(d)!) };
}

/** An edit alternately by each side: append one character, then delete it again. */
async function yEdits(pair: YPair, count: number, record: boolean, into: number[]): Promise<void> {
  for (let j = 0; j < count; j++) {
    const from = pair.texts[j % 2];
    const to = pair.texts[(j + 1) % 2];
    const grow = from.length === CLAUSE.length;
    const expected = grow ? CLAUSE.length + 1 : CLAUSE.length;
    let seen!: () => void;
    const arrived = new Promise<void>((r) => (seen = r));
    const observer = () => {
      if (to.length === expected) seen();
    };
    to.observe(observer);
    const t0 = process.hrtime.bigint();
    from.doc!.transact(() => (grow ? from.insert(CLAUSE.length, '!') : from.delete(CLAUSE.length, 1)));
    const timeout = setTimeout(() => seen(), 5000);
    await arrived;
    clearTimeout(timeout);
    const ms = msSince(t0);
    to.unobserve(observer);
    if (to.length !== expected) throw new Error('an edit did not arrive within 5 s');
    if (record) into.push(ms);
  }
}

async function yjs(input: RoomBenchInput, perBlock: number, blocks: number, warmup: number): Promise<YjsFigures> {
  const targets: Target[] = ['pipeline', 'baseline'];
  const pairs = {} as Record<Target, YPair>;
  const samples: Record<Target, number[]> = { pipeline: [], baseline: [] };
  for (const t of targets) {
    pairs[t] = await yPair(input, t);
    await yEdits(pairs[t], warmup, false, samples[t]);
  }
  for (let b = 0; b < blocks; b++) {
    const order = b % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      phase(`yjs ${t}`);
      await yEdits(pairs[t], perBlock, true, samples[t]);
      phase('');
    }
  }
  for (const t of targets) for (const p of pairs[t].providers) p.destroy();
  const pipeline = percentiles(samples.pipeline);
  const baseline = percentiles(samples.baseline);
  return { edits: perBlock * blocks, pipeline, baseline, ratio: ratios(pipeline, baseline) };
}

// -------------------------------------------------------------------------------- the lot

export interface RoomBenchResult {
  /** the load worker's event-loop utilization by measured block */
  clientEventLoopUtilization: Record<string, number>;
  delivery: DeliveryFigures[];
  throughput: ThroughputFigures;
  held: HeldFigures;
  yjs?: YjsFigures;
}

export async function benchRooms(
  input: RoomBenchInput,
  progress: (s: string) => void = () => undefined,
  phases: (name: string) => void = () => undefined,
): Promise<RoomBenchResult> {
  onPhase = phases;
  const q = input.quick ? 0.1 : 1;
  const n = (x: number) => Math.max(2, Math.round(x * q));
  const out = {} as RoomBenchResult;
  out.delivery = [];
  for (const k of [2, 8]) {
    progress(`delivery, rooms of ${k}`);
    out.delivery.push({ ...(await delivery(input, k, n(k === 2 ? 500 : 300), 4, n(300))), store: 'memory' });
  }
  if (input.redisAppUrl) {
    progress('delivery, rooms of 2, Redis store');
    out.delivery.push({
      ...(await delivery({ ...input, appUrl: input.redisAppUrl }, 2, n(500), 4, n(300))),
      store: 'redis',
    });
  }
  progress('throughput');
  out.throughput = await throughput(input, 8, 4, 4, n(4000), 4, n(2000));
  progress('held messages');
  out.held = await held(input, n(600), n(60));
  if (input.yjs !== false) {
    progress('agreement sync (Yjs)');
    out.yjs = await yjs(input, n(300), 4, n(100));
  }
  for (const s of sockets.splice(0)) s.disconnect();
  out.clientEventLoopUtilization = clientElu.result();
  return out;
}

if (!isMainThread && (workerData as { bench?: string } | null)?.bench === 'room') {
  const input = (workerData as { input: RoomBenchInput }).input;
  benchRooms(
    input,
    (s) => parentPort!.postMessage({ type: 'progress', text: s }),
    (name) => parentPort!.postMessage({ type: 'phase', name }),
  ).then(
    (result) => parentPort!.postMessage({ type: 'result', result }),
    (err: Error) => parentPort!.postMessage({ type: 'error', message: err?.stack ?? String(err) }),
  );
}
