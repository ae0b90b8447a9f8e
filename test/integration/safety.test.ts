import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readHelpFile } from '../../server/config.js';
import {
  call,
  closeClients,
  connect,
  couple,
  createRoom,
  http,
  invite,
  joinRoom,
  next,
  sleep,
  startServer,
  type Client,
  type TestServer,
} from '../helpers/server.js';

type Recorded = Client & { received: [string, unknown][] };

let srv: TestServer | undefined;
afterEach(async () => {
  closeClients();
  await srv?.close();
  srv = undefined;
});

const DISCLOSURE = 'He hit me last year and I am still afraid of him.';
const THREAT = 'If you take the kids I will hurt you.';

/** The facilitator entries of `kind` a client received. */
const said = (c: Recorded, kind: string): any[] =>
  c.received.filter(([e, p]: any) => e === 'facilitator' && p.kind === kind).map(([, p]) => p);

async function mediatorIn(url: string, host: { roomId: string; token: string; inviteCode: string } & object) {
  const code = await invite(url, host as never, 'mediator');
  const joined = await joinRoom(url, host.roomId, code, 'Mira');
  return { joined, m: await connect(url, joined.token) };
}

describe('a disclosure', () => {
  it('is delivered, answered with a private check-in with help and choices, and nobody else learns why', async () => {
    srv = await startServer();
    const { a, b, host } = await couple(srv.url);
    const checkIn = next(a, 'facilitator', (f: any) => f.kind === 'safety');
    const sent = await call(a, 'message:send', { clientMsgId: 'd1', text: DISCLOSURE });
    expect(sent).toMatchObject({ ok: true, status: 'delivered' });
    const note = await checkIn;
    expect(note.visibleTo).toEqual([host.participantId]);
    expect(note.text).toMatch(/^Thank you for telling me\. Your safety comes first\./);
    expect(note.text).toMatch(/no one will be asked to answer/);
    expect(note.choices).toEqual(['pause', 'leave', 'separate', 'continue']);
    expect(note.help.map((l: any) => l.url)).toContain('https://findahelpline.com');
    await sleep(200);
    expect(said(b, 'safety')).toEqual([]);
    // Nobody says it back to the room, or asks anyone to answer it.
    for (const c of [a, b]) for (const kind of ['reflection', 'nudge', 'floor']) expect(said(c, kind)).toEqual([]);
    // Ben sees the message itself (Ann chose to say it), and nothing about a check-in, even in history.
    const history = (await call(b, 'history', { sinceSeq: 0 })).messages;
    expect(history.some((e: any) => e.type === 'facilitator' && e.kind === 'safety')).toBe(false);
  });

  it('held for an insult beside it, then sent as written, it still brings the private check-in', async () => {
    srv = await startServer();
    const { a, b, host } = await couple(srv.url);
    const text = 'You useless pathetic man, you hit me in front of the kids.';
    expect(await call(a, 'message:send', { clientMsgId: 'd1', text })).toMatchObject({ status: 'held' });
    const checkIn = next(a, 'facilitator', (f: any) => f.kind === 'safety');
    const sent = await call(a, 'message:resolve', { clientMsgId: 'd1', action: 'original' });
    expect(sent).toMatchObject({ status: 'delivered' });
    expect((await checkIn).visibleTo).toEqual([host.participantId]);
    await sleep(200);
    expect(said(b, 'safety')).toEqual([]);
  });

  it('stops clause offers for the session and asks no one to respond or join in', async () => {
    srv = await startServer();
    // The same conversation with and without a disclosure at its start: only the first stays quiet.
    const run = async (first: string) => {
      const { a, b } = await couple(srv!.url);
      await call(a, 'message:send', { clientMsgId: 'x0', text: first });
      const lines = [
        'Would you be willing to check the calendar with me on Sundays?',
        'I hear you.',
        'I need a quiet evening now and then.',
        'Okay.',
        'Please text me if plans change.',
        'That sounds fair.',
        'Could we agree on a monthly budget meeting?',
        'Yes.',
      ];
      for (const [i, text] of lines.entries())
        expect(await call(i % 2 ? a : b, 'message:send', { clientMsgId: `x${i + 1}`, text })).toMatchObject({
          ok: true,
          status: 'delivered',
        });
      // Ben writes on alone: in an open room that would bring a nudge to hear from Ann.
      for (let i = 0; i < 5; i++)
        await call(b, 'message:send', { clientMsgId: `y${i}`, text: `One more thing about the school run, ${i}.` });
      await sleep(300);
      return { a, b };
    };
    const calm = await run('I would like us to talk about the weekends.');
    expect(said(calm.b, 'clause-offer').length).toBeGreaterThan(0);
    expect(said(calm.b, 'nudge').length).toBeGreaterThan(0);
    closeClients();
    const told = await run(DISCLOSURE);
    for (const c of [told.a, told.b]) {
      expect(said(c, 'clause-offer')).toEqual([]);
      expect(said(c, 'nudge')).toEqual([]);
      expect(said(c, 'floor')).toEqual([]);
    }
  });

  it('a quiet pause names no one, and only its asker or a mediator ends it', async () => {
    srv = await startServer();
    const { a, b } = await couple(srv.url);
    const announced = next(a, 'facilitator', (f: any) => f.kind === 'break');
    const paused = await call(b, 'break:request', { quiet: true, minutes: 10 });
    expect(paused).toMatchObject({ ok: true, break: { requestedBy: 'facilitator' } });
    expect((await announced).text).not.toMatch(/Ben/);
    // The host cannot end someone's quiet pause, and is not told whose it is.
    const refused = await call(a, 'break:end');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refused.error.message).not.toMatch(/Ben/);
    expect(await call(b, 'break:end')).toMatchObject({ ok: true });
  });

  it('what someone told of harm or fear is never read back in the recap after a break', async () => {
    srv = await startServer();
    const { a, b } = await couple(srv.url);
    const ask = 'Could we sort out who has the dog during the week?';
    expect(await call(a, 'message:send', { clientMsgId: 'a1', text: ask })).toMatchObject({ status: 'delivered' });
    const told = 'She threw a plate at me at Easter and I am scared of her when she drinks.';
    expect(await call(b, 'message:send', { clientMsgId: 'b1', text: told })).toMatchObject({ status: 'delivered' });
    expect(await call(b, 'break:request', { quiet: true, minutes: 5 })).toMatchObject({ ok: true });
    const recap = next(a, 'facilitator', (f: any) => f.kind === 'recap');
    expect(await call(b, 'break:end')).toMatchObject({ ok: true });
    const text: string = (await recap).text;
    expect(text).toMatch(/dog/);
    expect(text).not.toMatch(/plate|scared|Easter|Ben/);
  });

  it('asking for a separated room tells the mediators only, never the host', async () => {
    srv = await startServer();
    const { a, b, host } = await couple(srv.url);
    expect(await call(b, 'safety:separate', {})).toMatchObject({ ok: true, toldMediators: false });
    const { m } = await mediatorIn(srv.url, host);
    const told = next(m, 'facilitator', (f: any) => f.kind === 'safety');
    expect(await call(b, 'safety:separate', {})).toMatchObject({ ok: true, toldMediators: true });
    expect((await told).text).toMatch(/^Ben would like to go on in a separated room/);
    await sleep(100);
    expect(said(a, 'safety')).toEqual([]);
  });
});

