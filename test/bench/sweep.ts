/**
 * The load sweep (issue 13), part of `npm run bench`: the service as `npm start` runs it (compiled
 * JavaScript, dist/server/main.js, memory store, rate limits raised) and the bare socket.io server
 * (test/bench/baseline.ts, bundled and run with plain node), each a child process on 127.0.0.1 with a
 * free port, driven by one load generator in a worker thread (test/bench/sweepLoad.ts).
 *
 * ROOMS rooms of 3 people on each server (BENCH_SWEEP_ROOMS, default 1,000; BENCH_QUICK=1 a tenth), each
 * person sending a calm message every I ms; the rate rises step by step (rates scale with the rooms, so I
 * stays the same) until p99 passes 100 ms or receipts are lost, for each server, steps interleaved. RSS of
 * each server process with everyone connected and after the traffic; the server's CPU per step; the
 * first 2 s of the first step (right after start) against the rest.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { SERVICE_NODE_FLAGS } from './serviceChild.js';
import type { StepResult, SweepCommand, SweepTarget } from './sweepLoad.js';
import { sweepSvg } from './sweepPlot.js';
import { table, type Percentiles } from './stats.js';

const root = new URL('../../', import.meta.url);
const LIMIT_MS = 100;
const PEOPLE = 3;
/** Message rates for 1,000 rooms of 3 (one message per person every 8 s, 4 s, 2 s, 1 s, 0.5 s). */
const RATES = [375, 750, 1500, 3000, 6000];
const TARGETS: SweepTarget[] = ['service', 'bare'];

interface Server {
  pid: number;
  url: string;
  /** from spawn to /healthz answering */
  readyMs: number;
  child: ChildProcess;
}

export interface SweepStep extends StepResult {
  /** share of one core the server process used during the step */
  serverCores: number;
  held: boolean;
}

export interface SweepResult {
  rooms: number;
  people: number;
  stepSeconds: number;
  steps: SweepStep[];
  /** highest rate held (p99 <= 100 ms, nothing lost or refused), 0 if none */
  breakPoint: Record<SweepTarget, { held: number; broke?: number }>;
  ratio: number;
  rssMB: Record<SweepTarget, { connected: number; afterTraffic: number }>;
  readyMs: Record<SweepTarget, number>;
  connectMs: Record<SweepTarget, number>;
  /** step 0 (everyone's first message, right after start): its first 2 s against the rest */
  coldStart: Record<SweepTarget, { first: Percentiles; rest: Percentiles }>;
  opening: SweepStep[];
  plot: string;
}

