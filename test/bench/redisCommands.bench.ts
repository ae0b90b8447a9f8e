/**
 * Redis commands per delivered message (issue 13), run by hand, not part of `npm run bench`:
 *
 *   npx tsx test/bench/redisCommands.bench.ts
 *
 * A couple's room on a private redis-server; MESSAGES calm messages sent one after another over the real
 * protocol; the commands the app's store sends (counted on the client, a script is one command), divided by
 * the number of messages, and Redis's own count (INFO stats, commands inside scripts included). Everything
 * the store does counts: the facilitator's words too.
 */
import { Redis } from 'ioredis';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createApp } from '../../server/app.js';
import { RedisStore } from '../../server/cluster/redisStore.js';
import { testConfig } from '../../server/config.js';
import { startRedisServer } from '../helpers/redisServer.js';

const MESSAGES = Number(process.env.MESSAGES ?? 600);
const TEXTS = [
  'Can we talk about the schedule for next week?',
  'I would like us to take turns picking up the kids from school.',
  'Thank you for listening, that helps me a lot.',
  'Could we set a budget for the holidays this year?',
  'I agree that the mornings are the hardest part of the day.',
  'Would it help if I cooked on Tuesdays and Thursdays?',
];

async function post(url: string, path: string, body: unknown): Promise<any> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

async function party(url: string, token: string): Promise<Socket> {
  const socket = connectSocket(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  await socket.timeout(10_000).emitWithAck('room:enter', {});
  return socket;
}

async function stats(raw: Redis): Promise<{ total: number; byName: Map<string, number> }> {
  const info = await raw.info('stats');
  const total = Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? 0);
  const byName = new Map<string, number>();
  for (const m of (await raw.info('commandstats')).matchAll(/cmdstat_(\w+):calls=(\d+)/g))
    byName.set(m[1], Number(m[2]));
  return { total, byName };
}

/** Commands sent by the app's connections, by name (evalsha: a script). */
const sent = new Map<string, number>();
const send = Redis.prototype.sendCommand;
Redis.prototype.sendCommand = function (this: Redis, command: Parameters<typeof send>[0], stream?: never) {
  sent.set(command.name, (sent.get(command.name) ?? 0) + 1);
  return send.call(this, command, stream);
} as typeof send;

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const store = await new RedisStore(redis.url, 'cmds:').ready();
  const app = createApp(testConfig({ port: 0, host: '127.0.0.1', rateLimitFactor: 1e6, logLevel: 'silent' }), {
    store,
  });
  const url = await app.listen();
  const host = await post(url, '/api/rooms', { kind: 'couple', name: 'Ann', mode: 'open' });
  const guest = await post(url, `/api/rooms/${host.roomId}/join`, { inviteCode: host.inviteCode, name: 'Ben' });
  const [a, b] = await Promise.all([party(url, host.token), party(url, guest.token)]);
  const raw = new Redis(redis.url);
  const settle = async () => {
    await (app.rooms as { settled?: () => Promise<void> }).settled?.();
    await new Promise((r) => setTimeout(r, 200));
  };
  await settle();
  const before = await stats(raw);
  const sentBefore = new Map(sent);
  for (let i = 0; i < MESSAGES; i++) {
    const answer = await (i % 2 ? b : a)
      .timeout(10_000)
      .emitWithAck('message:send', { clientMsgId: `c${i}`, text: TEXTS[i % TEXTS.length] });
    if (answer?.status !== 'delivered') throw new Error(`not delivered: ${JSON.stringify(answer)}`);
  }
  await settle();
  const after = await stats(raw);
  const per = (n: number) => Math.round((n / MESSAGES) * 100) / 100;
  const perName = (now: Map<string, number>, then: Map<string, number>, skip: string[]) =>
    Object.fromEntries(
      [...now]
        .filter(([name]) => !skip.includes(name))
        .map(([name, n]) => [name, per(n - (then.get(name) ?? 0))] as const)
        .filter(([, n]) => n > 0)
        .sort((x, y) => y[1] - x[1]),
    );
  const fromApp = perName(sent, sentBefore, ['info']);
  console.log(
    JSON.stringify({
      messages: MESSAGES,
      appCommandsPerMessage: per(Object.values(fromApp).reduce((x, y) => x + y, 0) * MESSAGES),
      fromApp,
      // INFO itself is counted once per stats() call: two of them.
      redisCommandsPerMessage: per(after.total - before.total - 2),
      inRedis: perName(after.byName, before.byName, ['info']),
    }),
  );
  a.disconnect();
  b.disconnect();
  raw.disconnect();
  await app.close();
  await redis.stop();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
