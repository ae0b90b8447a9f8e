import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RedisServer {
  /** redis://127.0.0.1:PORT */
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
    s.once('data', (d) => {
      s.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    s.once('error', () => resolve(false));
  });
}

async function waitForPing(port: number, child: ChildProcess, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await ping(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within ${ms} ms`);
}

export function hasRedisServer(bin = process.env.REDIS_SERVER_BIN ?? 'redis-server'): boolean {
  return !spawnSync(bin, ['--version']).error;
}

/**
 * A private redis-server on a free port of 127.0.0.1, nothing saved to disk: never the machine's
 * own Redis, which may hold data or not be there.
 */
export async function startRedisServer(bin = process.env.REDIS_SERVER_BIN ?? 'redis-server'): Promise<RedisServer> {
  if (!hasRedisServer(bin)) {
    throw new Error(
      `This needs the redis-server binary ("${bin}"), which is not on PATH. Install it (Debian: apt-get install redis-server) or set REDIS_SERVER_BIN.`,
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-redis-'));
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  try {
    await waitForPing(port, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