function readProc(pid: number, file: string): string {
  return readFileSync(`/proc/${pid}/${file}`, 'utf8');
}
const rssMB = (pid: number) => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readProc(pid, 'status'))?.[1] ?? 0) / 1024);
/** user + system CPU time of a process in seconds (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = readProc(pid, 'stat').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function withoutKeys(env: NodeJS.ProcessEnv, keys: string[]): NodeJS.ProcessEnv {
  const out = { ...env };
  for (const k of keys) delete out[k];
  return out;
}

/** Starts a server process; it is ready when it prints its URL and `ready(response)` says so. */
async function start(
  command: string[],
  env: Record<string, string>,
  ready: (res: Response) => boolean,
): Promise<Server> {
  const t0 = performance.now();
  // BENCH_SWEEP_NODE_OPTIONS (e.g. --trace-gc) goes to the servers; what they print lands in .tmp/sweep-<pid>.log
  const extra = process.env.BENCH_SWEEP_NODE_OPTIONS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, ...command], {
    cwd: root,
    // the memory store and the local facilitator, whatever this shell has set
    env: { ...withoutKeys(process.env, ['REDIS_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL']), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (extra.length > 0) appendFileSync(new URL(`.tmp/sweep-${child.pid}.log`, root), chunk);
      if (out.includes('running at')) return;
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${command.join(' ')} exited (${code}): ${out}`)));
  });
  while (
    !(await fetch(`${url}/healthz`)
      .then(ready)
      .catch(() => false))
  )
    await new Promise((r) => setTimeout(r, 20));
  return { pid: child.pid!, url, readyMs: Math.round(performance.now() - t0), child };
}

async function stop(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function loadWorker(): { send: (c: SweepCommand) => Promise<any>; close: () => Promise<number> } {
  const file = new URL('./sweepLoad.ts', import.meta.url).href;
  const boot =
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ` +
    `${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(boot, { eval: true });
  const pending = new Map<number, { resolve: (x: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  worker.on('message', (m: { id: number; result?: unknown; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (m.error) p?.reject(new Error(m.error));
    else p?.resolve(m.result);
  });
  worker.on('error', (err) => {
    for (const p of pending.values()) p.reject(err);
  });
  return {
    send: (command) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, command });
      }),
    close: () => worker.terminate(),
  };
}

export async function runSweep(quick: boolean, progress: (s: string) => void): Promise<SweepResult> {
  const rooms = Number(process.env.BENCH_SWEEP_ROOMS ?? 1000) / (quick ? 10 : 1);
  const scale = (rooms * PEOPLE) / 3000;
  const rates = RATES.map((r) => Math.round(r * scale));
  const stepMs = quick ? 3000 : 8000;

  progress('sweep: building the service (npm run build:server) and the bare server');
  execSync('npm run build:server', { cwd: root, stdio: 'ignore' });
  const bareFile = new URL('.tmp/bench-baseline.mjs', root);
  await build({
    entryPoints: [new URL('./baselineMain.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: bareFile.pathname,
    logLevel: 'warning',
  });
  const env = {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    RATE_LIMIT_FACTOR: '1000000',
    FACILITATOR: 'local',
    // the file store, as `npm start` runs it, but in a directory of its own: each run's 1,000 rooms in the
    // project's data-store/ would be replayed by the next run's start
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'bench-sweep-')),
    // BENCH_SWEEP_WARM_UP=0: the service starts cold, to compare
    ...(process.env.BENCH_SWEEP_WARM_UP ? { WARM_UP_SECONDS: process.env.BENCH_SWEEP_WARM_UP } : {}),
  };
  const servers = {} as Record<SweepTarget, Server>;
  const load = loadWorker();
  try {
    // BENCH_SWEEP_SERVICE_FLAGS replaces npm start's node flags for the service (to compare; "" for none)
    const flags = process.env.BENCH_SWEEP_SERVICE_FLAGS?.split(' ').filter(Boolean) ?? SERVICE_NODE_FLAGS;
    servers.service = await start([...flags, 'dist/server/main.js'], env, (res) => res.ok);
    // the bare server has no /healthz: any answer (its 404) means it serves
    servers.bare = await start([bareFile.pathname], env, () => true);
    const connectMs = {} as Record<SweepTarget, number>;
    const rss = {} as SweepResult['rssMB'];
    for (const t of TARGETS) {
      progress(`sweep: ${rooms} rooms of ${PEOPLE} on the ${t} server`);
      connectMs[t] = (await load.send({ cmd: 'connect', target: t, url: servers[t].url, rooms, people: PEOPLE })).ms;
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const t of TARGETS) rss[t] = { connected: rssMB(servers[t].pid), afterTraffic: NaN };

    const steps: SweepStep[] = [];
    const runStep = async (t: SweepTarget, rate: number): Promise<SweepStep> => {
      progress(`sweep: ${t}, ${rate} msg/s`);
      const cpu0 = cpuSeconds(servers[t].pid);
      const wall0 = performance.now();
      const r: StepResult = await load.send({
        cmd: 'step',
        target: t,
        rate,
        ms: stepMs,
        firstMs: 2000,
        drainMs: quick ? 3000 : 5000,
      });
      const cores = (cpuSeconds(servers[t].pid) - cpu0) / ((performance.now() - wall0) / 1000);
      const held = r.latency.p99 <= LIMIT_MS && r.lost === 0 && r.refused === 0;
      // let a backlog drain before the other server's step
      await new Promise((res) => setTimeout(res, 500));
      return { ...r, serverCores: Math.round(cores * 100) / 100, held };
    };
    // Step 0, right after start: every person's first message (the cold start, and each room's first
    // message, which costs the service more: the facilitator opens the conversation). Not part of the sweep.
    const opening = {} as Record<SweepTarget, SweepStep>;
    for (const t of TARGETS) opening[t] = await runStep(t, rates[0]);
    const broken = new Set<SweepTarget>();
    const breakPoint = { service: { held: 0 }, bare: { held: 0 } } as SweepResult['breakPoint'];
    for (const [i, rate] of rates.entries()) {
      const order = i % 2 === 0 ? TARGETS : [...TARGETS].reverse();
      for (const t of order) {
        if (broken.has(t)) continue;
        const step = await runStep(t, rate);
        steps.push(step);
        if (step.held) breakPoint[t].held = rate;
        else {
          breakPoint[t].broke = rate;
          broken.add(t);
          rss[t].afterTraffic = rssMB(servers[t].pid);
        }
      }
    }
    for (const t of TARGETS) if (!broken.has(t)) rss[t].afterTraffic = rssMB(servers[t].pid);
    for (const t of TARGETS) await load.send({ cmd: 'disconnect', target: t });

    const coldStart = {
      service: { first: opening.service.first, rest: opening.service.rest },
      bare: { first: opening.bare.first, rest: opening.bare.rest },
    };
    const plot = sweepSvg(
      [
        { name: 'Mediation Rooms (dist/server/main.js)', color: '#1f6feb', points: series(steps, 'service') },
        { name: 'bare socket.io', color: '#888', points: series(steps, 'bare') },
      ],
      `p99 against load: ${rooms} rooms x ${PEOPLE} people (${rooms * PEOPLE} sockets), ${stepMs / 1000} s a step`,
      LIMIT_MS,
    );
    const ratio = breakPoint.bare.held ? Math.round((breakPoint.service.held / breakPoint.bare.held) * 100) / 100 : NaN;
    return {
      rooms,
      people: PEOPLE,
      stepSeconds: stepMs / 1000,
      steps,
      breakPoint,
      ratio,
      rssMB: rss,
      readyMs: { service: servers.service.readyMs, bare: servers.bare.readyMs },
      connectMs,
      coldStart,
      opening: TARGETS.map((t) => opening[t]),
      plot,
    };
  } finally {
    await load.close();
    for (const t of TARGETS) if (servers[t]) await stop(servers[t]);
  }
}

const series = (steps: SweepStep[], t: SweepTarget): [number, number][] =>
  steps.filter((s) => s.target === t).map((s) => [s.rate, s.latency.p99]);

/** The sweep's tables, for the bench's output. */
export function printSweep(s: SweepResult): void {
  console.log(
    `\nLoad sweep: ${s.rooms} rooms x ${s.people} people (${s.rooms * s.people} sockets per server), each person ` +
      `a calm message every I ms, ${s.stepSeconds} s a step, send -> 'message' at every other member`,
  );
  console.log(
    table(
      ['server, rate', 'I ms', 'p50 ms', 'p99 ms', 'max ms', 'lost', 'refused', 'server cores', 'generator', ''],
      [...s.opening.map((r) => ({ ...r, target: `${r.target} (step 0)` })), ...s.steps].map((r) => [
        `${r.target}, ${r.rate} msg/s`,
        Math.round(((s.rooms * s.people) / r.rate) * 1000),
        r.latency.p50,
        r.latency.p99,
        r.latency.max,
        String(r.lost),
        String(r.refused),
        r.serverCores,
        r.generatorBusy,
        r.held ? 'held' : 'BROKE',
      ]),
    ),
  );
  const bp = (t: SweepTarget) =>
    `${s.breakPoint[t].held} msg/s held${s.breakPoint[t].broke ? `, broke at ${s.breakPoint[t].broke}` : ', never broke'}`;
  console.log(`break points: service ${bp('service')}; bare socket.io ${bp('bare')}; ratio ${s.ratio}x`);
  console.log(
    table(
      ['RSS MB', 'connected', 'after traffic', 'start -> /healthz ms', 'connect all ms'],
      TARGETS.map((t) => [t, s.rssMB[t].connected, s.rssMB[t].afterTraffic, s.readyMs[t], s.connectMs[t]]),
    ),
  );
  console.log(`cold start: step 0's receipts of messages sent in its first 2 s against the rest`);
  console.log(
    table(
      ['', 'first 2 s p50', 'first 2 s p99', 'rest p50', 'rest p99'],
      TARGETS.map((t) => [
        t,
        s.coldStart[t].first.p50,
        s.coldStart[t].first.p99,
        s.coldStart[t].rest.p50,
        s.coldStart[t].rest.p99,
      ]),
    ),
  );
}

/** Writes the plot where docs/BENCHMARKS.md shows it (a quick run's to .tmp/, leaving the docs as they are). */
export function writeSweepPlot(s: SweepResult, quick: boolean): string {
  const path = quick ? '.tmp/bench-sweep.svg' : 'docs/bench-sweep.svg';
  writeFileSync(new URL(path, root), s.plot);
  return path;
}
