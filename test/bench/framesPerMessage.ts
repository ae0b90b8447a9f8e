/**
 * Socket.io events per delivered message, summed over a room's sockets, for each tree's built server
 * (dist/server/main.js, file store in a fresh DATA_DIR, local facilitator, as test/bench/cpuPerMessage.ts
 * starts it): ROOMS family rooms of 3 in open mode, each person in turn sending N calm messages, one at a
 * time; every event each socket receives is counted by name (the facilitator's by kind), and the acks.
 *   npx tsx test/bench/framesPerMessage.ts [tree ...]   (default: this tree; build each tree first)
 * ROOMS (20), N (30). Bare socket.io sends 3 per message in a room of 3: the message to the 2 others, the ack.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';

const trees = process.argv.slice(2).length ? process.argv.slice(2) : [process.cwd()];
const ROOMS = Number(process.env.ROOMS ?? 20);
const N = Number(process.env.N ?? 30);
const CALM = [
  'Can we talk about the schedule for next week?',
  'I felt hurt when the plans changed without me. Could we decide together next time?',
  'I would like us to take turns picking up the kids from school.',
  'Thank you for listening, that helps me a lot.',
  'I need a bit more notice when you invite people over.',
  'Could we set a budget for the holidays this year?',
  'I understand that work has been stressful lately.',
  'My worry is that we keep having the same argument about chores.',
  'I agree that the mornings are the hardest part of the day.',
  'Would it help if I cooked on Tuesdays and Thursdays?',
  'I appreciate that you called my mother last week.',
];

async function start(tree: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: tree,
    env: {
      ...process.env,
      REDIS_URL: '',
      OPENAI_API_KEY: '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'error',
      RATE_LIMIT_FACTOR: '1000000',
      FACILITATOR: 'local',
      WARM_UP_SECONDS: '0',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'frames-bench-')),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
  });
  return { child, url };
}

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
  const { child, url } = await start(tree);
  const counts = await count(url);
  const messages = ROOMS * N;
  const total = Object.entries(counts)
    .filter(([k]) => !k.startsWith(' '))
    .reduce((sum, [, v]) => sum + v, 0);
  console.log(`${tree}: ${(total / messages).toFixed(2)} events per message (sum over the room's 3 sockets)`);
  for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k}\t${(v / messages).toFixed(3)}`);
  child.kill();
}
