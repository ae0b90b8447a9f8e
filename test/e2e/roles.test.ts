import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { horizontalOverflow, lowContrastText, screenshot, unlabelledControls, type RunningServer } from './harness.js';
import { DESKTOP, PHONE, useJourney, type Journey } from './journey.js';

/**
 * Every role (issue 12) in the browser: a mediator runs the session from the console (a private talk, held
 * counts, pause, taking out and welcoming back, a break); an observer reads along with nothing to write in.
 * Each on a desktop and on a 390 px phone.
 */

const composer = (page: Page) => page.getByLabel('Your message to the room');

/** A screenshot for the docs, and the screen's quality: no errors, no sideways scroll, named controls, AA text. */
async function screen(journey: Journey, page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(journey.errors, journey.errors.join('\n')).toEqual([]);
  expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toEqual([]);
  expect(await unlabelledControls(page), `${name}: controls without a name`).toEqual([]);
  expect(await lowContrastText(page), `${name}: text below AA contrast`).toEqual([]);
}

/** The host starts a couple's room and enters; returns a fresh link for each role asked for, in order. */
async function startRoom(server: RunningServer, host: Page, roles: ('mediator' | 'observer')[]) {
  await host.goto(server.url);
  await host.getByLabel('A couple').check();
  await host.getByLabel('What should others call you?').fill('Alex');
  await host.getByRole('button', { name: 'Start a room' }).click();
  await host.waitForURL(/\/room\//);
  await host.getByRole('button', { name: 'Enter the conversation' }).click();
  const participant = await host.getByLabel('Invite link').inputValue();
  const links: string[] = [];
  for (const role of roles) {
    await host.getByLabel('New link for').selectOption(role);
    await host.getByRole('button', { name: 'Make a new link' }).click();
    await expect.poll(() => host.getByLabel('Invite link').inputValue()).not.toBe(links.at(-1) ?? participant);
    links.push(await host.getByLabel('Invite link').inputValue());
  }
  return { participant, links };
}

async function join(page: Page, link: string, name: string, enter: boolean): Promise<void> {
  await page.goto(link);
  await page.getByLabel('What should others call you?').fill(name);
  await page.getByRole('button', { name: 'Join the room' }).click();
  await page.waitForURL(/\/room\//);
  if (enter) await page.getByRole('button', { name: 'Enter the conversation' }).click();
}

describe.sequential('a mediator runs the session from the console', () => {
  const journey = useJourney('roles-mediator', { alex: DESKTOP, sam: PHONE, maya: DESKTOP });
  let alex: Page;
  let sam: Page;
  let maya: Page;
  beforeAll(() => {
    ({ alex, sam, maya } = journey.pages);
  });

  it('1. the mediator lands on the console, with no preparation and no “what happened” question', async () => {
    const { participant, links } = await startRoom(journey.server, alex, ['mediator']);
    await join(sam, participant, 'Sam', true);
    await join(maya, links[0], 'Maya', false);
    await expect.poll(() => maya.getByRole('tab', { name: /Console/ }).getAttribute('aria-selected')).toBe('true');
    expect(await maya.getByRole('tab', { name: /Private prep/ }).count()).toBe(0);
    expect(await maya.getByText(/in your own words/i).count()).toBe(0);
    const people = maya.getByTestId('console-person');
    await people
      .filter({ hasText: 'Sam' })
      .getByText(/in the room/)
      .waitFor();
    await people
      .filter({ hasText: 'Alex' })
      .getByText(/started the room · in the room/)
      .waitFor();
    await screen(journey, maya, 'roles-01-console-desktop');
  });

  it('2. the mediator’s own words reach the room as written; a party’s heated words are counted, not shown', async () => {
    await maya.getByRole('tab', { name: /Conversation/ }).click();
    await composer(maya).fill('Let us slow down a little.');
    await composer(maya).press('Enter');
    await sam.getByText('Let us slow down a little.').waitFor();
    await composer(sam).fill('Shut up, you never listen, you moron');
    await composer(sam).press('Enter');
    const review = sam.getByRole('dialog', { name: 'Before this goes to the room' });
    await review.waitFor();
    await maya.getByRole('tab', { name: /Console/ }).click();
    await maya
      .getByTestId('held-count')
      .getByText('1 message of Sam’s is waiting for a second look. Only they can see the words.')
      .waitFor();
    expect(await maya.getByText(/moron/).count()).toBe(0);
    await review.getByRole('button', { name: 'Take it back to my draft' }).click();
    await composer(sam).fill('');
  });

  it('3. a private talk: the mediator and Sam only, never the room', async () => {
    await maya.getByRole('button', { name: 'Talk privately with Sam' }).click();
    await maya.getByLabel('Write privately to Sam').fill('How are you holding up?');
    await maya.getByRole('button', { name: 'Send to Sam only' }).click();
    const inbox = sam.getByRole('region', { name: 'Private with Maya (mediator)' });
    await inbox.getByText('How are you holding up?').waitFor();
    // Away from the console, the mediator is told someone wrote to them (not what), and goes back to it.
    await maya.getByRole('tab', { name: /Conversation/ }).click();
    await inbox.getByLabel('Write privately to Maya').fill('I feel unheard, honestly.');
    await inbox.getByRole('button', { name: 'Send to Maya only' }).click();
    await maya.getByTestId('caucus-note').getByText('Sam wrote to you privately.').waitFor();
    expect(await maya.getByText('I feel unheard, honestly.').count()).toBe(0);
    await maya.getByRole('button', { name: 'Open it in your console' }).click();
    await maya.getByText('I feel unheard, honestly.').waitFor();
    expect(await maya.getByTestId('caucus-note').count()).toBe(0);
    await screen(journey, sam, 'roles-02-caucus-390px');
    // Alex's screen has been told of everything since (the mediator's message): no private line among it.
    await alex.getByText('Let us slow down a little.').waitFor();
    expect(await alex.getByText(/holding up|unheard/).count()).toBe(0);
  });

  it('4. pause, take out and welcome back; a break the mediator starts and ends', async () => {
    const sams = maya.getByTestId('console-person').filter({ hasText: 'Sam' });
    await sams.getByRole('button', { name: 'Pause Sam’s messages' }).click();
    await sam.getByText('Your messages to the room are paused for now.', { exact: false }).waitFor();
    await sams.getByRole('button', { name: 'Let Sam write again' }).click();
    await sams.getByRole('button', { name: 'Take Sam out of the conversation' }).click();
    await sams.getByRole('button', { name: 'Yes, take Sam out' }).click();
    await sam.getByTestId('removed-note').waitFor();
    await sams.getByRole('button', { name: 'Welcome Sam back' }).click();
    await composer(sam).waitFor();
    await maya.getByRole('button', { name: 'Start a 10-minute break' }).click();
    await alex.getByTestId('break-overlay').waitFor();
    await maya.getByRole('button', { name: 'End the break' }).click();
    await composer(alex).waitFor();
    await maya.getByTestId('session-summary').getByText('The room took 1 break.').waitFor();
  });

  it('5. the console on a 390 px phone; removing Sam from the room ends their key', async () => {
    await maya.setViewportSize({ width: 390, height: 844 });
    await screen(journey, maya, 'roles-03-console-390px');
    const sams = maya.getByTestId('console-person').filter({ hasText: 'Sam' });
    await sams.getByRole('button', { name: 'Remove Sam from the room' }).click();
    await sams.getByRole('button', { name: 'Yes, remove Sam' }).click();
    await sam.getByTestId('room-gone').waitFor();
    await expect.poll(() => maya.getByTestId('console-person').filter({ hasText: 'Sam' }).count()).toBe(0);
  });
});

describe.sequential('an observer reads the room', () => {
  const journey = useJourney('roles-observer', { alex: DESKTOP, sam: DESKTOP, olu: PHONE });
  let alex: Page;
  let sam: Page;
  let olu: Page;
  beforeAll(() => {
    ({ alex, sam, olu } = journey.pages);
  });

  it('1. the observer is told plainly what they can do, and has nothing to write in', async () => {
    const { participant, links } = await startRoom(journey.server, alex, ['observer']);
    await join(sam, participant, 'Sam', true);
    await join(olu, links[0], 'Olu', false);
    await olu.getByTestId('observer-note').getByText('You are observing.', { exact: false }).waitFor();
    await composer(alex).fill('I would like to talk about the weekends.');
    await composer(alex).press('Enter');
    await olu.getByText('I would like to talk about the weekends.').waitFor();
    for (const [size, name] of [
      [{ width: 390, height: 844 }, 'roles-04-observer-390px'],
      [{ width: 1280, height: 900 }, 'roles-05-observer-desktop'],
    ] as const) {
      await olu.setViewportSize(size);
      expect(await olu.getByRole('tab', { name: /Private prep/ }).count()).toBe(0);
      expect(await olu.getByRole('tab', { name: /Console/ }).count()).toBe(0);
      expect(await composer(olu).count()).toBe(0);
      expect(await olu.getByRole('button', { name: 'Enter the conversation' }).count()).toBe(0);
      expect(await olu.getByRole('textbox').count()).toBe(0);
      await screen(journey, olu, name);
    }
  });
});
