/**
 * `npm run bench`: the heat analyzer's speed (benchHeat), then the room benchmarks against the app
 * started in-process on 127.0.0.1:0, each divided by a baseline measured in the same run.
 *
 * The app and the baselines (test/bench/baseline.ts) serve from this thread; the load generator
 * (test/bench/room.bench.ts) runs in a worker thread, so clients and servers do not share one event
 * loop. Prints tables and writes the raw figures to .tmp/bench.json.
 *
 * Then a couple's room with 10,000 messages against a fresh one (test/bench/history.bench.ts), and, with the
 * in-process servers closed, the load sweep (test/bench/sweep.ts: the compiled service and a bare socket.io
 * server as processes of their own, 3,000 sockets each, rates rising until p99 passes 100 ms; it writes the
 * plot docs/bench-sweep.svg).
 *
 * BENCH_QUICK=1 scales every count down (a smoke run; the plot goes to .tmp/); BENCH_YJS=0 skips the agreement
 * sync bench; BENCH_SWEEP=0 the sweep, BENCH_SWEEP=only runs it alone; BENCH_SWEEP_ROOMS the sweep's rooms (default 1,000).
 */
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { hasRedisServer, startRedisServer, type RedisServer } from '../helpers/redisServer.js';
import { startBaseline } from './baseline.js';
import { historyRow, type HistoryRow } from './history.bench.js';
import { printSweep, runSweep, writeSweepPlot, type SweepResult } from './sweep.js';
import { benchHeat } from './heat.bench.js';
import type { RoomBenchInput, RoomBenchResult } from './room.bench.js';
import { EluMeter, ratios, table, type Percentiles, type Ratios } from './stats.js';

const quick = process.env.BENCH_QUICK === '1';
const withYjs = process.env.BENCH_YJS !== '0';
const withSweep = process.env.BENCH_SWEEP !== '0';
const onlySweep = process.env.BENCH_SWEEP === 'only';

function version(pkg: string): string {
  try {
    return JSON.parse(readFileSync(new URL(`../../node_modules/${pkg}/package.json`, import.meta.url), 'utf8')).version;
  } catch {
    return '?';
  }
}

function machine() {
  let nproc = os.availableParallelism?.() ?? os.cpus().length;
  try {
    nproc = Number(execSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    /* not on this system */
  }
  return {
    nproc,
    cpu: os.cpus()[0]?.model ?? '?',
    memGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    socketIo: version('socket.io'),
    yWebsocket: version('y-websocket'),
    yjs: version('yjs'),
    date: new Date().toISOString(),
  };
}

/** Runs the room benchmarks' client side in a worker thread (loaded through tsx). */
function runWorker(
  input: RoomBenchInput,
  onProgress: (s: string) => void,
  onPhase: (name: string) => void,
): Promise<RoomBenchResult> {
  const file = new URL('./room.bench.ts', import.meta.url).href;
  const boot =
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ` +
    `${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(boot, { eval: true, workerData: { bench: 'room', input } });
  return new Promise((resolve, reject) => {
    worker.on(
      'message',
      (m: { type: string; text?: string; name?: string; result?: RoomBenchResult; message?: string }) => {
        if (m.type === 'progress') onProgress(m.text!);
        else if (m.type === 'phase') onPhase(m.name ?? '');
        else if (m.type === 'result') {
          resolve(m.result!);
          void worker.terminate();
        } else if (m.type === 'error') {
          reject(new Error(m.message));
          void worker.terminate();
        }
      },
    );
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`bench worker exited (${code}) without a result`)));
  });
}

const pRow = (label: string, p: Percentiles): (string | number)[] => [label, p.p50, p.p95, p.p99, String(p.n)];
const rRow = (label: string, r: Ratios): (string | number)[] => [label, `${r.p50}x`, `${r.p95}x`, `${r.p99}x`, ''];

/** BENCH_SWEEP=only: the load sweep alone. */
async function sweepOnly(): Promise<void> {
  const sweep = await runSweep(quick, (s) => console.log(`${s} ...`));
  const plotFile = writeSweepPlot(sweep, quick);
  mkdirSync(new URL('../../.tmp/', import.meta.url), { recursive: true });
  const figures = { machine: machine(), quick, sweep: { ...sweep, plot: plotFile } };
  writeFileSync(new URL('../../.tmp/bench-sweep.json', import.meta.url), `${JSON.stringify(figures, null, 2)}\n`);
  printSweep(sweep);
  console.log(`plot: ${plotFile}; raw figures: .tmp/bench-sweep.json`);
}

