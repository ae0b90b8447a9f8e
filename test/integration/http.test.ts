import { describe, expect, it } from 'vitest';
import {
  call,
  closeClients,
  connect,
  createRoom,
  http,
  invite,
  joinRoom,
  next,
  startServer,
  useServer,
} from '../helpers/server.js';

/** /metrics needs the operator's token. */
const METRICS_TOKEN = 'metrics-token-for-tests';
const server = useServer({ metricsToken: METRICS_TOKEN });

describe('rooms over HTTP', () => {
  it('creates a room with unguessable credentials', async () => {
    const res = await http(server().url, 'POST', '/api/rooms', {
      title: 'Weekends',
      kind: 'couple',
      name: 'Ann',
      mode: 'round',
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ roomId: expect.any(String), participantId: expect.any(String), role: 'host' });
    // At least 128 bits of randomness: 24 bytes in base64url are 32 characters.
    expect(res.json.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.json.inviteCode).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const view = await http(server().url, 'GET', `/api/rooms/${res.json.roomId}`, undefined, res.json.token);
    expect(view.json).toMatchObject({
      title: 'Weekends',
      kind: 'couple',
      mode: 'round',
      phase: 'prep',
      participants: [{ name: 'Ann', role: 'host', online: false }],
    });
  });

  it('stores tokens and invite codes hashed, never as they are', async () => {
    const host = await createRoom(server().url);
    const dump = JSON.stringify([
      ...(server().app.store as any).tokens.entries(),
      ...(server().app.store as any).invites.entries(),
    ]);
    expect(dump).not.toContain(host.token);
    expect(dump).not.toContain(host.inviteCode);
  });

  it('joins with an invite code and shows presence', async () => {
    const host = await createRoom(server().url);
    const joined = await http(server().url, 'POST', `/api/rooms/${host.roomId}/join`, {
      inviteCode: host.inviteCode,
      name: 'Ben',
    });
    expect(joined.status).toBe(201);
    expect(joined.json).toMatchObject({
      role: 'participant',
      token: expect.any(String),
      participantId: expect.any(String),
    });
    await connect(server().url, joined.json.token); // Ben enters the conversation; Ann is still preparing
    const view = await http(server().url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.phase).toBe('prep');
    expect(view.json.participants).toEqual([
      { participantId: host.participantId, name: 'Ann', role: 'host', online: false, stage: 'prep' },
      { participantId: joined.json.participantId, name: 'Ben', role: 'participant', online: true, stage: 'joint' },
    ]);
  });

  it('lets the host mint observer and mediator invites, and no one else', async () => {
    const host = await createRoom(server().url);
    for (const role of ['observer', 'mediator', 'participant']) {
      const res = await http(server().url, 'POST', `/api/rooms/${host.roomId}/invites`, { role }, host.token);
      expect(res.status).toBe(201);
      expect(res.json).toEqual({
        inviteId: expect.any(String),
        inviteCode: expect.any(String),
        role,
        expiresAt: expect.any(Number),
      });
      const member = await joinRoom(server().url, host.roomId, res.json.inviteCode, role);
      expect(member.role).toBe(role);
    }
    // The couple now has its two people (host and the participant above): no third.
    const third = await http(server().url, 'POST', `/api/rooms/${host.roomId}/join`, {
      inviteCode: host.inviteCode,
      name: 'Cleo',
    });
    expect(third.status).toBe(409);
    expect(third.json.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/two people/) });
    const family = await createRoom(server().url, { kind: 'family', name: 'Mum' });
    const guest = await joinRoom(server().url, family.roomId, family.inviteCode, 'Ben');
    expect(
      (await http(server().url, 'POST', `/api/rooms/${family.roomId}/invites`, { role: 'observer' }, guest.token)).json
        .error.code,
    ).toBe('forbidden');
    expect(
      (await http(server().url, 'POST', `/api/rooms/${host.roomId}/invites`, { role: 'host' }, host.token)).json.error
        .code,
    ).toBe('invalid_payload');
  });

  it('refuses bad bodies, codes and tokens with clear errors', async () => {
    const host = await createRoom(server().url);
    const cases: [string, string, unknown, string | undefined, number, string][] = [
      ['POST', '/api/rooms', { kind: 'enemies', name: 'A' }, undefined, 400, 'invalid_payload'],
      ['POST', '/api/rooms', { kind: 'couple' }, undefined, 400, 'invalid_payload'],
      ['POST', '/api/rooms', { kind: 'couple', name: '   ' }, undefined, 400, 'invalid_payload'],
      ['POST', '/api/rooms', { kind: 'couple', name: 'x'.repeat(61) }, undefined, 413, 'too_long'],
      ['POST', '/api/rooms', '{"kind":', undefined, 400, 'invalid_payload'],
      ['POST', '/api/rooms', { kind: 'couple', name: 'A', pad: 'x'.repeat(40_000) }, undefined, 413, 'too_long'],
      [
        'POST',
        `/api/rooms/${host.roomId}/join`,
        { inviteCode: 'wrong-code', name: 'Eve' },
        undefined,
        404,
        'not_found',
      ],
      ['POST', `/api/rooms/r_other/join`, { inviteCode: host.inviteCode, name: 'Eve' }, undefined, 404, 'not_found'],
      ['GET', `/api/rooms/${host.roomId}`, undefined, undefined, 401, 'unauthorized'],
      ['GET', `/api/rooms/${host.roomId}`, undefined, 'forged-token-forged-token-forged', 401, 'unauthorized'],
      ['GET', `/api/rooms/r_other`, undefined, host.token, 403, 'forbidden'],
      ['GET', '/api/nothing-here', undefined, undefined, 404, 'not_found'],
    ];
    for (const [method, path, body, token, status, code] of cases) {
      const res = await http(server().url, method, path, body, token);
      expect({ path, status: res.status, code: res.json?.error?.code }).toEqual({ path, status, code });
      expect(res.json.error.message).toEqual(expect.any(String));
    }
  });

  it('sets helmet headers and answers health and metrics', async () => {
    const health = await http(server().url, 'GET', '/healthz');
    expect(health.status).toBe(200);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'self'");
    const host = await createRoom(server().url);
    const a = await connect(server().url, host.token);
    await call(a, 'message:send', { clientMsgId: 'm', text: 'Hello' });
    await call(a, 'message:send', { clientMsgId: 'h', text: 'You stupid idiot' });
    const metrics = await http(server().url, 'GET', '/metrics', undefined, METRICS_TOKEN);
    expect(metrics.text).toMatch(/mediation_rooms_created_total \d+/);
    expect(metrics.text).toMatch(/mediation_connections [1-9]/);
    expect(metrics.text).toMatch(/mediation_messages_delivered_total [1-9]/);
    expect(metrics.text).toMatch(/mediation_messages_held_total\{reason="heat"\} [1-9]/);
    expect(metrics.text).toMatch(/mediation_analyzer_seconds_count [1-9]/);
  });

  it('rate limits room creation per address', async () => {
    const limited = await startServer({ rateLimitFactor: 1 });
    try {
      const statuses = [];
      for (let i = 0; i < 14; i++)
        statuses.push((await http(limited.url, 'POST', '/api/rooms', { kind: 'couple', name: 'A' })).status);
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses).toContain(429);
    } finally {
      await limited.close();
    }
  });
});

