import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC, readAgreement } from '../../shared/agreement.js';
import type { AgreementRecord } from '../../shared/agreementRecord.js';
import {
  call,
  closeClients,
  connect,
  couple,
  createRoom,
  http,
  invite,
  joinRoom,
  useServer,
} from '../helpers/server.js';
import { provider as yjsProvider, until, useProviders } from '../helpers/yjs.js';

const server = useServer();
afterEach(() => closeClients());
useProviders();

const textOf = (doc: Y.Doc, index: number): Y.Text =>
  doc.getArray<Y.Map<unknown>>(DOC.clauses).get(index).get(DOC.clause.text) as Y.Text;

async function record(roomId: string, token: string): Promise<AgreementRecord> {
  const res = await http(server().url, 'GET', `/api/rooms/${roomId}/agreement`, undefined, token);
  expect(res.status).toBe(200);
  return res.json;
}

describe('clause versions and acceptances bound to the words accepted', () => {
  it('an edit after an acceptance stops it counting, and the record says who changed what', async () => {
    const { url } = server();
    const { host, guest, a, b } = await couple(url);
    const ann = yjsProvider(url, host.roomId, host.token);
    const ben = yjsProvider(url, host.roomId, guest.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We meet on Sundays.' });
    await until(() => readAgreement(ben.doc).clauses.length === 1);
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'proposed' });
    await until(() => readAgreement(ben.doc).clauses[0].acceptedBy.length === 1);

    // Ann changes the words through her own document, as the web client does while typing.
    const words = textOf(ann.doc, 0);
    words.delete(11, 8);
    words.insert(11, 'Saturdays.');
    await until(() => readAgreement(ben.doc).clauses[0].text === 'We meet on Saturdays.');
    await until(() => readAgreement(ben.doc).clauses[0].acceptedBy.length === 0);

    const after = (await record(host.roomId, guest.token)).clauses[0];
    expect(after.text).toBe('We meet on Saturdays.');
    expect(after.acceptances).toEqual([]);
    expect(after.earlierAcceptances).toEqual([
      expect.objectContaining({
        name: 'Ben',
        participantId: guest.participantId,
        acceptedText: 'We meet on Sundays.',
        changedBy: [{ name: 'Ann', participantId: host.participantId }],
      }),
    ]);
    expect(after.versions.map((v) => [v.by, v.text])).toEqual([
      ['Ann', 'We meet on Sundays.'],
      ['Ann', 'We meet on Saturdays.'],
    ]);
    const md = (await http(url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token)).text;
    expect(md).toContain('- Last changed by: Ann, ');
    expect(md).toContain('Ben accepted earlier words');

    // Accepting the new words counts again, for those words.
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true });
    const again = (await record(host.roomId, guest.token)).clauses[0];
    expect(again.acceptances.map((x) => x.name)).toEqual(['Ben']);
    expect(again.earlierAcceptances).toEqual([]);
  });

  it('after a reconnect, an acceptance does not show on words someone changed meanwhile', async () => {
    const { url } = server();
    const { host, guest, a, b } = await couple(url);
    const ann = yjsProvider(url, host.roomId, host.token);
    const ben = yjsProvider(url, host.roomId, guest.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We each cook twice a week.' });
    await until(() => readAgreement(ben.doc).clauses.length === 1);
    await call(b, 'agreement:accept', { clauseId });
    await until(() => readAgreement(ben.doc).clauses[0].acceptedBy.includes(guest.participantId));

    ben.p.disconnect();
    await until(() => !ben.p.wsconnected);
    textOf(ann.doc, 0).insert(textOf(ann.doc, 0).length, ' Ann does Fridays.');
    await until(() => readAgreement(ann.doc).clauses[0].acceptedBy.length === 0);
    ben.p.connect();
    await until(() => readAgreement(ben.doc).clauses[0].text.endsWith('Ann does Fridays.'));
    await until(() => readAgreement(ben.doc).clauses[0].acceptedBy.length === 0);
    const clause = (await record(host.roomId, guest.token)).clauses[0];
    expect(clause.earlierAcceptances.map((e) => [e.name, e.changedBy.map((c) => c.name)])).toEqual([['Ben', ['Ann']]]);
  });

  it('a signature of earlier words stops counting and is kept apart in the record', async () => {
    const { url } = server();
    const { host, guest, a, b } = await couple(url);
    const ben = yjsProvider(url, host.roomId, guest.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We text before calling.' });
    await call(a, 'agreement:accept', { clauseId });
    await call(b, 'agreement:accept', { clauseId });
    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: true, final: false });
    await until(() => readAgreement(ben.doc).signedBy.length === 1);

    textOf(ben.doc, 0).insert(0, 'Mostly, ');
    await until(() => readAgreement(ben.doc).signedBy.length === 0);
    const rec = await record(host.roomId, host.token);
    expect(rec.signatures).toEqual([]);
    expect(rec.earlierSignatures.map((s) => s.name)).toEqual(['Ann']);
    expect(rec.clauses[0].earlierAcceptances.map((e) => e.name).sort()).toEqual(['Ann', 'Ben']);
    expect(rec.clauses[0].versions.at(-1)).toMatchObject({ by: 'Ben', text: 'Mostly, We text before calling.' });
  });
});

describe('review dates per clause', () => {
  it('a party sets one; everyone sees it in the document, the record and the export', async () => {
    const { url } = server();
    const { host, guest, a, b } = await couple(url);
    const ben = yjsProvider(url, host.roomId, guest.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We try a shared calendar.' });
    const inFourWeeks = new Date(Date.now() + 28 * 86_400_000).toISOString().slice(0, 10);
    expect(await call(b, 'agreement:review', { clauseId, reviewOn: inFourWeeks })).toEqual({
      ok: true,
      reviewOn: inFourWeeks,
    });
    await until(() => readAgreement(ben.doc).clauses[0]?.reviewOn === inFourWeeks);
    const rec = await record(host.roomId, host.token);
    expect(rec.clauses[0].reviewOn).toMatchObject({ on: inFourWeeks, by: 'Ben' });
    const md = (await http(url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token)).text;
    expect(md).toContain(`- Look at this again on: `);
    expect(md).toContain(`(${inFourWeeks}), set by Ben`);

    expect(await call(a, 'agreement:review', { clauseId, reviewOn: '2001-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'agreement:review', { clauseId, reviewOn: 'in 4 weeks' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'agreement:review', { clauseId, reviewOn: null })).toEqual({ ok: true, reviewOn: null });
    await until(() => readAgreement(ben.doc).clauses[0].reviewOn === undefined);
  });

  it('an observer cannot set one', async () => {
    const { url } = server();
    const host = await createRoom(url, { kind: 'couple', name: 'Ann' });
    const a = await connect(url, host.token);
    const watcher = await joinRoom(url, host.roomId, await invite(url, host, 'observer'), 'Olu');
    const o = await connect(url, watcher.token);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We keep weekends free.' }).catch(() => ({}));
    const ack = await call(o, 'agreement:review', { clauseId: clauseId ?? 'cl_x', reviewOn: null });
    expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