async function main(): Promise<void> {
  if (onlySweep) return sweepOnly();
  const started = performance.now();
  const info = machine();
  console.log(
    `Benchmarks: ${info.nproc} cores (${info.cpu}), node ${info.node}, socket.io ` +
      `${info.socketIo}${quick ? ' [QUICK]' : ''}\n`,
  );

  // 1. the analyzer alone, before any server runs
  console.log('heat analyzer ...');
  const heat = (await benchHeat()) as Record<string, any>;

  // 2. the app and the baselines, in this process, on 127.0.0.1 with a free port each
  const benchConfig = testConfig({ port: 0, host: '127.0.0.1', rateLimitFactor: 1e6, logLevel: 'silent' });
  const app = createApp(benchConfig);
  const appUrl = await app.listen();
  const baseline = await startBaseline();
  // The same app on the Redis store, against a private redis-server (skipped without the binary).
  let redis: RedisServer | undefined;
  let redisApp: ReturnType<typeof createApp> | undefined;
  if (hasRedisServer()) {
    redis = await startRedisServer();
    redisApp = createApp(benchConfig, { store: await new RedisStore(redis.url, 'bench:').ready() });
  } else console.log('redis-server not found: the Redis store figures are skipped');
  const redisAppUrl = redisApp ? await redisApp.listen() : undefined;

  // the server thread's event-loop utilization, summed by the worker's measured blocks
  const serverElu = new EluMeter();
  let rooms: RoomBenchResult;
  let history: HistoryRow;
  try {
    rooms = await runWorker(
      { appUrl, baseUrl: baseline.socketUrl, relayUrl: baseline.relayUrl, redisAppUrl, quick, yjs: withYjs },
      (s) => console.log(`${s} ...`),
      (name) => serverElu.enter(name),
    );
    const messages = quick ? 1000 : 10_000;
    console.log(`a room with ${messages} messages against a fresh one ...`);
    history = await historyRow(appUrl, messages, quick ? 4 : 10, 100);
  } finally {
    await baseline.close();
    await app.close();
    await redisApp?.close();
    await redis?.stop();
  }

  const elu = serverElu.result();
  // 3. with the in-process servers closed: the sweep's servers have the machine to themselves
  let sweep: SweepResult | undefined;
  if (withSweep) sweep = await runSweep(quick, (s) => console.log(`${s} ...`));
  const plotFile = sweep ? writeSweepPlot(sweep, quick) : undefined;

  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const sweepFigures = sweep ? { ...sweep, plot: plotFile } : undefined;
  const result = {
    machine: info,
    quick,
    seconds,
    heat,
    rooms,
    history,
    sweep: sweepFigures,
    serverEventLoopUtilization: elu,
  };
  mkdirSync(new URL('../../.tmp/', import.meta.url), { recursive: true });
  writeFileSync(new URL('../../.tmp/bench.json', import.meta.url), JSON.stringify(result, null, 2) + '\n');

  // ------------------------------------------------------------------ tables
  const H = ['', 'p50 ms', 'p95 ms', 'p99 ms', 'n'];
  for (const d of rooms.delivery) {
    const onRedis = d.store === 'redis' ? ', app on the Redis store' : '';
    console.log(
      `\nMessage delivery${onRedis}, room of ${d.participants}, one message in flight (send -> 'message' on ` +
        `each other socket), ${d.messages} messages`,
    );
    console.log(
      table(H, [
        pRow('pipeline, each receipt', d.pipeline.receipt),
        pRow('bare socket.io, each receipt', d.baseline.receipt),
        rRow('ratio pipeline / bare', d.ratio.receipt),
        ...(d.participants > 2
          ? [
              pRow('pipeline, last receiver', d.pipeline.lastReceipt),
              pRow('bare socket.io, last receiver', d.baseline.lastReceipt),
              rRow('ratio pipeline / bare', d.ratio.lastReceipt),
            ]
          : []),
        pRow('pipeline, sender ack', d.pipeline.ack),
        pRow('bare socket.io, sender ack', d.baseline.ack),
        rRow('ratio pipeline / bare', d.ratio.ack),
      ]),
    );
    const ev = (o: Record<string, number>) =>
      Object.entries(o)
        .map(([e, n]) => `${e} ${n}`)
        .join(', ');
    console.log(
      `events per socket per message: pipeline ${ev(d.pipeline.eventsPerReceiverPerMessage)}; bare ` +
        `${ev(d.baseline.eventsPerReceiverPerMessage)}`,
    );
    if (d.pipeline.errors + d.baseline.errors > 0)
      console.log(`refused sends: pipeline ${d.pipeline.errors}, bare ${d.baseline.errors}`);
  }

  const t = rooms.throughput;
  console.log(
    `\nThroughput: ${t.rooms} rooms of ${t.participants}, ${t.window} messages in flight per room, ` +
      `${t.seconds} s measured per target`,
  );
  console.log(
    table(
      ['', 'msgs/s', 'receipts/s', 'p50 ms', 'p95 ms', 'p99 ms', 'refused'],
      [
        [
          'pipeline',
          t.pipeline.messagesPerSec,
          t.pipeline.receiptsPerSec,
          t.pipeline.latency.p50,
          t.pipeline.latency.p95,
          t.pipeline.latency.p99,
          String(t.pipeline.errors),
        ],
        [
          'bare socket.io',
          t.baseline.messagesPerSec,
          t.baseline.receiptsPerSec,
          t.baseline.latency.p50,
          t.baseline.latency.p95,
          t.baseline.latency.p99,
          String(t.baseline.errors),
        ],
        [
          'ratio pipeline / bare',
          `${t.ratio.messagesPerSec}x`,
          '',
          `${t.ratio.latency.p50}x`,
          `${t.ratio.latency.p95}x`,
          `${t.ratio.latency.p99}x`,
          '',
        ],
      ],
    ),
  );

  const h = rooms.held;
  console.log(
    `\nHeld message (heated send -> ack with review) vs calm send -> ack 'delivered', same room, interleaved`,
  );
  console.log(
    table(H, [
      pRow('held, ack with review', h.held),
      pRow('calm, ack delivered', h.calm),
      rRow('ratio held / calm', h.ratio),
    ]),
  );
  if (h.unexpected > 0) console.log(`unexpected answers: ${h.unexpected} (breaks ended: ${h.breaksEnded})`);

  if (rooms.yjs) {
    const y = rooms.yjs;
    console.log(`\nAgreement sync: an edit by one y-websocket provider -> seen by the other, ${y.edits} edits`);
    console.log(
      table(H, [
        pRow('app /yjs endpoint', y.pipeline),
        pRow('bare ws relay', y.baseline),
        rRow('ratio app / relay', y.ratio),
      ]),
    );
  }

  console.log(
    `\nA room with ${history.messages} messages (${history.logEntries} log entries) against a fresh room, ` +
      `interleaved blocks, room of 2, one message in flight`,
  );
  console.log(
    table(H, [
      pRow('fresh room, receipt', history.receipt.fresh),
      pRow(`${history.messages} messages, receipt`, history.receipt.long),
      rRow('ratio long / fresh', ratios(history.receipt.long, history.receipt.fresh)),
      pRow('fresh room, sender ack', history.ack.fresh),
      pRow(`${history.messages} messages, sender ack`, history.ack.long),
      rRow('ratio long / fresh', ratios(history.ack.long, history.ack.fresh)),
    ]),
  );

  console.log('\nHeat analyzer (benchHeat, one core, microseconds per message)');
  const us = (label: string, x: { median: number; p99: number; n: number }) => [label, x.median, x.p99, String(x.n)];
  console.log(
    table(
      ['', 'median us', 'p99 us', 'n'],
      [
        us('no suggestions', heat.withoutSuggestionsUs),
        us('with suggestions', heat.withSuggestionsUs),
        us('held messages, with suggestions', heat.heldMessagesWithSuggestionsUs),
      ],
    ),
  );
  console.log(`model load ${heat.modelLoadMs} ms`);

  const cElu = rooms.clientEventLoopUtilization;
  console.log('\nEvent-loop utilization (share of time busy) during the measured blocks');
  console.log(
    table(
      ['block', 'server thread', 'load worker'],
      Object.keys(elu).map((k) => [k, elu[k], cElu[k] ?? NaN]),
    ),
  );
  if (sweep) {
    printSweep(sweep);
    console.log(`plot: ${plotFile}`);
  }
  console.log(`\nraw figures: .tmp/bench.json (${seconds} s in all)`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
