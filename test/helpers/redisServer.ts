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

export interface RedisOptions {
  bin?: string;
  /** Keep data on disk (append-only file) so a restart on the same port and dir finds it again. */
  persist?: boolean;
  port?: number;
  dir?: string;
}

/**
 * A private redis-server on a free port of 127.0.0.1, nothing saved to disk unless `persist`: never
 * the machine's own Redis, which may hold data or not be there.
 */
export async function startRedisServer(
  options: RedisOptions = {},
): Promise<RedisServer & { port: number; dir: string; pid: number }> {
  const bin = options.bin ?? process.env.REDIS_SERVER_BIN ?? 'redis-server';
  if (!hasRedisServer(bin)) {
    throw new Error(
      `This needs the redis-server binary ("${bin}"), which is not on PATH. Install it (Debian: apt-get ` +
        'install redis-server) or set REDIS_SERVER_BIN.',
    );
  }
  const port = options.port ?? (await freePort());
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'mr-redis-'));
  const persistence = options.persist ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  const child = spawn(
    bin,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir],
    { stdio: 'ignore' },
  );
  try {
    await waitForPing(port, child, 10_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill(options.persist ? 'SIGKILL' : 'SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!options.persist) rmSync(dir, { recursive: true, force: true });
    },
  };
}
