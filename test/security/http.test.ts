import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { call, connect, createRoom, http, joinRoom, startServer, useServer } from '../helpers/server.js';

/** Issue 8, HTTP surface: names, /metrics, malformed requests. */
const METRICS_TOKEN = 'metrics-token-for-security-tests';
const server = useServer({ metricsToken: METRICS_TOKEN });

const join = (roomId: string, inviteCode: string, name: string) =>
  http(server().url, 'POST', `/api/rooms/${roomId}/join`, { inviteCode, name });
const NAME_TAKEN = 'Someone in this room already uses that name. Could you add an initial?';
/** Zero-width spaces and joiners, direction overrides, isolates and marks, BOM, word joiner, a Hangul filler. */
const INVISIBLE_NAMES = ['\u200B', '\u200B\u200C\u200D', '\u202E\u2066\u2069', '\u200E \u200F', '\uFEFF\u2060'];
INVISIBLE_NAMES.push('\u3164');

describe('names and titles', () => {
  it('refuses a name made only of zero-width or direction characters', async () => {
    for (const name of INVISIBLE_NAMES) {
      const created = await http(server().url, 'POST', '/api/rooms', { kind: 'couple', name });
      expect(created.status, JSON.stringify(name)).toBe(400);
      expect(created.json.error.code).toBe('invalid_payload');
    }
    const host = await createRoom(server().url);
    const joined = await join(host.roomId, host.inviteCode, '\u200B\u200B');
    expect(joined.status).toBe(400);
    expect(joined.json.error.code).toBe('invalid_payload');
  });

  it('stores the normalised name: invisible characters gone, spaces collapsed, full-width letters plain', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: '  Ｈａｎａ\u200B  \u202EMori\t' });
    const view = await http(server().url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.participants[0].name).toBe('Hana Mori');
  });

  it('refuses "Ha\\u200Bna" (and "hana") beside "Hana" with a plain 409', async () => {
    const host = await createRoom(server().url, { kind: 'family', name: 'Hana' });
    for (const name of ['Ha\u200Bna', 'hana', ' HANA ', 'Ｈａｎａ']) {
      const res = await join(host.roomId, host.inviteCode, name);
      expect(res.status, JSON.stringify(name)).toBe(409);
      expect(res.json.error).toEqual({ code: 'conflict', message: NAME_TAKEN });
    }
    // A different name still joins.
    expect((await join(host.roomId, host.inviteCode, 'Hana K.')).status).toBe(201);
  });

  it('normalises room titles the same way', async () => {
    const title = ' Week\u200Bends\u202E  and   money ';
    const host = await createRoom(server().url, { kind: 'couple', name: 'Ann', title });
    const view = await http(server().url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.title).toBe('Weekends and money');
  });
});

describe('/metrics', () => {
  it('needs the operator token', async () => {
    expect((await http(server().url, 'GET', '/metrics')).status).toBe(401);
    expect((await http(server().url, 'GET', '/metrics', undefined, 'wrong-token-wrong-token')).status).toBe(401);
    const ok = await http(server().url, 'GET', '/metrics', undefined, METRICS_TOKEN);
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(/mediation_rooms_created_total \d+/);
  });

  it('is off without METRICS_TOKEN', async () => {
    const plain = await startServer();
    try {
      expect((await http(plain.url, 'GET', '/metrics')).status).toBe(404);
      expect((await http(plain.url, 'GET', '/metrics', undefined, 'anything-at-all-anything')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('does not show a safety hold per room or per person', async () => {
    const host = await createRoom(server().url, { kind: 'couple', name: 'Ann', title: 'Private matters' });
    const guest = await joinRoom(server().url, host.roomId, host.inviteCode, 'Ben');
    const a = await connect(server().url, host.token);
    await connect(server().url, guest.token);
    const held = await call(a, 'message:send', { clientMsgId: 't', text: 'I will hurt you if you do that again' });
    expect(held).toMatchObject({ ok: true, status: 'held' });
    const text = (await http(server().url, 'GET', '/metrics', undefined, METRICS_TOKEN)).text;
    expect(text).toMatch(/mediation_messages_held_total\{reason="safety"\} [1-9]/);
    for (const secret of [host.roomId, host.participantId, guest.participantId, 'Ann', 'Ben', 'Private matters']) {
      expect(text).not.toContain(secret);
    }
    // Every label is one of the aggregate ones.
    const labels = new Set([...text.matchAll(/\{([a-z_]+)="/g)].map((m) => m[1]));
    for (const label of labels) expect(['reason', 'code', 'le']).toContain(label);
  });
});

/** Sends raw bytes and returns the status line's code (0 when the server just closed). */
function rawRequest(url: string, request: string | Buffer): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => socket.end(request));
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0)));
  });
}

describe('malformed requests', () => {
  it('answers a broken %-encoding in an API path with 400 invalid_payload', async () => {
    for (const path of ['/api/rooms/%E0%A4%A', '/api/rooms/%E0%A4%A/join', '/api/rooms/%ZZ', '/api/rooms/%']) {
      const method = path.endsWith('join') ? 'POST' : 'GET';
      const body = method === 'POST' ? { inviteCode: 'x', name: 'Ann' } : undefined;
      const res = await http(server().url, method, path, body);
      expect(res.status, path).toBe(400);
      expect(res.json.error.code).toBe('invalid_payload');
      expect(res.json.error.message).toMatch(/not valid/);
    }
  });

  it('answers other malformed input with a clear code, never 500', async () => {
    const url = server().url;
    const host = await createRoom(url);
    // A body that is not JSON, declared as something else.
    const text = await fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'kind=couple&name=Ann',
    });
    expect(text.status).toBe(400);
    expect((await text.json()).error.code).toBe('invalid_payload');
    // A JSON body with a charset we do not read.
    const charset = await fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=koi8-r' },
      body: '{"kind":"couple","name":"Ann"}',
    });
    expect(charset.status).toBe(415);
    expect((await charset.json()).error.code).toBe('invalid_payload');
    // An encoded null byte in the path: no such room / no token, not a crash.
    const nul = await http(url, 'GET', '/api/rooms/%00', undefined, host.token);
    expect([400, 403, 404]).toContain(nul.status);
    // A raw null byte or a huge header never reaches the app: Node answers 400 / 431.
    expect(await rawRequest(url, `GET /api/rooms/a\u0000b HTTP/1.1\r\nHost: x\r\n\r\n`)).toBe(400);
    const big = 'a'.repeat(64 * 1024);
    expect(await rawRequest(url, `GET /api/rooms/x HTTP/1.1\r\nHost: x\r\nX-Big: ${big}\r\n\r\n`)).toBe(431);
    // Invalid JSON.
    const bad = await http(url, 'POST', '/api/rooms', '{"kind":');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_payload');
    // The server is still fine.
    expect((await http(url, 'GET', '/healthz')).status).toBe(200);
  });
});
