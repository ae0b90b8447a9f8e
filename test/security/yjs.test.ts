import { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { DOC, readAgreement } from '../../shared/agreement.js';
import { textHash } from '../../server/agreement/state.js';
import { RedisStore } from '../../server/cluster/redisStore.js';
import type { Config } from '../../server/config.js';
import { startRedisServer } from '../helpers/redisServer.js';
import { call, closeClients, connect, couple, http, sleep, startServer, type TestServer } from '../helpers/server.js';
import { WebSocket } from 'ws';
import { provider, rawDocClient, until, useProviders, yjsSocketUrl } from '../helpers/yjs.js';

/**
 * Attacks on the agreement document (/yjs), each performed as a hostile participant would: raw
 * y-websocket messages built by hand, against real apps (one process, or two on one Redis).
 */

const servers: TestServer[] = [];
const prefix = `mr-sec-yjs-${process.pid}:`;

async function server(overrides: Partial<Config> = {}, redis = false, own?: RedisStore): Promise<TestServer> {
  const store = own ?? (redis ? await new RedisStore(inject('redisUrl'), prefix).ready() : undefined);
  const srv = await startServer(
    { logLevel: 'silent', ...(redis ? { redisUrl: inject('redisUrl'), redisPrefix: prefix } : {}), ...overrides },
    store ? { store } : {},
  );
  servers.push(srv);
  return srv;
}

afterEach(() => closeClients());
useProviders();
afterAll(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const clauseMap = (doc: Y.Doc, i = 0) => doc.getArray<Y.Map<unknown>>(DOC.clauses).get(i);
const clauseText = (doc: Y.Doc, i = 0) => clauseMap(doc, i).get(DOC.clause.text) as Y.Text;

/** A couple's room with one proposed clause. */
async function roomWithClause(srv: TestServer, words = 'We talk on Sundays.') {
  const c = await couple(srv.url);
  const { clauseId } = await call(c.a, 'agreement:propose', { text: words });
  return { ...c, clauseId };
}

/**
 * The forgery of the issue: a client (id 999) makes an edit (its clocks 0-1), then writes acceptances,
 * status and signatures (clocks 2+), and sends only the second part: Yjs would keep it pending.
 */
function pendingForgery(doc: Y.Doc, parties: string[]): Uint8Array {
  clauseText(doc).insert(0, 'ok');
  const before = Y.encodeStateVector(doc);
  doc.transact(() => {
    const clause = clauseMap(doc);
    for (const id of parties) (clause.get(DOC.clause.acceptedBy) as Y.Map<boolean>).set(id, true);
    clause.set(DOC.clause.status, 'agreed');
    clause.set(DOC.clause.proposedBy, parties[1]);
    const meta = doc.getMap<unknown>(DOC.meta);
    for (const id of parties) (meta.get(DOC.metaKeys.signedBy) as Y.Map<boolean>).set(id, true);
    meta.set(DOC.metaKeys.final, true);
  });
  return Y.encodeStateAsUpdate(doc, before);
}

/** lib0's varUint8Array: a varUint length, then the bytes. */
function encodeVarBytes(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let n = bytes.byteLength;
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return [...out, ...bytes];
}

async function storedBytes(srv: TestServer, roomId: string): Promise<number> {
  return (await srv.app.store.loadDocUpdates(roomId)).reduce((n, u) => n + u.byteLength, 0);
}

describe('/yjs: updates the server cannot integrate completely', () => {
  it('refuses pending structs with 4400: nothing stored or sent, and a new client sees no forgery', async () => {
    const srv = await server();
    const { host, guest, clauseId } = await roomWithClause(srv);
    const forger = await rawDocClient(srv.url, host.roomId, guest.token, 999);
    const before = await storedBytes(srv, host.roomId);
    const witness = provider(srv.url, host.roomId, host.token);
    await until(() => witness.p.synced);
    const seen: Uint8Array[] = [];
    witness.doc.on('update', (u: Uint8Array) => seen.push(u));

    forger.send(pendingForgery(forger.doc, [host.participantId, guest.participantId]));
    expect(await forger.closed).toBe(4400);

    // Another person's next keystroke used to integrate the forgery; now there is nothing to integrate.
    clauseText(witness.doc).insert(0, 'Most ');
    await until(() => seen.length > 0);
    await sleep(100);
    const fresh = provider(srv.url, host.roomId, host.token);
    await until(() => fresh.p.synced);
    const view = readAgreement(fresh.doc);
    expect(view.clauses[0]).toMatchObject({
      id: clauseId,
      status: 'proposed',
      acceptedBy: [],
      proposedBy: host.participantId,
    });
    expect(view).toMatchObject({ signedBy: [], final: false });
    expect(readAgreement(witness.doc)).toEqual(view);
    // The only stored growth is the witness's own keystroke.
    expect((await storedBytes(srv, host.roomId)) - before).toBeLessThan(200);
    const md = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token);
    expect(md.text).toContain('**Draft**');
  });

  it('refuses a delete of items the server does not have (a pending delete range) with 4400', async () => {
    const srv = await server();
    const { host, guest } = await roomWithClause(srv);
    const forger = await rawDocClient(srv.url, host.roomId, guest.token, 998);
    clauseText(forger.doc).insert(0, 'hidden ');
    const afterInsert = Y.encodeStateVector(forger.doc);
    clauseText(forger.doc).delete(0, 7);
    forger.send(Y.encodeStateAsUpdate(forger.doc, afterInsert)); // the deletion alone
    expect(await forger.closed).toBe(4400);
    // Later server writes still reach a reconnecting client.
    const { clauseId: second } = await call((await connect(srv.url, host.token)) as never, 'agreement:propose', {
      text: 'We check in on Fridays.',
    });
    const fresh = provider(srv.url, host.roomId, host.token);
    await until(() => fresh.p.synced && readAgreement(fresh.doc).clauses.length === 2);
    expect(readAgreement(fresh.doc).clauses[1].id).toBe(second);
  });
});

describe('/yjs: server-owned fields are never taken from a document update', () => {
  it('two processes: forgery to one, keystroke on the other: never acceptances or a final agreement', async () => {
    const one = await server({}, true);
    const two = await server({}, true);
    const { host, guest, a, clauseId } = await roomWithClause(one);
    const forger = await rawDocClient(one.url, host.roomId, guest.token, 999);
    const ben = provider(two.url, host.roomId, guest.token);
    await until(() => ben.p.synced && readAgreement(ben.doc).clauses.length === 1);

    forger.send(pendingForgery(forger.doc, [host.participantId, guest.participantId]));
    expect(await forger.closed).toBe(4400);
    clauseText(ben.doc).insert(0, 'Most weeks, ');
    await sleep(300);

    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const room = await one.app.store.getRoom(host.roomId);
    expect(room?.agreement?.clauses[0].acceptances).toEqual({});
    expect(room?.agreement?.final).toBeNull();
    for (const srv of [one, two]) {
      const md = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token);
      expect(md.text).toContain('**Draft**');
      expect(md.text).toContain('Accepted by: no one yet');
    }
    expect(readAgreement(ben.doc).clauses[0]).toMatchObject({ id: clauseId, acceptedBy: [], status: 'proposed' });
  });

  it('a forged update relayed between processes is overruled by the stored state', async () => {
    const one = await server({}, true);
    const two = await server({}, true);
    const { host, guest, a } = await roomWithClause(one);
    const ben = provider(two.url, host.roomId, guest.token);
    await until(() => ben.p.synced && readAgreement(ben.doc).clauses.length === 1);

    // What a compromised or buggy process could publish: every server-owned field forged.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(ben.doc));
    const before = Y.encodeStateVector(forged);
    forged.transact(() => {
      const clause = clauseMap(forged);
      const accepted = clause.get(DOC.clause.acceptedBy) as Y.Map<boolean>;
      accepted.set(host.participantId, true);
      accepted.set(guest.participantId, true);
      clause.set(DOC.clause.status, 'agreed');
      forged.getMap<unknown>(DOC.meta).set(DOC.metaKeys.final, true);
    });
    const payload = Y.encodeStateAsUpdate(forged, before);
    const redis = new Redis(inject('redisUrl'));
    await redis.publish(`${prefix}yjs:${host.roomId}`, Buffer.concat([Buffer.from([0]), randomBytes(8), payload]));
    redis.disconnect();

    await sleep(300);
    expect(readAgreement(ben.doc).clauses[0]).toMatchObject({ status: 'proposed', acceptedBy: [] });
    expect(readAgreement(ben.doc).final).toBe(false);
    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: false, error: { code: 'not_allowed' } });
    const md = await http(two.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, guest.token);
    expect(md.text).toContain('**Draft**');
  });
});

