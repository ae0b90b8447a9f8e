import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { DOC, readAgreement } from '../../shared/agreement.js';
import { MemoryStore } from '../../server/store/memory.js';
import {
  closeCode,
  createRoom,
  refusedStatus,
  sleep,
  startHarness,
  synced,
  waitFor,
  waitForAsync,
  type Harness,
} from './agreementHelpers.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const clauses = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>(DOC.clauses);
const clauseText = (doc: Y.Doc, i = 0) => clauses(doc).get(i).get(DOC.clause.text) as Y.Text;

/** Host and participant are the parties; observer and mediator are not. */
async function room(harness: Harness) {
  const { roomId, members } = await createRoom(harness.store, ['host', 'participant', 'observer', 'mediator']);
  const [host, guest, observer, mediator] = members;
  return { roomId, host, guest, observer, mediator };
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

describe('agreement endpoint: upgrade', () => {
  it('checks the ticket on upgrade: 401 none or bad, 403 another room, 404 unknown room', async () => {
    h = await startHarness();
    const a = await room(h);
    const b = await room(h);
    // The URL carries a single-use ticket (POST /api/rooms/:roomId/yjs-ticket), never the token.
    expect(await refusedStatus(`${h.url}/${a.roomId}`)).toBe(401);
    expect(await refusedStatus(`${h.url}/${a.roomId}?ticket=${'x'.repeat(32)}`)).toBe(401);
    expect(await refusedStatus(`${h.url}/${b.roomId}?ticket=${await h.ticket(a.host.token)}`)).toBe(403);
    expect(await refusedStatus(`${h.url}/room_doesnotexist?ticket=${await h.ticket(a.host.token)}`)).toBe(404);
    expect(await refusedStatus(`${h.url}/bad%20id!?ticket=${await h.ticket(a.host.token)}`)).toBe(404);
    expect(h.svc.stats()).toEqual({ docs: 0, connections: 0 });
  });

  it('leaves other upgrade paths to someone else', async () => {
    h = await startHarness();
    const req = { url: '/socket.io/?EIO=4&transport=websocket' } as never;
    expect(h.svc.handleUpgrade(req, {} as never, Buffer.alloc(0))).toBe(false);
  });
});

describe('agreement endpoint: sync and roles', () => {
  it('syncs clauses proposed by the service and text typed by a party to every client', async () => {
    h = await startHarness();
    const r = await room(h);
    const a = h.connect(r.roomId, r.host.token);
    const b = h.connect(r.roomId, r.guest.token);
    await Promise.all([synced(a), synced(b)]);
    const { clauseId } = await h.svc.propose(r.roomId, r.host.participantId, 'We speak one at a time.');
    await waitFor(() => clauses(a.doc).length === 1 && clauses(b.doc).length === 1, 3000, 'clause on both');
    expect(readAgreement(b.doc).clauses[0]).toMatchObject({
      id: clauseId,
      text: 'We speak one at a time.',
      status: 'proposed',
    });

    clauseText(a.doc).insert(0, 'Calmly: ');
    await waitFor(() => clauseText(b.doc).toString() === 'Calmly: We speak one at a time.', 3000, 'edit on b');
    expect((await h.svc.snapshot(r.roomId)).clauses[0].text).toBe('Calmly: We speak one at a time.');
    expect(h.svc.stats()).toEqual({ docs: 1, connections: 2 });
  });

  it("ignores an observer's document writes: they reach neither the server nor other clients", async () => {
    h = await startHarness();
    const r = await room(h);
    await h.svc.propose(r.roomId, r.host.participantId, 'Original.');
    const obs = h.connect(r.roomId, r.observer.token);
    const party = h.connect(r.roomId, r.guest.token);
    await Promise.all([synced(obs), synced(party)]);
    await waitFor(() => clauses(obs.doc).length === 1, 3000, 'observer reads the clause');

    const seenByParty: string[] = [];
    party.doc.on('update', () => seenByParty.push(clauseText(party.doc).toString()));
    clauseText(obs.doc).insert(0, 'HACKED ');
    clauses(obs.doc).get(0).set(DOC.clause.status, 'agreed');
    obs.doc.getMap(DOC.meta).set(DOC.metaKeys.final, true);
    // A party's later edit proves the connection still works and that the observer's edit is not in it.
    await sleep(150);
    clauseText(party.doc).insert(clauseText(party.doc).length, ' Still.');
    await waitFor(() => clauseText(obs.doc).toString().includes('Still.'), 3000, 'observer receives updates');

    const snap = await h.svc.snapshot(r.roomId);
    expect(snap.clauses[0].text).toBe('Original. Still.');
    expect(snap.clauses[0].status).toBe('proposed');
    expect(snap.final).toBe(false);
    expect(clauseText(party.doc).toString()).toBe('Original. Still.');
    expect(seenByParty.some((t) => t.includes('HACKED'))).toBe(false);
  });

  it('reads, but never writes, for someone paused or out of the joint session (no way round the pause)', async () => {
    h = await startHarness();
    const r = await room(h);
    await h.svc.propose(r.roomId, r.host.participantId, 'Original.');
    await h.store.updateRoom(r.roomId, (rec) => ({
      room: {
        ...rec,
        participants: rec.participants.map((p) =>
          p.participantId === r.guest.participantId ? { ...p, status: 'paused' as const } : p,
        ),
      },
      result: undefined,
    }));
    const paused = h.connect(r.roomId, r.guest.token);
    const host = h.connect(r.roomId, r.host.token);
    await Promise.all([synced(paused), synced(host)]);
    await waitFor(() => clauses(paused.doc).length === 1, 3000, 'the paused party reads the clause');
    clauseText(paused.doc).insert(0, 'You know what happens if you go. ');
    await sleep(150);
    clauseText(host.doc).insert(clauseText(host.doc).length, ' Still.');
    await waitFor(() => clauseText(paused.doc).toString().includes('Still.'), 3000, 'updates still reach them');
    expect((await h.svc.snapshot(r.roomId)).clauses[0].text).toBe('Original. Still.');
    expect(clauseText(host.doc).toString()).toBe('Original. Still.');
  });

  it("reverts a client's writes to server-owned fields, and others never see them", async () => {
    h = await startHarness();
    const r = await room(h);
    const { clauseId } = await h.svc.propose(r.roomId, r.host.participantId, 'First clause.');
    await h.svc.propose(r.roomId, r.guest.participantId, 'Second clause.');
    const attacker = h.connect(r.roomId, r.guest.token);
    const witness = h.connect(r.roomId, r.host.token);
    await Promise.all([synced(attacker), synced(witness)]);
    await waitFor(() => clauses(attacker.doc).length === 2 && clauses(witness.doc).length === 2);
    const before = await h.svc.snapshot(r.roomId);

    const bad: string[] = [];
    witness.doc.on('update', () => {
      const s = readAgreement(witness.doc);
      if (
        s.clauses.length !== 2 ||
        s.final ||
        s.clauses.some((c) => c.status !== 'proposed' || c.acceptedBy.length > 0)
      ) {
        bad.push(JSON.stringify(s));
      }
    });

    const doc = attacker.doc;
    doc.transact(() => {
      const first = clauses(doc).get(0);
      first.set(DOC.clause.status, 'agreed');
      first.set(DOC.clause.id, 'cl_forged');
      first.set(DOC.clause.proposedBy, r.guest.participantId);
      (first.get(DOC.clause.acceptedBy) as Y.Map<boolean>).set(r.host.participantId, true);
      first.set('extra', 'junk');
      const meta = doc.getMap<unknown>(DOC.meta);
      meta.set(DOC.metaKeys.final, true);
      (meta.get(DOC.metaKeys.signedBy) as Y.Map<boolean>).set(r.guest.participantId, true);
    });
    await waitFor(() => JSON.stringify(readAgreement(doc)) === JSON.stringify(before), 3000, 'attacker reverted');

    // Deleting a clause: recreated with its last known text.
    clauses(doc).delete(1, 1);
    await waitFor(
      () => clauses(doc).length === 2 && clauseText(doc, 1).toString() === 'Second clause.',
      3000,
      'clause recreated',
    );
    await sleep(100);

    expect(await h.svc.snapshot(r.roomId)).toEqual(before);
    expect(readAgreement(witness.doc)).toEqual(before);
    expect(readAgreement(doc)).toEqual(before);
    expect(before.clauses[0].id).toBe(clauseId);
    expect(bad).toEqual([]);
  });

  it('takes a clause a client inserts through the document as a proposal with server-owned fields', async () => {
    h = await startHarness();
    const r = await room(h);
    await h.svc.propose(r.roomId, r.host.participantId, 'First clause.');
    await h.svc.accept(r.roomId, (await h.svc.snapshot(r.roomId)).clauses[0].id, r.host.participantId);
    const writer = h.connect(r.roomId, r.guest.token);
    const witness = h.connect(r.roomId, r.host.token);
    await Promise.all([synced(writer), synced(witness)]);
    await waitFor(() => clauses(writer.doc).length === 1);
    writer.doc.transact(() => {
      const forged = new Y.Map<unknown>();
      forged.set(DOC.clause.id, 'cl_chosen_by_client');
      forged.set(DOC.clause.text, new Y.Text('We text when we are running late.'));
      forged.set(DOC.clause.status, 'agreed');
      forged.set(DOC.clause.proposedBy, r.host.participantId);
      clauses(writer.doc).push([forged]);
      clauses(writer.doc).push([new Y.Map<unknown>()]); // an empty map is no proposal
    });
    await waitFor(
      () =>
        readAgreement(witness.doc).clauses.length === 2 && readAgreement(witness.doc).clauses[1].id.startsWith('cl_'),
      3000,
      'adopted',
    );
    await waitFor(() => clauses(writer.doc).length === 2, 3000, 'empty map dropped');
    const adopted = (await h.svc.snapshot(r.roomId)).clauses[1];
    expect(adopted).toMatchObject({
      text: 'We text when we are running late.',
      status: 'proposed',
      proposedBy: r.guest.participantId,
      acceptedBy: [],
    });
    expect(adopted.id).not.toBe('cl_chosen_by_client');
    expect(readAgreement(witness.doc).clauses[1]).toEqual(adopted);
    // It is a clause like any other: accepted through the service.
    expect(await h.svc.accept(r.roomId, adopted.id, r.guest.participantId)).toEqual({ status: 'proposed' });
  });

  it("editing a clause's text clears its acceptances and every signature; final ignores edits", async () => {
    h = await startHarness();
    const r = await room(h);
    const { clauseId } = await h.svc.propose(r.roomId, r.host.participantId, 'We take breaks.');
    const { clauseId: second } = await h.svc.propose(r.roomId, r.host.participantId, 'We listen.');
    for (const id of [clauseId, second]) {
      await h.svc.accept(r.roomId, id, r.host.participantId);
      expect(await h.svc.accept(r.roomId, id, r.guest.participantId)).toEqual({ status: 'agreed' });
    }
    expect(await h.svc.sign(r.roomId, r.host.participantId)).toEqual({ final: false });

    const client = h.connect(r.roomId, r.guest.token);
    await synced(client);
    await waitFor(() => readAgreement(client.doc).signedBy.length === 1, 3000, 'signature synced');
    clauseText(client.doc).insert(0, 'Sometimes ');
    await waitFor(() => readAgreement(client.doc).clauses[0].status === 'proposed', 3000, 'status cleared on client');

    const snap = await h.svc.snapshot(r.roomId);
    expect(snap.clauses[0]).toMatchObject({ text: 'Sometimes We take breaks.', status: 'proposed', acceptedBy: [] });
    expect(snap.clauses[1]).toMatchObject({ status: 'agreed' });
    expect(snap.signedBy).toEqual([]);
    expect(readAgreement(client.doc)).toEqual(snap);
    expect(h.changes.at(-1)?.snapshot).toEqual(snap);

    // Agree again, both sign: final. Now even text edits are reverted.
    await h.svc.accept(r.roomId, clauseId, r.host.participantId);
    await h.svc.accept(r.roomId, clauseId, r.guest.participantId);
    await h.svc.sign(r.roomId, r.host.participantId);
    expect(await h.svc.sign(r.roomId, r.guest.participantId)).toEqual({ final: true });
    await waitFor(() => readAgreement(client.doc).final, 3000, 'final synced');
    clauseText(client.doc).insert(0, 'Never mind. ');
    await waitFor(() => clauseText(client.doc).toString() === 'Sometimes We take breaks.', 3000, 'edit reverted');
    const final = await h.svc.snapshot(r.roomId);
    expect(final.final).toBe(true);
    expect(final.clauses[0].text).toBe('Sometimes We take breaks.');
    expect(final.clauses.every((c) => c.status === 'agreed')).toBe(true);
  });
});

describe('agreement endpoint: loading, persistence, unloading', () => {
  /** A stored document and agreement state, the way a previous process would have left them. */
  async function seed(store: MemoryStore, roomId: string, proposedBy: string, text: string): Promise<void> {
    await store.appendDocUpdate(roomId, seedUpdate(proposedBy, text));
    await store.updateRoom(roomId, (room) => {
      const clause = { id: 'cl_seed', proposedBy, proposedAt: 1, acceptances: {} };
      return { room: { ...room, agreement: { clauses: [clause], signatures: {}, final: null } }, result: null };
    });
  }

  function seedUpdate(proposedBy: string, text: string): Uint8Array {
    const seed = new Y.Doc();
    const m = new Y.Map<unknown>();
    clauses(seed).push([m]);
    m.set(DOC.clause.id, 'cl_seed');
    m.set(DOC.clause.text, new Y.Text(text));
    m.set(DOC.clause.proposedBy, proposedBy);
    m.set(DOC.clause.status, 'proposed');
    m.set(DOC.clause.acceptedBy, new Y.Map());
    return Y.encodeStateAsUpdate(seed);
  }

  /** A store whose document reads take a while, to widen the window before the first sync. */
  function slowStore(delayMs: number) {
    const store = new MemoryStore();
    let loads = 0;
    const load = store.loadDocUpdates.bind(store);
    store.loadDocUpdates = async (roomId: string) => {
      loads++;
      await sleep(delayMs);
      return load(roomId);
    };
    return { store, loads: () => loads };
  }

  it('loads the stored document before answering the first sync, once for concurrent connections', async () => {
    const { store, loads } = slowStore(300);
    h = await startHarness({}, store);
    const r = await room(h);
    await seed(store, r.roomId, r.host.participantId, 'Seeded clause.');

    const providers = [
      h.connect(r.roomId, r.host.token),
      h.connect(r.roomId, r.guest.token),
      h.connect(r.roomId, r.observer.token),
    ];
    const atSync = await Promise.all(
      providers.map((p) => synced(p).then(() => readAgreement(p.doc).clauses.map((c) => c.text))),
    );
    expect(atSync).toEqual([['Seeded clause.'], ['Seeded clause.'], ['Seeded clause.']]);
    expect(loads()).toBe(1);
    expect(h.svc.stats().docs).toBe(1);
  });

  it('queues messages that arrive while loading and handles them in order afterwards', async () => {
    const { store } = slowStore(300);
    h = await startHarness({}, store);
    const r = await room(h);
    await seed(store, r.roomId, r.host.participantId, 'Stored text.');

    // A client that already has the document offline edits it and sends step 1 and the edit at once.
    const local = new Y.Doc();
    for (const u of await store.loadDocUpdates(r.roomId)) Y.applyUpdate(local, u);
    const sv = Y.encodeStateVector(local);
    clauseText(local).insert(0, 'Edited ');
    const edit = Y.encodeStateAsUpdate(local, sv);

    const ws = await h.rawSocket(r.roomId, r.guest.token);
    const received: { step: number; payload: Uint8Array }[] = [];
    ws.on('message', (data) => {
      const d = decoding.createDecoder(new Uint8Array(data as Buffer));
      if (decoding.readVarUint(d) !== 0) return;
      received.push({ step: decoding.readVarUint(d), payload: decoding.readVarUint8Array(d) });
    });
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(syncMessage(0, Y.encodeStateVector(new Y.Doc())));
    ws.send(syncMessage(2, edit));
    await waitFor(() => received.some((m) => m.step === 1), 3000, 'sync step 2 from the server');

    // The server's own step 1 comes first, then the answer to ours: the stored document as it was
    // before the queued edit, never an empty one.
    expect(received[0].step).toBe(0);
    const answer = new Y.Doc();
    Y.applyUpdate(answer, received.find((m) => m.step === 1)!.payload);
    expect(readAgreement(answer).clauses.map((c) => c.text)).toEqual(['Stored text.']);
    await waitForAsync(async () => (await h!.svc.snapshot(r.roomId)).clauses[0].text === 'Edited Stored text.');
  });

  it('persists every update and compacts; unload and reload give the same content', async () => {
    h = await startHarness({ compactEvery: 5, idleMs: 50 });
    const svc = h.svc;
    const r = await room(h);
    const a = h.connect(r.roomId, r.host.token);
    await synced(a);
    await svc.propose(r.roomId, r.host.participantId, 'One.');
    await waitFor(() => clauses(a.doc).length === 1);
    for (let i = 0; i < 12; i++) clauseText(a.doc).insert(clauseText(a.doc).length, ` ${i}`);
    const expected = 'One. 0 1 2 3 4 5 6 7 8 9 10 11';
    await waitForAsync(async () => (await svc.snapshot(r.roomId)).clauses[0].text === expected);
    const before = await svc.snapshot(r.roomId);

    a.destroy();
    await waitFor(() => svc.stats().docs === 0, 3000, 'idle unload');
    const stored = await h.store.loadDocUpdates(r.roomId);
    expect(stored.length).toBeLessThan(5); // 13 updates were written; compaction keeps it small
    const replica = new Y.Doc();
    for (const u of stored) Y.applyUpdate(replica, u);
    expect(readAgreement(replica)).toEqual(before);

    expect(await svc.snapshot(r.roomId)).toEqual(before);
    expect(svc.stats().docs).toBe(1);
  });

  it('stores one snapshot, equal to the document, once the document unloads', async () => {
    h = await startHarness({ idleMs: 50 }); // compactEvery at its default (16): only the unload compacts here
    const svc = h.svc;
    const r = await room(h);
    const a = h.connect(r.roomId, r.host.token);
    await synced(a);
    await svc.propose(r.roomId, r.host.participantId, 'One.');
    await waitFor(() => clauses(a.doc).length === 1);
    for (let i = 0; i < 6; i++) clauseText(a.doc).insert(clauseText(a.doc).length, ` ${i}`);
    await waitForAsync(async () => (await svc.snapshot(r.roomId)).clauses[0].text === 'One. 0 1 2 3 4 5');
    const before = await svc.snapshot(r.roomId);
    expect((await h.store.loadDocUpdates(r.roomId)).length).toBeGreaterThan(1);

    a.destroy();
    await waitFor(() => svc.stats().docs === 0, 3000, 'idle unload');
    await waitForAsync(async () => (await h!.store.loadDocUpdates(r.roomId)).length === 1, 3000, 'one snapshot');
    const replica = new Y.Doc();
    Y.applyUpdate(replica, (await h.store.loadDocUpdates(r.roomId))[0]);
    expect(readAgreement(replica)).toEqual(before);
    expect(await svc.snapshot(r.roomId)).toEqual(before);
  });

  it('unloads an idle document and reloads it intact on reconnect', async () => {
    h = await startHarness({ idleMs: 80 });
    const r = await room(h);
    const a = h.connect(r.roomId, r.host.token);
    await synced(a);
    await h.svc.propose(r.roomId, r.host.participantId, 'Kept across unloads.');
    await waitFor(() => clauses(a.doc).length === 1);
    clauseText(a.doc).insert(0, 'Really ');
    await waitFor(() => h!.svc.stats().connections === 1);
    await sleep(50);
    a.destroy();
    await waitFor(() => h!.svc.stats().connections === 0, 3000, 'closed');
    expect(h.svc.stats().docs).toBe(1); // still inside idleMs
    await waitFor(() => h!.svc.stats().docs === 0, 3000, 'idle unload');

    const b = h.connect(r.roomId, r.guest.token);
    await synced(b);
    expect(readAgreement(b.doc).clauses.map((c) => c.text)).toEqual(['Really Kept across unloads.']);
    expect(h.svc.stats()).toEqual({ docs: 1, connections: 1 });
  });
});

describe('agreement endpoint: limits and bad input', () => {
  it('closes with 1009 on a message over maxMessageBytes', async () => {
    h = await startHarness({ maxMessageBytes: 16 * 1024 });
    const r = await room(h);
    const ws = await h.rawSocket(r.roomId, r.host.token);
    await new Promise((resolve) => ws.once('open', resolve));
    const code = closeCode(ws);
    ws.send(new Uint8Array(32 * 1024));
    expect(await code).toBe(1009);
  });

  it('closes with 4429 when a connection sends faster than its rate limit', async () => {
    h = await startHarness({ rateLimitFactor: 0.05 }); // burst 10, 5 per second
    const r = await room(h);
    const ws = await h.rawSocket(r.roomId, r.host.token);
    await new Promise((resolve) => ws.once('open', resolve));
    const code = closeCode(ws);
    for (let i = 0; i < 30; i++) ws.send(new Uint8Array([3])); // query awareness
    expect(await code).toBe(4429);
  });

  it('closes with 4400 on malformed messages and keeps serving everyone else', async () => {
    h = await startHarness();
    const r = await room(h);
    const good = h.connect(r.roomId, r.host.token);
    await synced(good);
    const bad = [
      new Uint8Array([0xff, 0xff, 0xff]), // truncated varint / unknown type
      new Uint8Array([9]), // unknown message type
      new Uint8Array([0, 7, 1, 0]), // unknown sync step
      syncMessage(2, new Uint8Array([1, 2, 3, 4, 5, 200, 201])), // garbage update
      syncMessage(0, new Uint8Array([5, 1])), // broken state vector
      new Uint8Array([1, 5, 1, 2]), // awareness with a short payload
    ];
    for (const message of bad) {
      const ws = await h.rawSocket(r.roomId, r.guest.token);
      await new Promise((resolve) => ws.once('open', resolve));
      const code = closeCode(ws);
      ws.send(message);
      expect(await code).toBe(4400);
    }
    await h.svc.propose(r.roomId, r.host.participantId, 'Still alive.');
    await waitFor(() => clauses(good.doc).length === 1, 3000, 'good client still served');
  });
});

describe('agreement endpoint: awareness and room deletion', () => {
  it("shares awareness between providers and removes a closed connection's state", async () => {
    h = await startHarness();
    const r = await room(h);
    const a = h.connect(r.roomId, r.host.token);
    const b = h.connect(r.roomId, r.observer.token); // observers may share presence
    await Promise.all([synced(a), synced(b)]);
    // The server stamps who a state belongs to from the token: the name a client claims is not used.
    a.awareness.setLocalStateField('user', { name: 'Someone else', color: '#336699' });
    b.awareness.setLocalStateField('user', { name: 'Observer' });
    const userOf = (id: number) =>
      (b.awareness.getStates().get(id) as { user?: Record<string, string> } | undefined)?.user;
    await waitFor(() => userOf(a.doc.clientID)?.name === r.host.name, 3000, 'b sees a');
    expect(userOf(a.doc.clientID)).toEqual({
      name: r.host.name,
      role: 'host',
      participantId: r.host.participantId,
      color: '#336699',
    });
    await waitFor(() => a.awareness.getStates().has(b.doc.clientID), 3000, 'a sees b');

    // Nobody may speak for someone else's client id.
    const spoof = new Y.Doc();
    spoof.clientID = a.doc.clientID;
    const { Awareness, encodeAwarenessUpdate } = await import('y-protocols/awareness');
    const fake = new Awareness(spoof);
    fake.setLocalState({ user: { name: 'Impostor' } });
    for (let i = 0; i < 5; i++) fake.setLocalState({ user: { name: 'Impostor' }, i });
    const ws = await h.rawSocket(r.roomId, r.guest.token);
    await new Promise((resolve) => ws.once('open', resolve));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, encodeAwarenessUpdate(fake, [spoof.clientID]));
    ws.send(encoding.toUint8Array(e));
    await sleep(200);
    expect(userOf(a.doc.clientID)?.name).toBe(r.host.name);
    fake.destroy();
    spoof.destroy();

    a.disconnect();
    await waitFor(() => !b.awareness.getStates().has(a.doc.clientID), 3000, 'a removed from b');
  });

  it('dropRoom closes the room’s connections with 4404 and forgets its document', async () => {
    h = await startHarness();
    const r = await room(h);
    const other = await room(h);
    const a = h.connect(r.roomId, r.host.token);
    const keep = h.connect(other.roomId, other.host.token);
    await Promise.all([synced(a), synced(keep)]);
    const closed = new Promise<number>((resolve) => a.on('connection-close', (event) => resolve(event?.code ?? 0)));
    await h.svc.dropRoom(r.roomId);
    expect(await closed).toBe(4404);
    await waitFor(() => h!.svc.stats().connections === 1);
    expect(h.svc.stats()).toEqual({ docs: 1, connections: 1 });
    expect(a.shouldConnect).toBe(false); // 44xx: a stock provider does not retry
  });
});
