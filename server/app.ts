import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { Server } from 'socket.io';
import { AgreementService } from './agreement/index.js';
import { rejectUpgrade } from './agreement/upgrade.js';
import type { Config } from './config.js';
import { metricsRoute } from './http/metricsRoute.js';
import { errorHandler, apiRouter } from './http/routes.js';
import { createFacilitator } from './facilitator/create.js';
import { forgetAnalyses } from './analysis/index.js';
import { forgetCalmVerdicts } from './facilitator/calmVerdicts.js';
import type { FacilitatorEngine } from './facilitator/types.js';
import { PrepService } from './rooms/prep.js';
import { Metrics } from './metrics.js';
import { log, setLogLevel } from './log.js';
import { SocketBroadcaster } from './realtime/broadcaster.js';
import { sealingBroadcaster } from './rooms/transcript/broadcast.js';
import { TranscriptSealer } from './rooms/transcript/sealer.js';
import { admission, AUTH_TIMEOUT_MS, jsonOnlyParser, MAX_SOCKET_PACKET_BYTES } from './limits/admission.js';
import { attachGateway } from './realtime/gateway.js';
import { RateLimits } from './limits/limits.js';
import { realtimeSharing } from './cluster/sharing.js';
import { redeemTicket } from './auth/credentials.js';
import { MessagePipeline } from './rooms/messages/pipeline.js';
import { RoomService } from './rooms/roomService.js';
import { RoomTimers } from './rooms/timers.js';
import { MemoryStore } from './store/memory.js';
import type { Store } from './rooms/ports.js';
import { clientAddress } from './limits/clientAddress.js';

