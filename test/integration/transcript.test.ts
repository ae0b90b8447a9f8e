import { afterEach, describe, expect, it } from 'vitest';
import type { LogEntry } from '../../shared/protocol.js';
import type { Transcript } from '../../shared/transcript.js';
import { MemoryStore } from '../../server/store/memory.js';
import type { Store } from '../../server/rooms/ports.js';
import { verifyTranscript } from '../../server/rooms/transcript/chain.js';
import { call, closeClients, connect, createRoom, http, joinRoom, startServer, useServer } from '../helpers/server.js';

const server = useServer();
afterEach(() => closeClients());

async function recordRoom(url: string) {
  const host = await createRoom(url, { kind: 'couple', name: 'Ann', recordMode: 'record' });
  const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
  const a = await connect(url, host.token);
  const b = await connect(url, guest.token);
  return { host, guest, a, b };
}

async function transcript(url: string, roomId: string, token: string) {
  return http(url, 'GET', `/api/rooms/${roomId}/transcript`, undefined, token);
}

describe('record mode', () => {
  it('is chosen at creation, shown before joining and in the room; confidential is the default', async () => {
    const { url } = server();
    const before = Date.now();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann', recordMode: 'record' });
    const preview = await http(url, 'POST', `/api/rooms/${host.roomId}/invite-preview`, {
      inviteCode: host.inviteCode,
    });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ recordMode: 'record', kind: 'couple', separated: false });
    expect(preview.json.expiresAt).toBeGreaterThan(before);
    const wrong = await http(url, 'POST', `/api/rooms/${host.roomId}/invite-preview`, { inviteCode: 'nope' });
    expect(wrong.status).toBe(404);

    const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
    const view = await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token);
    expect(view.json).toMatchObject({ recordMode: 'record', expiresAt: preview.json.expiresAt });
    // The participant code admitted Ben: it is used up now.
    const used = await http(url, 'POST', `/api/rooms/${host.roomId}/invite-preview`, { inviteCode: host.inviteCode });
    expect(used.status).toBe(410);

    const plain = await createRoom(url, { kind: 'couple', name: 'Cat' });
    const plainView = await http(url, 'GET', `/api/rooms/${plain.roomId}`, undefined, plain.token);
    expect(plainView.json.recordMode).toBe('confidential');
    const bad = await http(url, 'POST', '/api/rooms', { kind: 'couple', name: 'Dee', recordMode: 'everything' });
    expect(bad.status).toBe(400);
  });

  it('a confidential room never exports a transcript: 403 not_allowed', async () => {
    const { url } = server();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const a = await connect(url, host.token);
    await call(a, 'message:send', { clientMsgId: 'm1', text: 'Something only said here.' });
    const res = await transcript(url, host.roomId, host.token);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('not_allowed');
    expect(res.text).not.toContain('Something only said here.');
    expect((await transcript(url, host.roomId, 'not-a-token')).status).toBe(401);
  });

  it('exports the delivered conversation with its hash chain; held words and preparation are never in it', async () => {
    const { url } = server();
    const { host, guest, a, b } = await recordRoom(url);
    expect(await call(a, 'message:send', { clientMsgId: 'm1', text: 'I felt left out on Saturday.' })).toMatchObject({
      ok: true,
      status: 'delivered',
    });
    const held = await call(b, 'message:send', { clientMsgId: 'm2', text: 'You are pathetic and useless.' });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    await call(a, 'prep:send', { text: 'My private worry about money.' });
    expect(await call(b, 'message:send', { clientMsgId: 'm3', text: 'I did not know you felt that.' })).toMatchObject({
      ok: true,
      status: 'delivered',
    });

    const res = await transcript(url, host.roomId, guest.token);
    expect(res.status).toBe(200);
    const t = res.json as Transcript;
    const said = t.entries.filter((e) => e.kind === 'message').map((e) => [e.name, e.text]);
    expect(said).toEqual([
      ['Ann', 'I felt left out on Saturday.'],
      ['Ben', 'I did not know you felt that.'],
    ]);
    expect(res.text).not.toContain('pathetic');
    expect(res.text).not.toContain('money');
    expect(t.entries.every((e) => /^[0-9a-f]{64}$/.test(e.hash))).toBe(true);
    expect(verifyTranscript(t)).toEqual({ ok: true });
    expect(t.sealed).toMatchObject({ head: t.head, matches: true });

    // An entry edited in the exported copy breaks the chain at that entry.
    const edited = structuredClone(t);
    const first = edited.entries.findIndex((e) => e.text === 'I felt left out on Saturday.');
    edited.entries[first].text = 'I was fine on Saturday.';
    expect(verifyTranscript(edited)).toMatchObject({ ok: false, seq: edited.entries[first].seq });
  });
});

describe('the stored log, sealed as it is kept', () => {
  it('an entry changed in the store after it was sealed no longer matches the seal', async () => {
    // A store whose log can be edited behind the app's back, as someone with access to the data could.
    const memory = new MemoryStore();
    let tamper: ((e: LogEntry) => LogEntry) | null = null;
    const store = new Proxy(memory, {
      get(target, prop, receiver) {
        if (prop === 'listLog') {
          return async (roomId: string, since: number, limit: number) =>
            (await target.listLog(roomId, since, limit)).map((e) => (tamper ? tamper(e) : e));
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as Store;
    const srv = await startServer({}, { store });
    try {
      const { host, a } = await recordRoom(srv.url);
      await call(a, 'message:send', { clientMsgId: 'm1', text: 'We agreed I pick up on Fridays.' });
      const clean = (await transcript(srv.url, host.roomId, host.token)).json as Transcript;
      expect(clean.sealed.matches).toBe(true);

      tamper = (e) => (e.text.includes('Fridays') ? { ...e, text: 'We agreed you pick up on Fridays.' } : e);
      const res = await transcript(srv.url, host.roomId, host.token);
      const t = res.json as Transcript;
      expect(t.entries.some((e) => e.text === 'We agreed you pick up on Fridays.')).toBe(true);
      expect(t.sealed.matches).toBe(false);
      expect(t.head).not.toBe(clean.head);
      expect(t.sealed.head).toBe(clean.head);
    } finally {
      closeClients();
      await srv.close();
    }
  });
});
