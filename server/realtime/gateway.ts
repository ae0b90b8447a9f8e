import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import {
  AgendaAdd,
  AgendaClose,
  AgendaCurrent,
  AgendaMove,
  AgreementAccept,
  AgreementPropose,
  AgreementReview,
  BreakRequest,
  CaucusHistory,
  CaucusSend,
  FloorConfirm,
  FloorGrant,
  HistoryRequest,
  MessageResolve,
  MessageSend,
  ParticipantTarget,
  PrepSend,
  PrepShare,
  RelayApprove,
  RelayCancel,
  RelayPropose,
  RoomModeChange,
  ScreeningSubmit,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '../../shared/protocol.js';
import { z as zod } from 'zod';
import { shareMsgId } from '../../shared/rules/shareId.js';
import { AppError, isUnavailable, toApiError } from '../errors.js';
import { log } from '../log.js';
import type { PrepService } from '../rooms/prep.js';
import { authenticate, type Identity } from '../auth/credentials.js';
import type { MessagePipeline } from '../rooms/messages/pipeline.js';
import type { RoomService } from '../rooms/roomService.js';
import type { Store } from '../rooms/ports.js';
import { heldFor } from '../rooms/view.js';
import type { RejectionCounter } from '../limits/admission.js';
import { clientAddress } from '../limits/clientAddress.js';
import { personChannel, roomChannel } from './channels.js';
import type { RateKind, RateLimits } from '../limits/limits.js';
import type { Presence } from './presence.js';

/** `removed`: out of the joint session (docs/SAFETY.md): the socket joins only its person's channel. */
type SocketData = { who: Identity; removed?: boolean };
type IO = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type Client = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface GatewayDeps {
  store: Store;
  rooms: RoomService;
  messages: MessagePipeline;
  prep: PrepService;
  presence: Presence;
  limits: RateLimits;
  metrics: RejectionCounter;
  /** Trusted proxies in front (TRUST_PROXY_HOPS), for the connecting address. */
  proxyHops?: number;
}

const NoPayload = zod.object({}).passthrough();

interface Route<S extends z.ZodType> {
  schema: S;
  rate: RateKind;
  run: (payload: z.infer<S>, who: Identity, socket: Client) => Promise<object>;
}

const route = <S extends z.ZodType>(schema: S, rate: RateKind, run: Route<S>['run']): Route<S> => ({
  schema,
  rate,
  run,
});

/** The socket.io entry point: auth on connect, then validation and rate limits on every event. */
export function attachGateway(io: IO, deps: GatewayDeps): void {
  const { rooms, messages, prep, presence, limits, metrics } = deps;

  io.use(async (socket, next) => {
    const address = clientAddress(
      socket.handshake.address,
      socket.handshake.headers['x-forwarded-for'],
      deps.proxyHops ?? 0,
    );
    if (!limits.allow('connect', address)) return next(new Error('rate_limited'));
    // Storage that does not answer is not a bad token: the client should retry, not forget its key.
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    const who = await authenticate(deps.store, token).catch((err) => (isUnavailable(err) ? 'unavailable' : null));
    if (who === 'unavailable') return next(new Error('unavailable'));
    if (!who) return next(new Error('unauthorized'));
    // The socket's id goes with every request it makes: its own delivered messages come back in its acks.
    // Object.assign, not a spread plus a key: that gives every socket's identity its own V8 hidden class.
    socket.data.who = Object.assign({}, who, { socketId: socket.id });
    const room = await deps.store.getRoom(who.roomId).catch(() => null);
    socket.data.removed = room?.participants.some(
      (p) => p.participantId === who.participantId && p.status === 'removed',
    );
    next();
  });

  const routes: Record<keyof ClientToServerEvents, Route<z.ZodType>> = {
    'message:send': route(MessageSend, 'message', (p, who) => messages.send(who, p.clientMsgId, p.text)),
    'message:resolve': route(MessageResolve, 'message', (p, who) => messages.resolve(who, p)),
    history: route(HistoryRequest, 'event', async (p, who) => ({ messages: await messages.history(who, p.sinceSeq) })),
    'room:state': route(NoPayload, 'event', async (_p, who) => ({
      state: await rooms.view(who, await presence.online(who.roomId)),
    })),
    'floor:request': route(NoPayload, 'event', async (_p, who) => ({
      floor: await rooms.floor(who.roomId, { type: 'request', participantId: who.participantId }),
    })),
    'floor:yield': route(NoPayload, 'event', async (_p, who) => ({
      floor: await rooms.floor(who.roomId, { type: 'yield', participantId: who.participantId }),
    })),
    'floor:grant': route(FloorGrant, 'event', async (p, who) => ({
      floor: await rooms.floor(who.roomId, { type: 'grant', participantId: p.participantId, by: who.participantId }),
    })),
    'floor:confirm': route(FloorConfirm, 'event', async (p, who) => ({
      floor: await rooms.floor(who.roomId, { type: 'confirm', participantId: who.participantId, accurate: p.accurate }),
    })),
    'room:enter': route(NoPayload, 'event', (_p, who) => rooms.enter(who)),
    'room:mode': route(RoomModeChange, 'event', async (p, who) => ({ mode: await rooms.setMode(who, p.mode) })),
    'break:request': route(BreakRequest, 'event', async (p, who) => ({
      break: await rooms.requestBreak(who, p.minutes, p.quiet),
    })),
    'break:end': route(NoPayload, 'event', async (_p, who) => {
      await rooms.endBreak(who);
      return {};
    }),
    'prep:send': route(PrepSend, 'prep', async (p, who) => ({ reply: await prep.send(who, p.text) })),
    'prep:history': route(NoPayload, 'event', async (_p, who) => ({ messages: await prep.history(who) })),
    // Without a clientMsgId, sharing the same words twice is one share.
    'prep:share': route(PrepShare, 'message', (p, who) =>
      messages.send(who, p.clientMsgId ?? shareMsgId(p.text), p.text, true),
    ),
    'agreement:propose': route(AgreementPropose, 'event', (p, who) => rooms.propose(who, p.text)),
    'agreement:accept': route(AgreementAccept, 'event', (p, who) => rooms.accept(who, p.clauseId, p.textHash)),
    'agreement:sign': route(NoPayload, 'event', (_p, who) => rooms.sign(who)),
    'agreement:review': route(AgreementReview, 'event', (p, who) => rooms.reviewClause(who, p.clauseId, p.reviewOn)),
    'prep:delete': route(NoPayload, 'event', (_p, who) => prep.deleteOwn(who)),
    'agenda:add': route(AgendaAdd, 'event', (p, who) => rooms.addTopic(who, p.title)),
    'agenda:move': route(AgendaMove, 'event', (p, who) => rooms.moveTopic(who, p.topicId, p.toIndex)),
    'agenda:close': route(AgendaClose, 'event', (p, who) => rooms.closeTopic(who, p.topicId)),
    'agenda:current': route(AgendaCurrent, 'event', (p, who) => rooms.chooseTopic(who, p.topicId)),
    // Screening answers go to the person's own preparation only (rooms/screening.ts).
    'screening:get': route(NoPayload, 'event', async (_p, who) => ({ screening: await prep.screening.get(who) })),
    'screening:submit': route(ScreeningSubmit, 'prep', async (p, who) => ({
      screening: await prep.screening.submit(who, p.answers),
    })),
    'screening:skip': route(NoPayload, 'event', async (_p, who) => ({ screening: await prep.screening.skip(who) })),
    'room:separate': route(NoPayload, 'event', (_p, who) => messages.separated.separate(who)),
    'relay:propose': route(RelayPropose, 'message', (p, who) => messages.separated.propose(who, p.clientMsgId, p.text)),
    'relay:approve': route(RelayApprove, 'message', (p, who) => messages.separated.approve(who, p.clientMsgId, p.text)),
    'relay:cancel': route(RelayCancel, 'event', (p, who) => messages.separated.cancel(who, p.clientMsgId)),
    'participant:pause': route(ParticipantTarget, 'event', (p, who) =>
      rooms.setParticipant(who, p.participantId, 'pause'),
    ),
    'participant:resume': route(ParticipantTarget, 'event', (p, who) =>
      rooms.setParticipant(who, p.participantId, 'resume'),
    ),
    'participant:remove': route(ParticipantTarget, 'event', (p, who) =>
      rooms.setParticipant(who, p.participantId, 'remove'),
    ),
    'safety:separate': route(NoPayload, 'event', (_p, who) => rooms.askForSeparatedRoom(who)),
    'console:state': route(NoPayload, 'event', async (_p, who) => ({ console: await rooms.consoleState(who) })),
    'caucus:send': route(CaucusSend, 'message', (p, who) => rooms.sendCaucus(who, p.participantId, p.text)),
    'caucus:history': route(CaucusHistory, 'event', (p, who) => rooms.caucusHistory(who, p.participantId)),
  };

  io.on('connection', async (socket: Client) => {
    const who = socket.data.who;
    const added = presence.add(who.roomId, who.participantId).catch((err) => log.error('presence not recorded', err));
    const person = personChannel(who.roomId, who.participantId);
    socket.join(socket.data.removed ? [person] : [roomChannel(who.roomId), person]);
    socket.on('disconnect', () => {
      void added
        .then(() => presence.remove(who.roomId, who.participantId))
        .then(() => rooms.room(who.roomId))
        .then((room) => rooms.published(room))
        .catch(() => undefined);
    });
    // One listener per socket for every event (not one per event: 33 closures on each of thousands of sockets).
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && Object.hasOwn(routes, event)) {
        void handle(socket, event, routes[event as keyof ClientToServerEvents], args[0], args[1]);
        return;
      }
      // An event nobody handles still gets an answer, so a client waiting on its ack never hangs.
      const last = args[args.length - 1];
      const ack = typeof last === 'function' ? (last as (body: unknown) => void) : undefined;
      metrics.rejected.inc({ code: 'not_found' });
      ack?.({ ok: false, error: { code: 'not_found', message: 'There is no such event.' } });
    });
    try {
      await added;
      const room = await rooms.room(who.roomId);
      socket.emit('room:state', await rooms.view(who, await presence.online(who.roomId)));
      // A review left open (a reload, a dropped connection) opens again: to this socket only.
      const held = heldFor(room, who.participantId);
      if (held.length > 0) socket.emit('message:held', held);
      rooms.published(room);
    } catch {
      socket.disconnect(true);
    }
  });

  async function handle(
    socket: Client,
    event: string,
    r: Route<z.ZodType>,
    payload: unknown,
    maybeAck: unknown,
  ): Promise<void> {
    // An event may come with only an acknowledgement: emit('floor:yield', ack).
    const ack = typeof maybeAck === 'function' ? maybeAck : typeof payload === 'function' ? payload : undefined;
    const body = typeof payload === 'function' || payload === undefined ? {} : payload;
    const who = socket.data.who;
    try {
      if (!limits.allow(r.rate, `${r.rate}:${who.participantId}`)) {
        throw new AppError('rate_limited', 'That is a lot at once. Please wait a moment and try again.');
      }
      const parsed = r.schema.safeParse(body);
      if (!parsed.success) throw invalid(parsed.error);
      const result = await r.run(parsed.data, who, socket);
      (ack as ((x: unknown) => void) | undefined)?.({ ok: true, ...result });
    } catch (err) {
      const error = toApiError(err);
      metrics.rejected.inc({ code: error.code });
      if (error.code === 'internal') log.error(`socket event ${event} failed`, err);
      (ack as ((x: unknown) => void) | undefined)?.({ ok: false, error });
    }
  }
}

/** A too-long text is its own code, so clients can tell it from malformed input. */
function invalid(error: z.ZodError): AppError {
  const tooBig = error.issues.some(
    (i) => i.code === 'too_big' && (i.path.includes('text') || i.path.includes('title')),
  );
  if (tooBig) return new AppError('too_long', 'That text is longer than the limit. Could you split it?');
  const where = error.issues[0]?.path.join('.') || 'payload';
  return new AppError('invalid_payload', `Something in this request is not right (${where}).`);
}
