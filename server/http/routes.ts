import express, { type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import { CreateInviteBody, CreateRoomBody, InvitePreviewBody, JoinBody } from '../../shared/protocol.js';
import { AppError, statusOf, toApiError } from '../errors.js';
import { log } from '../log.js';
import type { RejectionCounter } from '../limits/admission.js';
import type { RateKind, RateLimits } from '../limits/limits.js';
import { authenticate, issueTicket, type Identity } from '../auth/credentials.js';
import type { RoomService } from '../rooms/roomService.js';
import type { Store } from '../rooms/ports.js';

/** Who is connected to a room (realtime/presence.ts implements it). */
export interface OnlinePeople {
  online(roomId: string): Promise<Set<string>>;
}

export interface HttpDeps {
  store: Store;
  rooms: RoomService;
  presence: OnlinePeople;
  limits: RateLimits;
  metrics: RejectionCounter;
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const out = schema.safeParse(body ?? {});
  if (out.success) return out.data;
  const issue = out.error.issues[0];
  if (issue?.code === 'too_big')
    throw new AppError('too_long', `${issue.path.join('.') || 'A field'} is longer than allowed.`);
  throw new AppError(
    'invalid_payload',
    `Please check ${issue?.path.join('.') || 'the request'}: ${issue?.message ?? 'it is not valid'}.`,
  );
}

/** Bearer token -> who, checked against the room in the path. */
async function caller(store: Store, req: Request): Promise<Identity> {
  const header = req.get('authorization') ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw new AppError('unauthorized', 'Please include your room token (Authorization: Bearer ...).');
  const who = await authenticate(store, token);
  if (!who)
    throw new AppError(
      'unauthorized',
      'This token does not work any more: the room may have been deleted, or its holder left it.',
    );
  if (who.roomId !== req.params.roomId) throw new AppError('forbidden', 'This token belongs to another room.');
  return who;
}

type Handler = (req: Request, res: Response) => Promise<void>;
const wrap = (fn: Handler) => (req: Request, res: Response, next: NextFunction) => fn(req, res).catch(next);

export function apiRouter(deps: HttpDeps): express.Router {
  const { store, rooms, presence, limits } = deps;
  const router = express.Router();

  const limit = (kind: RateKind) => (req: Request, _res: Response, next: NextFunction) => {
    if (limits.allow(kind, `${kind}:${req.ip}`)) return next();
    next(new AppError('rate_limited', 'Too many requests from here. Please wait a moment.'));
  };

  router.post(
    '/rooms',
    limit('createRoom'),
    wrap(async (req, res) => {
      res.status(201).json(await rooms.create(parse(CreateRoomBody, req.body)));
    }),
  );

  router.post(
    '/rooms/:roomId/invites',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.status(201).json(await rooms.createInvite(who, parse(CreateInviteBody, req.body).role));
    }),
  );

  router.delete(
    '/rooms/:roomId/invites/:inviteId',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      await rooms.revokeInvite(who, String(req.params.inviteId));
      res.status(204).end();
    }),
  );

  router.post(
    '/rooms/:roomId/leave',
    limit('http'),
    wrap(async (req, res) => {
      await rooms.leave(await caller(store, req));
      res.status(204).end();
    }),
  );

  // The host or a mediator takes someone out of the room: their token stops working, their connections close.
  router.delete(
    '/rooms/:roomId/participants/:participantId',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      await rooms.removeFromRoom(who, String(req.params.participantId));
      res.status(204).end();
    }),
  );

  // How the room went (host and mediators): suggestions, breaks, time to agreement, heat over time.
  router.get(
    '/rooms/:roomId/outcomes',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.set('Cache-Control', 'no-store');
      res.json(await rooms.outcomes(who));
    }),
  );

  router.post(
    '/rooms/:roomId/join',
    limit('join'),
    wrap(async (req, res) => {
      const body = parse(JoinBody, req.body);
      res.status(201).json(await rooms.join(String(req.params.roomId), body.inviteCode, body.name));
    }),
  );

  // What an invite shows before joining (record mode, retention); the code stays in the body, out of logs.
  router.post(
    '/rooms/:roomId/invite-preview',
    limit('join'),
    wrap(async (req, res) => {
      const body = parse(InvitePreviewBody, req.body);
      res.json(await rooms.invitePreview(String(req.params.roomId), body.inviteCode));
    }),
  );

  // A short-lived, single-use ticket for the /yjs URL, so the token itself never goes into a URL.
  router.post(
    '/rooms/:roomId/yjs-ticket',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.set('Cache-Control', 'no-store');
      res.status(201).json(await issueTicket(store, who));
    }),
  );

  router.get(
    '/rooms/:roomId',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.json(await rooms.view(who, await presence.online(who.roomId)));
    }),
  );

  router.get(
    '/rooms/:roomId/agreement.md',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.type('text/markdown; charset=utf-8').send(await rooms.exportMarkdown(who));
    }),
  );

  router.get(
    '/rooms/:roomId/agreement',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.json(await rooms.agreementRecord(who));
    }),
  );

  router.get(
    '/rooms/:roomId/transcript',
    limit('http'),
    wrap(async (req, res) => {
      const who = await caller(store, req);
      res.set('Cache-Control', 'no-store');
      res.json(await rooms.transcript(who));
    }),
  );

  router.post(
    '/rooms/:roomId/deletion',
    limit('http'),
    wrap(async (req, res) => {
      res.status(201).json(await rooms.announceDeletion(await caller(store, req)));
    }),
  );

  router.delete(
    '/rooms/:roomId/deletion',
    limit('http'),
    wrap(async (req, res) => {
      await rooms.cancelDeletion(await caller(store, req));
      res.status(204).end();
    }),
  );

  router.delete(
    '/rooms/:roomId',
    limit('http'),
    wrap(async (req, res) => {
      await rooms.delete(await caller(store, req));
      res.status(204).end();
    }),
  );

  router.use((_req: Request, _res: Response, next: NextFunction) =>
    next(new AppError('not_found', 'There is no such API route.')),
  );
  return router;
}

