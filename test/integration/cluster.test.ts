import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { RedisStore } from '../../server/cluster/redisStore.js';
import type * as Y from 'yjs';
import { DOC, readAgreement } from '../../shared/agreement.js';
import {
  call,
  closeClients,
  connect,
  createRoom,
  http,
  joinRoom,
  next,
  startServer,
  type TestServer,
} from '../helpers/server.js';
import { provider, until, useProviders } from '../helpers/yjs.js';

/** Two app processes' worth of app (two apps in one test process) sharing one Redis. */
const prefix = `mr-cluster-${process.pid}:`;
const nodes: TestServer[] = [];

async function node(overrides = {}): Promise<TestServer> {
  const store = await new RedisStore(inject('redisUrl'), prefix).ready();
  // A room with an agreement is deleted after everyone was told: at once here (deletionNoticeMs 0).
  const settings = { redisUrl: inject('redisUrl'), redisPrefix: prefix, deletionNoticeMs: 0, ...overrides };
  const srv = await startServer(settings, { store });
  nodes.push(srv);
  return srv;
}

/** A couple's room on two processes: Ann connected to the first, Ben to the second. */
async function coupleAcrossTwo() {
  const [one, two] = [await node(), await node()];
  const host = await createRoom(one.url, { kind: 'couple', name: 'Ann' });
  const guest = await joinRoom(one.url, host.roomId, host.inviteCode, 'Ben');
  const a = await connect(one.url, host.token);
  const b = await connect(two.url, guest.token);
  return { one, two, host, guest, a, b };
}

afterEach(() => closeClients());
useProviders();
afterAll(async () => {
  for (const n of nodes.splice(0)) await n.close();
});

