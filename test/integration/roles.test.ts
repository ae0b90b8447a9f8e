import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, http, invite, joinRoom } from '../helpers/server.js';
import { useServer } from '../helpers/server.js';
import { provider, until, useProviders } from '../helpers/yjs.js';

/** Issue 12, every role: the mediator's console, caucus, removal from the room, the observer, outcomes. */
const METRICS_TOKEN = 'roles-metrics-token-0123456789';
const server = useServer({ metricsToken: METRICS_TOKEN });
useProviders();

const HEATED = 'Shut up, you never listen, you moron';
const THREAT = 'If you take the kids I will hurt you.';

/** A couple's room with a mediator: all three connected, the parties in the joint conversation. */
async function mediated(options: { recordMode?: 'record' } = {}) {
  const url = server().url;
  const host = await createRoom(url, { kind: 'couple', name: 'Ann', mode: 'open', ...options });
  const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
  const mediator = await joinRoom(url, host.roomId, await invite(url, host, 'mediator'), 'Maya');
  const a = await connect(url, host.token);
  const b = await connect(url, guest.token);
  const m = await connect(url, mediator.token);
  return { url, host, guest, mediator, a, b, m };
}

describe('DELETE /api/rooms/:roomId/participants/:participantId', () => {
  it('the host takes someone out: 204, their sockets and open /yjs connection close, the token stops working', async () => {
    const { url, host, guest, b } = await mediated();
    const { p } = provider(url, host.roomId, guest.token);
    await until(() => p.wsconnected);
    const yjsClosed = new Promise<number>((resolve) => {
      p.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0));
    });
    const socketClosed = new Promise<string>((resolve) => b.on('disconnect', resolve));
    const path = `/api/rooms/${host.roomId}/participants/${guest.participantId}`;
    expect((await http(url, 'DELETE', path, undefined, host.token)).status).toBe(204);
    expect(await socketClosed).toBe('io server disconnect');
    expect(await yjsClosed).toBe(4403);
    expect((await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token)).status).toBe(401);
    await expect(connect(url, guest.token)).rejects.toThrow('unauthorized');
    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/yjs-ticket`, undefined, guest.token)).status).toBe(401);
    const view = await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.participants.map((x: { name: string }) => x.name)).toEqual(['Ann', 'Maya']);
  });

  it('a mediator may; a participant may not (403); nobody removes the host (409) or a stranger (404)', async () => {
    const { url, host, guest, mediator } = await mediated();
    const path = (id: string) => `/api/rooms/${host.roomId}/participants/${id}`;
    const byGuest = await http(url, 'DELETE', path(mediator.participantId), undefined, guest.token);
    expect(byGuest.status).toBe(403);
    expect(byGuest.json.error.code).toBe('forbidden');
    const hostOut = await http(url, 'DELETE', path(host.participantId), undefined, mediator.token);
    expect(hostOut.status).toBe(409);
    expect((await http(url, 'DELETE', path('p-nobody'), undefined, mediator.token)).status).toBe(404);
    expect((await http(url, 'DELETE', path(guest.participantId), undefined, mediator.token)).status).toBe(204);
    expect((await http(url, 'DELETE', path(guest.participantId))).status).toBe(401);
  });
});

describe('the mediator’s own words', () => {
  it('are delivered where a party’s would be held, leave the heat as it was, and a threat is still held', async () => {
    const { a, m } = await mediated();
    const party = await call(a, 'message:send', { clientMsgId: 'p1', text: HEATED });
    expect(party).toMatchObject({ ok: true, status: 'held' });
    const slow = await call(m, 'message:send', { clientMsgId: 'm1', text: 'Let us slow down a little.' });
    expect(slow).toMatchObject({ ok: true, status: 'delivered' });
    const sharp = await call(m, 'message:send', { clientMsgId: 'm2', text: HEATED });
    expect(sharp).toMatchObject({ ok: true, status: 'delivered' });
    expect((await call(m, 'room:state')).state.heat).toBe(0);
    const threat = await call(m, 'message:send', { clientMsgId: 'm3', text: THREAT });
    expect(threat).toMatchObject({ ok: true, status: 'held', review: { originalAllowed: false } });
    const history = await call(a, 'history', { sinceSeq: 0 });
    expect(JSON.stringify(history.messages)).not.toContain('hurt you');
  });
});

describe('the console', () => {
  it('shows the host and mediators how many messages each person has held, never the words', async () => {
    const { a, b, m, guest, host } = await mediated();
    expect(await call(b, 'message:send', { clientMsgId: 'h1', text: HEATED })).toMatchObject({ status: 'held' });
    const seen = await call(m, 'console:state');
    expect(seen.ok).toBe(true);
    expect(seen.console.held).toEqual({ [guest.participantId]: 1 });
    expect(JSON.stringify(seen)).not.toContain('moron');
    expect((await call(a, 'console:state')).console.held).toEqual({ [guest.participantId]: 1 });
    const refused = await call(b, 'console:state');
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(host.role).toBe('host');
  });

  it('a mediator starts and ends a break, removes a party from the joint session and welcomes them back', async () => {
    const { b, m, guest } = await mediated();
    expect(await call(m, 'break:request', { minutes: 5 })).toMatchObject({ ok: true });
    expect(await call(m, 'break:end')).toMatchObject({ ok: true });
    const target = { participantId: guest.participantId };
    expect(await call(m, 'participant:pause', target)).toMatchObject({ ok: true, status: 'paused' });
    expect(await call(m, 'participant:remove', target)).toMatchObject({ ok: true, status: 'removed' });
    const out = await call(b, 'message:send', { clientMsgId: 'r1', text: 'May I say something?' });
    expect(out.ok).toBe(false);
    expect(await call(m, 'participant:pause', target)).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    b.received.length = 0;
    expect(await call(m, 'participant:resume', target)).toMatchObject({ ok: true, status: 'active' });
    // Their screen is told at once that they are back.
    const backInState = ([e, p]: [string, unknown]) =>
      e === 'room:state' &&
      (p as { participants: { participantId: string; status?: string }[] }).participants.some(
        (x) => x.participantId === guest.participantId && x.status === undefined,
      );
    await until(() => b.received.some(backInState));
    const back = await call(b, 'message:send', { clientMsgId: 'r2', text: 'Thank you for having me back.' });
    expect(back).toMatchObject({ ok: true, status: 'delivered' });
    // Back in the room's broadcasts: the mediator's next message reaches them.
    await call(m, 'message:send', { clientMsgId: 'm9', text: 'Welcome back, Ben.' });
    await until(() =>
      b.received.some(([e, p]) => e === 'message' && (p as { text: string }).text === 'Welcome back, Ben.'),
    );
    const notes = (await call(b, 'history', { sinceSeq: 0 })).messages.map((e: { text: string }) => e.text);
    expect(notes.join(' ')).toContain('welcomed you back');
  });
});

describe('caucus', () => {
  it('is between the mediator and one person: never to the others, the room log or the transcript', async () => {
    const { url, host, a, b, m, guest, mediator } = await mediated({ recordMode: 'record' });
    const sent = await call(m, 'caucus:send', { participantId: guest.participantId, text: 'How are you holding up?' });
    expect(sent).toMatchObject({ ok: true, message: { mediator: mediator.participantId, with: guest.participantId } });
    await until(() => b.received.some(([e]) => e === 'caucus:message'));
    const reply = await call(b, 'caucus:send', { participantId: mediator.participantId, text: 'I feel unheard.' });
    expect(reply.ok).toBe(true);
    await until(() =>
      m.received.some(([e, p]) => e === 'caucus:message' && (p as { text: string }).text.includes('unheard')),
    );
    // Ann's next answer comes after anything sent to her before it: no caucus line among them.
    await call(a, 'message:send', { clientMsgId: 'a1', text: 'I would like to talk about the weekends.' });
    expect(a.received.some(([e]) => e === 'caucus:message')).toBe(false);
    const both = await call(b, 'caucus:history', { participantId: mediator.participantId });
    expect(both.messages.map((x: { text: string }) => x.text)).toEqual(['How are you holding up?', 'I feel unheard.']);
    expect((await call(a, 'caucus:history', { participantId: mediator.participantId })).messages).toEqual([]);
    expect(await call(a, 'caucus:history', { participantId: guest.participantId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(a, 'caucus:send', { participantId: guest.participantId, text: 'psst' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    for (const s of [a, b, m]) {
      expect(JSON.stringify((await call(s, 'history', { sinceSeq: 0 })).messages)).not.toMatch(/holding up|unheard/);
    }
    const transcript = await http(url, 'GET', `/api/rooms/${host.roomId}/transcript`, undefined, host.token);
    expect(transcript.status).toBe(200);
    expect(transcript.text).not.toMatch(/holding up|unheard/);
    expect(transcript.text).toContain('weekends');
  });
});

describe('observers', () => {
  it('read the room but write nothing: no room messages, no preparation, no caucus to start', async () => {
    const url = server().url;
    const { host } = await mediated();
    const watcher = await joinRoom(url, host.roomId, await invite(url, host, 'observer'), 'Olu');
    const o = await connect(url, watcher.token);
    expect((await call(o, 'room:state')).state.you.role).toBe('observer');
    expect((await call(o, 'message:send', { clientMsgId: 'o1', text: 'Hello' })).ok).toBe(false);
    expect((await call(o, 'prep:send', { text: 'What happened?' })).ok).toBe(false);
    expect((await call(o, 'room:enter')).ok).toBe(false);
  });
});

describe('outcomes', () => {
  it('count suggestions taken, edited, sent as written and discarded, breaks, heat, agreement and signing', async () => {
    const { url, host, a, b, m, guest, mediator } = await mediated();
    const hold = async (id: string) =>
      expect(await call(b, 'message:send', { clientMsgId: id, text: HEATED })).toMatchObject({ status: 'held' });
    await hold('s1');
    expect(await call(b, 'message:resolve', { clientMsgId: 's1', action: 'suggestion', index: 0 })).toMatchObject({
      status: 'delivered',
    });
    await hold('s2');
    const edited = { clientMsgId: 's2', action: 'edit', text: 'I feel unheard when plans change.' };
    expect(await call(b, 'message:resolve', edited)).toMatchObject({ status: 'delivered' });
    await hold('s3');
    expect(await call(b, 'message:resolve', { clientMsgId: 's3', action: 'original' })).toMatchObject({
      status: 'delivered',
    });
    await hold('s4');
    expect(await call(b, 'message:resolve', { clientMsgId: 's4', action: 'discard' })).toMatchObject({
      status: 'discarded',
    });
    await call(m, 'break:request', { minutes: 5 });
    await call(m, 'break:end');
    const proposed = await call(a, 'agreement:propose', { text: 'We alternate weekends.' });
    await call(a, 'agreement:accept', { clauseId: proposed.clauseId });
    await call(b, 'agreement:accept', { clauseId: proposed.clauseId });
    await call(a, 'agreement:sign');
    await call(b, 'agreement:sign');
    const res = await http(url, 'GET', `/api/rooms/${host.roomId}/outcomes`, undefined, mediator.token);
    expect(res.status).toBe(200);
    const out = res.json;
    expect(out.suggestions).toEqual({ taken: 1, edited: 1, original: 1, discarded: 1 });
    expect(out.breaks).toBe(1);
    expect(out.heat).toHaveLength(3);
    expect(out.jointAt).toBeTypeOf('number');
    expect(out.firstAgreedAt).toBeGreaterThanOrEqual(out.jointAt);
    expect(out.signedAt).toBeGreaterThanOrEqual(out.firstAgreedAt);
    const forGuest = await http(url, 'GET', `/api/rooms/${host.roomId}/outcomes`, undefined, guest.token);
    expect(forGuest.status).toBe(403);
    const metrics = (await http(url, 'GET', '/metrics', undefined, METRICS_TOKEN)).text;
    expect(metrics).toMatch(/mediation_breaks_started_total \d/);
    expect(metrics).toMatch(/mediation_seconds_to_signing_count [1-9]/);
    expect(metrics).toMatch(/mediation_seconds_to_first_agreed_clause_count [1-9]/);
    expect(metrics).toMatch(/mediation_delivered_heat_count [1-9]/);
    expect(metrics).toMatch(/mediation_held_outcomes_total\{outcome="discarded"\} [1-9]/);
  });
});