/** Every error leaves as `{ error: { code, message } }` with a fitting status. */
export function errorHandler(metrics: RejectionCounter) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const bodyError = err as { type?: string; status?: number };
    let error = toApiError(err);
    let status = statusOf(err);
    if (bodyError?.type === 'entity.too.large')
      [error, status] = [{ code: 'too_long', message: 'The request body is too large.' }, 413];
    else if (bodyError?.type === 'entity.parse.failed')
      [error, status] = [{ code: 'invalid_payload', message: 'The request body is not valid JSON.' }, 400];
    else if (!(err instanceof AppError) && clientFault(bodyError?.status)) {
      [error, status] = [requestFault(err, bodyError.status!), bodyError.status!];
    } else if (status === 500) log.error('http request failed', err);
    metrics.rejected.inc({ code: error.code });
    res.status(status).json({ error });
  };
}

const clientFault = (status: unknown): status is number => typeof status === 'number' && status >= 400 && status < 500;

/**
 * Errors express and its parsers raise about the request itself (a path with a bad %-encoding, an
 * unsupported charset or encoding) are the caller's to fix, so they are 4xx with a plain message.
 */
function requestFault(err: unknown, status: number): { code: 'invalid_payload'; message: string } {
  if (err instanceof URIError || /decode/i.test((err as Error)?.message ?? '')) {
    return { code: 'invalid_payload', message: 'The address of this request is not valid (a broken %-encoding).' };
  }
  if (status === 415) {
    return { code: 'invalid_payload', message: 'The request body uses an encoding or character set we do not accept.' };
  }
  return { code: 'invalid_payload', message: 'Something in this request is not right.' };
}
