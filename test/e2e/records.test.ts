import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../shared/transcript.js';
import { verifyTranscript } from '../../server/rooms/transcript/chain.js';
import { horizontalOverflow, lowContrastText, screenshot, unlabelledControls, type RunningServer } from './harness.js';
import { DESKTOP, PHONE, useJourney } from './journey.js';

/**
 * Records (issue 12): the record mode chosen at creation and seen before joining, the tamper-evident
 * transcript, an acceptance that stops counting when someone changes the words (and says who), review
 * dates, and a deletion everyone is told about first. Alex on a desktop, Sam on a 390 px phone.
 */
describe.sequential('records in the browser', () => {
  // The notice before a deletion runs at once here, so the journey can end with the deletion.
  const journey = useJourney(
    'records',
    { alex: { ...DESKTOP, acceptDownloads: true }, sam: PHONE },
    { DELETION_NOTICE_MINUTES: '0' },
  );
  const { errors } = journey;
  let server: RunningServer;
  let alex: Page;
  let sam: Page;
  beforeAll(() => {
    ({ server } = journey);
    ({ alex, sam } = journey.pages);
  });

  /** A screenshot for the docs, and the screen's quality: no errors, no sideways scroll, named controls, AA text. */
  async function screen(page: Page, name: string): Promise<void> {
    await screenshot(page, name);
    expect(errors, errors.join('\n')).toEqual([]);
    expect(await horizontalOverflow(page), `${name}: sideways scrolling`).toEqual([]);
    expect(await unlabelledControls(page), `${name}: controls without a name`).toEqual([]);
    expect(await lowContrastText(page), `${name}: text below AA contrast`).toEqual([]);
  }

  const composer = (page: Page) => page.getByLabel('Your message to the room');
  const clauseWords = (page: Page) => page.getByLabel('Point 1, the words');

  it('1. Alex starts a room on the record; Sam sees that before joining, and both see it in the room', async () => {
    await alex.goto(server.url);
    await alex.getByLabel('A couple').check();
    await alex.getByLabel('What should others call you?').fill('Alex');
    await alex.getByLabel(/A name for the room/).fill('Moving house');
    await alex.getByLabel('On the record').check();
    await alex.getByRole('button', { name: 'Start a room' }).click();
    await alex.waitForURL(/\/room\//);
    await alex.getByRole('button', { name: 'Enter the conversation' }).click();
    const link = await alex.getByLabel('Invite link').inputValue();

    await sam.goto(link);
    const preview = sam.getByTestId('invite-preview');
    await preview.getByText('Moving house').waitFor();
    await expect.poll(() => sam.getByTestId('preview-record-mode').textContent()).toBe('On the record.');
    await preview.getByText(/will be deleted on/).waitFor();
    await screen(sam, 'records-01-join-preview-390px');
    await sam.getByLabel('What should others call you?').fill('Sam');
    await sam.getByRole('button', { name: 'Join the room' }).click();
    await sam.waitForURL(/\/room\//);
    await sam.getByRole('button', { name: 'Enter the conversation' }).click();
    await sam.getByTestId('facilitator-entry').first().waitFor();
    for (const page of [alex, sam]) {
      await expect.poll(() => page.getByTestId('record-mode').textContent()).toBe('On the record.');
      await page
        .getByTestId('room-expires')
        .getByText(/will be deleted on \w+/)
        .waitFor();
    }
  });

  it('2. the transcript downloads with its hashes, and the chain checks out', async () => {
    await alex.getByRole('tab', { name: /Conversation/ }).click();
    await composer(alex).fill('I would like us to plan the move together');
    await composer(alex).press('Enter');
    await sam.getByRole('tab', { name: /Conversation/ }).click();
    await sam.getByText('I would like us to plan the move together').waitFor();
    await composer(sam).fill('Yes, I can do the packing lists');
    await composer(sam).press('Enter');
    await alex.getByText('Yes, I can do the packing lists').waitFor();

    const [download] = await Promise.all([
      alex.waitForEvent('download'),
      alex.getByTestId('room-records').getByTestId('transcript-download').click(),
    ]);
    const t = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as Transcript;
    const said = t.entries.filter((e) => e.kind === 'message').map((e) => `${e.name}: ${e.text}`);
    expect(said).toEqual(['Alex: I would like us to plan the move together', 'Sam: Yes, I can do the packing lists']);
    expect(verifyTranscript(t)).toEqual({ ok: true });
    expect(t.sealed.matches).toBe(true);
    await alex
      .getByTestId('transcript-note')
      .getByText(/compare it with someone else’s copy/)
      .waitFor();
    // Edited afterwards, the copy no longer checks out.
    const edited = structuredClone(t);
    edited.entries.find((e) => e.from !== 'facilitator')!.text = 'I will plan the move alone';
    expect(verifyTranscript(edited).ok).toBe(false);
  });

  it('3. Sam accepts a point; Alex changes it; Sam is told plainly who changed what, never "accepted"', async () => {
    await alex.getByRole('tab', { name: /Agreement/ }).click();
    await alex.getByLabel('Propose a point for the agreement').fill('We pack the kitchen on Saturday');
    await alex.getByRole('button', { name: 'Propose', exact: true }).click();
    await sam.getByRole('tab', { name: /Agreement/ }).click();
    await expect.poll(() => clauseWords(sam).inputValue()).toBe('We pack the kitchen on Saturday');
    await sam.getByRole('button', { name: 'I accept point 1' }).click();
    await alex.getByText('Sam: accepted').waitFor();

    await clauseWords(alex).click();
    await clauseWords(alex).press('Control+End');
    await clauseWords(alex).pressSequentially(' morning', { delay: 10 });
    await clauseWords(alex).blur();
    await expect.poll(() => clauseWords(sam).inputValue()).toBe('We pack the kitchen on Saturday morning');
    const told = sam.getByTestId('changed-after-accept');
    await expect
      .poll(() => told.textContent())
      .toBe(
        'Alex changed this point after you accepted it, so your acceptance is not for these words. ' +
          'You accepted: “We pack the kitchen on Saturday”. Read the words as they are now, and accept them ' +
          'if they still work for you.',
      );
    await sam.getByText('You: accepted earlier words, changed by Alex').waitFor();
    expect(await sam.locator('.acceptance li', { hasText: /You: accepted$/ }).count()).toBe(0);
    await alex.getByText('Sam: accepted earlier words, changed by you').waitFor();
    await sam
      .getByTestId('clause-history')
      .getByText(/Last changed by Alex/)
      .waitFor();
    await screen(sam, 'records-02-changed-after-accept-390px');
    await screen(alex, 'records-02-changed-after-accept');

    await sam.getByRole('button', { name: 'I accept point 1 as it reads now' }).click();
    await told.waitFor({ state: 'detached' });
    await alex.locator('.acceptance li', { hasText: /Sam: accepted$/ }).waitFor();
  });

  it('4. a review date set by Sam shows for both and goes into the export', async () => {
    await sam.getByLabel('Look at this again').selectOption('in 4 weeks');
    for (const page of [alex, sam])
      await page
        .getByTestId('review-date')
        .getByText(/We look at this again on/)
        .waitFor();
    const [download] = await Promise.all([
      alex.waitForEvent('download'),
      alex.getByRole('button', { name: 'Download as Markdown' }).click(),
    ]);
    const markdown = await readFile((await download.path()) as string, 'utf8');
    expect(markdown).toMatch(/- Look at this again on: \d+ \w+ \d{4} \(\d{4}-\d\d-\d\d\), set by Sam/);
    expect(markdown).toContain('- Last changed by: Alex, ');
    expect(markdown).toMatch(/- Sam, \d{4}-\d\d-\d\dT/);
  });

  it('5. before Alex deletes the room, Sam is told what will be lost and offered the agreement', async () => {
    await alex.getByRole('button', { name: 'Delete this room…' }).click();
    await alex
      .getByTestId('delete-warning')
      .getByText(/the agreement \(1 point, not signed yet\)/)
      .waitFor();
    await alex.getByRole('button', { name: 'Tell everyone first' }).click();
    const notice = sam.getByTestId('deletion-notice');
    await notice.getByText(/Alex will delete this room from/).waitFor();
    await notice.getByRole('button', { name: 'Download as Markdown' }).waitFor();
    await screen(sam, 'records-03-deletion-notice-390px');
    await screen(alex, 'records-03-deletion-asked');
    await alex.getByRole('button', { name: 'Yes, delete it for everyone' }).click();
    await alex.waitForURL(`${server.url}/`);
    await sam.getByRole('heading', { name: 'This room has been closed' }).waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
  });
});
