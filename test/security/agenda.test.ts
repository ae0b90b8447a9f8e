import { describe, expect, it } from 'vitest';
import { call, connect, couple, createRoom, joinRoom, sleep, startServer, useServer } from '../helpers/server.js';

/**
 * Issue 10, the agenda events: a hostile host, participant or script sends malformed, oversized, forged
 * and flooding payloads to agenda:add / move / close / current. Each gets a clear refusal, the room's
 * agenda keeps only what the rules allow, and the server stays up.
 */
const server = useServer();

const EVENTS = ['agenda:add', 'agenda:move', 'agenda:close', 'agenda:current'] as const;
const agendaOf = async (socket: any) => (await call(socket, 'room:state')).state.agenda;

/** A couple's room in its joint session with one topic (t1) the host added. */
async function room() {
  const c = await couple(server().url);
  expect(await call(c.a, 'agenda:add', { title: 'Chores' })).toMatchObject({ ok: true, topicId: 't1' });
  return c;
}

describe('agenda payloads', () => {
  it('malformed payloads are invalid_payload, never a crash', async () => {
    const { a } = await room();
    const bad: [string, unknown][] = [
      ['agenda:add', {}],
      ['agenda:add', { title: 42 }],
      ['agenda:add', { title: ['Chores'] }],
      ['agenda:add', { title: { toString: 'x' } }],
      ['agenda:add', { title: null }],
      ['agenda:add', 'Chores'],
      ['agenda:add', { title: '\u200B\u200E\u202E \u2800' }], // nothing visible
      ['agenda:move', { topicId: 't1' }],
      ['agenda:move', { topicId: 't1', toIndex: -1 }],
      ['agenda:move', { topicId: 't1', toIndex: 1.5 }],
      ['agenda:move', { topicId: 't1', toIndex: '0' }],
      ['agenda:move', { topicId: 't1', toIndex: null }], // NaN and Infinity arrive as null
      ['agenda:move', { topicId: 't1', toIndex: 1e9 }],
      ['agenda:close', { topicId: ['t1'] }],
      ['agenda:close', { topicId: 1 }],
      ['agenda:close', { topicId: '' }],
      ['agenda:close', { topicId: 'x'.repeat(5000) }],
      ['agenda:current', {}],
      ['agenda:current', [1, 2, 3]],
    ];
    for (const [event, payload] of bad) {
      expect(await call(a, event, payload), `${event} ${JSON.stringify(payload)}`).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(await agendaOf(a)).toEqual({
      topics: [{ id: 't1', title: 'Chores', status: 'open', by: null }],
      current: 't1',
    });
  });

  it('an oversized title is too_long (and still within one socket packet, the connection stays)', async () => {
    const { a } = await room();
    expect(await call(a, 'agenda:add', { title: 'x'.repeat(81) })).toMatchObject({ error: { code: 'too_long' } });
    expect(await call(a, 'agenda:add', { title: 'x'.repeat(30_000) })).toMatchObject({ error: { code: 'too_long' } });
    expect(a.connected).toBe(true);
    expect((await agendaOf(a)).topics).toHaveLength(1);
  });

  it('forged fields are ignored: the server sets id, status and author', async () => {
    const { a } = await room();
    const forged = await call(a, 'agenda:add', {
      title: 'Money',
      id: 't1',
      status: 'clause',
      by: 'p_someone',
      words: ['chores'],
      __proto__: { status: 'closed' },
    });
    expect(forged).toMatchObject({ ok: true, topicId: 't2' });
    expect(forged.agenda.topics[1]).toEqual({ id: 't2', title: 'Money', status: 'open', by: null });
    // Prototype keys are not topics.
    for (const topicId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await call(a, 'agenda:close', { topicId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(await call(a, 'agenda:current', { topicId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect((await agendaOf(a)).topics.map((t: any) => t.status)).toEqual(['open', 'open']);
  });

  it('invisible and direction characters are removed; markup stays text', async () => {
    const { a, b } = await room();
    const added = await call(a, 'agenda:add', { title: 'Mo\u200Bney \u202Eevil\u202C <img src=x onerror=alert(1)>' });
    expect(added.agenda.topics[1].title).toBe('Money evil <img src=x onerror=alert(1)>');
    expect((await agendaOf(b)).topics[1].title).toBe('Money evil <img src=x onerror=alert(1)>');
  });

  it('a heated title is refused, disguises included; the words never reach the room', async () => {
    const { a, b } = await room();
    for (const title of ['Ben the useless idiot', 'B e n  the  i d i o t', 'Ben the ιdιot']) {
      expect(await call(a, 'agenda:add', { title }), title).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
    }
    expect(JSON.stringify(b.received)).not.toMatch(/idiot|ιdιot|i d i o t/);
  });

  it('people taking part, observers and other rooms cannot change this agenda', async () => {
    const { host, a, b } = await room();
    for (const event of EVENTS) {
      const payload = event === 'agenda:add' ? { title: 'Mine' } : { topicId: 't1', toIndex: 0 };
      expect(await call(b, event, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // The host of another room names the same topic id: that room's own agenda answers, not this one.
    const other = await createRoom(server().url, { kind: 'couple', name: 'Eve' });
    const mallory = await joinRoom(server().url, other.roomId, other.inviteCode, 'Mallory');
    await connect(server().url, mallory.token); // Mallory enters: that room's agenda is open
    const e = await connect(server().url, other.token);
    expect(await call(e, 'agenda:close', { topicId: 't1' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await agendaOf(a)).toMatchObject({ topics: [{ id: 't1', status: 'open' }], current: 't1' });
    void host;
  });

  it('the agenda stays bounded: 12 topics at most', async () => {
    const { a } = await room();
    const acks = [];
    for (let i = 0; i < 20; i++) acks.push(await call(a, 'agenda:add', { title: `Topic number ${i}` }));
    expect(acks.filter((x) => x.ok)).toHaveLength(11);
    expect(acks.filter((x) => !x.ok).every((x) => x.error.code === 'not_allowed')).toBe(true);
    expect((await agendaOf(a)).topics).toHaveLength(12);
  });

  it('events without an acknowledgement, or unknown agenda events, do not break the connection', async () => {
    const { a } = await room();
    (a as any).emit('agenda:add', { title: 'No ack' });
    (a as any).emit('agenda:close');
    expect(await call(a, 'agenda:delete', { topicId: 't1' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await sleep(50);
    expect(a.connected).toBe(true);
    expect((await agendaOf(a)).topics.map((t: any) => t.title)).toEqual(['Chores', 'No ack']);
  });
});

describe('agenda flooding', () => {
  it('is rate limited per person like other events', async () => {
    const limited = await startServer({ rateLimitFactor: 1 });
    try {
      const host = await createRoom(limited.url, { kind: 'couple', name: 'Ann' });
      await joinRoom(limited.url, host.roomId, host.inviteCode, 'Ben');
      const a = await connect(limited.url, host.token);
      await call(a, 'agenda:add', { title: 'Chores' });
      const acks = await Promise.all(
        Array.from({ length: 80 }, (_, i) => call(a, 'agenda:move', { topicId: 't1', toIndex: i % 1 })),
      );
      expect(acks.filter((x) => !x.ok && x.error.code === 'rate_limited').length).toBeGreaterThan(0);
      a.disconnect();
    } finally {
      await limited.close();
    }
  });
});