describe('/yjs: clause text is plain text, and the document has a size cap', () => {
  it('reverts formatting attributes: 50 x 200 KiB of attributes leave the stored document small', async () => {
    const srv = await server();
    const { host } = await roomWithClause(srv);
    const client = await rawDocClient(srv.url, host.roomId, host.token);
    const big = 'x'.repeat(200 * 1024);
    for (let i = 0; i < 50; i++) {
      const before = Y.encodeStateVector(client.doc);
      clauseText(client.doc).format(0, 5, { [`a${i}`]: big });
      client.send(Y.encodeStateAsUpdate(client.doc, before));
    }
    await sleep(300);
    expect(await storedBytes(srv, host.roomId)).toBeLessThan(64 * 1024);
    const fresh = provider(srv.url, host.roomId, host.token);
    await until(() => fresh.p.synced);
    expect(Y.encodeStateAsUpdate(fresh.doc).byteLength).toBeLessThan(64 * 1024);
    expect(clauseText(fresh.doc).toDelta()).toEqual([{ insert: 'We talk on Sundays.' }]);
  });

  it('refuses growth past YJS_MAX_DOC_BYTES with close code 4413', async () => {
    const srv = await server({ yjsMaxDocBytes: 8 * 1024 });
    const { host } = await roomWithClause(srv);
    const client = await rawDocClient(srv.url, host.roomId, host.token);
    let code: number | null = null;
    void client.closed.then((c) => (code = c));
    for (let i = 0; i < 40 && code === null; i++) {
      const before = Y.encodeStateVector(client.doc);
      const text = clauseText(client.doc);
      client.doc.transact(() => {
        text.delete(0, text.length);
        text.insert(0, `${i} ${'a long clause that keeps changing '.repeat(25)}`);
      });
      client.send(Y.encodeStateAsUpdate(client.doc, before));
      await sleep(20);
    }
    expect(await client.closed).toBe(4413);
    expect(await storedBytes(srv, host.roomId)).toBeLessThan(8 * 1024 + 4 * 1024);
  });
});

