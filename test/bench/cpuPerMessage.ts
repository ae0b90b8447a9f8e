import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { startService } from './serviceChild.js';
import type { SweepCommand } from './sweepLoad.js';

const trees = process.argv.slice(2).length ? process.argv.slice(2) : [process.cwd()];
const RATE = Number(process.env.RATE ?? 750);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const STEP_MS = Number(process.env.STEP_MS ?? 8000);
const ROOMS = Number(process.env.ROOMS ?? 1000);
const extra = process.env.NODE_OPTIONS_CHILD?.split(' ').filter(Boolean) ?? [];

function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

/** 'tree::--flag --flag': node options for this tree's child alone (e.g. to compare GC settings) */
function start(spec: string) {
  const [tree, own = ''] = spec.split('::');
  return startService(tree, { nodeArgs: [...extra, ...own.split(' ').filter(Boolean)], dirPrefix: 'cpu-bench-' });
}

function worker() {
  const file = new URL('./sweepLoad.ts', import.meta.url).href;
  const w = new Worker(
    `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`,
    { eval: true },
  );
  let next = 0;
  const pending = new Map<number, (x: any) => void>();
  w.on('message', (m: any) => {
    if (m.error) console.error(m.error);
    pending.get(m.id)?.(m.result);
    pending.delete(m.id);
  });
  return {
    send: (command: SweepCommand) =>
      new Promise<any>((r) => {
        const id = next++;
        pending.set(id, r);
        w.postMessage({ id, command });
      }),
    close: () => w.terminate(),
  };
}

const servers = [];
for (const tree of trees) servers.push({ tree, ...(await start(tree)), load: worker() });
for (const s of servers) await s.load.send({ cmd: 'connect', target: 'service', url: s.url, rooms: ROOMS, people: 3 });
const rate = Math.round((RATE * ROOMS) / 1000);
// step 0: every room's first message (the facilitator's opening), not counted
for (const s of servers)
  await s.load.send({
    cmd: 'step',
    target: 'service',
    rate,
    ms: 8000 * (ROOMS / 1000) * 1.0,
    firstMs: 0,
    drainMs: 3000,
  });
const rows: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const order = round % 2 ? [...servers].reverse() : servers;
  for (const s of order) {
    const cpu0 = cpuSeconds(s.child.pid!);
    const r = await s.load.send({ cmd: 'step', target: 'service', rate, ms: STEP_MS, firstMs: 0, drainMs: 5000 });
    const us = ((cpuSeconds(s.child.pid!) - cpu0) / r.sent) * 1e6;
    rows.push(
      `${s.tree}\tround ${round}\t${rate} msg/s\tsent ${r.sent}\tlost ${r.lost}\trefused ${r.refused}\tp50 ${r.latency.p50}\tp99 ${r.latency.p99}\tCPU/msg ${us.toFixed(0)} us`,
    );
    console.log(rows.at(-1));
    await new Promise((res) => setTimeout(res, 500));
  }
}
for (const s of servers) {
  await s.load.send({ cmd: 'disconnect', target: 'service' });
  await s.load.close();
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  await exited;
}
