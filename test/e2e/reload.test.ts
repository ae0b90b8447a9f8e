import type { Page } from 'playwright-core';
import { DESKTOP, useJourney } from './journey.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshot, type RunningServer } from './harness.js';

/**
 * Reload and restart (issue 12): Alex's unsent drafts and an open review survive a reload, and a room the
 * server no longer knows (closed, or lost in a restart of the memory store) says so plainly. Steps run in
 * order and share the browsers; after a failure the later ones are skipped.
 */
describe.sequential('reload and restart in the browser', () => {
  const journey = useJourney('reload', { alex: DESKTOP, sam: DESKTOP });
  const { errors } = journey;
  let server: RunningServer;
  let alex: Page;
  let sam: Page;
  beforeAll(() => {
    ({ server } = journey);
    ({ alex, sam } = journey.pages);
  });

  const composer = (page: Page) => page.getByLabel('Your message to the room');
  const prepBox = (page: Page) => page.getByLabel('Write privately to the facilitator');

  it('1. Alex starts a room and Sam joins; both enter the conversation', async () => {
    await alex.goto(server.url);
    await alex.getByLabel('A couple').check();
    await alex.getByLabel('What should others call you?').fill('Alex');
    await alex.getByLabel(/A name for the room/).fill('The flat');
    await alex.getByLabel('How should turns work?').selectOption('open');
    await alex.getByRole('button', { name: 'Start a room' }).click();
    await alex.waitForURL(/\/room\//);
    await alex.getByRole('button', { name: 'Enter the conversation' }).click();
    const link = await alex.getByLabel('Invite link').inputValue();
    await sam.goto(link);
    await sam.getByLabel('What should others call you?').fill('Sam');
    await sam.getByRole('button', { name: 'Join the room' }).click();
    await sam.waitForURL(/\/room\//);
    await sam.getByRole('button', { name: 'Enter the conversation' }).click();
    await sam.getByTestId('facilitator-entry').first().waitFor();
    await alex.getByRole('tab', { name: /Conversation/ }).click();
    await composer(alex).waitFor();
  });

  it('2. unsent drafts in the message box and the preparation box survive a reload, and go once sent', async () => {
    const draft = 'I would like us to talk about the rent';
    await composer(alex).fill(draft);
    await alex.getByRole('tab', { name: /Private prep/ }).click();
    await prepBox(alex).fill('I am not sure how to start');
    await alex.reload();
    await alex.getByRole('tab', { name: /Conversation/ }).click();
    await expect.poll(() => composer(alex).inputValue()).toBe(draft);
    await alex.getByRole('tab', { name: /Private prep/ }).click();
    await expect.poll(() => prepBox(alex).inputValue()).toBe('I am not sure how to start');
    // Kept for this tab only (sessionStorage): nothing of it in the device's lasting storage.
    const lasting = await alex.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(lasting).not.toContain('talk about the rent');
    expect(lasting).not.toContain('how to start');
    // Another person's tab has its own drafts.
    expect(await sam.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain('talk about the rent');

    await alex.getByRole('tab', { name: /Conversation/ }).click();
    await composer(alex).press('Enter');
    await sam.getByText(draft).waitFor();
    await expect.poll(() => composer(alex).inputValue()).toBe('');
    await alex.reload();
    await alex.getByRole('tab', { name: /Conversation/ }).click();
    await alex.getByText(draft).waitFor();
    expect(await composer(alex).inputValue()).toBe('');
  });

  it('3. a held message’s review opens again after a reload, for its sender only', async () => {
    const heated = 'You are such an idiot, you never listen';
    await composer(alex).fill(heated);
    await composer(alex).press('Enter');
    const dialog = () => alex.getByRole('dialog', { name: 'Before this goes to the room' });
    await dialog().waitFor();
    await alex.reload();
    await dialog().waitFor();
    expect(await dialog().getByText('You are such an idiot', { exact: false }).count()).toBeGreaterThan(0);
    await screenshot(alex, 'reload-01-review-reopened');
    // Sam reloads too: nothing of Alex's held words reaches Sam's screen.
    await sam.reload();
    await sam.getByTestId('facilitator-entry').first().waitFor();
    expect(await sam.getByRole('dialog').count()).toBe(0);
    expect(await sam.getByText(heated).count()).toBe(0);
    await dialog().getByRole('button', { name: 'Take it back to my draft' }).click();
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => composer(alex).inputValue()).toBe(heated);
    // Taken back: a reload does not reopen it, and the words wait in the draft.
    await alex.reload();
    await alex.getByRole('tab', { name: /Conversation/ }).click();
    await expect.poll(() => composer(alex).inputValue()).toBe(heated);
    expect(await dialog().count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('4. a room the server no longer knows says plainly that it is gone, with a way back to the start', async () => {
    // As after a restart of the memory store: this device still has a key the server does not know.
    await alex.evaluate(() => {
      const creds = { roomId: 'gone-room', participantId: 'p1', role: 'host', token: 'not-known', name: 'Alex' };
      localStorage.setItem('mediation-rooms:room:gone-room', JSON.stringify({ ...creds, savedAt: Date.now() }));
    });
    await alex.goto(`${server.url}/room/gone-room`);
    const gone = alex.getByTestId('room-gone');
    await gone.getByRole('heading', { name: 'This room is no longer here' }).waitFor();
    expect(await alex.getByText('Connecting you to the room').count()).toBe(0);
    expect(await alex.getByText('does not work any more').count()).toBe(0);
    await screenshot(alex, 'reload-02-room-gone');
    await gone.getByRole('button', { name: 'Back to the start page' }).click();
    await alex.getByRole('button', { name: 'Start a room' }).waitFor();
    expect(await alex.evaluate(() => localStorage.getItem('mediation-rooms:room:gone-room'))).toBeNull();
    expect(
      errors.filter((e) => !e.includes('unauthorized')),
      errors.join('\n'),
    ).toEqual([]);
  });
});
