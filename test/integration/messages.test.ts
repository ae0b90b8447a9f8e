import { describe, expect, it } from 'vitest';
import {
  call,
  closeClients,
  connect,
  couple,
  createRoom,
  invite,
  joinRoom,
  next,
  startServer,
  useServer,
} from '../helpers/server.js';

const server = useServer();

const HEATED = 'You are such an idiot, you never listen to anything I say';
const THREAT = 'I will hurt you if you do that again';

describe('message:send', () => {
  it('delivers a calm message with a sequence number, to everyone, stored before broadcast', async () => {
    const { a, b } = await couple(server().url);
    const seen = next(b, 'message');
    const ack = await call(a, 'message:send', {
      clientMsgId: 'c1',
      text: '  I would like us to talk about the weekend.  ',
    });
    expect(ack).toMatchObject({ ok: true, status: 'delivered', seq: expect.any(Number) });
    const got = await seen;
    expect(got).toMatchObject({
      seq: ack.seq,
      clientMsgId: 'c1',
      text: 'I would like us to talk about the weekend.',
      reworded: false,
    });
    const history = await call(b, 'history', { sinceSeq: 0 });
    expect(history.messages.some((m: any) => m.seq === ack.seq && m.type === 'message')).toBe(true);
  });

  it('gives the sender their message in the ack, not again as an event; their other connections get it', async () => {
    const { host, a, b } = await couple(server().url);
    const tab = await connect(server().url, host.token);
    const inOtherTab = next(tab, 'message', (m: any) => m.clientMsgId === 'once');
    const atB = next(b, 'message', (m: any) => m.clientMsgId === 'once');
    const ack = await call(a, 'message:send', { clientMsgId: 'once', text: 'I can do Saturday mornings.' });
    expect(ack.message).toMatchObject({ seq: ack.seq, clientMsgId: 'once', text: 'I can do Saturday mornings.' });
    expect(await inOtherTab).toMatchObject({ seq: ack.seq });
    expect(await atB).toMatchObject({ seq: ack.seq });
    // A later message from b reaches a after the broadcast of 'once' would have: a got no copy of its own.
    const fromB = next(a, 'message', (m: any) => m.clientMsgId === 'later');
    await call(b, 'message:send', { clientMsgId: 'later', text: 'Saturday works for me too.' });
    await fromB;
    expect(a.received.filter(([e, p]: any) => e === 'message' && p.clientMsgId === 'once')).toHaveLength(0);
  });

  it('delivers a retry with the same clientMsgId once', async () => {
    const { a, b } = await couple(server().url);
    const first = await call(a, 'message:send', { clientMsgId: 'same', text: 'Hello there' });
    const second = await call(a, 'message:send', { clientMsgId: 'same', text: 'Hello there' });
    expect(second).toMatchObject({ ok: true, status: 'delivered', seq: first.seq });
    const history = await call(b, 'history', { sinceSeq: 0 });
    expect(history.messages.filter((m: any) => m.clientMsgId === 'same')).toHaveLength(1);
    expect(b.received.filter(([e, p]: any) => e === 'message' && p.clientMsgId === 'same')).toHaveLength(1);
  });

  it('gives numbers in order under concurrent senders', async () => {
    const { a, b } = await couple(server().url);
    const acks = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(i % 2 ? a : b, 'message:send', { clientMsgId: `n${i}`, text: `Here is my point, part ${i} of 20` }),
      ),
    );
    const seqs = acks.map((x) => x.seq).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(20);
    const history = await call(a, 'history', { sinceSeq: 0 });
    const numbers = history.messages.map((m: any) => m.seq);
    expect(numbers).toEqual([...numbers].sort((x: number, y: number) => x - y));
  });

  it('sends room:state only when something people see changes, not with every calm message', async () => {
    const { a, b } = await couple(server().url);
    const warm = next(b, 'message', (m: any) => m.clientMsgId === 'warm-up');
    await call(a, 'message:send', { clientMsgId: 'warm-up', text: 'Hi, thank you for coming.' });
    await warm;
    const before = b.received.filter(([e]) => e === 'room:state').length;
    const last = next(b, 'message', (m: any) => m.clientMsgId === 'calm5');
    for (let i = 0; i < 6; i++) {
      await call(i % 2 ? a : b, 'message:send', {
        clientMsgId: `calm${i}`,
        text: `I would like to talk about the weekend, part ${i}.`,
      });
    }
    await last;
    // Only the shown heat (in steps of 0.1) may have moved, once or twice.
    expect(b.received.filter(([e]) => e === 'room:state').length - before).toBeLessThanOrEqual(2);
    // A visible change still goes out.
    const changed = next(b, 'room:state', (s: any) => s.mode === 'round');
    expect(await call(a, 'room:mode', { mode: 'round' })).toMatchObject({ ok: true });
    await changed;
  });

  it('refuses bad input with clear codes and keeps the connection', async () => {
    const { a } = await couple(server().url);
    expect(await call(a, 'message:send', { clientMsgId: 'x', text: 'a'.repeat(4001) })).toMatchObject({
      ok: false,
      error: { code: 'too_long' },
    });
    expect(await call(a, 'message:send', { clientMsgId: 'x', text: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'message:send', { text: 'no id' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'message:send', { clientMsgId: 5, text: 7 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'message:send', 'just a string')).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'history', { sinceSeq: -4 })).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    const longest = 'We can talk about the weekend plans together. '.repeat(100).slice(0, 4000);
    expect(await call(a, 'message:send', { clientMsgId: 'ok', text: longest })).toMatchObject({
      ok: true,
      status: 'delivered',
    });
    expect(a.connected).toBe(true);
  });

  it('does not let observers write to the room', async () => {
    const { host } = await couple(server().url);
    const code = await invite(server().url, host, 'observer');
    const observer = await joinRoom(server().url, host.roomId, code, 'Olive');
    const o = await connect(server().url, observer.token);
    expect(await call(o, 'message:send', { clientMsgId: 'o1', text: 'Hello' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('rate limits a flood of messages per participant', async () => {
    const limited = await startServer({ rateLimitFactor: 1 });
    try {
      const { a } = await couple(limited.url);
      const acks = await Promise.all(
        Array.from({ length: 25 }, (_, i) => call(a, 'message:send', { clientMsgId: `f${i}`, text: `Flood ${i}` })),
      );
      expect(acks.filter((x) => x.ok)).not.toHaveLength(0);
      expect(acks.filter((x) => !x.ok && x.error.code === 'rate_limited').length).toBeGreaterThan(0);
    } finally {
      closeClients();
      await limited.close();
    }
  });
});

describe('held messages', () => {
  it('holds a heated message for the sender only, with labels, spans and suggestions', async () => {
    const { a, b } = await couple(server().url);
    const ack = await call(a, 'message:send', { clientMsgId: 'h1', text: HEATED });
    expect(ack).toMatchObject({ ok: true, status: 'held' });
    const { review } = ack;
    expect(review.labels).toContain('insult');
    expect(review.originalAllowed).toBe(true);
    expect(review.suggestions.length).toBeGreaterThanOrEqual(1);
    expect(review.suggestions.length).toBeLessThanOrEqual(3);
    const insult = review.spans.find((s: any) => s.label === 'insult');
    expect(HEATED.slice(insult.start, insult.end).toLowerCase()).toContain('idiot');
    // Retrying the same send returns the same review, not a second hold.
    expect(await call(a, 'message:send', { clientMsgId: 'h1', text: HEATED })).toMatchObject({
      status: 'held',
      review,
    });
    const history = await call(b, 'history', { sinceSeq: 0 });
    expect(JSON.stringify(history.messages)).not.toContain('idiot');
    expect(JSON.stringify(b.received)).not.toContain('idiot');
  });

  it('reads the other person named or called "my husband" in the room as the one addressed', async () => {
    const { a } = await couple(server().url);
    expect(await call(a, 'message:send', { clientMsgId: 'r1', text: 'My husband is lazy and selfish' })).toMatchObject({
      status: 'held',
      review: { labels: expect.arrayContaining(['insult']) },
    });
    expect(await call(a, 'message:send', { clientMsgId: 'r2', text: 'Ben is such a liar' })).toMatchObject({
      status: 'held',
    });
    expect(
      await call(a, 'message:send', { clientMsgId: 'r3', text: 'I wish my partner would help more with the kids.' }),
    ).toMatchObject({ status: 'delivered' });
  });

  it('sends a chosen suggestion as a reworded message', async () => {
    const { a, b } = await couple(server().url);
    const held = await call(a, 'message:send', { clientMsgId: 'h2', text: HEATED });
    const seen = next(b, 'message', (m: any) => m.clientMsgId === 'h2');
    const sent = await call(a, 'message:resolve', { clientMsgId: 'h2', action: 'suggestion', index: 0 });
    expect(sent).toMatchObject({ ok: true, status: 'delivered' });
    const got = await seen;
    expect(got).toMatchObject({ text: held.review.suggestions[0], reworded: true, seq: sent.seq });
    // Resolving again answers as before and delivers nothing new.
    expect(await call(a, 'message:resolve', { clientMsgId: 'h2', action: 'suggestion', index: 0 })).toMatchObject({
      status: 'delivered',
      seq: sent.seq,
    });
  });

  it('scores an edit again: still heated stays held, calm is delivered', async () => {
    const { a } = await couple(server().url);
    await call(a, 'message:send', { clientMsgId: 'h3', text: HEATED });
    const again = await call(a, 'message:resolve', {
      clientMsgId: 'h3',
      action: 'edit',
      text: 'You are a stupid idiot',
    });
    expect(again).toMatchObject({ ok: true, status: 'held' });
    const calm = await call(a, 'message:resolve', {
      clientMsgId: 'h3',
      action: 'edit',
      text: 'I feel unheard when I am interrupted.',
    });
    expect(calm).toMatchObject({
      ok: true,
      status: 'delivered',
      message: { reworded: true, text: 'I feel unheard when I am interrupted.' },
    });
  });

  it('sends the original where allowed, and discards on request', async () => {
    const { a, b } = await couple(server().url);
    await call(a, 'message:send', { clientMsgId: 'h4', text: HEATED });
    const original = await call(a, 'message:resolve', { clientMsgId: 'h4', action: 'original' });
    expect(original).toMatchObject({ ok: true, status: 'delivered', message: { text: HEATED, reworded: false } });
    await call(b, 'message:send', { clientMsgId: 'h5', text: 'Shut up, you stupid idiot' });
    expect(await call(b, 'message:resolve', { clientMsgId: 'h5', action: 'discard' })).toMatchObject({
      ok: true,
      status: 'discarded',
    });
    expect(await call(b, 'message:resolve', { clientMsgId: 'h5', action: 'original' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses bad resolutions clearly', async () => {
    const { a } = await couple(server().url);
    expect(await call(a, 'message:resolve', { clientMsgId: 'nope', action: 'discard' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    await call(a, 'message:send', { clientMsgId: 'h6', text: HEATED });
    expect(await call(a, 'message:resolve', { clientMsgId: 'h6', action: 'suggestion', index: 9 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'message:resolve', { clientMsgId: 'h6', action: 'edit' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
    expect(await call(a, 'message:resolve', { clientMsgId: 'h6', action: 'shout' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });

  it('never delivers a threat as written, tells the host without the text, and pauses the room', async () => {
    const { a, b } = await couple(server().url);
    const headsUp = next(a, 'facilitator', (f: any) => f.kind === 'safety');
    const held = await call(b, 'message:send', { clientMsgId: 't1', text: THREAT });
    expect(held).toMatchObject({ ok: true, status: 'held', review: { originalAllowed: false } });
    expect(held.review.labels).toContain('threat');
    expect(held.review.safety).toMatch(/emergency/);
    expect(await call(b, 'message:resolve', { clientMsgId: 't1', action: 'original' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
    const notice = await headsUp;
    expect(notice.text).toContain('Ben');
    expect(notice.text).not.toContain('hurt you');
    expect(notice.visibleTo).toEqual([expect.any(String)]);
    // Only the host saw the heads-up; the room is on a break.
    expect(b.received.some(([e, p]: any) => e === 'facilitator' && p.kind === 'safety')).toBe(false);
    expect(await call(a, 'message:send', { clientMsgId: 'after', text: 'Are you okay?' })).toMatchObject({
      ok: false,
      error: { code: 'on_break' },
    });
    expect(JSON.stringify(a.received)).not.toContain('hurt you');
  });

  it('never delivers self-harm as written and offers help to the sender', async () => {
    const { b } = await couple(server().url);
    const held = await call(b, 'message:send', { clientMsgId: 's1', text: 'I just want to kill myself' });
    expect(held.review).toMatchObject({ originalAllowed: false, labels: expect.arrayContaining(['self_harm']) });
    expect(held.review.safety).toMatch(/crisis line|emergency/);
    expect(await call(b, 'message:resolve', { clientMsgId: 's1', action: 'original' })).toMatchObject({
      ok: false,
      error: { code: 'not_allowed' },
    });
  });
});

describe('history and reconnecting', () => {
  it('catches a reconnecting client up from its last sequence number', async () => {
    const { a, b, guest } = await couple(server().url);
    const first = await call(a, 'message:send', { clientMsgId: 'r1', text: 'First point' });
    b.disconnect();
    await call(a, 'message:send', { clientMsgId: 'r2', text: 'Second point' });
    await call(a, 'message:send', { clientMsgId: 'r3', text: 'Third point' });
    const back = await connect(server().url, guest.token);
    const missed = await call(back, 'history', { sinceSeq: first.seq });
    expect(missed.messages.filter((m: any) => m.type === 'message').map((m: any) => m.text)).toEqual([
      'Second point',
      'Third point',
    ]);
  });

  it('refuses a forged token on connect', async () => {
    await expect(connect(server().url, 'forged-token-forged-token-forged')).rejects.toThrow(/unauthorized/);
    await expect(connect(server().url, '')).rejects.toThrow(/unauthorized/);
  });

  it('answers events sent without a payload or an acknowledgement without crashing', async () => {
    const host = await createRoom(server().url);
    const a = await connect(server().url, host.token);
    (a as any).emit('message:send');
    (a as any).emit('floor:yield', { nonsense: true });
    const state = await (a as any).timeout(5000).emitWithAck('room:state');
    expect(state).toMatchObject({ ok: true, state: { roomId: host.roomId } });
  });

  it('answers an event it does not know with not_found rather than leaving the ack waiting', async () => {
    const host = await createRoom(server().url);
    const a = await connect(server().url, host.token);
    expect(await call(a, 'message:sendd', { clientMsgId: 'x', text: 'typo in the event name' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await (a as any).timeout(5000).emitWithAck('constructor')).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(a.connected).toBe(true);
  });
});
