import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(repo, 'client/dist');
export const shots = path.join(repo, 'docs/screenshots');
const bin = (name: string) => path.join(repo, 'node_modules/.bin', name);

/** Builds the client unless E2E_SKIP_BUILD is set and a build exists. */
export function buildClient(): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(path.join(dist, 'index.html'))) return;
  execFileSync(bin('vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit', timeout: 120_000 });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `tsx server/main.ts` on a free port and resolves with its URL. */
export function startServer(): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', STATIC_DIR: dist, RATE_LIMIT_FACTOR: '100', LOG_LEVEL: 'error' };
  // The memory store and the local facilitator: no Redis, no model.
  for (const key of ['REDIS_URL', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'FACILITATOR', 'PUBLIC_URL']) delete env[key];
  const child = spawn(bin('tsx'), ['server/main.ts'], {
    cwd: repo,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 30 s:\n${out}`));
    }, 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
              child.once('exit', () => {
                clearTimeout(kill);
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** A page that records every console error and uncaught exception. */
export async function openPage(context: BrowserContext, errors: string[], who: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[${who}] console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`[${who}] page error: ${e.message}`));
  return page;
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage, animations: 'disabled' });
}

/** No sideways scrolling at this page's width. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}
