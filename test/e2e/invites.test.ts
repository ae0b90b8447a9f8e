import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import type { CreateRoomResponse, JoinResponse } from '../../shared/protocol.js';
import { buildClient, dist, launch, openPage } from './harness.js';

/** Issue 12 in the browser: a link's expiry and "Stop this link"; the plain gone message; leaving a room. */
describe.sequential('invites and leaving in the web app', () => {
  let app: App;
  let url: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];

  async function post<T>(path: string, body?: unknown, token?: string): Promise<{ status: number; json: T }> {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: res.status === 204 ? (undefined as T) : ((await res.json()) as T) };
  }

  /** A page on a device that holds `creds` for the room (as after starting or joining it there). */
  async function deviceOf(creds: { roomId: string } & object, name: string): Promise<Page> {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    contexts.push(ctx);
    const stored = { ...creds, name, savedAt: Date.now() };
    await ctx.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      `mediation-rooms:room:${creds.roomId}`,
      JSON.stringify(stored),
    ] as const);
    return openPage(ctx, errors, name);
  }

  beforeAll(async () => {
    buildClient();
    app = createApp(testConfig({ staticDir: dist }));
    url = await app.listen();
    browser = await launch();
  });

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close();
    await browser?.close();
    await app?.close();
  });

  it('the host sees until when the link works, stops it, and whoever opens it is told plainly', async () => {
    const host = (await post<CreateRoomResponse>('/api/rooms', { kind: 'couple', name: 'Alex' })).json;
    const page = await deviceOf(host, 'Alex');
    await page.goto(`${url}/room/${encodeURIComponent(host.roomId)}`);
    const link = await page.getByLabel('Invite link').inputValue();
    await page
      .getByTestId('invite-expiry')
      .getByText(/^Works until .+ It lets one person in\.$/)
      .waitFor();
    await page.getByRole('button', { name: 'Stop this link' }).click();
    await page.getByText('That link no longer works.', { exact: false }).waitFor();
    expect(await page.getByLabel('Invite link').count()).toBe(0);

    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(ctx);
    const guest = await openPage(ctx, errors, 'Sam');
    await guest.goto(link);
    await guest.getByLabel('What should others call you?').fill('Sam');
    await guest.getByRole('button', { name: 'Join the room' }).click();
    await guest
      .getByTestId('invite-gone')
      .getByText(
        'This invite link was stopped by the person who made it. Ask them for a new one if you still need one.',
      )
      .waitFor();
  });

  it('a participant leaves the room after confirming; their key stops working', async () => {
    const host = (await post<CreateRoomResponse>('/api/rooms', { kind: 'couple', name: 'Alex' })).json;
    const sam = (
      await post<JoinResponse>(`/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Sam' })
    ).json;
    const page = await deviceOf(sam, 'Sam');
    await page.goto(`${url}/room/${encodeURIComponent(host.roomId)}`);
    await page.getByRole('button', { name: 'Leave this room' }).click();
    await page.getByTestId('leave-confirm').getByText('you would need a new invite link', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Yes, leave the room' }).click();
    await page.waitForURL(`${url}/`);
    const view = await fetch(`${url}/api/rooms/${host.roomId}`, { headers: { authorization: `Bearer ${sam.token}` } });
    expect(view.status).toBe(401);
    // The host has no such control: the host closes the room instead.
    const hostPage = await deviceOf(host, 'Alex');
    await hostPage.goto(`${url}/room/${encodeURIComponent(host.roomId)}`);
    await hostPage.getByRole('heading', { name: 'People' }).waitFor();
    expect(await hostPage.getByRole('button', { name: 'Leave this room' }).count()).toBe(0);
    // The browser logs the stopped link's 410 itself; nothing else went wrong.
    expect(errors.filter((e) => !e.includes('status of 410 (Gone)'))).toEqual([]);
  });
});
