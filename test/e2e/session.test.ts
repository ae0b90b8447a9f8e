import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  buildClient,
  horizontalOverflow,
  launch,
  lowContrastText,
  openPage,
  reducedMotionRule,
  repo,
  screenshot,
  startServer,
  unlabelledControls,
  watchErrors,
  type RunningServer,
} from './harness.js';

/**
 * One whole session in two browsers: Alex (desktop) starts a room and prepares, Sam (a 390 px phone)
 * joins by the invite link; they talk, a heated message is held and reworded, they take a break,
 * write an agreement together, accept and sign it, and export it.
 *
 * The session is a sequence of named steps that share the two browsers and what the steps learn (the room, the invite
 * link, the words agreed). They run in order; once a step fails, the later ones are skipped rather than failing for a
 * reason that is not theirs.
 */
describe.sequential('a mediation session in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let hostCtx: BrowserContext;
  let guestCtx: BrowserContext;
  let host: Page;
  let guest: Page;
  const errors: string[] = [];
  // What the steps pass on to the later ones.
  let roomId: string;
  let link: string;
  let dialog: Locator;
  let clause: string;
  let guestText: Locator;
  let edited: string;
  let samCursor: Locator;
  let failed = false;

  beforeAll(async () => {
    buildClient();
    // The host's notice before deleting a room with an agreement runs at once here, so the journey can end.
    server = await startServer({ DELETION_NOTICE_MINUTES: '0' });
    browser = await launch();
    hostCtx = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      reducedMotion: 'reduce',
      acceptDownloads: true,
    });
    guestCtx = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      reducedMotion: 'reduce',
    });
    await hostCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    host = await openPage(hostCtx, errors, 'host');
    guest = await openPage(guestCtx, errors, 'guest');
  });

  beforeEach((ctx) => {
    if (failed) ctx.skip();
  });

  // On failure, keep what each person saw (test-results/ is not committed), and skip the steps after this one.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    failed = true;
    for (const [who, page] of [
      ['host', host],
      ['guest', guest],
    ] as const) {
      await page
        ?.screenshot({ path: path.join(repo, 'test-results', `e2e-failure-${who}.png`), fullPage: true })
        .catch(() => undefined);
    }
    if (errors.length) console.error(errors.join('\n'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const expectNoErrors = () => expect(errors, errors.join('\n')).toEqual([]);

  /**
   * Each screen, as it is shown: a screenshot for the docs, and what can be checked of its quality: no console
   * errors so far, nothing that scrolls sideways, every field and button named, text at WCAG AA contrast.
   */
  async function screen(page: Page, name: string, fullPage = true): Promise<void> {
    await screenshot(page, name, fullPage);
    expectNoErrors();
    expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toEqual([]);
    expect(await unlabelledControls(page), `${name}: controls without a name`).toEqual([]);
    expect(await lowContrastText(page), `${name}: text below AA contrast`).toEqual([]);
  }

  it('1. the start page shows, on a desktop and on a phone', async () => {
    await host.goto(server.url);
    await expect
      .poll(() => host.getByRole('heading', { name: 'A calmer place to talk it through' }).isVisible())
      .toBe(true);
    await screen(host, '01-start');
    expect(await reducedMotionRule(host)).toBe(true);
    // The same screen on a phone.
    await guest.goto(server.url);
    await guest.getByRole('heading', { name: 'A calmer place to talk it through' }).waitFor();
    await screen(guest, '01-start-390px');
  });

  it('2. the host starts a room', async () => {
    await host.getByLabel('A couple').check();
    await host.getByLabel('What should others call you?').fill('Alex');
    await host.getByLabel(/A name for the room/).fill('Our weekends');
    await host.getByLabel('How should turns work?').selectOption('open');
    await host.getByRole('button', { name: 'Start a room' }).click();
    await host.waitForURL(/\/room\//);
    roomId = decodeURIComponent(new URL(host.url()).pathname.split('/')[2]);
    await host.getByRole('heading', { name: 'Our weekends' }).waitFor();
  });

  it('3. the host prepares privately and shares a point with the room', async () => {
    await expect.poll(() => host.getByRole('tab', { name: /Private prep/ }).getAttribute('aria-selected')).toBe('true');
    await host.getByText('Only you and the facilitator see this space').waitFor();
    await host.getByTestId('prep-entry').first().waitFor(); // the greeting
    const before = await host.getByTestId('prep-entry').count();
    await host
      .getByLabel('Write privately to the facilitator')
      .fill('I feel lonely when our weekends get planned without me.');
    await host.getByRole('button', { name: 'Send privately' }).click();
    await expect.poll(() => host.getByTestId('prep-entry').count()).toBeGreaterThanOrEqual(before + 2);
    // Preparing, nothing can be shared yet: the way on is to enter the conversation, when ready.
    expect(await host.getByRole('button', { name: 'Share this point with the room…' }).count()).toBe(0);
    await host.getByTestId('enter-card').waitFor();
    await screen(host, '02-prep');
    await host.getByRole('button', { name: 'Enter the conversation' }).click();
    await expect.poll(() => host.getByRole('tab', { name: /Conversation/ }).getAttribute('aria-selected')).toBe('true');
    await host.getByTestId('waiting-note').getByText('No one else has entered yet.').waitFor();
    await host.getByRole('tab', { name: /Private prep/ }).click();
    await host.getByRole('button', { name: 'Share this point with the room…' }).first().click();
    await expect.poll(() => host.evaluate(() => document.activeElement?.id)).toBe('share-text');
    await host.getByLabel('The point to share').fill('I would like us to plan some of our weekends together.');
    await host.getByRole('button', { name: 'Share with the room' }).click();
    await host.getByText('Shared with the room.').waitFor();
  });

  it('4. the host copies the invite link', async () => {
    link = await host.getByLabel('Invite link').inputValue();
    expect(link).toMatch(new RegExp(`/join/${roomId}\\?code=`));
    await host.getByRole('button', { name: 'Copy invite link' }).click();
    await host.getByText('Copied.').waitFor();
    expect(await host.evaluate(() => navigator.clipboard.readText())).toBe(link);
  });

  it('5. the invited person joins on a phone', async () => {
    await guest.goto(link);
    await guest.getByRole('heading', { name: 'You have been invited to talk' }).waitFor();
    await screen(guest, '03-join-390px');
    await guest.getByLabel('What should others call you?').fill('Sam');
    await guest.getByRole('button', { name: 'Join the room' }).click();
    await guest.waitForURL(new RegExp(`/room/${roomId}$`));
    // Sam lands in their own preparation, as the join page promised: clearly private, and not the host's.
    await expect
      .poll(() => guest.getByRole('tab', { name: /Private prep/ }).getAttribute('aria-selected'))
      .toBe('true');
    await guest.getByText('Only you and the facilitator see this space').waitFor();
    await guest.getByTestId('prep-entry').first().waitFor();
    await guest.getByTestId('enter-card').getByRole('button', { name: 'Enter the conversation' }).waitFor();
    expect(await guest.getByText('I feel lonely when our weekends').count()).toBe(0);
    await screen(guest, '02-prep-390px');
    // The conversation can be read while preparing, not written to; the host sees Sam is preparing.
    await guest.getByRole('tab', { name: /Conversation/ }).click();
    await guest.getByTestId('enter-note').getByText('You are preparing.').waitFor();
    await guest.getByText('I would like us to plan some of our weekends together.').waitFor();
    expect(await guest.getByLabel('Your message to the room').count()).toBe(0);
    // No joint session yet: no welcome.
    expect(
      await guest
        .getByTestId('facilitator-entry')
        .filter({ hasText: /ground rules/ })
        .count(),
    ).toBe(0);
    await host.getByTestId('waiting-note').getByText('Sam is still preparing.').waitFor();
    await screen(guest, '03b-invited-preparing-390px');
    await guest.getByTestId('enter-note').getByRole('button', { name: 'Enter the conversation' }).click();
    await guest
      .getByTestId('facilitator-entry')
      .filter({ hasText: /ground rules/ })
      .waitFor(); // two are in
    await guest.getByText('shared from private prep').waitFor();
    expect(await guest.getByText('I feel lonely when our weekends').count()).toBe(0); // prep stays private
    await guest.getByLabel('Your message to the room').waitFor();
    expect(await host.getByTestId('waiting-note').count()).toBe(0);
    await guest.getByRole('tab', { name: /Private prep/ }).click();
    await guest.getByRole('tab', { name: /Private prep/ }).press('ArrowRight'); // tabs move with the arrow keys
    await expect
      .poll(() => guest.getByRole('tab', { name: /Conversation/ }).getAttribute('aria-selected'))
      .toBe('true');
    // New messages are announced politely to screen readers.
    expect(await guest.getByRole('list', { name: 'Conversation' }).getAttribute('aria-live')).toBe('polite');
  });

  it('6. they talk, and the room is full', async () => {
    await host.getByRole('tab', { name: /Conversation/ }).click();
    await host.getByTestId('facilitator-entry').first().waitFor();
    await host
      .getByRole('list', { name: 'People' })
      .or(host.locator('.people'))
      .getByText('Sam', { exact: true })
      .waitFor();
    // A couple's room is now full: the host is offered observer and mediator links only.
    await host.getByText('Everyone taking part has joined.').waitFor();
    expect(await host.locator('#invite-role option[value="participant"]').count()).toBe(0);
    await guest
      .getByLabel('Your message to the room')
      .fill('I hear you. I want that too, I just get anxious when nothing is planned.');
    await guest.getByLabel('Your message to the room').press('Enter');
    await host.getByText('I just get anxious when nothing is planned.').waitFor();
    await host
      .getByLabel('Your message to the room')
      .fill('Thank you for saying that. Could we try planning Saturdays together?');
    await host.getByRole('button', { name: 'Send', exact: true }).click();
    await guest.getByText('Could we try planning Saturdays together?').waitFor();
    await screen(host, '04-room');
  });

  it('6a. an observer reads the room, with no preparation space and nothing to write', async () => {
    await host.locator('#invite-role').selectOption('observer');
    await host.getByRole('button', { name: 'Make a new link' }).click();
    await expect.poll(() => host.getByLabel('Invite link').inputValue()).not.toBe(link);
    const observerLink = await host.getByLabel('Invite link').inputValue();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const olive = await openPage(ctx, errors, 'observer');
    await olive.goto(observerLink);
    await olive.getByLabel('What should others call you?').fill('Olive');
    await olive.getByRole('button', { name: 'Join the room' }).click();
    await olive.waitForURL(/\/room\//);
    await expect
      .poll(() => olive.getByRole('tab', { name: /Conversation/ }).getAttribute('aria-selected'))
      .toBe('true');
    await olive.getByText('Could we try planning Saturdays together?').waitFor();
    await olive.getByText('You are observing: you can read along, but not write to the room.').waitFor();
    expect(await olive.getByRole('tab', { name: /Private prep/ }).count()).toBe(0);
    expect(await olive.getByRole('button', { name: 'Enter the conversation' }).count()).toBe(0);
    expect(await olive.getByRole('textbox').count()).toBe(0);
    await screen(olive, '04-observer');
    await ctx.close();
  });

  it('6b. the agenda shows the point the host shared, and the host closes it', async () => {
    // The point Alex shared from preparation is the agenda's first topic, the current one, on both screens.
    const topic = host.getByTestId('agenda-topic').filter({ hasText: 'our weekends together' });
    await topic.waitFor();
    expect(await topic.getAttribute('aria-current')).toBe('step');
    await guest.getByTestId('agenda').getByText('our weekends together').waitFor();
    await guest.getByTestId('current-topic').getByText('our weekends together').waitFor();
    // The facilitator read the agenda out, labelled apart from people's messages.
    const reading = guest
      .getByTestId('facilitator-entry')
      .filter({ hasText: 'Alex brought “our weekends together”, so let’s start there.' });
    await reading.locator('.kind-label', { hasText: 'agenda' }).waitFor();
    // Only the host or a mediator shapes the agenda.
    expect(await guest.getByTestId('agenda').getByRole('button').count()).toBe(0);
    await screen(host, '04-agenda');
    await host.getByRole('button', { name: 'Close “our weekends together”' }).click();
    await guest.getByText('That was the last topic on the agenda.', { exact: false }).waitFor();
    await guest.getByTestId('agenda-topic').filter({ hasText: 'closed' }).waitFor();
    expect(await guest.getByTestId('current-topic').count()).toBe(0);
    await expect.poll(() => host.evaluate(() => document.activeElement?.id)).toBe('agenda-heading');
    await screen(guest, '04-agenda-390px');
  });

  it('7. a reload keeps the invited person in the room', async () => {
    // A reload keeps Sam in the room (credentials on this device) with the history caught up.
    await guest.reload();
    await guest.getByText('Could we try planning Saturdays together?').waitFor();
    await guest.getByText('I just get anxious when nothing is planned.').waitFor();
  });

  it('8. a dropped connection is announced and caught up', async () => {
    // The connection drops and comes back: a banner says so, and what was missed is caught up.
    await guestCtx.setOffline(true);
    await guest.getByText('The connection dropped.').waitFor({ timeout: 20_000 });
    await host.getByLabel('Your message to the room').fill('Take your time, I am here when you are ready.');
    await host.getByLabel('Your message to the room').press('Enter');
    await host
      .getByRole('list', { name: 'Conversation' })
      .getByText('Take your time, I am here when you are ready.')
      .waitFor();
    await guestCtx.setOffline(false);
    await guest.getByText(/You are back\. We caught you up on 1 new message/).waitFor({ timeout: 20_000 });
    await guest.getByText('Take your time, I am here when you are ready.').waitFor();
  });

  it('9. turns: a hand is raised, the floor given and passed', async () => {
    // Turns: the host switches to raise-your-hand, Sam raises a hand and gets the floor, then passes it.
    await host.getByText('Guide the turns').click();
    await host.getByLabel('Turn style').selectOption('hand-raise');
    await guest.getByRole('heading', { name: 'Turns: Raise your hand' }).waitFor();
    await guest.getByTestId('floor-status').getByText('No one has the floor. Raise your hand to speak.').waitFor();
    await guest.getByRole('button', { name: 'Raise my hand' }).click();
    // One line each says whose turn it is and what this person can do now; nothing contradicts it.
    await guest.getByTestId('floor-status').getByText('You have the floor.', { exact: false }).waitFor();
    await host.getByTestId('floor-status').getByText('Sam has the floor. Raise your hand to speak next.').waitFor();
    expect(await guest.getByText(/Someone else has the floor|Your hand is raised/).count()).toBe(0);
    await expect
      .poll(() => host.getByLabel('Your message to the room').getAttribute('aria-describedby'))
      .toContain('composer-help');
    await host.getByText('You can write now, and send it when it is your turn.').waitFor();
    await screen(guest, '05-turns-390px');
    await guest.getByRole('button', { name: 'I’m done, pass the floor' }).click();
    await host.getByRole('button', { name: 'Give the floor to me' }).click();
    await host.getByTestId('floor-status').getByText('You have the floor.', { exact: false }).waitFor();
    // Taking turns in order: the order shows, and each person is told when it is their turn.
    await host.getByLabel('Turn style').selectOption('round');
    await guest.getByTestId('floor-status').getByText('Order: Alex → you.').waitFor();
    await guest.getByTestId('floor-status').getByText('It is Alex’s turn. You are next.').waitFor();
    await host.getByRole('button', { name: 'I’m done, pass the floor' }).click();
    await guest.getByTestId('floor-status').getByText('It is your turn.', { exact: false }).waitFor();
    await host.getByTestId('floor-status').getByText('It is Sam’s turn. You are next.').waitFor();
    await screen(guest, '05-round-390px');
    await host.getByLabel('Turn style').selectOption('open');
    await guest.getByRole('heading', { name: 'Turns: Open conversation' }).waitFor();
    await screen(guest, '05-room-390px');
  });

  it('10. a heated message is held, reviewed and reworded', async () => {
    const heated = 'You are such an idiot, you never listen';
    await guest.getByLabel('Your message to the room').fill(heated);
    await guest.getByLabel('Your message to the room').press('Enter');
    dialog = guest.getByRole('dialog', { name: 'Before this goes to the room' });
    await dialog.waitFor();
    await expect.poll(() => guest.evaluate(() => document.activeElement?.id)).toBe('review-title');
    expect(await dialog.locator('mark').count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('list', { name: 'What we noticed' }).getByRole('listitem').count()).toBeGreaterThan(
      0,
    );
    expect(await dialog.getByRole('button', { name: 'Send as I wrote it' }).isVisible()).toBe(true);
    const suggestion = (await dialog.getByTestId('suggestion').first().locator('p').textContent())?.trim() ?? '';
    expect(suggestion.length).toBeGreaterThan(0);
    expect(await host.getByText(heated).count()).toBe(0); // not delivered while held
    // Announced: the dialog is modal, its status line is live, and the page says a message is waiting.
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.getByRole('status').getAttribute('aria-live')).toBe('assertive');
    await expect
      .poll(() =>
        guest.locator('#main [role="status"]', { hasText: 'Your message is waiting for you to look at it' }).count(),
      )
      .toBe(1);
    expect(await guest.locator('#main').getAttribute('inert')).not.toBeNull();
    // Motion: no rising animation for people who ask for less; the animation is there for those who do not.
    expect(await dialog.evaluate((d) => getComputedStyle(d).animationName)).toBe('none');
    await guest.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await dialog.evaluate((d) => getComputedStyle(d).animationName)).not.toBe('none');
    await guest.emulateMedia({ reducedMotion: 'reduce' });
    await screen(guest, '06-review-390px', false);
    await guest.setViewportSize({ width: 1000, height: 1300 });
    await screen(guest, '06-review', false);
    await guest.setViewportSize({ width: 390, height: 844 });
    // Keyboard: Tab cycles through the dialog's choices and never leaves it; Shift+Tab from the heading wraps to the
    // last one.
    const inDialog = () => guest.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
    const buttons = await dialog.getByRole('button').count();
    const reached = new Set<string>();
    for (let i = 0; i < buttons + 2; i++) {
      await guest.keyboard.press('Tab');
      expect(await inDialog()).toBe(true);
      reached.add(
        (await guest.evaluate(
          () => `${document.activeElement?.textContent}|${document.activeElement?.getAttribute('aria-describedby')}`,
        )) ?? '',
      );
    }
    expect(reached.size).toBe(buttons);
    await guest.locator('#review-title').focus();
    await guest.keyboard.press('Shift+Tab');
    await expect.poll(() => guest.evaluate(() => document.activeElement?.textContent)).toBe('Don’t send it');
    // From the heading, the first Tab reaches "Send this" for the first suggestion; Enter sends it.
    await guest.locator('#review-title').focus();
    await guest.keyboard.press('Tab');
    await expect.poll(() => guest.evaluate(() => document.activeElement?.textContent)).toBe('Send this');
    await guest.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await host.getByText(suggestion).waitFor();
    await guest.getByText('reworded with the facilitator').first().waitFor();
    expect(await host.getByText(heated).count()).toBe(0);
  });

  it('11. the invited person takes a break and ends it; the host cannot', async () => {
    await guest.getByLabel('Need a pause?').selectOption('5');
    await guest.getByRole('button', { name: 'Take a break' }).click();
    await guest.getByTestId('break-overlay').waitFor();
    await host.getByTestId('break-overlay').waitFor();
    await host.getByText('Sam asked for a pause').waitFor();
    await expect.poll(() => host.locator('.countdown').textContent()).toMatch(/^[45]:\d\d$/);
    await screen(host, '07-break');
    await screen(guest, '07-break-390px');
    // Sam's break is Sam's: only Sam (or a mediator) ends it early.
    expect(await host.getByRole('button', { name: 'End the break for everyone' }).count()).toBe(0);
    await guest.getByRole('button', { name: 'End the break for everyone' }).click();
    await guest.getByTestId('break-overlay').waitFor({ state: 'detached' });
    await host.getByTestId('break-overlay').waitFor({ state: 'detached' });
  });

  it('12. Esc takes a held message back, and an edit is scored again', async () => {
    // Esc takes a held message back into the draft, unsent; an edit is scored again before delivery.
    await guest.getByLabel('Your message to the room').fill('You ALWAYS do this, you are such an idiot');
    await guest.getByLabel('Your message to the room').press('Enter');
    await dialog.waitFor();
    // Esc is the dialog's once focus has moved into it, as a person's would be after reading it
    await expect.poll(() => guest.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await guest.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => guest.getByLabel('Your message to the room').inputValue())
      .toBe('You ALWAYS do this, you are such an idiot');
    await expect.poll(() => guest.evaluate(() => document.activeElement?.id)).toBe('composer');
    await guest.getByLabel('Your message to the room').press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Write it my own way' }).focus();
    await guest.keyboard.press('Enter');
    await expect.poll(() => guest.evaluate(() => document.activeElement?.id)).toBe('review-edit');
    await dialog
      .getByLabel('Your version')
      .fill('When plans change at the last minute, I feel left out. Could we check in first?');
    await dialog.getByRole('button', { name: 'Send my version' }).click();
    await dialog.waitFor({ state: 'detached' });
    // Several warm messages in a row: the facilitator may call a pause itself (the room's heat policy). A break
    // covers the conversation, so the message is there to read once it ends.
    const editedMessage = host
      .getByRole('list', { name: 'Conversation' })
      .getByText('When plans change at the last minute, I feel left out.');
    await editedMessage.or(host.getByTestId('break-overlay')).first().waitFor();
    const facilitatorBreak = await host
      .getByText('The facilitator paused the room')
      .waitFor({ timeout: 3000 })
      .then(
        () => true,
        () => false,
      );
    if (facilitatorBreak) {
      await guest.getByTestId('break-overlay').waitFor();
      await host.getByRole('button', { name: 'End the break for everyone' }).click();
      await guest.getByTestId('break-overlay').waitFor({ state: 'detached' });
    }
    await editedMessage.waitFor();
  });

  it('13. a threat is never delivered and the room pauses', async () => {
    // A threat is never delivered as written: the sender is offered help and the room pauses.
    await guest.getByLabel('Your message to the room').fill('I will hurt you');
    await guest.getByLabel('Your message to the room').press('Enter');
    const safety = guest.getByRole('dialog', { name: 'Let’s pause here for a moment' });
    await safety.waitFor();
    expect(await safety.getByRole('button', { name: 'Send as I wrote it' }).count()).toBe(0);
    expect(((await safety.getByRole('note').textContent()) ?? '').length).toBeGreaterThan(10);
    await screen(guest, '07-safety-390px', false);
    await safety.getByRole('button', { name: 'Don’t send it' }).click();
    await safety.waitFor({ state: 'detached' });
    expect(await host.getByText('I will hurt you').count()).toBe(0);
    await host.getByTestId('break-overlay').waitFor();
    // Alex, who may have been threatened, is told privately and plainly (test/e2e/safety.test.ts shows more).
    const told = host.getByTestId('safety-notice');
    await told.getByText(/^A message from Sam was not delivered/).waitFor();
    await told.getByRole('button', { name: 'Carry on' }).click();
    await told.waitFor({ state: 'detached' });
    // The pause replaces the conversation for Sam too, and keyboard focus lands on it rather than being lost.
    await guest.getByTestId('break-overlay').waitFor();
    await expect
      .poll(() => guest.evaluate(() => document.activeElement?.id || document.activeElement?.outerHTML.slice(0, 80)))
      .toBe('break-heading');
    await host.getByRole('button', { name: 'End the break for everyone' }).click();
    await guest.getByTestId('break-overlay').waitFor({ state: 'detached' });

    // Self-harm: help is a real link, and the first choice is to talk privately with the facilitator.
    await guest.getByLabel('Your message to the room').fill('I just want to kill myself');
    await guest.getByLabel('Your message to the room').press('Enter');
    const care = guest.getByRole('dialog', { name: 'Let’s pause here for a moment' });
    await care.waitFor();
    const help = care.getByRole('link', { name: /helpline where you live/ });
    expect(await help.getAttribute('href')).toBe('https://findahelpline.com');
    expect(await help.getAttribute('target')).toBe('_blank');
    expect(await help.getAttribute('rel')).toBe('noopener noreferrer');
    const choices = (await care.getByRole('button').allTextContents()).map((t) => t.trim());
    expect(choices[0]).toBe('Talk privately with the facilitator');
    expect(choices.indexOf('Write it my own way')).toBeGreaterThan(0);
    // By keyboard: the first Tab from the heading reaches it, Enter opens private preparation.
    await guest.locator('#review-title').focus();
    await guest.keyboard.press('Tab');
    await expect
      .poll(() => guest.evaluate(() => document.activeElement?.textContent?.trim()))
      .toBe('Talk privately with the facilitator');
    await guest.keyboard.press('Enter');
    await care.waitFor({ state: 'detached' });
    await expect.poll(() => guest.evaluate(() => document.activeElement?.id)).toBe('prep-input');
    expect(await host.getByText('kill myself').count()).toBe(0);
    await host.getByTestId('break-overlay').waitFor();
    await host.getByRole('button', { name: 'End the break for everyone' }).click();
    await host.getByTestId('break-overlay').waitFor({ state: 'detached' });
  });

  it('14. the agreement is written together, with live edits and cursors', async () => {
    clause = 'We plan one weekend day together each week';
    await host.getByRole('tab', { name: /Agreement/ }).click();
    await host.getByLabel('Propose a point for the agreement').fill(clause);
    await host.getByRole('button', { name: 'Propose', exact: true }).click();
    await host.getByTestId('clause').first().waitFor();
    await guest.getByRole('tab', { name: /Agreement/ }).click();
    guestText = guest.getByLabel('Point 1, the words');
    await expect.poll(() => guestText.inputValue()).toBe(clause);
    await host.getByText('Sam has the agreement open too.').waitFor();

    // Sam edits; Alex sees the words change live and that Sam is editing.
    await guestText.click();
    await guestText.press('Control+End');
    await guestText.pressSequentially(', and keep Sundays for rest', { delay: 10 });
    edited = `${clause}, and keep Sundays for rest`;
    await expect.poll(() => host.getByLabel('Point 1, the words').inputValue()).toBe(edited);
    await host.getByText('Sam is editing this point').waitFor();
    // Alex sees Sam's cursor where Sam is typing: at the end of the words, inside the text box.
    samCursor = host.getByTestId('remote-cursor').filter({ hasText: 'Sam' });
    await samCursor.waitFor();
    const box = (await host.getByLabel('Point 1, the words').boundingBox())!;
    await expect
      .poll(async () => {
        const c = (await samCursor.boundingBox())!;
        return c.x > box.x + box.width / 3 && c.x < box.x + box.width && c.y >= box.y && c.y < box.y + box.height;
      })
      .toBe(true);
    await guestText.blur();
    await samCursor.waitFor({ state: 'detached' });
  });

  it('15. each accepts the point', async () => {
    // Each accepts; the clause is agreed by everyone.
    await host.getByRole('button', { name: 'I accept point 1' }).click();
    await guest.getByText('Alex: accepted').waitFor();
    await guest.getByRole('button', { name: 'I accept point 1' }).click();
    await host.getByText('agreed by everyone').waitFor();
    await guestText.focus(); // Sam looks at the words again: Alex sees where
    await samCursor.waitFor();
    await screen(host, '08-agreement');
    await guestText.blur();
    await samCursor.waitFor({ state: 'detached' });
    await screen(guest, '08-agreement-390px');
  });

  it('16. both sign and the agreement is final', async () => {
    // Both sign; the agreement is final.
    await host.getByRole('button', { name: 'Sign the agreement' }).click();
    await host.getByText('You signed. Waiting for the others to sign.').waitFor();
    await guest.getByRole('button', { name: 'Sign the agreement' }).click();
    await guest.getByTestId('agreement-final').waitFor();
    await host.getByTestId('agreement-final').waitFor();
    expect(await guest.getByLabel('Point 1, the words').getAttribute('readonly')).not.toBeNull();
    await screen(host, '09-signed');
    await screen(guest, '09-signed-390px');
  });

  it('17. the agreement is exported as Markdown and a printable page', async () => {
    const [download] = await Promise.all([
      host.waitForEvent('download'),
      host.getByRole('button', { name: 'Download as Markdown' }).click(),
    ]);
    const markdown = await readFile((await download.path()) as string, 'utf8');
    expect(markdown).toContain(edited);
    // The record: when it was signed, and the sha256 of exactly the signed text, which anyone can recompute.
    const signedOn = /^Signed: (\d+ \w+ \d{4}, \d\d:\d\d UTC) \(/m.exec(markdown)?.[1];
    expect(signedOn).toBeTruthy();
    const signedText = /^```\n(.*)\n```$/m.exec(markdown)?.[1] ?? '';
    const hash = createHash('sha256').update(signedText, 'utf8').digest('hex');
    expect(markdown).toContain(`sha256 of the signed text: ${hash};`);
    expect(markdown.match(/^- (Alex|Sam), \d{4}-\d\d-\d\dT/gm)).toHaveLength(2);
    const [print] = await Promise.all([
      hostCtx.waitForEvent('page'),
      host.getByRole('link', { name: 'Open a printable page' }).click(),
    ]);
    watchErrors(print, errors, 'print');
    await print.getByTestId('print-view').waitFor();
    // The clause's words once as they stand (its versions are listed too, each with who and when).
    await expect.poll(() => print.locator('.print-clauses').getByText(edited, { exact: true }).count()).toBe(1);
    await print
      .getByTestId('print-last-change')
      .getByText(/Last changed by (Alex|Sam)/)
      .waitFor();
    // The page carries the signed text itself, so a printed copy can be checked against its hash too.
    await expect.poll(() => print.locator('pre').textContent()).toBe(signedText);
    await print.getByText('Final: accepted and signed by everyone.').waitFor();
    await expect.poll(() => print.getByTestId('print-signed-at').textContent()).toContain(`Signed ${signedOn}`);
    await expect.poll(() => print.getByTestId('print-hash').textContent()).toContain(hash);
    expect(await print.locator('li', { hasText: /^(Alex|Sam): signed \d+ \w+ \d{4}, \d\d:\d\d UTC$/ }).count()).toBe(2);
    await print.emulateMedia({ media: 'print' });
    await screen(print, '10-printable');
    await print.close();
  });

  it('18. the host closes the room', async () => {
    await host.getByRole('button', { name: 'Delete this room…' }).click();
    // The room has an agreement: everyone is told first and offered a copy.
    await host.getByRole('button', { name: 'Tell everyone first' }).click();
    await guest.getByTestId('deletion-notice').waitFor();
    await host.getByRole('button', { name: 'Yes, delete it for everyone' }).click();
    await host.waitForURL(`${server.url}/`);
    await guest.getByRole('heading', { name: 'This room has been closed' }).waitFor();
    await screen(guest, '11-closed-390px');
    expectNoErrors();
  });
});
