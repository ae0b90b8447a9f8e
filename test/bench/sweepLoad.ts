/**
 * The load sweep's generator (issue 13), run in a worker thread by test/bench/sweep.ts: one generator for
 * both servers. It connects people (real socket.io clients), then, on command, runs one step: every
 * person sends a calm message every I ms (open loop, spread evenly over the interval, whatever the acks
 * say) and each other member's receipt is timed on this thread's clock. A step reports latency
 * percentiles, the first seconds apart (the cold start), what was lost and what was refused.
 */
import { performance as nodePerformance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { percentiles, type Percentiles } from './stats.js';
import { CALM } from './calmMessages.js';

export type SweepTarget = 'service' | 'bare';

export type SweepCommand =
  | { cmd: 'connect'; target: SweepTarget; url: string; rooms: number; people: number }
  | { cmd: 'step'; target: SweepTarget; rate: number; ms: number; firstMs: number; drainMs: number }
  | { cmd: 'disconnect'; target: SweepTarget };

export interface StepResult {
  target: SweepTarget;
  rate: number;
  /** messages sent, receipts expected (each other member) and had */
  sent: number;
  expected: number;
  received: number;
  lost: number;
  /** sends the server answered with anything but `delivered` */
  refused: number;
  latency: Percentiles;
  /** receipts of messages sent in the step's first `firstMs`, and of the rest */
  first: Percentiles;
  rest: Percentiles;
  /** the generator's own event-loop utilization during the step (near 1: the generator was the limit) */
  generatorBusy: number;
}

/** The step now running for a target: where its receipts go. */
interface Running {
  prefix: string;
  sentAt: Float64Array;
  startNs: bigint;
  firstMs: number;
  people: number;
  first: number[];
  rest: number[];
  received: number;
}

const people = new Map<SweepTarget, Socket[]>();
const roomSize = new Map<SweepTarget, number>();
const running = new Map<SweepTarget, Running>();
let stepNo = 0;

/** A `message` event at the socket `at` (its place in the target's list). */
function onReceipt(target: SweepTarget, id: unknown, at: number): void {
  const run = running.get(target);
  if (typeof id !== 'string' || !run || !id.startsWith(run.prefix)) return;
  const m = Number(id.slice(run.prefix.length));
  // the sender's own copy, if the server sends one, is no receipt
  if (m % run.people === at) return;
  const nowMs = Number(process.hrtime.bigint() - run.startNs) / 1e6;
  const sentAt = run.sentAt[m];
  run.received++;
  (sentAt < run.firstMs ? run.first : run.rest).push(nowMs - sentAt);
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

/** A family room in open mode with k parties, made over HTTP: each party's token. */
async function serviceRoom(url: string, k: number): Promise<string[]> {
  const host = await post(url, '/api/rooms', { kind: 'family', name: 'Person 0', mode: 'open' });
  const tokens = [host.token as string];
  for (let i = 1; i < k; i++) {
    const invite = await post(url, `/api/rooms/${host.roomId}/invites`, { role: 'participant' }, host.token);
    tokens.push(
      (await post(url, `/api/rooms/${host.roomId}/join`, { inviteCode: invite.inviteCode, name: `P${i}` })).token,
    );
  }
  return tokens;
}

const placeOf = new WeakMap<Socket, number>();

async function connectOne(target: SweepTarget, url: string, auth: Record<string, string>): Promise<Socket> {
  const socket = connectSocket(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  socket.on('message', (m: { clientMsgId?: unknown } | undefined) =>
    onReceipt(target, m?.clientMsgId, placeOf.get(socket) ?? -1),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  if (target === 'service') {
    const entered = await socket.timeout(30_000).emitWithAck('room:enter', {});
    if (!entered?.ok) throw new Error(`room:enter failed: ${JSON.stringify(entered)}`);
  }
  return socket;
}

/** Runs `task(i)` for i < n, `width` at a time. */
async function pool<T>(n: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

async function connect(c: Extract<SweepCommand, { cmd: 'connect' }>): Promise<{ sockets: number; ms: number }> {
  const t0 = performance.now();
  const rooms = await pool(c.rooms, 16, async (r) => {
    const auths: Record<string, string>[] =
      c.target === 'service'
        ? (await serviceRoom(c.url, c.people)).map((token) => ({ token }))
        : Array.from({ length: c.people }, () => ({ room: `room-${r}` }));
    // one at a time per room: the service admits at most 20 handshakes in progress per address
    return pool(auths.length, 1, (i) => connectOne(c.target, c.url, auths[i]));
  });
  // Person-major: consecutive sends come from different rooms.
  const list: Socket[] = [];
  for (let p = 0; p < c.people; p++) for (const room of rooms) list.push(room[p]);
  list.forEach((socket, i) => placeOf.set(socket, i));
  people.set(c.target, list);
  roomSize.set(c.target, c.people);
  return { sockets: list.length, ms: Math.round(performance.now() - t0) };
}

async function step(c: Extract<SweepCommand, { cmd: 'step' }>): Promise<StepResult> {
  const list = people.get(c.target) ?? [];
  const perRoom = roomSize.get(c.target) ?? 1;
  const total = Math.ceil((c.rate * c.ms) / 1000);
  const run: Running = {
    prefix: `${c.target[0]}${stepNo++}-`,
    sentAt: new Float64Array(total),
    startNs: process.hrtime.bigint(),
    firstMs: c.firstMs,
    people: list.length,
    first: [],
    rest: [],
    received: 0,
  };
  running.set(c.target, run);
  const elu0 = nodePerformance.eventLoopUtilization();
  let refused = 0;
  let m = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = Number(process.hrtime.bigint() - run.startNs) / 1e6;
      const due = Math.min(total, Math.floor((now * c.rate) / 1000));
      for (; m < due; m++) {
        const socket = list[m % list.length];
        run.sentAt[m] = Number(process.hrtime.bigint() - run.startNs) / 1e6;
        socket.emit(
          'message:send',
          { clientMsgId: `${run.prefix}${m}`, text: CALM[m % CALM.length] },
          (answer: { ok?: boolean; status?: string } | undefined) => {
            if (answer?.status !== 'delivered') refused++;
          },
        );
      }
      if (m >= total) resolve();
      else setTimeout(tick, 1);
    };
    tick();
  });
  const busy = nodePerformance.eventLoopUtilization(elu0).utilization;
  const expected = total * (perRoom - 1);
  const drainEnd = performance.now() + c.drainMs;
  while (run.received < expected && performance.now() < drainEnd) await new Promise((r) => setTimeout(r, 20));
  running.delete(c.target);
  return {
    target: c.target,
    rate: c.rate,
    sent: total,
    expected,
    received: run.received,
    lost: expected - run.received,
    refused,
    latency: percentiles([...run.first, ...run.rest]),
    first: percentiles(run.first),
    rest: percentiles(run.rest),
    generatorBusy: Math.round(busy * 100) / 100,
  };
}

async function handle(c: SweepCommand): Promise<unknown> {
  if (c.cmd === 'connect') return connect(c);
  if (c.cmd === 'step') return step(c);
  for (const s of people.get(c.target) ?? []) s.disconnect();
  people.delete(c.target);
  return { ok: true };
}

parentPort?.on('message', (msg: { id: number; command: SweepCommand }) => {
  handle(msg.command).then(
    (result) => parentPort!.postMessage({ id: msg.id, result }),
    (err: Error) => parentPort!.postMessage({ id: msg.id, error: err?.stack ?? String(err) }),
  );
});