describe('/yjs: an acceptance is bound to the words accepted', () => {
  it('an edit made while someone was offline does not inherit their acceptance', async () => {
    const srv = await server();
    const { host, guest, a, b, clauseId } = await roomWithClause(srv);
    expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true });
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'agreed' });

    // Ann goes offline; Ben changes the words; Ann comes back.
    const ben = provider(srv.url, host.roomId, guest.token);
    await until(() => ben.p.synced);
    clauseText(ben.doc).insert(clauseText(ben.doc).length - 1, ', unless one of us is away');
    const ann = provider(srv.url, host.roomId, host.token);
    await until(() => ann.p.synced && readAgreement(ann.doc).clauses[0].text.includes('unless'));
    expect(readAgreement(ann.doc).clauses[0]).toMatchObject({ status: 'proposed', acceptedBy: [] });
    const md = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token);
    expect(md.text).toContain('Accepted by: no one yet');

    // Accepting the words she read before the edit is refused: she has not read these ones.
    const stale = await call(a, 'agreement:accept', { clauseId, textHash: textHash('We talk on Sundays.') });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const current = textHash(readAgreement(ann.doc).clauses[0].text);
    expect(await call(a, 'agreement:accept', { clauseId, textHash: current })).toMatchObject({ ok: true });
  });
});

describe('/yjs: presence is tied to identity', () => {
  it('stamps name and role from the token and allows one awareness client per connection', async () => {
    const srv = await server();
    const { host, guest } = await roomWithClause(srv);
    const watcher = provider(srv.url, host.roomId, host.token);
    await until(() => watcher.p.synced);
    const client = await rawDocClient(srv.url, host.roomId, guest.token);

    // 2,000 states from one connection, each claiming to be the host.
    const docs = Array.from({ length: 2000 }, () => new Y.Doc());
    const states = docs.map((d) => {
      const aw = new awarenessProtocol.Awareness(d);
      aw.setLocalState({ user: { name: 'Ann (host)', role: 'host' } });
      return aw;
    });
    for (let i = 0; i < docs.length; i += 500) {
      const batch = states.slice(i, i + 500);
      const merged = batch.map((aw) => awarenessProtocol.encodeAwarenessUpdate(aw, [aw.clientID]));
      for (const u of merged) client.sendAwareness(u);
      await sleep(50);
    }
    await sleep(300);
    const others = [...watcher.p.awareness.getStates().entries()].filter(([id]) => id !== watcher.doc.clientID);
    expect(others.length).toBeLessThanOrEqual(1);
    for (const [, state] of others) {
      expect((state as { user: unknown }).user).toEqual({
        name: 'Ben',
        role: 'participant',
        participantId: guest.participantId,
      });
    }
    states.forEach((aw) => aw.destroy());
  });

  it('two processes: a connection on one cannot overwrite the state of a person on the other', async () => {
    const one = await server({}, true);
    const two = await server({}, true);
    const { host, guest } = await roomWithClause(one);
    const ann = provider(one.url, host.roomId, host.token);
    const watcher = provider(one.url, host.roomId, host.token);
    const bens = provider(two.url, host.roomId, guest.token);
    await until(() => ann.p.synced && watcher.p.synced && bens.p.synced);
    ann.p.awareness.setLocalStateField('cursor', 3);
    await until(
      () => (bens.p.awareness.getStates().get(ann.doc.clientID) as { cursor?: number } | undefined)?.cursor === 3,
    );

    const spoofDoc = new Y.Doc();
    spoofDoc.clientID = ann.doc.clientID;
    const spoof = new awarenessProtocol.Awareness(spoofDoc);
    for (let i = 0; i < 20; i++) spoof.setLocalState({ user: { name: 'Impostor' }, cursor: 99, i });
    const client = await rawDocClient(two.url, host.roomId, guest.token);
    client.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(spoof, [spoofDoc.clientID]));
    await sleep(400);
    const seen = watcher.p.awareness.getStates().get(ann.doc.clientID) as { user: { name: string }; cursor: number };
    expect(seen.user.name).toBe('Ann');
    expect(seen.cursor).toBe(3);
    spoof.destroy();
  });
});

