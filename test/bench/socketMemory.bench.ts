/**
 * Heap per connected socket, run by hand (issue 13):
 *
 *   node --expose-gc --import tsx test/bench/socketMemory.bench.ts
 *
 * SOCKETS (default 1,000) sockets of one person connect to the app in this process; heap after GC, divided by
 * the count. The clients' own objects are in the figure too (the same for any server): compare versions, or
 * with BARE=1, the bare socket.io server of test/bench/baseline.ts measured the same way.
 */
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createApp } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import { startBaseline } from './baseline.js';

const SOCKETS = Number(process.env.SOCKETS ?? 1000);
const gc = (globalThis as { gc?: () => void }).gc;
function heap(): number {
  if (!gc) throw new Error('run with node --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

/** The server to connect to, and what a socket signs in with. */
async function target(): Promise<{ url: string; auth: Record<string, string>; close: () => Promise<void> }> {
  if (process.env.BARE === '1') {
    const bare = await startBaseline();
    return { url: bare.socketUrl, auth: { room: 'r1' }, close: () => bare.close() };
  }
  const app = createApp(testConfig({ port: 0, host: '127.0.0.1', rateLimitFactor: 1e6, logLevel: 'silent' }));
  const url = await app.listen();
  const res = await fetch(`${url}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'family', name: 'Ann' }),
  });
  const { token } = (await res.json()) as { token: string };
  return { url, auth: { token }, close: () => app.close() };
}

async function main(): Promise<void> {
  const { url, auth, close } = await target();
  const one = async (): Promise<Socket> => {
    const s = connectSocket(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  };
  // Warm: the first connections compile the code paths.
  for (let i = 0; i < 50; i++) (await one()).disconnect();
  await new Promise((r) => setTimeout(r, 500));
  const before = heap();
  const sockets: Socket[] = [];
  for (let i = 0; i < SOCKETS; i++) sockets.push(await one());
  await new Promise((r) => setTimeout(r, 1000));
  const server = process.env.BARE === '1' ? 'bare socket.io' : 'app';
  console.log(JSON.stringify({ server, sockets: SOCKETS, bytesPerSocket: Math.round((heap() - before) / SOCKETS) }));
  for (const s of sockets) s.disconnect();
  await close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
