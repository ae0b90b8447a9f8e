/**
 * Issue 13's memory breakdown: starts the service (dist/server/main.js, as the sweep does) and the bare
 * socket.io server, and reads RSS and heap at start, with 1,000 rooms x 3 connected and after a minute of
 * traffic at 375 msg/s. `npx tsx test/bench/rssBreakdown.ts` after `npm run build:server` and one sweep
 * (for .tmp/bench-baseline.mjs); env: STORE (service store, default memory), WARM_UP_SECONDS, ROOMS,
 * TRAFFIC_MS, SNAP=1 (heap snapshots into .tmp/), SERVICE_NODE_ARGS (node flags for the service).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SweepCommand, SweepTarget } from './sweepLoad.js';
import { listeningUrl, SERVICE_NODE_FLAGS } from './serviceChild.js';

const root = new URL('../../', import.meta.url);
const rooms = Number(process.env.ROOMS ?? 1000);
const trafficMs = Number(process.env.TRAFFIC_MS ?? 60000);
const mb = (b: number) => Math.round(b / 1e5) / 10;
const rss = (pid: number) =>
  Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 102.4) / 10;

/** The service runs with `npm start`'s flags, or SERVICE_NODE_ARGS instead (to compare settings; "" for none) */
const nodeArgs = (target: string) =>
  target !== 'service'
    ? []
    : process.env.SERVICE_NODE_ARGS === undefined
      ? SERVICE_NODE_FLAGS
      : process.env.SERVICE_NODE_ARGS.split(' ').filter(Boolean);

async function start(file: string, target: string, env: Record<string, string>) {
  const out = new URL(`.tmp/mem-${target}.json`, root).pathname;
  const child = spawn(
    process.execPath,
    [...nodeArgs(target), '--expose-gc', '--import', new URL('./memHook.mjs', import.meta.url).pathname, file],
    {
      cwd: root,
      env: {
        ...process.env,
        REDIS_URL: '',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'error',
        RATE_LIMIT_FACTOR: '1000000',
        FACILITATOR: 'local',
        MEM_OUT: out,
        ...(process.env.SNAP ? { MEM_SNAP: new URL(`.tmp/snap-${target}`, root).pathname } : {}),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return { child, url: await listeningUrl(child), out };
}

async function read(s: { child: ChildProcess; out: string }) {
  const r = rss(s.child.pid!);
  rmSync(s.out, { force: true });
  s.child.kill('SIGUSR2');
  while (!existsSync(s.out)) await new Promise((res) => setTimeout(res, 50));
  await new Promise((res) => setTimeout(res, 100));
  const m = JSON.parse(readFileSync(s.out, 'utf8'));
  return {
    rss: r,
    heapUsed: mb(m.before.heapUsed),
    heapTotal: mb(m.before.heapTotal),
    liveHeap: mb(m.after.heapUsed),
    external: mb(m.after.external),
    arrayBuffers: mb(m.after.arrayBuffers),
    rssAfterGc: mb(m.after.rss),
    spaces: m.spaces,
  };
}

const worker = new Worker(
  `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(new URL('./sweepLoad.ts', import.meta.url).href)}, ${JSON.stringify(import.meta.url)}))`,
  { eval: true },
);
let id = 0;
const send = (command: SweepCommand) =>
  new Promise<any>((resolve, reject) => {
    const my = id++;
    const on = (m: { id: number; result?: unknown; error?: string }) => {
      if (m.id !== my) return;
      worker.off('message', on);
      if (m.error) reject(new Error(m.error));
      else resolve(m.result);
    };
    worker.on('message', on);
    worker.postMessage({ id: my, command });
  });

const servers: Record<SweepTarget, Awaited<ReturnType<typeof start>>> = {
  service: await start('dist/server/main.js', 'service', {}),
  bare: await start(new URL('.tmp/bench-baseline.mjs', root).pathname, 'bare', {}),
};
await new Promise((r) => setTimeout(r, 1000));
const rows: Record<string, unknown>[] = [];
for (const t of ['service', 'bare'] as const) rows.push({ phase: 'start', t, ...(await read(servers[t])) });
for (const t of ['service', 'bare'] as const)
  await send({ cmd: 'connect', target: t, url: servers[t].url, rooms, people: 3 });
await new Promise((r) => setTimeout(r, 1000));
for (const t of ['service', 'bare'] as const) rows.push({ phase: 'connected', t, ...(await read(servers[t])) });
for (const t of ['service', 'bare'] as const) {
  const r = await send({
    cmd: 'step',
    target: t,
    rate: Math.round((375 * rooms) / 1000),
    ms: trafficMs,
    firstMs: 2000,
    drainMs: 5000,
  });
  console.error(`${t}: sent ${r.sent}, lost ${r.lost}, refused ${r.refused}, p99 ${r.latency.p99}`);
}
await new Promise((r) => setTimeout(r, 1000));
for (const t of ['service', 'bare'] as const) rows.push({ phase: 'after traffic', t, ...(await read(servers[t])) });
console.table(rows.map(({ spaces, ...r }) => r));
for (const r of rows) console.log(r.phase, r.t, JSON.stringify(r.spaces));
for (const t of ['service', 'bare'] as const) await send({ cmd: 'disconnect', target: t });
await worker.terminate();
for (const s of Object.values(servers)) s.child.kill('SIGTERM');