export interface App {
  server: http.Server;
  io: Server;
  store: Store;
  rooms: RoomService;
  /** Resolves with the URL once listening. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface AppParts {
  store?: Store;
  engine?: FacilitatorEngine;
  now?: () => number;
}

/** Between processes: a room was deleted here, forget what you cached of it. */
const PURGE_EVENT = 'room:purge';

/** How often expired rooms are swept (retention). */
const EXPIRY_SWEEP_MS = 60_000;

/** The composition root: builds every part from the config and wires them one way. */
export function createApp(config: Config, parts: AppParts = {}): App {
  setLogLevel(config.logLevel);
  const store = parts.store ?? new MemoryStore();
  const now = parts.now ?? Date.now;
  const sharing = realtimeSharing(config);
  const presence = sharing.presence;
  const limits = new RateLimits(config.rateLimitFactor);
  const metrics: Metrics = new Metrics({
    rooms: () => presence.activeRooms(),
    connections: () => io.engine.clientsCount,
    docs: () => agreement.stats().docs,
  });
  const admit = admission({ limits, metrics, proxyHops: config.trustProxyHops });

  const expressApp = express();
  const server = http.createServer(expressApp);
  // destroyUpgrade: false leaves /yjs upgrades to the agreement endpoint.
  // JSON-only parser, small packets, a handshake limit per address, and a few seconds to authenticate.
  const io = new Server(server, {
    destroyUpgrade: false,
    maxHttpBufferSize: MAX_SOCKET_PACKET_BYTES,
    serveClient: false,
    parser: jsonOnlyParser,
    allowRequest: admit.allowRequest,
    connectTimeout: AUTH_TIMEOUT_MS,
  });
  admit.attach(io);
  sharing.attach(io);
  // A deleted room's words must not linger in any process's analyzer caches: the deleting process
  // clears its own and, over the adapter, tells the others (only the room id crosses).
  const forget = () => {
    forgetAnalyses();
    forgetCalmVerdicts();
  };
  const purgeRoom = (roomId: string) => {
    forget();
    if (config.redisUrl) io.serverSideEmit(PURGE_EVENT, roomId);
  };
  if (config.redisUrl) io.on(PURGE_EVENT, forget);

  const agreement: AgreementService = new AgreementService({
    store,
    authenticate: (ticket) => redeemTicket(store, ticket),
    maxMessageBytes: config.yjsMaxMessageBytes,
    maxDocBytes: config.yjsMaxDocBytes,
    now,
    idleMs: config.docIdleMs,
    rateLimitFactor: config.rateLimitFactor,
    fanout: sharing.docs,
    // Clauses can also arrive through the document itself; the room's phase follows either way.
    onChange: (roomId, snapshot) => void rooms.agreementChanged(roomId, snapshot).catch(() => undefined),
  });
  const engine = parts.engine ?? createFacilitator(config, (reason) => metrics.facilitatorFallbacks.inc({ reason }));

  const timers = new RoomTimers(
    (roomId) => void rooms.tick(roomId).catch((err) => log.error('room tick failed', err)),
    now,
  );
  const transcripts = new TranscriptSealer(store);
  const deps = {
    store,
    engine,
    // Record-mode transcripts are sealed as entries go out (rooms/transcript/).
    broadcast: sealingBroadcaster(new SocketBroadcaster(io as never, presence, purgeRoom), transcripts),
    agreement,
    metrics,
    clock: timers,
    config,
    now,
  };
  const rooms = new RoomService(deps, transcripts);
  const messages = new MessagePipeline(deps, rooms);
  const prep = new PrepService(deps, rooms);
  attachGateway(io as never, {
    store,
    rooms,
    messages,
    prep,
    presence,
    limits,
    metrics,
    proxyHops: config.trustProxyHops,
  });

  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/socket.io/')) return; // socket.io's own (limited in the gateway)
    // Every document connection costs a token lookup: limited per address like socket connections.
    const address = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], config.trustProxyHops);
    if (!limits.allow('connect', `yjs:${address}`)) {
      metrics.rejected.inc({ code: 'rate_limited' });
      return rejectUpgrade(socket, 429);
    }
    if (!agreement.handleUpgrade(req, socket, head)) socket.destroy();
  });

  expressApp.disable('x-powered-by');
  // req.ip (per-address rate limits) believes X-Forwarded-For only from configured proxies.
  expressApp.set('trust proxy', config.trustProxyHops);
  // Plain-http deployments (a LAN, a laptop) must keep working, so requests are not forced to https.
  expressApp.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  expressApp.use(express.json({ limit: '32kb' }));
  expressApp.get('/healthz', (_req, res) => {
    res.json({ ok: true, store: store.kind, facilitator: engine.name });
  });
  expressApp.get('/metrics', metricsRoute(metrics, config.metricsToken));
  expressApp.use('/api', apiRouter({ store, rooms, presence, limits, metrics }));
  if (config.staticDir && existsSync(config.staticDir)) {
    const index = path.join(config.staticDir, 'index.html');
    expressApp.use(express.static(config.staticDir, { index: false }));
    // Client-side routes (/, /join/..., /room/...) all load the app.
    expressApp.get(/^\/(?!api\/|socket\.io\/|yjs\/).*/, (_req, res) => res.sendFile(index));
  }
  expressApp.use(errorHandler(metrics));

  let closing: Promise<void> | undefined;
  const sweeper = setInterval(
    () => void rooms.expire().catch((err) => log.error('expiry sweep failed', err)),
    EXPIRY_SWEEP_MS,
  );
  sweeper.unref();

  return {
    server,
    io: io as never,
    store,
    rooms,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolve(config.publicUrl ?? `http://${host}:${port}`);
        });
      }),
    // Closing twice (a signal during shutdown, a test's clean-up) waits for the same shutdown.
    close: () => {
      closing ??= (async () => {
        clearInterval(sweeper);
        timers.close();
        // What follows the last messages is still carried out (and stored) before the store closes.
        await rooms.settled();
        await agreement.close();
        await new Promise<void>((resolve) => io.close(() => resolve()));
        server.closeAllConnections?.();
        await sharing.close();
        await store.close();
      })();
      return closing;
    },
  };
}
