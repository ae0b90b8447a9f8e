import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * A first `npm start`, as a newcomer meets it: a setting or a busy port ends the start with one line
 * that says what to do (no stack trace), and the start line says where it listens and where rooms are kept.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mr-first-run-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the server until it prints its store line or exits; what it printed, and its exit code (null: running). */
function start(env: Record<string, string>): Promise<{ out: string; err: string; code: number | null }> {
  const base: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'error', DATA_DIR: dir };
  for (const key of ['PORT', 'HOST', 'STORE', 'REDIS_URL']) delete base[key];
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...base, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let [out, err] = ['', ''];
  return new Promise((resolve) => {
    proc.stdout.on('data', (d) => {
      out += String(d);
      if (!out.includes('Store:')) return;
      proc.kill('SIGTERM');
      proc.once('exit', () => resolve({ out, err, code: null }));
    });
    proc.stderr.on('data', (d) => {
      err += String(d);
    });
    proc.once('exit', (code) => {
      if (code !== null) resolve({ out, err, code });
    });
  });
}

const lines = (text: string) => text.trim().split('\n');

describe('first run', () => {
  it('a PORT that is not a port: one line that names it, exit 1', async () => {
    const run = await start({ PORT: 'eighty' });
    expect(run.code).toBe(1);
    expect(lines(run.err)).toEqual([
      'Mediation Rooms could not start: PORT (now "eighty"): PORT should be a number from 0 to 65535',
    ]);
  });

  it('a port in use: one line that says so and what to do, exit 1', async () => {
    const busy = net.createServer();
    await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
    const port = (busy.address() as net.AddressInfo).port;
    try {
      const run = await start({ PORT: String(port) });
      expect(run.code).toBe(1);
      expect(lines(run.err)).toEqual([
        `Mediation Rooms could not start: port ${port} is already in use on 127.0.0.1. ` +
          'Stop the other program, or set PORT to a free port.',
      ]);
    } finally {
      busy.close();
    }
  });

  it('listens on 127.0.0.1 by default and says where rooms are kept', async () => {
    const run = await start({ PORT: '0' });
    expect(run.err).toBe('');
    expect(run.out).toMatch(
      /^Mediation Rooms is running at http:\/\/127\.0\.0\.1:\d+ \(listening on 127\.0\.0\.1:\d+;/,
    );
    expect(run.out).toContain(`Store: files in ${dir} (DATA_DIR). Rooms are kept across restarts`);
  });

  it('STORE=memory says plainly that rooms are lost on restart', async () => {
    const run = await start({ PORT: '0', STORE: 'memory' });
    expect(run.out).toContain('Rooms are kept in memory only and are lost on restart.');
  });
});