describe('a threat', () => {
  it('when the host threatens, the other person is told plainly and privately, and so is the mediator', async () => {
    srv = await startServer();
    const { a, b, host, guest } = await couple(srv.url);
    const { m, joined } = await mediatorIn(srv.url, host);
    const toBen = next(b, 'facilitator', (f: any) => f.kind === 'safety');
    const toMira = next(m, 'facilitator', (f: any) => f.kind === 'safety');
    const held = await call(a, 'message:send', { clientMsgId: 't1', text: THREAT });
    expect(held).toMatchObject({ ok: true, status: 'held', review: { originalAllowed: false } });
    const notice = await toBen;
    expect(notice.visibleTo).toEqual([guest.participantId]);
    expect(notice.text).toMatch(/^A message from Ann was not delivered, because it may have contained a threat\./);
    expect(notice.text).toMatch(/You don’t need to answer it/);
    expect(notice.text).not.toMatch(/check in|gently/);
    expect(notice.choices).toEqual(['leave', 'pause', 'separate', 'continue']);
    expect(notice.help.length).toBeGreaterThan(0);
    const mediatorNote = await toMira;
    expect(mediatorNote.visibleTo).toEqual([joined.participantId]);
    expect(mediatorNote.text).toMatch(/pause Ann’s messages or remove Ann/);
    await sleep(100);
    expect(said(a, 'safety')).toEqual([]);
    for (const c of [a, b, m]) expect(JSON.stringify(c.received)).not.toMatch(/take the kids|hurt you/);
    // The threatened person keeps the room paused for longer; only a mediator can end it early now.
    const kept = await call(b, 'break:request', { quiet: true, minutes: 45 });
    expect(kept.break.endsAt - Date.now()).toBeGreaterThan(40 * 60_000);
    expect(await call(a, 'break:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('a host whose message was held as a threat can neither take anyone out nor end the pause it caused', async () => {
    srv = await startServer();
    const { a, b, host, guest } = await couple(srv.url);
    const { joined } = await mediatorIn(srv.url, host);
    expect(await call(a, 'message:send', { clientMsgId: 't1', text: THREAT })).toMatchObject({ status: 'held' });
    for (const id of [guest.participantId, joined.participantId]) {
      const out = await http(srv.url, 'DELETE', `/api/rooms/${host.roomId}/participants/${id}`, undefined, host.token);
      expect(out).toMatchObject({ status: 403, json: { error: { code: 'forbidden' } } });
    }
    // a one-minute "quiet" pause is no way round: the sender cannot ask for one, nor end the safety pause
    expect(await call(a, 'break:request', { quiet: true, minutes: 1 })).toMatchObject({ ok: false });
    expect(await call(a, 'break:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // the person threatened keeps the room paused longer; asking gives nobody a way to end it early but a mediator
    expect(await call(b, 'break:request', { quiet: true, minutes: 1 })).toMatchObject({ ok: true });
    expect(await call(b, 'break:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const view = await http(srv.url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token);
    expect(view.json.participants.map((p: { name: string }) => p.name)).toContain('Ben');
  });

  it('in a group, every other party is told, and an observer is not', async () => {
    srv = await startServer();
    const host = await createRoom(srv.url, { kind: 'family', name: 'Kim', mode: 'open' });
    const lea = await joinRoom(srv.url, host.roomId, host.inviteCode, 'Lea');
    const max = await joinRoom(srv.url, host.roomId, await invite(srv.url, host, 'participant'), 'Max');
    const obs = await joinRoom(srv.url, host.roomId, await invite(srv.url, host, 'observer'), 'Ola');
    const k = await connect(srv.url, host.token);
    const l = await connect(srv.url, lea.token);
    const x = await connect(srv.url, max.token);
    const o = await connect(srv.url, obs.token);
    expect(await call(x, 'message:send', { clientMsgId: 't1', text: 'I will hurt you all' })).toMatchObject({
      status: 'held',
    });
    await sleep(300);
    for (const c of [k, l])
      expect(said(c, 'safety').map((n) => n.text.slice(0, 28))).toEqual(['A message from Max was not d']);
    expect(said(k, 'safety')[0].text).toMatch(
      /As the host, you can also pause \S+ messages or take \S+ out of the joint conversation/,
    );
    expect(said(x, 'safety')).toEqual([]);
    expect(said(o, 'safety')).toEqual([]);
  });

  it('repeats escalate: the second pauses the sender, the third removes them; they keep preparation', async () => {
    srv = await startServer({ breakMinutes: 0.02 });
    const { a, b, guest } = await couple(srv.url);
    expect(await call(b, 'message:send', { clientMsgId: 't1', text: THREAT })).toMatchObject({ status: 'held' });
    await next(a, 'facilitator', (f: any) => f.kind === 'recap', 5000);
    // After the pause, Ben still writes; a second threat pauses his room messages.
    expect(await call(b, 'message:send', { clientMsgId: 't2', text: 'I am going to kill you' })).toMatchObject({
      status: 'held',
    });
    await sleep(200);
    expect(said(b, 'safety').map((n) => n.text)).toEqual([
      expect.stringMatching(/^Your messages to the room are paused/),
    ]);
    // said inside the new threat notice, so nothing covers its choices and help on Ann's screen
    const last = said(a, 'safety').at(-1);
    expect(last.text).toMatch(
      /^A message from Ben was not delivered.* Ben’s messages to the room are paused for now\.$/,
    );
    expect(last.choices).toEqual(['leave', 'pause', 'separate', 'continue']);
    const state = (await call(a, 'room:state')).state;
    expect(state.participants.find((p: any) => p.participantId === guest.participantId).status).toBe('paused');
    const refused = await call(b, 'message:send', { clientMsgId: 'n1', text: 'Can we talk?' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(refused.error.message).toMatch(/paused for now/);
    expect(await call(b, 'prep:send', { text: 'I am so angry I cannot think.' })).toMatchObject({ ok: true });
    // A third threat (rewording a held one into another) removes him from the joint session.
    const removedState = next(b, 'room:state', (s: any) =>
      s.participants.some((p: any) => p.participantId === guest.participantId && p.status === 'removed'),
    );
    expect(
      await call(b, 'message:resolve', { clientMsgId: 't2', action: 'edit', text: 'I will hurt you badly' }),
    ).toMatchObject({ status: 'held' });
    await removedState;
    await sleep(200);
    expect(said(b, 'safety').at(-1).text).toMatch(/^You are no longer part of the joint conversation/);
    expect(said(b, 'safety').at(-1).help.length).toBeGreaterThan(0);
    expect(said(a, 'safety').at(-1).text).toBe('Ben is no longer part of the joint conversation.');
    // He no longer gets the room: Ann's next message does not reach him, his history is only what was said to him.
    await next(a, 'facilitator', (f: any) => f.kind === 'recap', 5000);
    const before = b.received.length;
    expect(await call(a, 'message:send', { clientMsgId: 'after', text: 'I am going to take a moment.' })).toMatchObject(
      {
        status: 'delivered',
      },
    );
    await sleep(200);
    expect(b.received.slice(before).some(([e]) => e === 'message')).toBe(false);
    const history = (await call(b, 'history', { sinceSeq: 0 })).messages;
    expect(history.every((e: any) => e.visibleTo?.includes(guest.participantId))).toBe(true);
    expect(await call(b, 'prep:send', { text: 'What happens now?' })).toMatchObject({ ok: true });
    expect(await call(b, 'message:send', { clientMsgId: 'n2', text: 'Hello?' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringMatching(/no longer part of the joint conversation/) },
    });
    // Nor can he change the room of the people he threatened, for good, into a separated one.
    expect(await call(b, 'room:separate', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(b, 'safety:separate', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Reconnecting does not bring him back into the room's channel.
    const again = await connect(srv.url, guest.token);
    expect(await call(a, 'message:send', { clientMsgId: 'after2', text: 'Still here.' })).toMatchObject({
      status: 'delivered',
    });
    await sleep(200);
    expect(again.received.some(([e]) => e === 'message')).toBe(false);
  });
});

describe('the host and mediators', () => {
  it('pause, resume and remove a participant; others cannot; clear errors', async () => {
    srv = await startServer();
    const { a, b, host, guest } = await couple(srv.url);
    const target = { participantId: guest.participantId };
    expect(await call(b, 'participant:pause', { participantId: host.participantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(a, 'participant:pause', { participantId: host.participantId })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await call(a, 'participant:pause', { participantId: 'p_nobody' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(a, 'participant:pause', {})).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const toBen = next(b, 'facilitator', (f: any) => f.kind === 'safety');
    expect(await call(a, 'participant:pause', target)).toMatchObject({ ok: true, status: 'paused' });
    expect((await toBen).text).toMatch(/^The host has paused your messages to the room for now/);
    expect(await call(b, 'message:send', { clientMsgId: 'p1', text: 'Hello' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect(await call(a, 'participant:resume', target)).toMatchObject({ ok: true, status: 'active' });
    expect(await call(b, 'message:send', { clientMsgId: 'p2', text: 'Hello' })).toMatchObject({
      status: 'delivered',
    });
    const { m } = await mediatorIn(srv.url, host);
    expect(await call(m, 'participant:remove', target)).toMatchObject({ ok: true, status: 'removed' });
    // Out of the conversation, they cannot be paused (only welcomed back: test/integration/roles.test.ts).
    expect(await call(a, 'participant:pause', target)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect(await call(b, 'message:send', { clientMsgId: 'p3', text: 'Hello' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    // Out of the session, Ben can no longer pause the room, take a turn or agree to anything.
    for (const [event, payload] of [
      ['break:request', {}],
      ['floor:request', {}],
      ['agreement:propose', { text: 'We talk on Sundays.' }],
      ['agreement:sign', {}],
    ] as const)
      expect(await call(b, event, payload)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    // The mediator can act on the host too.
    expect(await call(m, 'participant:pause', { participantId: host.participantId })).toMatchObject({
      ok: true,
      status: 'paused',
    });
  });

  it('a host whose own message was held as a threat cannot pause or remove the other person', async () => {
    srv = await startServer();
    const { a, guest } = await couple(srv.url);
    expect(await call(a, 'message:send', { clientMsgId: 't1', text: THREAT })).toMatchObject({ status: 'held' });
    expect(await call(a, 'participant:remove', { participantId: guest.participantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('self-harm', () => {
  it(
    'the sender gets clickable help from the deployment’s list plus the global directory; ' + 'mediators are told',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'help-'));
      const file = join(dir, 'help.json');
      const list = { en: [{ name: 'Local crisis line', url: 'https://crisis.example.org', phone: '0800 000 000' }] };
      writeFileSync(file, JSON.stringify(list));
      srv = await startServer({ safetyHelp: readHelpFile(file) });
      const { a, b, host } = await couple(srv.url);
      const { m } = await mediatorIn(srv.url, host);
      const toMira = next(m, 'facilitator', (f: any) => f.kind === 'safety');
      const held = await call(b, 'message:send', { clientMsgId: 's1', text: 'I just want to kill myself' });
      expect(held.review.help).toEqual([
        { name: 'Local crisis line', url: 'https://crisis.example.org', phone: '0800 000 000' },
        expect.objectContaining({ url: 'https://findahelpline.com' }),
      ]);
      expect((await toMira).text).toMatch(/^A message from Ben was held back, because it may show/);
      const state = (await call(a, 'room:state')).state;
      expect(state.break).toMatchObject({ requestedBy: 'facilitator' });
      await sleep(200);
      // The host (a party, the other person here) is told nothing of whom; the pause names no one.
      expect(said(a, 'safety')).toEqual([]);
      expect(
        said(a, 'break')
          .map((n) => n.text)
          .join(' '),
      ).not.toMatch(/Ben|intense|heated/);
      // Repeated self-harm never pauses or removes the person.
      await call(b, 'message:send', { clientMsgId: 's2', text: 'I want to die' });
      await call(b, 'message:send', { clientMsgId: 's3', text: 'I just want to kill myself' });
      const after = (await call(a, 'room:state')).state;
      expect(after.participants.every((p: any) => p.status === undefined)).toBe(true);
    },
  );

  it('set aside to talk privately, a self-harm message leaves a warm word and help in the private space', async () => {
    srv = await startServer();
    const { b } = await couple(srv.url);
    const held = await call(b, 'message:send', { clientMsgId: 's1', text: 'I just want to kill myself' });
    expect(held).toMatchObject({ status: 'held' });
    const waiting = next(b, 'prep:message');
    expect(await call(b, 'message:resolve', { clientMsgId: 's1', action: 'discard' })).toMatchObject({
      status: 'discarded',
    });
    const note = await waiting;
    expect(note.text).toMatch(/You matter/);
    expect(note.help.map((l: any) => l.url)).toContain('https://findahelpline.com');
    const prep = (await call(b, 'prep:history')).messages;
    expect(prep.at(-1).text).toMatch(/You matter/);
  });

  it('during a pause, a message that speaks of self-harm is still read and answered with help', async () => {
    srv = await startServer();
    const { a, b } = await couple(srv.url);
    expect(await call(a, 'break:request', { minutes: 10 })).toMatchObject({ ok: true });
    const calm = await call(b, 'message:send', { clientMsgId: 'c1', text: 'Ok, see you in ten.' });
    expect(calm).toMatchObject({ ok: false, error: { code: 'on_break' } });
    const held = await call(b, 'message:send', { clientMsgId: 's1', text: 'i have been saving up my pills' });
    expect(held).toMatchObject({ status: 'held', review: { originalAllowed: false, labels: ['self_harm'] } });
    expect(held.review.help.map((l: any) => l.url)).toContain('https://findahelpline.com');
  });

  it('a bad help file stops the start with a clear message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'help-'));
    const file = join(dir, 'help.json');
    writeFileSync(file, JSON.stringify({ en: [{ name: 'x', url: 'javascript:alert(1)' }] }));
    expect(() => readHelpFile(file)).toThrow(/SAFETY_HELP_FILE/);
    expect(() => readHelpFile(join(dir, 'missing.json'))).toThrow(/could not be read/);
  });
});

describe('the agreement', () => {
  it('takes no threat, insult or demand to control someone as a clause, and not from someone paused', async () => {
    srv = await startServer();
    const { a, b, host } = await couple(srv.url);
    const { m } = await mediatorIn(srv.url, host);
    const propose = (c: Client, text: string) => call(c, 'agreement:propose', { text });
    expect(await propose(a, 'We each text the other by 6pm if plans change.')).toMatchObject({ ok: true });
    const flagged = next(m, 'facilitator', (f: any) => f.kind === 'safety');
    const control = await propose(b, 'Ann hands me her phone every night and does not see her sister without asking.');
    expect(control).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    expect((await flagged).text).not.toMatch(/phone every night/);
    expect(await propose(b, 'Ann admits she is a lying cow and a useless mother.')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const told = next(a, 'facilitator', (f: any) => f.kind === 'safety');
    expect(await propose(b, 'If Ann takes the kids to Cork I will hurt her.')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    expect((await told).text).toMatch(/^A message from Ben was not delivered, because it may have contained a threat/);
    await call(b, 'message:send', { clientMsgId: 't2', text: 'I will kill you if you take them.' });
    expect(await propose(b, 'We share the school holidays equally.')).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const clauses = (await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement`, undefined, host.token)).json;
    expect(JSON.stringify(clauses)).not.toMatch(/phone every night|lying cow|hurt her|holidays/);
  });
});

describe('coercive control', () => {
  it('is flagged privately to a mediator, without the words, and never to the others', async () => {
    srv = await startServer();
    const { a, b, host } = await couple(srv.url);
    const { m } = await mediatorIn(srv.url, host);
    const toMira = next(m, 'facilitator', (f: any) => f.kind === 'safety');
    expect(await call(b, 'message:send', { clientMsgId: 'c1', text: 'Give me your phone every night.' })).toMatchObject(
      {
        status: 'delivered',
      },
    );
    const flag = await toMira;
    expect(flag.text).toMatch(/^Ben’s last message may ask to limit someone’s/);
    expect(flag.text).not.toMatch(/every night/);
    await sleep(100);
    expect(said(a, 'safety')).toEqual([]);
    expect(said(b, 'safety')).toEqual([]);
  });
});
