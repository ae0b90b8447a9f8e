import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../server/app.js';
import { testConfig } from '../../server/config.js';
import type { CreateRoomResponse, JoinResponse } from '../../shared/protocol.js';
import { json, openaiSettings, parts, slow, startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';
import { buildClient, dist, launch, openPage } from './harness.js';

/**
 * The web app with the `openai` engine (the app in-process, a fake OpenAI-compatible server on
 * 127.0.0.1): a preparation reply shows as it is written, then the final one replaces it; a held
 * message's review opens at once with local suggestions and updates in place when the model's come,
 * keeping what the person is typing.
 */

const CALM =
  'When I talk and get no reply, I feel hurt, because I need to be heard. Would you be willing to listen to me ' +
  'for a few minutes?';

describe.sequential('the web app with a model behind the facilitator', () => {
  let fake: FakeOpenAI;
  let app: App;
  let url: string;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  async function post<T>(path: string, body: unknown): Promise<T> {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T;
  }

  beforeAll(async () => {
    buildClient();
    fake = await startFakeOpenAI();
    app = createApp(testConfig({ ...openaiSettings(fake), openaiRoomTimeoutMs: 5000, staticDir: dist }));
    url = await app.listen();
    const host = await post<CreateRoomResponse>('/api/rooms', { kind: 'couple', name: 'Alex', mode: 'open' });
    await post<JoinResponse>(`/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Sam' });
    browser = await launch();
    ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    // This device already holds Alex's key for the room, as after starting it here.
    const stored = { ...host, name: 'Alex', savedAt: Date.now() };
    await ctx.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      `mediation-rooms:room:${host.roomId}`,
      JSON.stringify(stored),
    ] as const);
    page = await openPage(ctx, errors, 'host');
    await page.goto(`${url}/room/${encodeURIComponent(host.roomId)}`);
    // Alex starts in preparation, and enters the conversation.
    await page.getByRole('button', { name: 'Enter the conversation' }).click();
    await page.locator('#tab-room[aria-selected="true"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await fake?.close();
  });

  it('a preparation reply shows as it is written, then the final reply replaces it', async () => {
    await page.getByRole('tab', { name: /Private prep/ }).click();
    fake.script(
      'prepReply',
      parts(['{"text": "That sounds', ' really lonely, Alex.', ' What would help', ' most right now?"}'], 400),
    );
    await page.getByLabel('Write privately to the facilitator').fill('I feel lonely when plans are made without me.');
    await page.getByRole('button', { name: 'Send privately' }).click();
    const partial = page.getByTestId('prep-partial');
    await partial.getByText('That sounds').waitFor();
    await page
      .getByTestId('prep-entry')
      .getByText('That sounds really lonely, Alex. What would help most right now?')
      .waitFor();
    expect(await partial.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('a held message opens with local suggestions; the model’s replace them, typing stays', async () => {
    await page.getByRole('tab', { name: /Conversation/ }).click();
    fake.script('rewrite', slow(1200, json({ suggestions: [CALM] })));
    await page.getByLabel('Your message to the room').fill('You are such an idiot, you never listen');
    await page.getByLabel('Your message to the room').press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Before this goes to the room' });
    await dialog.waitFor();
    const first = (await dialog.getByTestId('suggestion').first().locator('p').textContent())?.trim();
    expect(first).not.toBe(CALM);
    await dialog.getByRole('button', { name: 'Write it my own way' }).click();
    // The box takes focus with the cursor after the words a moment later: fill once it has (as a person would).
    await page.waitForFunction(() => document.activeElement?.id === 'review-edit');
    await dialog.getByLabel('Your version').fill('I would like you to listen, please.');
    await dialog.getByTestId('suggestion').first().getByText(CALM).waitFor();
    await dialog.getByText('There are new suggestions below.').waitFor();
    expect(await dialog.getByLabel('Your version').inputValue()).toBe('I would like you to listen, please.');
    await dialog.getByRole('button', { name: 'Cancel editing' }).click();
    await dialog.getByTestId('suggestion').first().getByRole('button', { name: 'Send this' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Conversation' }).getByText(CALM).waitFor();
    expect(errors).toEqual([]);
  });
});
