import { describe, expect, it } from 'vitest';
import { call, connect, couple, sleep, useServer, type Client } from '../helpers/server.js';

const server = useServer();

const HEATED = 'You are such an idiot, you never listen to anything I say';
const BEN_HEATED = 'You are a selfish liar and you always ruin everything';

type Recorded = Client & { received: [string, unknown][] };

/** What a socket got on connect: its room:state, then anything sent with it (a held review comes right after). */
async function settled(socket: Recorded): Promise<[string, unknown][]> {
  for (let i = 0; i < 100 && !socket.received.some(([e]) => e === 'room:state'); i++) await sleep(20);
  await call(socket, 'history', { sinceSeq: 0 }); // a round trip: whatever came with the connect has arrived
  return socket.received;
}

const heldEvents = (received: [string, unknown][]) => received.filter(([e]) => e === 'message:held');

describe('message:held on connect', () => {
  it('gives a reconnecting sender their own held message, and the other person nothing of it', async () => {
    const { host, guest, a, b } = await couple(server().url);
    const held = await call(a, 'message:send', { clientMsgId: 'h1', text: HEATED });
    expect(held).toMatchObject({ ok: true, status: 'held', clientMsgId: 'h1' });

    // Ann reloads: her new socket gets the review she left open.
    const a2 = await connect(server().url, host.token, { enter: false });
    const got = heldEvents(await settled(a2));
    expect(got).toHaveLength(1);
    expect(got[0][1]).toEqual([{ clientMsgId: 'h1', text: HEATED, review: held.review }]);

    // Ben, connected all along and reconnecting too, never gets Ann's held words.
    const b2 = await connect(server().url, guest.token, { enter: false });
    for (const received of [await settled(b2), await settled(b)]) {
      expect(heldEvents(received)).toEqual([]);
      expect(JSON.stringify(received)).not.toContain('such an idiot');
    }

    // Ben's own held message comes to Ben only, and Ann's list stays hers.
    expect(await call(b, 'message:send', { clientMsgId: 'h2', text: BEN_HEATED })).toMatchObject({ status: 'held' });
    const b3 = await connect(server().url, guest.token, { enter: false });
    const bens = heldEvents(await settled(b3));
    expect(bens.map(([, list]) => (list as { clientMsgId: string }[]).map((h) => h.clientMsgId))).toEqual([['h2']]);
    expect(JSON.stringify(b3.received)).not.toContain('such an idiot');
    const a3 = await connect(server().url, host.token, { enter: false });
    const anns = heldEvents(await settled(a3));
    expect(JSON.stringify(anns)).not.toContain('selfish liar');
    expect(JSON.stringify(a3.received)).not.toContain('selfish liar');
  });

  it('sends nothing once the held message is resolved', async () => {
    const { host, a } = await couple(server().url);
    await call(a, 'message:send', { clientMsgId: 'h1', text: HEATED });
    const discarded = await call(a, 'message:resolve', { clientMsgId: 'h1', action: 'discard' });
    expect(discarded).toMatchObject({ ok: true, status: 'discarded' });
    const a2 = await connect(server().url, host.token, { enter: false });
    expect(heldEvents(await settled(a2))).toEqual([]);
  });
});
