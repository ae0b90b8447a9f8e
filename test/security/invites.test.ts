import { describe, expect, it } from 'vitest';
import { createRoom, http, invite, joinRoom, useServer } from '../helpers/server.js';

/** Issue 12, hostile payloads against invites and leaving. */
const server = useServer();

const HOSTILE_IDS = [
  'x'.repeat(5000),
  '%00',
  '..%2F..%2Fetc%2Fpasswd',
  '*',
  'i_%27%20OR%201%3D1',
  encodeURIComponent("') end redis.call('FLUSHALL') --"),
];

describe('hostile invite payloads', () => {
  it('refuses odd invite ids to stop with 404, and stops nothing', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    for (const id of HOSTILE_IDS) {
      const res = await http(url, 'DELETE', `/api/rooms/${host.roomId}/invites/${id}`, undefined, host.token);
      expect(res.status, id.slice(0, 40)).toBe(404);
      expect(res.json.error.code).toBe('not_found');
    }
    // The real link still works.
    expect((await joinRoom(url, host.roomId, host.inviteCode, 'Ben')).role).toBe('participant');
  });

  it('refuses bad invite bodies: a host invite, unknown roles, extra types', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    const bodies = [{ role: 'host' }, { role: ['participant'] }, { role: 'participant'.repeat(100) }, {}, [], 'x'];
    for (const body of bodies) {
      const res = await http(url, 'POST', `/api/rooms/${host.roomId}/invites`, body, host.token);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('invalid_payload');
    }
  });

  it('does not let a body choose the expiry or the number of uses', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    const body = { role: 'participant', expiresAt: Number.MAX_SAFE_INTEGER, maxUses: null, uses: -100 };
    const res = await http(url, 'POST', `/api/rooms/${host.roomId}/invites`, body, host.token);
    expect(res.status).toBe(201);
    expect(res.json.expiresAt).toBeLessThan(Date.now() + 73 * 3600_000);
    expect((await joinRoom(url, host.roomId, res.json.inviteCode, 'Ben')).role).toBe('participant');
    const again = await http(url, 'POST', `/api/rooms/${host.roomId}/join`, {
      inviteCode: res.json.inviteCode,
      name: 'C',
    });
    expect(again.status).toBe(410);
  });

  it('gives a wrong code and another room’s code the same 404, so codes cannot be probed room by room', async () => {
    const url = server().url;
    const a = await createRoom(url, { kind: 'family', name: 'Ann' });
    const b = await createRoom(url, { kind: 'family', name: 'Bo' });
    const wrong = await http(url, 'POST', `/api/rooms/${a.roomId}/join`, { inviteCode: 'z'.repeat(32), name: 'Eve' });
    const other = await http(url, 'POST', `/api/rooms/${a.roomId}/join`, { inviteCode: b.inviteCode, name: 'Eve' });
    expect(wrong.status).toBe(404);
    expect(other.status).toBe(404);
    expect(other.json.error).toEqual(wrong.json.error);
    // And the other room's code was not spent by the probe.
    expect((await joinRoom(url, b.roomId, b.inviteCode, 'Cy')).role).toBe('participant');
  });

  it('lets no participant or observer mint or stop links, nor anyone from another room', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
    const watcher = await joinRoom(url, host.roomId, await invite(url, host, 'observer'), 'Olu');
    const stranger = await createRoom(url, { kind: 'family', name: 'Zed' });
    const code = await invite(url, host, 'participant');
    const made = await http(url, 'POST', `/api/rooms/${host.roomId}/invites`, { role: 'participant' }, host.token);
    for (const token of [guest.token, watcher.token]) {
      const mint = await http(url, 'POST', `/api/rooms/${host.roomId}/invites`, { role: 'observer' }, token);
      expect(mint.status).toBe(403);
      const stop = await http(
        url,
        'DELETE',
        `/api/rooms/${host.roomId}/invites/${made.json.inviteId}`,
        undefined,
        token,
      );
      expect(stop.status).toBe(403);
    }
    const cross = await http(
      url,
      'DELETE',
      `/api/rooms/${host.roomId}/invites/${made.json.inviteId}`,
      undefined,
      stranger.token,
    );
    expect(cross.status).toBe(403);
    expect((await joinRoom(url, host.roomId, made.json.inviteCode, 'Cy')).role).toBe('participant');
    expect((await joinRoom(url, host.roomId, code, 'Di')).role).toBe('participant');
  });

  it('a person who left cannot come back with their old token, nor leave twice', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
    const leave = () =>
      http(url, 'POST', `/api/rooms/${host.roomId}/leave`, { participantId: host.participantId }, guest.token);
    expect((await leave()).status).toBe(204);
    expect((await leave()).status).toBe(401);
    // The body cannot make someone else leave: the host is still there.
    const view = await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.participants.map((p: { name: string }) => p.name)).toEqual(['Ann']);
    // Their used code does not let them back in either.
    expect(
      (await http(url, 'POST', `/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Ben' })).status,
    ).toBe(410);
  });
});
