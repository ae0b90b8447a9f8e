// Preloaded into a server by test/bench/rssBreakdown.ts (node --import): on SIGUSR2 writes process.memoryUsage()
// before and after a full GC to $MEM_OUT, and a heap snapshot to $MEM_SNAP-<n>.heapsnapshot if that is set.
import { writeFileSync } from 'node:fs';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

let n = 0;
process.on('SIGUSR2', () => {
  const before = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((x) => [
      x.space_name,
      [x.space_size, x.space_used_size].map((b) => Math.round(b / 1e5) / 10),
    ]),
  );
  globalThis.gc?.();
  const after = process.memoryUsage();
  if (process.env.MEM_SNAP) writeHeapSnapshot(`${process.env.MEM_SNAP}-${n}.heapsnapshot`);
  writeFileSync(process.env.MEM_OUT, JSON.stringify({ n: n++, before, after, spaces }));
});
