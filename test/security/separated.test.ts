import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, invite, joinRoom, sleep, useServer } from '../helpers/server.js';

/**
 * Issue 11, screening and separated rooms: a hostile participant, observer, mediator or script sends
 * malformed, oversized, forged and borrowed payloads to screening:*, room:separate and relay:*. Each
 * gets a clear refusal, nothing crosses to the other side that its author did not approve, and the
 * server stays up.
 */
const server = useServer();

async function separatedRoom() {
  const url = server().url;
  const host = await createRoom(url, { kind: 'couple', name: 'Ann', separated: true });
  const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
  const observer = await joinRoom(url, host.roomId, await invite(url, host, 'observer'), 'Olive');
  const mediator = await joinRoom(url, host.roomId, await invite(url, host, 'mediator'), 'Mo');
  const [a, b, o, m] = await Promise.all([host, guest, observer, mediator].map((c) => connect(url, c.token)));
  return { host, guest, a, b, o, m };
}

const seenBy = async (s: any) =>
  JSON.stringify(s.received) + JSON.stringify((await call(s, 'history', { sinceSeq: 0 })).messages);

describe('screening payloads', () => {
  it('malformed answers are invalid_payload, and nothing is stored', async () => {
    const { host, a } = await separatedRoom();
    const many = Array.from({ length: 500 }, () => ({ topic: 'harm', answer: 'yes' }));
    const bad: unknown[] = [
      {},
      { answers: 'yes' },
      { answers: [{ topic: 'harm' }] },
      { answers: [{ topic: 'weapons', answer: 'yes' }] },
      { answers: [{ topic: 'harm', answer: 'maybe' }] },
      { answers: [{ topic: 'harm', answer: 'yes', note: 'x'.repeat(10_000) }] },
      { answers: [{ topic: '__proto__', answer: 'yes' }] },
      {
        answers: [
          { topic: 'harm', answer: 'yes' },
          { topic: 'harm', answer: 'no' },
        ],
      },
      { answers: many },
      'harm',
    ];
    for (const payload of bad) {
      expect(await call(a, 'screening:submit', payload)).toMatchObject({
        ok: false,
        error: { code: 'invalid_payload' },
      });
    }
    expect(await server().app.store.listPrep(host.roomId, host.participantId)).toEqual([]);
    expect(({} as any).yes).toBeUndefined();
  });

  it('is for the people taking part: observers and mediators are refused every screening event', async () => {
    const { o, m } = await separatedRoom();
    for (const s of [o, m]) {
      for (const [event, payload] of [
        ['screening:get', {}],
        ['screening:skip', {}],
        ['screening:submit', { answers: [{ topic: 'harm', answer: 'yes' }] }],
      ] as const) {
        expect(await call(s, event, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(await call(o, 'room:separate')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('relay payloads', () => {
  it('malformed or oversized points get clear codes', async () => {
    const { a } = await separatedRoom();
    const cases: [string, unknown, string][] = [
      ['relay:propose', {}, 'invalid_payload'],
      ['relay:propose', { clientMsgId: 'r', text: 42 }, 'invalid_payload'],
      ['relay:propose', { clientMsgId: 'r', text: '   ' }, 'invalid_payload'],
      ['relay:propose', { clientMsgId: 'r', text: 'x'.repeat(4001) }, 'too_long'],
      ['relay:propose', { clientMsgId: 'x'.repeat(65), text: 'hi' }, 'invalid_payload'],
      ['relay:propose', { clientMsgId: ['r'], text: 'hi' }, 'invalid_payload'],
      ['relay:approve', { clientMsgId: 'r' }, 'invalid_payload'],
      ['relay:approve', { clientMsgId: 'r', text: 'x'.repeat(9000) }, 'too_long'],
      ['relay:cancel', { clientMsgId: '' }, 'invalid_payload'],
    ];
    for (const [event, payload, code] of cases) {
      expect(await call(a, event, payload)).toMatchObject({ ok: false, error: { code } });
    }
  });

  it("cannot approve, drop or read someone else's point, even knowing its id", async () => {
    const { a, b, o, m } = await separatedRoom();
    const text = 'PRIVATE-3310 I need the Friday handover to be at school.';
    expect(await call(a, 'relay:propose', { clientMsgId: 'r1', text })).toMatchObject({ status: 'ready' });
    for (const s of [b, m]) {
      expect((await call(s, 'relay:approve', { clientMsgId: 'r1', text })).ok).toBe(false);
      await call(s, 'relay:cancel', { clientMsgId: 'r1' });
    }
    expect(await call(o, 'relay:approve', { clientMsgId: 'r1', text })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    await sleep(100);
    for (const s of [b, o]) expect(await seenBy(s)).not.toContain('PRIVATE-3310');
    // Still waiting for Ann, who alone can pass it on.
    expect(await call(a, 'relay:approve', { clientMsgId: 'r1', text })).toMatchObject({
      ok: true,
      status: 'delivered',
    });
  });

  it('cannot grow the room record with endless points waiting for approval', async () => {
    const { host, a } = await separatedRoom();
    for (let i = 0; i < 30; i++) await call(a, 'relay:propose', { clientMsgId: `p${i}`, text: `Point number ${i}.` });
    const record = await server().app.store.getRoom(host.roomId);
    expect(Object.keys(record?.relays ?? {})).toHaveLength(5);
    // The newest still passes on; the oldest is gone.
    expect(await call(a, 'relay:approve', { clientMsgId: 'p29', text: 'Point number 29.' })).toMatchObject({
      ok: true,
    });
    expect(await call(a, 'relay:approve', { clientMsgId: 'p0', text: 'Point number 0.' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('cannot turn a side message into a relay by reusing its id', async () => {
    const { a, b } = await separatedRoom();
    await call(a, 'message:send', { clientMsgId: 'same', text: 'SIDE-7781 something only for the facilitator.' });
    expect(await call(a, 'relay:propose', { clientMsgId: 'same', text: 'A harmless point.' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(await call(a, 'relay:approve', { clientMsgId: 'same', text: 'A harmless point.' })).toMatchObject({
      ok: false,
    });
    await sleep(100);
    expect(await seenBy(b)).not.toContain('SIDE-7781');
    expect(await seenBy(b)).not.toContain('harmless point');
  });

  it('cannot slip other words past the check: an edit after checking is refused, a held one never passes', async () => {
    const { a, b } = await separatedRoom();
    await call(a, 'relay:propose', { clientMsgId: 'r2', text: 'Can we talk about Sundays?' });
    const swapped = await call(a, 'relay:approve', { clientMsgId: 'r2', text: 'You are a useless idiot.' });
    expect(swapped).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await call(a, 'relay:propose', { clientMsgId: 'r2', text: 'You are a useless idiot.' });
    expect(await call(a, 'relay:approve', { clientMsgId: 'r2', text: 'You are a useless idiot.' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    await sleep(100);
    expect(await seenBy(b)).not.toMatch(/idiot|Sundays/);
  });
});
