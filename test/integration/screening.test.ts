import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFacilitator } from '../../server/facilitator/local.js';
import type { FacilitatorEngine } from '../../server/facilitator/types.js';
import {
  call,
  closeClients,
  connect,
  createRoom,
  http,
  invite,
  joinRoom,
  next,
  sleep,
  startServer,
  type TestServer,
} from '../helpers/server.js';

/** Every argument the facilitator engine is ever given, to check screening never reaches a model. */
const engineCalls: string[] = [];
const local = new LocalFacilitator();
const recording = new Proxy(local, {
  get(target, prop, receiver) {
    const value = Reflect.get(target, prop, receiver);
    if (typeof value !== 'function') return value;
    return (...args: unknown[]) => {
      engineCalls.push(JSON.stringify(args.filter((a) => typeof a !== 'function')));
      return value.apply(target, args);
    };
  },
}) as FacilitatorEngine;

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer({}, { engine: recording });
});
afterAll(() => srv.close());

/** Ann (host), Ben (participant), Olive (observer) and Mo (mediator), all connected. */
async function room() {
  const url = srv.url;
  const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
  const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
  const observer = await joinRoom(url, host.roomId, await invite(url, host, 'observer'), 'Olive');
  const mediator = await joinRoom(url, host.roomId, await invite(url, host, 'mediator'), 'Mo');
  const [a, b, o, m] = await Promise.all([host, guest, observer, mediator].map((c) => connect(url, c.token)));
  return { host, guest, a, b, o, m };
}

const RISK = [
  { topic: 'harm', answer: 'yes' },
  { topic: 'threats', answer: 'rather-not-say' },
  { topic: 'fear', answer: 'yes' },
  { topic: 'control', answer: 'no' },
] as const;