describe('two processes serving one room over Redis', () => {
  it('delivers messages, facilitator words and state across processes, with presence from both', async () => {
    const [one, two] = [await node(), await node()];
    const host = await createRoom(one.url, { kind: 'couple', name: 'Ann' });
    const guest = await joinRoom(two.url, host.roomId, host.inviteCode, 'Ben');
    const a = await connect(one.url, host.token);
    const bothOnline = next(a, 'room:state', (s: any) => s.participants.every((p: any) => p.online));
    const b = await connect(two.url, guest.token);
    await bothOnline;

    const seen = next(b, 'message', (m: any) => m.clientMsgId === 'x1');
    const ack = await call(a, 'message:send', {
      clientMsgId: 'x1',
      text: 'I would like to plan the holidays together.',
    });
    expect(ack).toMatchObject({ ok: true, status: 'delivered' });
    expect(await seen).toMatchObject({ seq: ack.seq, text: 'I would like to plan the holidays together.' });

    // A sequence keeps its order whichever process appended it.
    const reply = await call(b, 'message:send', { clientMsgId: 'y1', text: 'Yes, let us do that.' });
    expect(reply.seq).toBe(ack.seq + 1);

    // A held message's review goes to its sender only; the host on the other process hears nothing of it.
    const held = await call(b, 'message:send', { clientMsgId: 'h1', text: 'You are such an idiot, you never listen' });
    expect(held).toMatchObject({ status: 'held' });
    const mode = next(b, 'room:state', (s: any) => s.mode === 'round');
    expect(await call(a, 'room:mode', { mode: 'round' })).toMatchObject({ ok: true });
    await mode;

    expect(a.received.some(([e, p]: any) => e === 'message' && p.clientMsgId === 'h1')).toBe(false);

    const left = next(a, 'room:state', (s: any) => s.participants.some((p: any) => p.name === 'Ben' && !p.online));
    b.disconnect();
    await left;
    const view = await http(one.url, 'GET', `/api/rooms/${host.roomId}`, undefined, host.token);
    expect(view.json.participants.find((p: any) => p.name === 'Ben').online).toBe(false);
  });

  it('a break ends once, with one recap, though both processes hold a timer', async () => {
    const { one, two, host, guest, a, b } = await coupleAcrossTwo();
    expect(await call(b, 'break:request', { minutes: 1 })).toMatchObject({ ok: true });
    // Pull the end forward in the store so the test need not wait a minute; both processes re-arm.
    await one.app.rooms.change(host.roomId, (r) => ({
      room: { ...r, break: r.break && { ...r.break, endsAt: Date.now() + 300 } },
      result: null,
    }));
    await two.app.rooms.published(await two.app.rooms.room(host.roomId));
    await next(a, 'room:state', (s: any) => s.break === null);
    await new Promise((r) => setTimeout(r, 500));
    const recaps = a.received.filter(([e, p]: any) => e === 'facilitator' && p.kind === 'recap');
    expect(recaps).toHaveLength(1);
  });

  it('deleting the room on one process disconnects its people on the other', async () => {
    const [one, two] = [await node(), await node()];
    const host = await createRoom(one.url, { kind: 'couple', name: 'Ann' });
    const guest = await joinRoom(one.url, host.roomId, host.inviteCode, 'Ben');
    const b = await connect(two.url, guest.token);
    // Ben is in the room on process two once he has its state: only then can a deletion reach him.
    await until(() => b.received.some(([event]) => event === 'room:state'));
    const gone = next(b, 'room:deleted');
    const closed = new Promise((r) => b.once('disconnect', r));
    expect((await http(one.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    await gone;
    await closed;
  });

  it('keeps the agreement the same on both processes: typing, server-owned fields, awareness, deletion', async () => {
    const { one, two, host, guest, a, b } = await coupleAcrossTwo();
    const ann = provider(one.url, host.roomId, host.token);
    const ben = provider(two.url, host.roomId, guest.token);
    await until(() => ann.p.synced && ben.p.synced);

    // Proposed on one process, seen by a client of the other.
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We talk on Sundays.' });
    await until(() => readAgreement(ben.doc).clauses.length === 1);
    // Typed on the other, seen back on the first.
    const text = ben.doc.getArray<Y.Map<unknown>>(DOC.clauses).get(0).get(DOC.clause.text) as Y.Text;
    text.insert(text.length - 1, ' evenings');
    await until(() => readAgreement(ann.doc).clauses[0]?.text === 'We talk on Sundays evenings.');

    // Accepted through process two, by both; the host's process sees it agreed.
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true });
    expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'agreed' });
    await until(
      () =>
        readAgreement(ann.doc).clauses[0]?.status === 'agreed' &&
        readAgreement(ben.doc).clauses[0]?.status === 'agreed',
    );

    // A client's forged write is reverted by its own process and never sticks on the other.
    const clause = ann.doc.getArray<Y.Map<unknown>>(DOC.clauses).get(0);
    (clause.get(DOC.clause.acceptedBy) as Y.Map<boolean>).set('someone-else', true);
    await until(() => !readAgreement(ann.doc).clauses[0]?.acceptedBy.includes('someone-else'));
    await new Promise((r) => setTimeout(r, 100));
    expect(readAgreement(ben.doc).clauses[0]?.acceptedBy).not.toContain('someone-else');
    expect(readAgreement(ben.doc).clauses[0]?.status).toBe('agreed');

    // Editing the text on one process clears acceptances everywhere.
    text.insert(0, 'Most weeks, ');
    await until(
      () =>
        readAgreement(ann.doc).clauses[0]?.status === 'proposed' &&
        readAgreement(ann.doc).clauses[0]?.acceptedBy.length === 0,
    );

    // Cursors and names reach the other process's clients.
    ann.p.awareness.setLocalStateField('user', { name: 'Ann' });
    await until(() => [...ben.p.awareness.getStates().values()].some((st: any) => st.user?.name === 'Ann'));

    // Deleting the room on process one closes the document on process two.
    const closed = new Promise<number>((resolve) => ben.p.ws?.addEventListener('close', (e: any) => resolve(e.code)));
    ben.p.shouldConnect = false;
    expect((await http(two.url, 'POST', `/api/rooms/${host.roomId}/deletion`, undefined, host.token)).status).toBe(201);
    expect((await http(one.url, 'DELETE', `/api/rooms/${host.roomId}`, undefined, host.token)).status).toBe(204);
    expect(await closed).toBe(4404);
  });
});

describe('taking someone out of the room, over Redis', () => {
  it('closes their sockets and open /yjs connection on the other process too', async () => {
    const { one, two, host, guest, b } = await coupleAcrossTwo();
    // Ben's agreement connection is on the second process; Ann's request goes to the first.
    const { p } = provider(two.url, host.roomId, guest.token);
    await until(() => p.wsconnected);
    const yjsClosed = new Promise<number>((resolve) => {
      p.on('connection-close', (event: { code: number } | null) => resolve(event?.code ?? 0));
    });
    const socketClosed = new Promise<string>((resolve) => b.on('disconnect', resolve));
    const path = `/api/rooms/${host.roomId}/participants/${guest.participantId}`;
    expect((await http(one.url, 'DELETE', path, undefined, host.token)).status).toBe(204);
    expect(await socketClosed).toBe('io server disconnect');
    expect(await yjsClosed).toBe(4403);
    expect((await http(two.url, 'GET', `/api/rooms/${host.roomId}`, undefined, guest.token)).status).toBe(401);
  });
});
