import { afterEach, describe, expect, it } from 'vitest';
import type { Transcript } from '../../shared/transcript.js';
import { call, closeClients, connect, createRoom, http, joinRoom, useServer } from '../helpers/server.js';

/**
 * Records (transcripts, invite previews, deletion notices, review dates, preparation deletion): a person
 * with a token for one room, or with none, tries to read or change another's.
 */
const server = useServer();
afterEach(() => closeClients());

describe('records across rooms and people', () => {
  it('a token of one room never reads another room’s transcript', async () => {
    const { url } = server();
    const mine = await createRoom(url, { kind: 'couple', name: 'Ann', recordMode: 'record' });
    const theirs = await createRoom(url, { kind: 'couple', name: 'Cal', recordMode: 'record' });
    const c = await connect(url, theirs.token);
    await call(c, 'message:send', { clientMsgId: 'm1', text: 'Only for this room.' });
    const res = await http(url, 'GET', `/api/rooms/${theirs.roomId}/transcript`, undefined, mine.token);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('Only for this room.');
    expect((await http(url, 'GET', `/api/rooms/${theirs.roomId}/transcript`)).status).toBe(401);
  });

  it('an invite preview gives one answer for a wrong code and a wrong room', async () => {
    const { url } = server();
    const a = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const b = await createRoom(url, { kind: 'couple', name: 'Cal' });
    const wrongCode = await http(url, 'POST', `/api/rooms/${a.roomId}/invite-preview`, { inviteCode: 'x'.repeat(32) });
    const wrongRoom = await http(url, 'POST', `/api/rooms/${b.roomId}/invite-preview`, { inviteCode: a.inviteCode });
    expect(wrongCode.status).toBe(404);
    expect(wrongRoom.status).toBe(404);
    expect(wrongRoom.json).toEqual(wrongCode.json);
    const huge = await http(url, 'POST', `/api/rooms/${a.roomId}/invite-preview`, { inviteCode: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
  });

  it('only the host tells everyone of a deletion or takes it back', async () => {
    const { url } = server();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
    for (const method of ['POST', 'DELETE']) {
      const res = await http(url, method, `/api/rooms/${host.roomId}/deletion`, undefined, guest.token);
      expect(res.status).toBe(403);
    }
    const other = await createRoom(url, { kind: 'couple', name: 'Cal' });
    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/deletion`, undefined, other.token)).status).toBe(403);
  });

  it('a transcript never carries a held message, even one its sender later discarded', async () => {
    const { url } = server();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann', recordMode: 'record' });
    const a = await connect(url, host.token);
    const held = await call(a, 'message:send', { clientMsgId: 'h1', text: 'You are a worthless idiot.' });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    await call(a, 'message:resolve', { clientMsgId: 'h1', action: 'discard' });
    await call(a, 'message:send', { clientMsgId: 'm2', text: 'I would like us to talk about the weekend.' });
    const t = (await http(url, 'GET', `/api/rooms/${host.roomId}/transcript`, undefined, host.token))
      .json as Transcript;
    expect(JSON.stringify(t)).not.toContain('worthless');
    expect(t.entries.map((e) => e.text)).toContain('I would like us to talk about the weekend.');
  });
});
