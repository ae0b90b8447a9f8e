import { afterAll, describe, expect, inject, it } from 'vitest';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { hashSecret } from '../../server/auth/credentials.js';
import { connect, createRoom, http, invite, joinRoom, startServer, type TestServer } from '../helpers/server.js';
import { useServer } from '../helpers/server.js';
import { upgradeStatus } from './agreementHelpers.js';

/** Issue 12: invites expire, can be stopped, a participant invite admits one person; a person can leave. */
let clock = Date.now();
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close();
});
const server = useServer();

const USED = 'This invite link has already been used. Ask the person who sent it for a new one.';
const EXPIRED = 'This invite link has expired. Ask the person who sent it for a new one.';
const STOPPED = 'This invite link was stopped by the person who made it. Ask them for a new one if you still need one.';

const join = (url: string, roomId: string, inviteCode: string, name: string) =>
  http(url, 'POST', `/api/rooms/${roomId}/join`, { inviteCode, name });
const mint = (url: string, roomId: string, token: string, role: string) =>
  http(url, 'POST', `/api/rooms/${roomId}/invites`, { role }, token);

describe('invites', () => {
  it('a participant invite admits one person; a second join with it is 410 gone, in plain words', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    expect(host.inviteExpiresAt - Date.now()).toBeGreaterThan(71 * 3600_000);
    expect((await join(url, host.roomId, host.inviteCode, 'Ben')).status).toBe(201);
    const again = await join(url, host.roomId, host.inviteCode, 'Ben’s cousin');
    expect(again.status).toBe(410);
    expect(again.json.error).toEqual({ code: 'gone', message: USED });
    // Stored by hash only, with its use counted.
    const invites = (server().app.store as any).invites as Map<string, any>;
    expect(invites.has(host.inviteCode)).toBe(false);
    expect(invites.get(hashSecret(host.inviteCode))).toMatchObject({ uses: 1, maxUses: 1, revoked: false });
  });

  it('a join refused for its name gives the use back, so the invited person can still come in', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    expect((await join(url, host.roomId, host.inviteCode, 'ann')).status).toBe(409);
    expect((await join(url, host.roomId, host.inviteCode, 'Ben')).status).toBe(201);
  });

  it('of ten joins racing with one participant code, one gets in', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'workplace', name: 'Ann' });
    const names = Array.from({ length: 10 }, (_, i) => `Racer ${i}`);
    const res = await Promise.all(names.map((n) => join(url, host.roomId, host.inviteCode, n)));
    expect(res.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(410)]);
    const view = await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.participants).toHaveLength(2);
  });

  it('of two joins racing on two processes over Redis, one gets in', async () => {
    const prefix = `mr-invites-${process.pid}:`;
    const node = async () => {
      const store = await new RedisStore(inject('redisUrl'), prefix).ready();
      const srv = await startServer({ redisUrl: inject('redisUrl'), redisPrefix: prefix }, { store });
      servers.push(srv);
      return srv;
    };
    const [one, two] = [await node(), await node()];
    for (let round = 0; round < 5; round++) {
      const host = await createRoom(one.url, { kind: 'workplace', name: 'Ann' });
      const res = await Promise.all([
        join(one.url, host.roomId, host.inviteCode, 'Ben'),
        join(two.url, host.roomId, host.inviteCode, 'Cleo'),
      ]);
      expect(res.map((r) => r.status).sort(), `round ${round}`).toEqual([201, 410]);
    }
  });

  it('observer and mediator invites admit several people until they expire', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    const made = await mint(url, host.roomId, host.token, 'observer');
    expect(made.status).toBe(201);
    expect(made.json).toEqual({
      inviteId: expect.stringMatching(/^i_/),
      inviteCode: expect.any(String),
      role: 'observer',
      expiresAt: expect.any(Number),
    });
    expect((await join(url, host.roomId, made.json.inviteCode, 'Olu')).status).toBe(201);
    expect((await join(url, host.roomId, made.json.inviteCode, 'Oona')).status).toBe(201);
  });

  it('an expired code is 410 gone (INVITE_TTL_HOURS, here on a fake clock)', async () => {
    clock = Date.now();
    const srv = await startServer({ inviteTtlMs: 60_000 }, { now: () => clock });
    servers.push(srv);
    const host = await createRoom(srv.url, { kind: 'family', name: 'Ann' });
    expect(host.inviteExpiresAt).toBe(clock + 60_000);
    const observer = (await mint(srv.url, host.roomId, host.token, 'observer')).json.inviteCode;
    clock += 59_999;
    expect((await join(srv.url, host.roomId, observer, 'Olu')).status).toBe(201);
    clock += 1;
    for (const code of [host.inviteCode, observer]) {
      const late = await join(srv.url, host.roomId, code, 'Ben');
      expect(late.status).toBe(410);
      expect(late.json.error).toEqual({ code: 'gone', message: EXPIRED });
    }
  });

  it('the host or a mediator stops a link: 204, and the code stops working', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'family', name: 'Ann' });
    const mediator = await joinRoom(url, host.roomId, await invite(url, host, 'mediator'), 'Mira');
    const guest = await joinRoom(url, host.roomId, await invite(url, host, 'participant'), 'Ben');
    const revoke = (inviteId: string, token: string) =>
      http(url, 'DELETE', `/api/rooms/${host.roomId}/invites/${inviteId}`, undefined, token);
    // A party cannot stop links; an unknown id is 404.
    expect((await revoke(host.inviteId, guest.token)).json.error.code).toBe('forbidden');
    expect((await revoke('i_nothing', host.token)).status).toBe(404);
    expect((await revoke(host.inviteId, host.token)).status).toBe(204);
    const refused = await join(url, host.roomId, host.inviteCode, 'Cleo');
    expect(refused.status).toBe(410);
    expect(refused.json.error).toEqual({ code: 'gone', message: STOPPED });
    // A mediator mints and stops links too.
    const made = (await mint(url, host.roomId, mediator.token, 'observer')).json;
    expect((await revoke(made.inviteId, mediator.token)).status).toBe(204);
    expect((await join(url, host.roomId, made.inviteCode, 'Olu')).status).toBe(410);
    // Another room's invite id cannot be stopped from here.
    const other = await createRoom(url, { kind: 'family', name: 'Zed' });
    expect((await revoke(other.inviteId, host.token)).status).toBe(404);
    expect((await join(url, other.roomId, other.inviteCode, 'Yan')).status).toBe(201);
  });
});

