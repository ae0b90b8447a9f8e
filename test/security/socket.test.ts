import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { io as connectSocket } from 'socket.io-client';
import { call, couple, sleep, startServer, useServer } from '../helpers/server.js';

/**
 * Issue 8, socket.io / engine.io surface: unauthenticated connections are capped per address and
 * closed when they do not authenticate, binary attachments are refused, packets are small.
 */
const server = useServer();

const ATTACKERS = 500;
/** Sent before any token: announces one binary attachment that never comes. */
const PARKED_BINARY = '451-["message:send",{"_placeholder":true,"num":0}]';

interface Raw {
  ws: WebSocket;
  outcome: Promise<'open' | 'refused'>;
  closed: Promise<void>;
}

/** A bare engine.io v4 WebSocket connection, with no socket.io token. */
function rawEngine(url: string): Raw {
  const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  const outcome = new Promise<'open' | 'refused'>((resolve) => {
    // The engine.io open packet ("0{...sid...}") means the server took the connection.
    ws.once('message', (data) => resolve(String(data).startsWith('0') ? 'open' : 'refused'));
    ws.once('unexpected-response', () => resolve('refused'));
    ws.once('error', () => resolve('refused'));
    ws.once('close', () => resolve('refused'));
  });
  return { ws, outcome, closed };
}

const within = <T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

describe('engine.io admission (unauthenticated)', () => {
  it(`refuses most of ${ATTACKERS} token-less connections from one address; parks no attachment`, async () => {
    const raws = Array.from({ length: ATTACKERS }, () => rawEngine(server().url));
    const outcomes = await Promise.all(raws.map((r) => r.outcome));
    const opened = raws.filter((_, i) => outcomes[i] === 'open');
    const refused = outcomes.filter((o) => o === 'refused').length;
    // A few may sign in at once (MAX_PENDING_PER_ADDRESS); the rest are refused at the handshake.
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBeLessThanOrEqual(20);
    expect(refused).toBeGreaterThanOrEqual(ATTACKERS - 20);

    // Each open one tries to park an attachment: every such connection is closed, none is kept.
    for (const r of opened) r.ws.send(PARKED_BINARY);
    const closes = await Promise.all(opened.map((r) => within(r.closed, 3000)));
    expect(closes.filter((c) => c === 'timeout')).toHaveLength(0);
    for (const r of raws) r.ws.terminate();
    await Promise.all(raws.map((r) => within(r.closed, 2000)));
  });

  it('frees the slots of closed connections, so a real client can connect afterwards', async () => {
    const raws = Array.from({ length: 40 }, () => rawEngine(server().url));
    await Promise.all(raws.map((r) => r.outcome));
    for (const r of raws) r.ws.terminate();
    await Promise.all(raws.map((r) => within(r.closed, 2000)));
    const { a } = await couple(server().url);
    expect(await call(a, 'message:send', { clientMsgId: 'after', text: 'Still here.' })).toMatchObject({ ok: true });
  });

  it('closes a connection that does not authenticate within a few seconds', async () => {
    const raw = rawEngine(server().url);
    expect(await raw.outcome).toBe('open');
    // No socket.io CONNECT with a token follows.
    expect(await within(raw.closed, 8000)).not.toBe('timeout');
  });

  it('closes a connection whose socket.io sign-in failed, rather than keeping it open', async () => {
    const raw = rawEngine(server().url);
    expect(await raw.outcome).toBe('open');
    raw.ws.send('40{"token":"not-a-real-token-not-a-real-token"}');
    expect(await within(raw.closed, 8000)).not.toBe('timeout');
  });

  it('counts unauthenticated connections per forwarded address behind a trusted proxy', async () => {
    const proxied = await startServer({ trustProxyHops: 1 });
    const from = (address: string) =>
      new WebSocket(`${proxied.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, {
        headers: { 'x-forwarded-for': address },
      });
    const settle = (ws: WebSocket) =>
      new Promise<'open' | 'refused'>((resolve) => {
        ws.once('message', () => resolve('open'));
        ws.once('unexpected-response', () => resolve('refused'));
        ws.once('error', () => resolve('refused'));
      });
    try {
      const busy = Array.from({ length: 30 }, () => from('203.0.113.9'));
      const outcomes = await Promise.all(busy.map(settle));
      expect(outcomes.filter((o) => o === 'refused')).toHaveLength(10);
      // Another client behind the same proxy is not held back by the busy one.
      const other = from('198.51.100.7');
      expect(await settle(other)).toBe('open');
      for (const ws of [...busy, other]) ws.terminate();
    } finally {
      await proxied.close();
    }
  });
});

describe('binary attachments (authenticated)', () => {
  it('closes a signed-in connection that sends a binary attachment, with a clear reason', async () => {
    const { a } = await couple(server().url);
    const id = a.id!;
    const reason = new Promise<string>((resolve) => {
      a.once('connect_error', (err: Error) => resolve(`connect_error: ${err.message}`));
      a.once('disconnect', (why: string) => resolve(`disconnect: ${why}`));
    });
    (a as any).emit('message:send', { clientMsgId: 'bin', text: 'hello', blob: Buffer.alloc(1024) });
    const got = await within(reason, 5000);
    expect(got).toMatch(/^connect_error: Binary data is not accepted/);
    // The server dropped the connection, not only the client.
    const deadline = Date.now() + 3000;
    while (server().app.io.sockets.sockets.has(id) && Date.now() < deadline) await sleep(20);
    expect(server().app.io.sockets.sockets.has(id)).toBe(false);
  });

  it('refuses a packet bigger than the largest legitimate one, and accepts a full-length message', async () => {
    const { a } = await couple(server().url);
    // 4000 characters that JSON escapes to six bytes each: the worst legitimate payload.
    const text = `a${'\u0001'.repeat(3998)}b`;
    const ack = await call(a, 'message:send', { clientMsgId: 'long', text });
    expect(ack.ok === true || ack.error?.code !== undefined).toBe(true);
    expect(a.connected).toBe(true);

    const closed = new Promise<string>((resolve) => a.once('disconnect', (why: string) => resolve(why)));
    (a as any).emit('message:send', { clientMsgId: 'huge', text: 'x'.repeat(40 * 1024) });
    expect(await within(closed, 5000)).not.toBe('timeout');
  });

  it('still serves normal use', async () => {
    const { a, b } = await couple(server().url);
    const text = 'I would like us to talk about the weekend.';
    const ack = await call(a, 'message:send', { clientMsgId: 'n1', text });
    expect(ack).toMatchObject({ ok: true, status: 'delivered' });
    expect(await call(b, 'room:state')).toMatchObject({ ok: true });
    // A token-less socket.io client is still told why it cannot connect.
    const anon = connectSocket(server().url, { transports: ['websocket'], forceNew: true, reconnection: false });
    const err = await new Promise<Error>((resolve) => anon.once('connect_error', resolve));
    expect(err.message).toBe('unauthorized');
    anon.disconnect();
  });
});
