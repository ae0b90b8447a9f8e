import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { DOC, readAgreement } from '../../shared/agreement.js';
import {
  call,
  closeClients,
  connect,
  couple,
  http,
  invite,
  joinRoom,
  startServer,
  type TestServer,
} from '../helpers/server.js';
import { provider as yjsProvider, until, useProviders } from '../helpers/yjs.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());
afterEach(() => closeClients());
useProviders();

const provider = (roomId: string, token: string) => yjsProvider(srv.url, roomId, token);

describe('the agreement, through the whole app', () => {
  it('is proposed, edited together, accepted by each party, signed and exported', async () => {
    const { host, guest, a, b } = await couple(srv.url);
    const ann = provider(host.roomId, host.token);
    const ben = provider(host.roomId, guest.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We plan Saturdays together.' });
    await until(() => readAgreement(ben.doc).clauses.length === 1);

    // Ben edits the text in his document; Ann sees it.
    const clause = ben.doc.getArray<Y.Map<unknown>>(DOC.clauses).get(0);
    (clause.get(DOC.clause.text) as Y.Text).insert(
      'We plan Saturdays together.'.length - 1,
      ', taking turns to choose',
    );
    await until(
      () => readAgreement(ann.doc).clauses[0]?.text === 'We plan Saturdays together, taking turns to choose.',
    );

    expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'proposed' });
    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    // An edit after an acceptance clears it.
    (clause.get(DOC.clause.text) as Y.Text).insert(0, 'Together: ');
    await until(
      () =>
        readAgreement(ann.doc).clauses[0]?.acceptedBy.length === 0 &&
        readAgreement(ann.doc).clauses[0]?.text.startsWith('Together'),
    );
    expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'proposed' });
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'agreed' });
    await until(() => readAgreement(ben.doc).clauses[0]?.status === 'agreed');

    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: true, final: false });
    expect(await call(b, 'agreement:sign')).toMatchObject({ ok: true, final: true });
    await until(() => readAgreement(ann.doc).final);
    expect((await call(a, 'room:state')).state.phase).toBe('final');
    expect(await call(a, 'agreement:propose', { text: 'One more thing' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });

    const md = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, guest.token);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(md.text).toContain('Together: We plan Saturdays together, taking turns to choose.');
    expect(md.text).toContain('Ann');
    expect(md.text).toContain('Ben');
  });

  it("a client's write to status or acceptance is reverted", async () => {
    const { host, guest, a } = await couple(srv.url);
    const ben = provider(host.roomId, guest.token);
    const ann = provider(host.roomId, host.token);
    await call(a, 'agreement:propose', { text: 'We keep phones away at dinner.' });
    await until(() => readAgreement(ben.doc).clauses.length === 1);
    const clause = ben.doc.getArray<Y.Map<unknown>>(DOC.clauses).get(0);
    clause.set(DOC.clause.status, 'agreed');
    (clause.get(DOC.clause.acceptedBy) as Y.Map<boolean>).set(host.participantId, true);
    await until(
      () =>
        readAgreement(ben.doc).clauses[0]?.status === 'proposed' &&
        readAgreement(ben.doc).clauses[0]?.acceptedBy.length === 0,
    );
    expect(readAgreement(ann.doc).clauses[0]).toMatchObject({ status: 'proposed', acceptedBy: [] });
  });

  it('a clause added by any Yjs client is a proposal, and the room moves to the agreement phase', async () => {
    const { host, guest, a } = await couple(srv.url);
    const ben = provider(host.roomId, guest.token);
    const ann = provider(host.roomId, host.token);
    await until(() => ben.p.synced && ann.p.synced);
    const map = new Y.Map<unknown>();
    map.set(DOC.clause.text, new Y.Text('We keep Sunday mornings free.'));
    ben.doc.getArray(DOC.clauses).push([map]);
    await until(() => readAgreement(ann.doc).clauses[0]?.proposedBy === guest.participantId);
    expect(readAgreement(ann.doc).clauses[0]).toMatchObject({
      text: 'We keep Sunday mornings free.',
      status: 'proposed',
    });
    const phase = async () => (await call(a, 'room:state')).state.phase;
    const end = Date.now() + 3000;
    while ((await phase()) !== 'agreement' && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    expect(await phase()).toBe('agreement');
  });

  it('observers read the agreement but cannot propose, accept or sign', async () => {
    const { host, a } = await couple(srv.url);
    const code = await invite(srv.url, host, 'observer');
    const obs = await joinRoom(srv.url, host.roomId, code, 'Olive');
    const o = await connect(srv.url, obs.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We take a walk on Sundays.' });
    expect(await call(o, 'agreement:propose', { text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(o, 'agreement:accept', { clauseId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call(o, 'agreement:sign')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const view = provider(host.roomId, obs.token);
    await until(() => readAgreement(view.doc).clauses.length === 1);
    expect(await call(a, 'agreement:accept', { clauseId: 'c_nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await call(a, 'agreement:propose', { text: 'x'.repeat(1001) })).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
  });

  it('refuses the document to a bad ticket and closes it when the room is deleted', async () => {
    const { host } = await couple(srv.url);
    const status = await new Promise<number>((resolve) => {
      const forged = 'forged-ticket-forged-ticket-forged';
      const ws = new WebSocket(`${srv.url.replace('http', 'ws')}/yjs/${host.roomId}?ticket=${forged}`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', () => undefined);
    });
    expect(status).toBe(401);
    const ann = provider(host.roomId, host.token);
    await until(() => ann.p.wsconnected);
    const closed = new Promise<number>((resolve) => ann.p.ws?.addEventListener('close', (e: any) => resolve(e.code)));
    ann.p.shouldConnect = false;
    await http(srv.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(await closed).toBe(4404);
  });

  it('limits document connections per address (429) before any token is looked up', async () => {
    const strict = await startServer({ rateLimitFactor: 0.1 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push(
          await new Promise<number>((resolve) => {
            const ws = new WebSocket(`${strict.url.replace('http', 'ws')}/yjs/r_x?ticket=not-a-ticket-not-a-ticket`);
            ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
            ws.on('open', () => resolve(101));
            ws.on('error', () => undefined);
          }),
        );
      }
      expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
      expect(statuses.slice(3)).toEqual([429, 429]);
    } finally {
      await strict.close();
    }
  });
});
