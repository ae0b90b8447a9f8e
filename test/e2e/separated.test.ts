import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, useJourney } from './journey.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, lowContrastText, screenshot, unlabelledControls, type RunningServer } from './harness.js';

/**
 * Issue 11 in two browsers: Alex (desktop) starts a room; Sam (a 390 px phone) joins, answers the safety
 * questions in private preparation, is offered a separated room and asks for it; the room switches
 * for both, Sam's words stay on Sam's side, and a point reaches Alex only after Sam approves its exact
 * words (heated words cannot be approved as written). Sequential steps, as in session.test.ts.
 */
describe.sequential('screening and a separated room in the browser', () => {
  const journey = useJourney('separated', { host: DESKTOP, guest: PHONE });
  const { errors } = journey;
  let server: RunningServer;
  let host: Page;
  let guest: Page;
  let link: string;
  beforeAll(() => {
    ({ server } = journey);
    ({ host, guest } = journey.pages);
  });

  async function screen(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(errors, errors.join('\n')).toEqual([]);
    expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toEqual([]);
    expect(await unlabelledControls(page), `${name}: controls without a name`).toEqual([]);
    expect(await lowContrastText(page), `${name}: text below AA contrast`).toEqual([]);
  }

  it('1. the start page offers a separated room, explained in plain words', async () => {
    await host.goto(server.url);
    const box = host.getByLabel(/A separated room/);
    await box.waitFor();
    await host.getByText('Nothing reaches the other person until its writer has seen the exact words').waitFor();
    await screen(host, '20-start-separated-option');
    expect(await box.isChecked()).toBe(false);
    await host.getByLabel('A couple').check();
    await host.getByLabel('What should others call you?').fill('Alex');
    await host.getByRole('button', { name: 'Start a room' }).click();
    await host.waitForURL(/\/room\//);
    link = await host.getByLabel('Invite link').inputValue();
  });

  it('2. preparation starts with the safety questions, easy to skip', async () => {
    await host.getByTestId('screening').waitFor();
    await host.getByText('Mediators ask everyone these questions').waitFor();
    await screen(host, '21-screening');
    await host.getByRole('button', { name: 'Skip these questions' }).click();
    await host.getByText('You skipped the safety questions.').waitFor();
    expect(await host.getByTestId('screening').count()).toBe(0);
  });

  it('3. on a phone, answers that show risk get a private offer with clickable help', async () => {
    await guest.goto(link);
    await guest.getByLabel('What should others call you?').fill('Sam');
    await guest.getByRole('button', { name: 'Join the room' }).click();
    await guest.waitForURL(/\/room\//);
    await guest.getByRole('tab', { name: /Private prep/ }).click();
    const card = guest.getByTestId('screening');
    await card.waitFor();
    await card
      .getByRole('group', { name: /hurt you physically/ })
      .getByLabel('Yes')
      .check();
    await card
      .getByRole('group', { name: /afraid of anyone/ })
      .getByLabel('Rather not say')
      .check();
    await card.getByRole('button', { name: 'Done' }).click();
    const outcome = guest.getByTestId('screening-outcome');
    await outcome.getByText(/talking with them directly, even here in writing, may not be safe for you/).waitFor();
    const help = outcome.getByRole('link', { name: /findahelpline\.com/ });
    expect(await help.getAttribute('href')).toBe('https://findahelpline.com');
    await outcome.getByRole('button', { name: 'Leave, and forget this room on this device' }).waitFor();
    // The answers never show up as something to share.
    expect(await guest.getByRole('button', { name: 'Share this point with the room…' }).count()).toBe(0);
    await screen(guest, '22-screening-offer-390px');
  });

  it('4. asking for a separated room switches it for everyone, without saying who or why', async () => {
    await guest.getByRole('button', { name: 'Ask for a separated room' }).click();
    await guest.getByText('This is now a separated room.').waitFor();
    await host.getByRole('tab', { name: /Conversation/ }).click();
    await host.getByText(/A separated room was requested/).waitFor();
    await host.getByTestId('separated-note').waitFor();
    await host.getByRole('button', { name: 'Enter the conversation' }).click();
    expect(
      await host
        .getByText(/Sam/)
        .filter({ hasText: /requested|afraid|hurt/ })
        .count(),
    ).toBe(0);
  });

  it("5. Sam's words stay on Sam's side; a point crosses only once approved", async () => {
    await guest.getByRole('tab', { name: /Conversation/ }).click();
    await guest.getByRole('button', { name: 'Enter the conversation' }).click();
    await guest.getByText('Only you and the facilitator (and a mediator, if there is one) see this side.').waitFor();
    await guest.getByLabel('Write to the facilitator, on your side').fill('SIDE-note: the handovers scare me.');
    await guest.getByRole('button', { name: 'Send', exact: true }).click();
    await guest.getByText(/Alex cannot see it/).waitFor();
    await guest.getByRole('button', { name: 'Pass a point on…' }).click();
    await guest.getByLabel('The point, in your words').fill('You are useless at handovers.');
    await guest.getByRole('button', { name: 'Check the words' }).click();
    await guest.getByText(/cannot be passed on as they are/).waitFor();
    await screen(guest, '23-relay-held-390px');
    await guest.getByLabel('The point, in your words').fill('I would like handovers to happen at the school gate.');
    await guest.getByRole('button', { name: 'Check the words' }).click();
    await guest.getByTestId('relay-ready').getByText('I would like handovers to happen at the school gate.').waitFor();
    await screen(guest, '24-relay-approve-390px');
    expect(await host.getByText('school gate').count()).toBe(0); // not before approval
    await guest.getByRole('button', { name: 'Approve and pass it on' }).click();
    await host.getByText('I would like handovers to happen at the school gate.').waitFor();
    await host.getByText('Facilitator: Sam asks me to pass on').waitFor();
    expect(await host.getByText('SIDE-note').count()).toBe(0);
    expect(await host.getByText('useless').count()).toBe(0);
    await guest.getByText('Passed on for you by the facilitator').waitFor();
    await screen(host, '25-separated-room-host');
    await screen(guest, '26-separated-room-390px');
  });
});
