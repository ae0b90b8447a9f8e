import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../scripts/facilitator/checks.js';
import { playSession } from '../../scripts/facilitator/play.js';
import { markdown } from '../../scripts/facilitator/report.js';
import { isSay, loadSessions } from '../../scripts/facilitator/sessions.js';
import { openaiSettings, startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAI.js';
import { startServer, type TestServer } from '../helpers/server.js';

/** The eval plays a scripted session through the real app, with the local engine and with a model behind it. */

const session = loadSessions().find((s) => s.id === 'couple-money');
if (!session) throw new Error('couple-money session missing');
const said = session.messages.filter(isSay);

describe('eval:facilitator plays a session', () => {
  let local: TestServer;
  let fake: FakeOpenAI;
  let model: TestServer;
  beforeAll(async () => {
    local = await startServer();
    fake = await startFakeOpenAI();
    model = await startServer(openaiSettings(fake));
  });
  afterAll(async () => {
    await local.close();
    await model.close();
    await fake.close();
  });

  it('local engine: every message in the room, prep replies, the held message resolved, checks run', async () => {
    const played = await playSession(session, { url: local.url, lateReviewMs: 0 });
    expect(played.errors).toEqual([]);
    const people = played.lines.filter((l) => l.by === 'person');
    const shared = Object.values(session.share).flat().length;
    expect(people).toHaveLength(said.length + shared);
    expect(played.lines.some((l) => l.kind === 'welcome')).toBe(true);
    expect(played.prep).toHaveLength(Object.values(session.prep).flat().length);
    expect(played.held.length).toBeGreaterThan(0);
    expect(people.filter((l) => l.wasHeld).length).toBe(played.held.filter((h) => !h.heldAgain).length);
    const checks = runChecks(played);
    expect(checks.map((c) => c.name)).toContain('rewrites');
    expect(markdown(played)).toMatch(/^### Money and big purchases/);
  });

  it('with a model: the held message’s suggestions are the model’s, which arrived after the local ones', async () => {
    const played = await playSession(session, { url: model.url, lateReviewMs: 2500 });
    expect(played.errors).toEqual([]);
    expect(played.held.length).toBeGreaterThan(0);
    expect(played.held.every((h) => h.replaced)).toBe(true);
    expect(played.prep.every((r) => r.reply.startsWith('Model words for prepReply'))).toBe(true);
    expect(fake.requests.filter((r) => r.task === 'prepReply').every((r) => r.body.stream === true)).toBe(true);
  });
});
