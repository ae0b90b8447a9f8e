import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readAgreement } from '../../shared/agreement.js';
import { call, closeClients, couple, http, startServer, type TestServer } from '../helpers/server.js';
import { provider as yjsProvider, until, useProviders } from '../helpers/yjs.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());
afterEach(() => closeClients());
useProviders();

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/;

/** Every ISO time on the lines of `md` that start with `prefix`, as epoch ms. */
const timesOn = (md: string, prefix: string): number[] =>
  md
    .split('\n')
    .filter((line) => line.startsWith(prefix))
    .map((line) => Date.parse(ISO.exec(line)?.[0] ?? ''));

describe('the agreement export as a record', () => {
  it('a signed agreement carries both signature times and the sha256 of exactly the signed text', async () => {
    const { host, guest, a, b } = await couple(srv.url);
    const ann = yjsProvider(srv.url, host.roomId, host.token);
    const said = 'A private sentence from the conversation.';
    expect(await call(a, 'message:send', { clientMsgId: 'm1', text: said })).toMatchObject({ ok: true });
    const words = 'We plan Saturdays together.';
    const { clauseId } = await call(a, 'agreement:propose', { text: words });
    await until(() => readAgreement(ann.doc).clauses.length === 1);
    const before = Date.now();
    expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true });
    expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'agreed' });
    expect(await call(a, 'agreement:sign')).toMatchObject({ ok: true, final: false });
    expect(await call(b, 'agreement:sign')).toMatchObject({ ok: true, final: true });
    const after = Date.now();

    const res = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, guest.token);
    expect(res.status).toBe(200);
    const md = res.text;
    const signedText = JSON.stringify([[clauseId, words]]);
    expect(md).toContain(`sha256 of the signed text: ${sha256(signedText)};`);
    expect(md).toContain(signedText);

    const signatures = md.slice(md.indexOf('## Signatures'), md.indexOf('## Check'));
    const signed = timesOn(signatures, '- ');
    expect(signatures).toMatch(/^- Ann, /m);
    expect(signatures).toMatch(/^- Ben, /m);
    expect(signed).toHaveLength(2);
    for (const at of signed) {
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(after);
    }
    // The signing date is when the last of them signed.
    expect(timesOn(md, 'Signed: ')).toEqual([Math.max(...signed)]);
    const accepted = timesOn(md, '     - ');
    expect(accepted).toHaveLength(2);
    expect(Math.max(...accepted)).toBeLessThanOrEqual(Math.min(...signed));
    // The record is the agreement only: nothing said in the conversation.
    expect(md).not.toContain(said);

    const record = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement`, undefined, host.token);
    expect(record.status).toBe(200);
    expect(record.json).toMatchObject({ final: true, signedText, signedTextHash: sha256(signedText) });
    expect(record.json.signedAt).toBe(Math.max(...signed));
  });

  it('an unsigned agreement says so and shows no hash', async () => {
    const { host, a } = await couple(srv.url);
    const { clauseId } = await call(a, 'agreement:propose', { text: 'We speak one at a time.' });
    await call(a, 'agreement:accept', { clauseId });

    const res = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, host.token);
    expect(res.status).toBe(200);
    expect(res.text).toContain('**Draft**');
    expect(res.text).toContain('Signed: not signed yet.');
    expect(res.text).toContain('## Signatures\n\nNot signed yet.');
    expect(res.text).toMatch(/Accepted by:\n {5}- Ann, \d{4}-/);
    expect(res.text).not.toContain('sha256');

    const record = await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement`, undefined, host.token);
    expect(record.json).toMatchObject({ final: false, signedAt: null, signedText: null, signedTextHash: null });
    expect((await http(srv.url, 'GET', `/api/rooms/${host.roomId}/agreement`)).status).toBe(401);
  });
});
