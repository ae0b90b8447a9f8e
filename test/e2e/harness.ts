import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = path.join(repo, 'client/dist');
/** Ignored by git; `npm run screenshots` copies them into docs/screenshots/ on purpose. */
export const shots = path.join(repo, 'test-results/screenshots');
const bin = (name: string) => path.join(repo, 'node_modules/.bin', name);

/** Builds the client unless E2E_SKIP_BUILD is set and a build exists. */
export function buildClient(): void {
  if (process.env.E2E_SKIP_BUILD && existsSync(path.join(dist, 'index.html'))) return;
  execFileSync(bin('vite'), ['build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repo,
    stdio: 'inherit',
    timeout: 120_000,
  });
}

export interface RunningServer {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `tsx server/main.ts` on a free port and resolves with its URL; `settings` add to its environment. */
export function startServer(settings: Record<string, string> = {}): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Several servers may run at once: none writes the project's data-store/ (unless a test sets STORE).
    STORE: 'memory',
    ...settings,
    PORT: '0',
    HOST: '127.0.0.1',
    STATIC_DIR: dist,
    RATE_LIMIT_FACTOR: '100',
    LOG_LEVEL: 'error',
  };
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

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/** A page that records every console error and uncaught exception. */
export async function openPage(context: BrowserContext, errors: string[], who: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  watchErrors(page, errors, who);
  return page;
}

/** Records a page's console errors and uncaught exceptions into `errors`. */
export function watchErrors(page: Page, errors: string[], who: string): void {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[${who}] console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`[${who}] page error: ${e.message}`));
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage, animations: 'disabled' });
}

/**
 * What would make someone scroll sideways at this page's width: the document wider than the window, a box that
 * sticks out past either edge (also when html/body hide the overflow, which only cuts content off), or a component
 * that scrolls sideways. Form fields scrolling their own long value (an invite link) are fine.
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const out: string[] = [];
    const doc = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (doc > width) out.push(`document is ${doc}px wide in a ${width}px window`);
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const classes =
        el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${classes}`;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('.visually-hidden, .skip-link, [hidden], [aria-hidden="true"] svg')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > width + 1 || r.left < -1) {
        out.push(`${describe(el)} spans ${Math.round(r.left)}..${Math.round(r.right)}px`);
        continue;
      }
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      if (scrolls && !el.matches('input, textarea, select') && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${describe(el)} scrolls sideways (${el.scrollWidth}px in ${el.clientWidth}px)`);
      }
    }
    return out.slice(0, 10);
  });
}

/** Form fields and buttons on screen without an accessible name (label, aria-label(ledby), or a button's own text). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      'input, select, textarea, button, [role="button"], [role="tab"], a[href]',
    )) {
      if (el instanceof HTMLInputElement && el.type === 'hidden') continue;
      if (el.closest('[hidden], .visually-hidden') || el.getClientRects().length === 0) continue;
      const byIds = (el.getAttribute('aria-labelledby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => text(document.getElementById(id)))
        .join(' ');
      const labels =
        'labels' in el && (el as HTMLInputElement).labels
          ? [...(el as HTMLInputElement).labels!].map(text).join(' ')
          : '';
      const own = el.matches('button, [role="button"], [role="tab"], a') ? text(el) : '';
      const name = [byIds, el.getAttribute('aria-label') ?? '', labels, own, el.getAttribute('title') ?? '']
        .join('')
        .trim();
      if (!name) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

/**
 * Text on screen whose colour against its (composited) background is below WCAG AA: 4.5:1, or 3:1 for large text
 * (24 px, or 18.66 px bold). Disabled controls are exempt, as WCAG says.
 */
export async function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type RGBA = [number, number, number, number];
    const parse = (c: string): RGBA => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const over = (top: RGBA, under: RGBA): RGBA => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    const lum = ([r, g, b]: RGBA) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ratio = (a: RGBA, b: RGBA) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x + 0.05) / (y + 0.05);
    };
    // The colour behind an element: its own and its ancestors' backgrounds, composited down to white.
    const background = (el: Element | null): RGBA => {
      const layers: RGBA[] = [];
      for (let e = el; e; e = e.parentElement) {
        const bg = parse(getComputedStyle(e).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      return layers.reduceRight<RGBA>((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const out: string[] = [];
    const seen = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      if (el.closest('.visually-hidden, .skip-link, [hidden], :disabled, option, script, style')) continue;
      if (el.getClientRects().length === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const bg = background(el);
      const [cr, cg, cb, ca] = parse(style.color);
      const fg = over([cr, cg, cb, ca * opacity], bg);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const r = ratio(fg, bg);
      const need = large ? 3 : 4.5;
      if (r < need) {
        const key = `${style.color}|${bg.join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          `${r.toFixed(2)}:1 (needs ${need}) "${n.textContent.trim().slice(0, 40)}" ${style.color} on ` +
            `rgb(${bg.slice(0, 3).map(Math.round).join(',')})`,
        );
      }
    }
    return out;
  });
}

/**
 * Whether the page's CSS turns motion off for people who ask for less (a prefers-reduced-motion rule that stops
 * animations).
 */
export async function reducedMotionRule(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const rules = (list: CSSRuleList): CSSRule[] =>
      [...list].flatMap((r) => (r instanceof CSSMediaRule ? [r, ...rules(r.cssRules)] : [r]));
    return [...document.styleSheets].some((sheet) =>
      rules(sheet.cssRules).some(
        (r) =>
          r instanceof CSSMediaRule &&
          /prefers-reduced-motion:\s*reduce/.test(r.conditionText) &&
          /animation/.test(r.cssText),
      ),
    );
  });
}
