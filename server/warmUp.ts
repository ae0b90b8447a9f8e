import { io as connectSocket, type Socket } from 'socket.io-client';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { forgetAnalyses } from './analysis/index.js';
import { forgetCalmVerdicts } from './facilitator/calmVerdicts.js';
import { MemoryStore } from './store/memory.js';

/** Everyday sentences the analyzer lets through, so the throwaway room stays out of a break. */
const SENTENCES = [
  'Can we talk about the schedule for next week?',
  'I would like us to take turns picking up the kids from school.',
  'Thank you for listening, that helps me a lot.',
  'Could we set a budget for the holidays this year?',
  'I understand that work has been stressful lately.',
  'I agree that the mornings are the hardest part of the day.',
  'Would it help if I cooked on Tuesdays and Thursdays?',
  'I appreciate that you called my mother last week.',
];
const PEOPLE = 3;
const IN_FLIGHT = 6;

/** What the room endpoints answer that the warm-up reads. */
type Answer = { roomId: string; token: string; inviteCode: string };

async function post(url: string, path: string, body: unknown, token?: string): Promise<Answer> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`warm-up ${path}: ${res.status}`);
  return (await res.json()) as Answer;
}

async function enter(url: string, token: string): Promise<Socket> {
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
  await socket.timeout(5000).emitWithAck('room:enter', {});
  return socket;
}

/**
 * No cold start: a freshly started server answered its first seconds of messages 10-100x slower than
 * the rest (the JIT had not compiled the hot path, the analyzer's models and the facilitator had never
 * run). Before the real server listens, this runs real messages through a private copy of the app -
 * its own memory store and the local facilitator (never the network, never the real store), on a free
 * port of 127.0.0.1 - for at most `ms`: HTTP, the socket gateway, the pipeline, the analyzer, the
 * facilitator and socket.io's encoding all run their compiled code from the first real message on.
 * Returns the messages sent.
 */
export async function warmUp(config: Config, ms = config.warmUpMs): Promise<number> {
  if (ms <= 0) return 0;
  const app = createApp(
    {
      ...config,
      port: 0,
      host: '127.0.0.1',
      publicUrl: undefined,
      staticDir: undefined,
      redisUrl: undefined,
      facilitator: 'local',
      rateLimitFactor: 1e6,
    },
    { store: new MemoryStore() },
  );
  const sockets: Socket[] = [];
  let sent = 0;
  try {
    const url = await app.listen();
    const host = await post(url, '/api/rooms', { kind: 'family', name: 'Warm', mode: 'open' });
    const tokens: string[] = [host.token];
    for (let i = 1; i < PEOPLE; i++) {
      const invite = await post(url, `/api/rooms/${host.roomId}/invites`, { role: 'participant' }, host.token);
      tokens.push(
        (await post(url, `/api/rooms/${host.roomId}/join`, { inviteCode: invite.inviteCode, name: `Up ${i}` })).token,
      );
    }
    for (const token of tokens) sockets.push(await enter(url, token));
    const until = Date.now() + ms;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (Date.now() < until) {
          const n = sent++;
          const answer = await sockets[n % PEOPLE]
            .timeout(2000)
            .emitWithAck('message:send', { clientMsgId: `warm-${n}`, text: SENTENCES[n % SENTENCES.length] })
            .catch(() => undefined);
          // Anything but a delivery (a break, a hold) stops this room's traffic: warm enough.
          if (answer?.status !== 'delivered') return;
        }
      }),
    );
  } finally {
    for (const socket of sockets) socket.disconnect();
    await app.close();
    // The throwaway room's words leave no trace in the process-wide caches.
    forgetAnalyses();
    forgetCalmVerdicts();
  }
  return sent;
}
