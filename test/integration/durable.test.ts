import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FileStore } from '../../server/store/file/fileStore.js';
import { call, closeClients, connect, couple, http, startServer, type TestServer } from '../helpers/server.js';

/**
 * The file store through the whole app: what was acknowledged before a stop, or a kill -9, is there
 * after the start that follows (rooms, messages, tokens, preparation, the signed agreement).
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mr-durable-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
afterEach(() => closeClients());

const history = async (url: string, token: string) => {
  const c = await connect(url, token);
  const out = await call(c, 'history', { sinceSeq: 0 });
  c.disconnect();
  return (out.messages as { seq: number; text?: string }[]).map((m) => `${m.seq}:${m.text ?? ''}`);
};

/** A couple's room with two messages, a preparation note and a signed agreement; what a restart must keep. */
async function session(url: string) {
  const { host, guest, a, b } = await couple(url);
  expect(
    await call(a, 'message:send', { clientMsgId: 'a1', text: 'Could you text me if plans change?' }),
  ).toMatchObject({ ok: true });
  expect(await call(b, 'message:send', { clientMsgId: 'b1', text: 'Yes, I can do that.' })).toMatchObject({ ok: true });
  expect(await call(a, 'prep:send', { text: 'I felt alone at dinner.' })).toMatchObject({ ok: true });
  const { clauseId } = await call(a, 'agreement:propose', { text: 'We text each other if plans change.' });
  expect(await call(a, 'agreement:accept', { clauseId })).toMatchObject({ ok: true });
  expect(await call(b, 'agreement:accept', { clauseId })).toMatchObject({ ok: true, status: 'agreed' });
  expect(await call(a, 'agreement:sign')).toMatchObject({ ok: true, final: false });
  expect(await call(b, 'agreement:sign')).toMatchObject({ ok: true, final: true });
  const md = (await http(url, 'GET', `/api/rooms/${host.roomId}/agreement.md`, undefined, guest.token)).text;
  expect(md).toMatch(/sha256 of the signed text: [0-9a-f]{64}/);
  return { host, guest, md, log: await history(url, host.token) };
}

/** What the room holds now, as its people would see it. */
async function readBack(url: string, s: Awaited<ReturnType<typeof session>>) {
  const view = await http(url, 'GET', `/api/rooms/${s.host.roomId}`, undefined, s.guest.token);
  expect(view.status).toBe(200);
  const md = (await http(url, 'GET', `/api/rooms/${s.host.roomId}/agreement.md`, undefined, s.guest.token)).text;
  const prep = await connect(url, s.host.token, { enter: false });
  const notes = await call(prep, 'prep:history');
  prep.disconnect();
  return { md, log: await history(url, s.host.token), notes: JSON.stringify(notes) };
}

describe('the file store across a restart', () => {
  it('keeps rooms, messages, preparation and the signed agreement after a stop and a start', async () => {
    const dir = path.join(root, 'stop');
    let srv: TestServer = await startServer({}, { store: await FileStore.open(dir) });
    const s = await session(srv.url);
    const before = await readBack(srv.url, s);
    expect(before.log.length).toBeGreaterThanOrEqual(2);
    closeClients();
    await srv.close();

    srv = await startServer({}, { store: await FileStore.open(dir) });
    try {
      const after = await readBack(srv.url, s);
      expect(after).toEqual(before);
      expect(after.md).toBe(s.md);
      expect(after.notes).toContain('I felt alone at dinner.');
      // The room goes on where it stopped: the next message is numbered after the last.
      const a = await connect(srv.url, s.host.token);
      const sent = await call(a, 'message:send', { clientMsgId: 'a2', text: 'Thank you for keeping this.' });
      expect(sent.entry?.seq ?? sent.seq).toBeGreaterThan(Number(before.log.at(-1)?.split(':')[0]));
    } finally {
      await srv.close();
    }
  });
});

/** The real server in a child process, on a free port, with the file store in `dir`. */
async function child(dir: string): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, STORE: '', REDIS_URL: '', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stderr?.on('data', (d) => {
    out += String(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout?.on('data', (d) => {
      out += String(d);
      const m = /running at (http:\/\/\S+) /.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`the server exited (${code}): ${out}`)));
  });
  return { proc, url };
}

const exited = (proc: ChildProcess) => new Promise((r) => proc.once('exit', r));

describe('the file store after kill -9', () => {
  it('loses no acknowledged message, preparation or signature', async () => {
    const dir = path.join(root, 'kill');
    const first = await child(dir);
    let second: Awaited<ReturnType<typeof child>> | undefined;
    try {
      const s = await session(first.url);
      const before = await readBack(first.url, s);
      const stopped = exited(first.proc);
      first.proc.kill('SIGKILL');
      await stopped;
      closeClients();
      // The lock the killed process left is taken over: its process is gone.
      second = await child(dir);
      const after = await readBack(second.url, s);
      expect(after).toEqual(before);
      expect(after.md).toBe(s.md);
    } finally {
      first.proc.kill('SIGKILL');
      second?.proc.kill('SIGTERM');
      if (second) await exited(second.proc);
    }
  });
});
