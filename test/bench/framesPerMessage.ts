import { io, type Socket } from 'socket.io-client';
import { CALM } from './calmMessages.js';
import { startService } from './serviceChild.js';

const trees = process.argv.slice(2).length ? process.argv.slice(2) : [process.cwd()];
const ROOMS = Number(process.env.ROOMS ?? 20);
const N = Number(process.env.N ?? 30);

async function post(url: string, p: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url + p, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return res.json();
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function count(url: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const add = (k: string) => {
    counts[k] = (counts[k] ?? 0) + 1;
  };
  for (let r = 0; r < ROOMS; r++) {
    const host = await post(url, '/api/rooms', { kind: 'family', name: 'Person 0', mode: 'open' });
    const tokens: string[] = [host.token];
    for (let i = 1; i < 3; i++) {
      const invite = await post(url, `/api/rooms/${host.roomId}/invites`, { role: 'participant' }, host.token);
      tokens.push(
        (await post(url, `/api/rooms/${host.roomId}/join`, { inviteCode: invite.inviteCode, name: `P${i}` })).token,
      );
    }
    const sockets: Socket[] = [];
    for (const token of tokens) {
      const s = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
      await new Promise((res) => s.once('connect', () => res(undefined)));
      await s.emitWithAck('room:enter', {});
      sockets.push(s);
    }
    await pause(300);
    // Counted from here: the messages and what follows them (not the connection and entering).
    for (const s of sockets)
      s.onAny((event: string, payload: { kind?: string } | undefined, after?: unknown) => {
        add(event);
        if (event === 'facilitator') add(`  facilitator ${payload?.kind}`);
        if (event === 'message' && after) add('  message with the heat');
      });
    for (let m = 0; m < N; m++) {
      const answer = await sockets[m % 3].emitWithAck('message:send', {
        clientMsgId: `c${m}`,
        text: CALM[(m + r) % CALM.length],
      });
      add('ack');
      if (answer?.heat !== undefined) add('  ack with the heat');
    }
    await pause(300);
    for (const s of sockets) s.offAny();
    for (const s of sockets) s.disconnect();
  }
  return counts;
}

for (const tree of trees) {
  const { child, url } = await startService(tree, { dirPrefix: 'frames-bench-', env: { WARM_UP_SECONDS: '0' } });
  const counts = await count(url);
  const messages = ROOMS * N;
  const total = Object.entries(counts)
    .filter(([k]) => !k.startsWith(' '))
    .reduce((sum, [, v]) => sum + v, 0);
  console.log(`${tree}: ${(total / messages).toFixed(2)} events per message (sum over the room's 3 sockets)`);
  for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k}\t${(v / messages).toFixed(3)}`);
  child.kill();
}