describe('/yjs: message budgets are per person, not per connection', () => {
  it('reconnecting does not refill the budget', async () => {
    const srv = await server({ rateLimitFactor: 0.05 }); // burst 10, 5 per second
    const { host, guest } = await couple(srv.url);
    const first = await rawDocClient(srv.url, host.roomId, guest.token);
    const noise = new awarenessProtocol.Awareness(new Y.Doc());
    noise.setLocalState({ cursor: 1 });
    const ping = () => awarenessProtocol.encodeAwarenessUpdate(noise, [noise.clientID]);
    for (let i = 0; i < 15 && first.isOpen(); i++) first.sendAwareness(ping());
    expect(await first.closed).toBe(4429);

    // A new connection of the same person starts with what is left of the budget: nearly nothing.
    const second = new WebSocket(await yjsSocketUrl(srv.url, host.roomId, guest.token));
    const closed = new Promise<number>((resolve) => second.once('close', (code) => resolve(code)));
    await new Promise((resolve) => second.once('open', resolve));
    const frame = new Uint8Array([1, ...encodeVarBytes(ping())]);
    for (let i = 0; i < 5; i++) second.send(frame);
    expect(await Promise.race([closed, sleep(1000).then(() => 'still open')])).toBe(4429);
    noise.destroy();
  });
});

describe('/yjs: divergence under a Redis outage', () => {
  it('an edit that cannot be stored is not kept: after the outage both processes serve the same document', async () => {
    let redis = await startRedisServer({ persist: true });
    const { port, dir } = redis;
    const outagePrefix = `mr-outage-${process.pid}:`;
    const node = async () => {
      const store = await new RedisStore(redis.url, outagePrefix).ready();
      return server({ redisUrl: redis.url, redisPrefix: outagePrefix }, false, store);
    };
    try {
      const [one, two] = [await node(), await node()];
      const { host, guest, a, clauseId } = await roomWithClause(one);
      const ann = provider(one.url, host.roomId, host.token);
      const ben = provider(two.url, host.roomId, guest.token);
      await until(() => ann.p.synced && ben.p.synced && readAgreement(ben.doc).clauses.length === 1);

      await redis.stop();
      clauseText(ann.doc).insert(0, 'Ann: ');
      clauseText(ben.doc).insert(clauseText(ben.doc).length, ' (Ben)');
      await sleep(1500);
      redis = await startRedisServer({ persist: true, port, dir });

      // Both clients reconnect and resync; their edits are stored then, and both processes agree.
      const both = (doc: Y.Doc) => readAgreement(doc).clauses[0]?.text ?? '';
      await until(
        () => both(ann.doc).includes('Ann: ') && both(ann.doc).includes('(Ben)') && both(ben.doc) === both(ann.doc),
        20_000,
      );
      const exports = await Promise.all(
        [one, two].map(
          async (srv) =>
            (await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token)).text,
        ),
      );
      expect(exports[0]).toBe(exports[1]);
      expect(exports[0]).toContain('Ann: We talk on Sundays. (Ben)');
      // Whatever each party accepts now is the same words on both processes.
      const accepted = await call(a, 'agreement:accept', { clauseId, textHash: textHash(both(ann.doc)) });
      expect(accepted).toMatchObject({ ok: true });
    } finally {
      for (const s of servers.splice(0)) await s.close();
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});
