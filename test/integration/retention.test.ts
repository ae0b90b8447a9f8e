import { afterEach, describe, expect, it } from 'vitest';
import type { RoomView } from '../../shared/protocol.js';
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
  startServer,
  useServer,
} from '../helpers/server.js';

const HOUR = 3600_000;
const server = useServer({ retentionMs: 48 * HOUR });
afterEach(() => closeClients());

describe('retention people can see', () => {
  it('the room says when it will be deleted, from the retention setting', async () => {
    const { url } = server();
    const before = Date.now();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const after = Date.now();
    const view = (await http(url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token)).json as RoomView;
    expect(view.expiresAt).toBeGreaterThanOrEqual(before + 48 * HOUR);
    expect(view.expiresAt).toBeLessThanOrEqual(after + 48 * HOUR);
  });

  it('a room with an agreement is deleted only after everyone was told and offered the export', async () => {
    const { url } = server();
    const { host, guest, a, b } = await couple(url);
    await call(a, 'agreement:propose', { text: 'We take turns choosing the film.' });

    const early = await http(url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(early.status).toBe(409);
    expect(early.json.error).toMatchObject({ code: 'conflict' });
    expect(early.json.error.message).toContain('everyone in the room is told');

    expect((await http(url, 'POST', `/api/rooms/${host.roomId}/deletion`, undefined, guest.token)).status).toBe(403);
    const told = next<RoomView>(b, 'room:state', (s) => s.deletion !== undefined);
    const notice = await http(url, 'POST', `/api/rooms/${host.roomId}/deletion`, undefined, host.token);
    expect(notice.status).toBe(201);
    const seen = await told;
    expect(seen.deletion?.deletableAt).toBe(notice.json.deletableAt);
    expect(seen.deletion!.deletableAt - seen.deletion!.noticeAt).toBe(HOUR);
    // Still there, and the export still works for Ben, until the notice has run.
    const wait = await http(url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(wait.status).toBe(409);
    expect(wait.json.error.message).toContain('Everyone was told at');
    expect((await http(url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, guest.token)).status).toBe(200);

    const cleared = next<RoomView>(b, 'room:state', (s) => s.deletion === undefined);
    expect((await http(url, 'DELETE', `/api/rooms/${host.roomId}/deletion`, undefined, host.token)).status).toBe(204);
    await cleared;
  });

  it('once the notice has run, the host deletes the room', async () => {
    const srv = await startServer({ deletionNoticeMs: 0 });
    try {
      const { host, a, b } = await couple(srv.url);
      await call(a, 'agreement:propose', { text: 'We call on Sundays.' });
      expect((await http(srv.url, 'POST', `/api/rooms/${host.roomId}/deletion`, undefined, host.token)).status).toBe(
        201,
      );
      const deleted = next(b, 'room:deleted');
      expect((await http(srv.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
      await deleted;
    } finally {
      closeClients();
      await srv.close();
    }
  });

  it('a room without an agreement is deleted at once', async () => {
    const { url } = server();
    const { host } = await couple(url);
    expect((await http(url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
  });
});

describe('deleting one’s own preparation', () => {
  it('removes everything the person wrote in preparation, and nobody else’s', async () => {
    const { url } = server();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
    const a = await connect(url, host.token, { enter: false });
    const b = await connect(url, guest.token, { enter: false });
    await call(a, 'prep:send', { text: 'I worry about money and the holidays.' });
    await call(b, 'prep:send', { text: 'I want more time with my sister.' });

    const ack = await call(a, 'prep:delete');
    expect(ack).toMatchObject({ ok: true });
    expect(ack.deleted).toBeGreaterThanOrEqual(2);
    const mine = await call(a, 'prep:history');
    expect(JSON.stringify(mine.messages)).not.toContain('money');
    expect(mine.messages).toHaveLength(1); // the greeting, written afresh
    const theirs = await call(b, 'prep:history');
    expect(JSON.stringify(theirs.messages)).toContain('my sister');

    const watcher = await joinRoom(url, host.roomId, await invite(url, host, 'observer'), 'Olu');
    const o = await connect(url, watcher.token);
    expect(await call(o, 'prep:delete')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
