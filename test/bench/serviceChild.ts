/**
 * A tree's built service (dist/server/main.js) as a child process, as the per-message benches start it: memory of
 * nothing earlier (the file store in a fresh DATA_DIR), the local facilitator, rate limits raised, on a free port;
 * resolves once /healthz answers.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The node flags `npm start` runs the service with (package.json config.nodeFlags: a young generation of at
 * most 8 MB a semi-space), so that the benches measure the service as it is run.
 */
export const SERVICE_NODE_FLAGS: string[] = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { config: { nodeFlags: string } }
).config.nodeFlags
  .split(' ')
  .filter(Boolean);

export async function startService(
  tree: string,
  options: { nodeArgs?: string[]; dirPrefix: string; env?: Record<string, string> },
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...(options.nodeArgs ?? []), 'dist/server/main.js'], {
    cwd: tree,
    env: {
      ...process.env,
      REDIS_URL: '',
      OPENAI_API_KEY: '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'error',
      RATE_LIMIT_FACTOR: '1000000',
      FACILITATOR: 'local',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), options.dirPrefix)),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await listeningUrl(child);
  while (
    !(await fetch(`${url}/healthz`)
      .then((r) => r.ok)
      .catch(() => false))
  )
    await new Promise((r) => setTimeout(r, 50));
  return { child, url };
}

/** The URL a starting service prints ("running at http://..."). */
export function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
}