describe('deleting a room', () => {
  it('only the host deletes; then tokens, sockets and events stop working', async () => {
    const host = await createRoom(server().url);
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const a = await connect(server().url, host.token);
    const b = await connect(server().url, guest.token);
    await call(a, 'message:send', { clientMsgId: 'm', text: 'Hello' });
    expect((await http(server().url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, guest.token)).status).toBe(403);
    const gone = next(b, 'room:deleted');
    const disconnected = new Promise((resolve) => b.once('disconnect', resolve));
    expect((await http(server().url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    expect(await gone).toEqual({ roomId: host.roomId });
    await disconnected;
    expect((await http(server().url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(401);
    expect(
      (await http(server().url, 'POST', `/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Eve' }))
        .status,
    ).toBe(404);
    await expect(connect(server().url, guest.token)).rejects.toThrow(/unauthorized/);
    expect(await server().app.store.listLog(host.roomId, 0, 10)).toEqual([]);
  });

  it('answers events that race a deletion with not_found, not a crash', async () => {
    const host = await createRoom(server().url);
    const a = await connect(server().url, host.token);
    await server().app.store.deleteRoom(host.roomId); // deleted behind the socket's back
    expect(await call(a, 'message:send', { clientMsgId: 'x', text: 'Hello' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(a, 'prep:send', { text: 'Hello' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call(a, 'break:request', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('retention', () => {
  it('deletes a room and everything in it once its retention has passed', async () => {
    const short = await startServer({ retentionMs: 200 });
    try {
      const host = await createRoom(short.url);
      const a = await connect(short.url, host.token);
      await call(a, 'message:send', { clientMsgId: 'm', text: 'Hello' });
      const gone = next(a, 'room:deleted');
      await new Promise((r) => setTimeout(r, 250));
      await short.app.rooms.expire(); // what the periodic sweep runs
      expect(await gone).toEqual({ roomId: host.roomId });
      expect((await http(short.url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(401);
      expect(await short.app.store.listLog(host.roomId, 0, 10)).toEqual([]);
    } finally {
      closeClients();
      await short.close();
    }
  });
});
