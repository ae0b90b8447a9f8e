import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildClient, launch, openPage, repo, startServer, type RunningServer } from './harness.js';

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' };
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  reducedMotion: 'reduce',
};

export interface Journey {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** The page of each person, by the name given to useJourney. */
  readonly pages: Record<string, Page>;
  /** Console errors and uncaught exceptions of every page. */
  readonly errors: string[];
}

/**
 * One sequential browser journey, inside a describe.sequential: the app on a free port, Debian's Chromium,
 * one page per person on their device. Steps share the browsers, so after a failing step the later ones
 * are skipped, and each page is saved as test-results/e2e-<name>-failure-<person>.png.
 */
export function useJourney(
  name: string,
  people: Record<string, BrowserContextOptions>,
  settings: Record<string, string> = {},
): Journey {
  const journey = { pages: {} as Record<string, Page>, errors: [] as string[] } as {
    server: RunningServer;
    browser: Browser;
    pages: Record<string, Page>;
    errors: string[];
  };
  let failed = false;

  beforeAll(async () => {
    buildClient();
    journey.server = await startServer(settings);
    journey.browser = await launch();
    for (const [who, options] of Object.entries(people))
      journey.pages[who] = await openPage(await journey.browser.newContext(options), journey.errors, who);
  });

  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    failed = true;
    for (const [who, page] of Object.entries(journey.pages)) {
      const file = path.join(repo, 'test-results', `e2e-${name}-failure-${who}.png`);
      await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    }
    if (journey.errors.length) console.error(journey.errors.join('\n'));
  });

  afterAll(async () => {
    await journey.browser?.close();
    await journey.server?.stop();
  });

  return journey;
}
