import { afterAll, afterEach, beforeAll } from 'vitest';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { createApp, type App, type AppParts } from '../../server/app.js';
import { testConfig, type Config } from '../../server/config.js';
import type {
  ClientToServerEvents,
  CreateRoomResponse,
  JoinResponse,
  ServerToClientEvents,
} from '../../shared/protocol.js';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer {
  app: App;
  url: string;
  close(): Promise<void>;
}

/** A real app on a free port of 127.0.0.1, with rate limits raised unless a test sets them. */
export async function startServer(overrides: Partial<Config> = {}, parts: AppParts = {}): Promise<TestServer> {
  const app = createApp(testConfig({ rateLimitFactor: 100, ...overrides }), parts);
  const url = await app.listen();
  return { app, url, close: () => app.close() };
}

export async function http(url: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, json, text, headers: res.headers };
}

export async function createRoom(
  url: string,
  body: Record<string, unknown> = { kind: 'couple', name: 'Ann' },
): Promise<CreateRoomResponse> {
  const res = await http(url, 'POST', '/api/rooms', body);
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.json;
}

export async function joinRoom(url: string, roomId: string, inviteCode: string, name: string): Promise<JoinResponse> {
  const res = await http(url, 'POST', `/api/rooms/${roomId}/join`, { inviteCode, name });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return res.json;
}

export async function invite(url: string, host: CreateRoomResponse, role: string): Promise<string> {
  const res = await http(url, 'POST', `/api/rooms/${host.roomId}/invites`, { role }, host.token);
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${res.text}`);
  return res.json.inviteCode;
}

const open: Client[] = [];

export interface ConnectOptions {
  /**
   * Enter the joint conversation once connected (`room:enter`), as a person does with "Enter the conversation"
   * when ready; mediators and observers have no preparation, and for them this does nothing. Default true:
   * most tests are about the conversation. `false` leaves a party in their preparation.
   */
  enter?: boolean;
}

/** A connected socket.io client; every event it receives is recorded in `received`. */
export async function connect(
  url: string,
  token: string,
  options: ConnectOptions = {},
): Promise<Client & { received: [string, unknown][] }> {
  const socket = connectSocket(url, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
  }) as Client & {
    received: [string, unknown][];
  };
  socket.received = [];
  socket.onAny((event, payload) => socket.received.push([event, payload]));
  open.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  if (options.enter ?? true) await enterIfParty(socket);
  return socket;
}

/** `room:enter` for a party; a mediator's or observer's refusal (they have no preparation) is expected. */
async function enterIfParty(socket: Client): Promise<void> {
  const ack = await call(socket, 'room:enter');
  if (!ack.ok && ack.error.code !== 'not_allowed') throw new Error(`enter failed: ${JSON.stringify(ack.error)}`);
}

export function closeClients(): void {
  for (const s of open.splice(0)) s.disconnect();
}

/**
 * Emits with an acknowledgement, failing after a timeout rather than hanging. A test that needs an
 * answer within a bound passes it as `timeoutMs`: no answer by then rejects the call.
 */
export async function call(socket: Client, event: string, payload: unknown = {}, timeoutMs = 5000): Promise<any> {
  return (socket as any).timeout(timeoutMs).emitWithAck(event, payload);
}

/** The next `event` matching `test`, or a rejection after `ms`. */
export function next<T = any>(
  socket: Client,
  event: string,
  test: (p: T) => boolean = () => true,
  ms = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      (socket as any).off(event, on);
      reject(new Error(`no ${event} within ${ms} ms`));
    }, ms);
    const on = (p: T) => {
      if (!test(p)) return;
      clearTimeout(timer);
      (socket as any).off(event, on);
      resolve(p);
    };
    (socket as any).on(event, on);
  });
}

/** A couple's room with both partners connected and in the joint conversation. */
export async function couple(url: string, mode = 'open') {
  const host = await createRoom(url, { kind: 'couple', name: 'Ann', mode });
  const guest = await joinRoom(url, host.roomId, host.inviteCode, 'Ben');
  const a = await connect(url, host.token);
  const b = await connect(url, guest.token);
  return { host, guest, a, b };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One app for a whole test file: started before the tests, closed after, clients closed after
 * each test. Returns a getter because the server exists only once beforeAll has run.
 */
export function useServer(overrides: Partial<Config> = {}): () => TestServer {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startServer(overrides);
  });
  afterAll(() => srv.close());
  afterEach(() => closeClients());
  return () => srv;
}