describe('screening in private preparation', () => {
  it('offers the questions at the start, for the people taking part only, and can be skipped', async () => {
    const { a, b, o, m } = await room();
    const first = await call(a, 'screening:get');
    expect(first).toMatchObject({ ok: true, screening: { status: 'open' } });
    const topics = first.screening.questions.map((q: { topic: string }) => q.topic);
    expect(topics).toEqual(['harm', 'threats', 'fear', 'control', 'stalking', 'children', 'apart']);
    for (const q of first.screening.questions) expect(q.text).toMatch(/\?$/);
    // nothing answered is a skip, never an all-clear
    expect(await call(a, 'screening:submit', { answers: [] })).toMatchObject({
      ok: true,
      screening: { status: 'skipped' },
    });
    expect(await call(b, 'screening:skip')).toMatchObject({ ok: true, screening: { status: 'skipped' } });
    expect(await call(b, 'screening:get')).toMatchObject({ ok: true, screening: { status: 'skipped' } });
    // Skipping leaves the coaching as it was: the first question, as if nothing had been said.
    expect((await call(b, 'prep:send', { text: 'He forgot our anniversary.' })).reply.text).toMatch(/feeling/);
    for (const s of [o, m])
      expect(await call(s, 'screening:get')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Coworkers are not asked about children.
    const work = await createRoom(srv.url, { kind: 'workplace', name: 'Wu' });
    const w = await connect(srv.url, work.token);
    const asked = (await call(w, 'screening:get')).screening.questions.map((q: { topic: string }) => q.topic);
    expect(asked).not.toContain('children');
  });

  it('answers signs of risk privately: talking directly may not be safe, the choices, and clickable help', async () => {
    const { a, b } = await room();
    const pushed = next(a, 'prep:message');
    const res = await call(a, 'screening:submit', { answers: RISK });
    expect(res).toMatchObject({ ok: true, screening: { status: 'answered', outcome: { risk: 'signs' } } });
    const outcome = res.screening.outcome;
    expect(outcome.choices).toEqual(['leave', 'separated', 'support']);
    expect(outcome.text).toMatch(/may not be safe for you/);
    expect(outcome.text).toMatch(/Delete this room/); // Ann started the room: how to delete it
    expect(outcome.text).toMatch(/separated room/);
    expect(outcome.text).toMatch(/make a new link for an observer/);
    expect(outcome.text).not.toMatch(/\bhe\b|\bhis\b|abuser|fault/i);
    expect(outcome.help).toEqual([expect.objectContaining({ url: 'https://findahelpline.com' })]);
    expect((await pushed).text).toBe(outcome.text);
    // A participant is told to ask the host for an observer invite.
    const ben = (await call(b, 'screening:submit', { answers: [{ topic: 'stalking', answer: 'yes' }] })).screening;
    expect(ben.outcome.text).toMatch(
      /A mediator can send them an observer invite; asking the person who started this room would tell them/,
    );
    expect(ben.outcome.text).not.toMatch(/Delete this room/);
  });

  it('answers "no" to all without alarm, and "rather not say" gently with the same choices', async () => {
    const { a, b } = await room();
    const none = await call(a, 'screening:submit', { answers: [{ topic: 'harm', answer: 'no' }] });
    expect(none.screening.outcome).toMatchObject({ risk: 'none', choices: [], help: [] });
    expect(none.screening.outcome.text).not.toMatch(/not be safe/);
    const unsure = await call(b, 'screening:submit', { answers: [{ topic: 'fear', answer: 'rather-not-say' }] });
    expect(unsure.screening.outcome).toMatchObject({ risk: 'unsure', choices: ['leave', 'separated', 'support'] });
    expect(unsure.screening.outcome.text).toMatch(/You do not have to say more/);
  });

  it('never lets screening answers reach anyone else: events, history, export, the room, a model', async () => {
    const { host, a, b, o, m } = await room();
    engineCalls.length = 0;
    await call(a, 'prep:send', { text: 'We keep arguing about money.' });
    await call(a, 'screening:submit', { answers: RISK });
    await call(a, 'prep:send', { text: 'I feel tired.' });
    await call(a, 'message:send', { clientMsgId: 'x1', text: 'Can we talk about the weekend plans?' });
    await sleep(100);
    for (const s of [b, o, m]) {
      const seen = JSON.stringify(s.received) + JSON.stringify((await call(s, 'history', { sinceSeq: 0 })).messages);
      expect(seen).not.toMatch(/screening|safety questions|may not be safe|findahelpline/);
      expect(seen).toContain('weekend plans'); // the check can fail: the room's words do reach them
    }
    const exported = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token);
    expect(exported.text).not.toMatch(/screening|safety questions|may not be safe/);
    const view = await http(srv.url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(JSON.stringify(view.json)).not.toMatch(/screening|harm|rather-not-say/);
    const log = await srv.app.store.listLog(host.roomId, 0, 500);
    expect(JSON.stringify(log)).not.toMatch(/screening|safety questions|may not be safe/);
    const record = await srv.app.store.getRoom(host.roomId);
    expect(JSON.stringify(record)).not.toMatch(/screening|rather-not-say/);
    // Stored only in Ann's preparation, and only Ann gets it back.
    const own = JSON.stringify(await srv.app.store.listPrep(host.roomId, host.participantId));
    expect(own).toContain('rather-not-say');
    expect(JSON.stringify((await call(a, 'prep:history')).messages)).toContain('may not be safe');
    // The coach (and any model) never saw the screening, though it saw Ann's other preparation.
    expect(engineCalls.join('\n')).toContain('arguing about money');
    expect(engineCalls.join('\n')).not.toMatch(/screening|safety questions|rather-not-say/);
  });

  it('a request from screening switches the room to separated, and nobody learns who or why', async () => {
    const { a, b, o, m } = await room();
    const submitted = await call(b, 'screening:submit', { answers: RISK });
    expect(submitted.screening.outcome.choices).toContain('separated');
    const notices = [a, o, m].map((s) =>
      next(s, 'facilitator', (f: any) => /separated room was requested/.test(f.text)),
    );
    const states = [a, o, m].map((s) => next(s, 'room:state', (v: any) => v.separated === true));
    expect(await call(b, 'room:separate')).toEqual({ ok: true, separated: true });
    for (const n of await Promise.all(notices)) {
      expect(n.text).not.toMatch(/Ben|screening|afraid|harm/);
      expect(n.visibleTo).toBeUndefined();
    }
    await Promise.all(states);
    // Turns no longer apply, and nobody can switch it back.
    expect(await call(a, 'room:mode', { mode: 'round' })).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await call(a, 'room:separate')).toEqual({ ok: true, separated: true });
    expect(await call(o, 'room:separate')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Once separated, the choice is not offered again.
    const again = await call(a, 'screening:submit', { answers: RISK });
    expect(again.screening.outcome.choices).toEqual(['leave', 'support']);
  });
});

afterAll(() => closeClients());