describe('leaving', () => {
  it('a person leaves: 204, their sockets close, their token stops working (HTTP, socket.io, /yjs)', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'couple', name: 'Ann', mode: 'open' });
    const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
    const socket = await connect(url, guest.token);
    const closed = new Promise<string>((resolve) => socket.on('disconnect', resolve));
    const early = (await http(url, 'POST', `/api/rooms/${host.roomId}/yjs-ticket`, undefined, guest.token)).json;
    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/leave`, undefined, guest.token)).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    const view = await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token);
    expect(view.status).toBe(401);
    await expect(connect(url, guest.token)).rejects.toThrow('unauthorized');
    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/yjs-ticket`, undefined, guest.token)).status).toBe(401);
    const wsUrl = `${url.replace('http', 'ws')}/yjs/${host.roomId}?ticket=${early.ticket}`;
    expect(await upgradeStatus(wsUrl)).toBe(401);
    // The room goes on without them; their place can be taken by someone newly invited.
    const hostView = await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(hostView.json.participants.map((p: { name: string }) => p.name)).toEqual(['Ann']);
    expect((await joinRoom(url, host.roomId, await invite(url, host, 'participant'), 'Cleo')).role).toBe('participant');
  });

  it('the host cannot leave (409: close the room instead); a stranger’s token is refused', async () => {
    const url = server().url;
    const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const res = await http(url, 'POST', `/api/rooms/${host.roomId}/leave`, undefined, host.token);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
    expect(res.json.error.message).toMatch(/^As the host, close the room instead/);
    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/leave`)).status).toBe(401);
    const other = await createRoom(url, { kind: 'couple', name: 'Zed' });
    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/leave`, undefined, other.token)).status).toBe(403);
  });
});
