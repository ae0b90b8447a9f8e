import { io, type Socket } from 'socket.io-client';
import type { Review } from '../../shared/analysis.js';
import type { CreateRoomResponse, JoinResponse, LogEntry } from '../../shared/protocol.js';
import { isSay, type Session } from './sessions.js';

/**
 * Plays one scripted session through the real room service: HTTP to create and join, one real
 * socket.io client per person, every message sent as a person would (a held one resolved with its
 * first suggestion, as most people do), and the room's log read back at the end, in order.
 */

export interface Line {
  seq: number;
  /** A person's message or the facilitator's words. */
  by: 'person' | 'facilitator';
  /** The person's name, or 'Facilitator'. */
  who: string;
  text: string;
  /** The facilitator's kind (reflection, recap, clause-offer…). */
  kind?: string;
  drafts?: string[];
  /** Names of the only people who see it (a notice to the host). */
  visibleTo?: string[];
  /** For a person's message: the tags of its script step, and whether it was held first. */
  tags?: string[];
  wasHeld?: boolean;
}

export interface HeldRecord {
  /** The last seq in the room when it was held: the transcript shows it there. */
  afterSeq: number;
  from: string;
  original: string;
  /** The tags of its script step ('shared' for a point shared from preparation). */
  tags: string[];
  /** The suggestions the sender saw when they chose (a model's, when they came in time). */
  suggestions: string[];
  /** The model's suggestions replaced the local ones while the review was open. */
  replaced: boolean;
  safety: boolean;
  /** The first suggestion, chosen, was held again. */
  heldAgain: boolean;
}

/** A message the script marks as heated, and whether it was held. */
export interface HeatRecord {
  text: string;
  heated: boolean;
  held: boolean;
}

export interface PrepRecord {
  name: string;
  said: string;
  reply: string;
  /** Everything this person said in preparation up to and including `said`. */
  saidSoFar: string[];
}

export interface Played {
  session: Session;
  parties: string[];
  lines: Line[];
  held: HeldRecord[];
  prep: PrepRecord[];
  /** Seqs after which a break ended (the recap follows). */
  breaks: { endedAfterSeq: number; by: string }[];
  /** Every scripted message: heated or not, held or not. */
  heat: HeatRecord[];
  /** Agenda topics from the room state, in whatever shape the state has them. */
  agenda: string[];
  errors: string[];
}

type Client = Socket & { name: string; participantId: string };

export interface PlayOptions {
  url: string;
  /** How long to wait for a model's suggestions after a hold (0: the engine is local). */
  lateReviewMs: number;
}

async function post<T>(url: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

function call(socket: Socket, event: string, payload: unknown = {}, ms = 30_000): Promise<any> {
  return socket.timeout(ms).emitWithAck(event, payload);
}

async function connect(url: string, token: string, name: string, participantId: string): Promise<Client> {
  const socket = io(url, { auth: { token }, transports: ['websocket'], forceNew: true, reconnection: false });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  // Each party enters the joint conversation from their preparation (mediators have none: not_allowed).
  const entered = await call(socket, 'room:enter');
  if (!entered.ok && entered.error.code !== 'not_allowed') throw new Error(`room:enter: ${entered.error.message}`);
  return Object.assign(socket, { name, participantId });
}

/** Topics from a room state's agenda, whichever shape it has (strings, or objects with a title or text). */
export function agendaTopics(state: unknown): string[] {
  const agenda = (state as { agenda?: unknown } | null)?.agenda;
  const list = Array.isArray(agenda) ? agenda : (agenda as { topics?: unknown } | undefined)?.topics;
  if (!Array.isArray(list)) return [];
  return list
    .map((t) => (typeof t === 'string' ? t : ((t as { title?: string; text?: string })?.title ?? (t as any)?.text)))
    .filter((t): t is string => typeof t === 'string');
}

/** The next `message:review` for `clientMsgId` on `socket`, or null after `ms`. */
function lateReview(socket: Socket, clientMsgId: string, ms: number): Promise<Review | null> {
  if (ms <= 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    const on = (u: { clientMsgId: string; review: Review }) => {
      if (u.clientMsgId !== clientMsgId) return;
      clearTimeout(timer);
      socket.off('message:review', on);
      resolve(u.review);
    };
    const timer = setTimeout(() => {
      socket.off('message:review', on);
      resolve(null);
    }, ms);
    socket.on('message:review', on);
  });
}

export async function playSession(session: Session, options: PlayOptions): Promise<Played> {
  const { url } = options;
  const errors: string[] = [];
  const held: HeldRecord[] = [];
  const heat: HeatRecord[] = [];
  const prep: PrepRecord[] = [];
  const breaks: Played['breaks'] = [];
  const clients = new Map<string, Client>();
  const heldSeqs = new Set<number>();
  const tagsBySeq = new Map<number, string[]>();
  let lastSeq = 0;

  const hostPerson = session.people.find((p) => p.role === 'host');
  if (!hostPerson) throw new Error(`${session.id}: no host`);
  const host = await post<CreateRoomResponse>(url, '/api/rooms', {
    kind: session.kind,
    name: hostPerson.name,
    mode: session.mode,
    title: session.title,
  });
  clients.set(hostPerson.name, await connect(url, host.token, hostPerson.name, host.participantId));

  const said = new Map<string, string[]>();
  const prepare = async (name: string) => {
    const socket = clients.get(name);
    for (const text of session.prep[name] ?? []) {
      if (!socket) break;
      const so = [...(said.get(name) ?? []), text];
      said.set(name, so);
      const res = await call(socket, 'prep:send', { text });
      if (res.ok) prep.push({ name, said: text, reply: res.reply.text, saidSoFar: so });
      else errors.push(`${name} prep: ${res.error?.message}`);
    }
  };
  await prepare(hostPerson.name);

  for (const person of session.people) {
    if (person.role === 'host') continue;
    // A participant link admits one person: each person joins with a link of their own.
    const { inviteCode: code } = await post<{ inviteCode: string }>(
      url,
      `/api/rooms/${host.roomId}/invites`,
      { role: person.role },
      host.token,
    );
    const joined = await post<JoinResponse>(url, `/api/rooms/${host.roomId}/join`, {
      inviteCode: code,
      name: person.name,
    });
    clients.set(person.name, await connect(url, joined.token, person.name, joined.participantId));
    await prepare(person.name);
  }

  /** Sends as `name` and, when held, resolves with the first suggestion the sender sees. */
  const send = async (name: string, text: string, tags: string[], event = 'message:send') => {
    const socket = clients.get(name);
    if (!socket) return;
    const clientMsgId = `${session.id}-${lastSeq}-${Math.random().toString(36).slice(2, 8)}`;
    const late = lateReview(socket, clientMsgId, options.lateReviewMs);
    const res = await call(socket, event, { clientMsgId, text });
    if (res.ok) heat.push({ text, heated: tags.includes('heated'), held: res.status === 'held' });
    if (!res.ok) {
      errors.push(`${name}: ${res.error?.code} ${res.error?.message}`);
      return;
    }
    if (res.status === 'delivered') {
      lastSeq = Math.max(lastSeq, res.seq);
      tagsBySeq.set(res.seq, tags);
      return;
    }
    const heldId = res.clientMsgId as string;
    let review: Review = res.review;
    const safety = !review.originalAllowed;
    const newer = safety ? null : await late;
    if (newer) review = newer;
    const record: HeldRecord = {
      afterSeq: lastSeq,
      from: name,
      original: text,
      tags,
      suggestions: review.suggestions,
      replaced: newer !== null,
      safety,
      heldAgain: false,
    };
    held.push(record);
    if (safety || review.suggestions.length === 0) {
      await call(socket, 'message:resolve', { clientMsgId: heldId, action: 'discard' });
      return;
    }
    const chosen = review.suggestions[0];
    const out = await call(socket, 'message:resolve', {
      clientMsgId: heldId,
      action: 'suggestion',
      index: 0,
      text: chosen,
    });
    if (out.ok && out.status === 'delivered') {
      lastSeq = Math.max(lastSeq, out.seq);
      heldSeqs.add(out.seq);
      tagsBySeq.set(out.seq, tags);
      return;
    }
    record.heldAgain = out.ok && out.status === 'held';
    if (!out.ok) errors.push(`${name} resolve: ${out.error?.message}`);
    await call(socket, 'message:resolve', { clientMsgId: heldId, action: 'discard' });
  };

  for (const [name, points] of Object.entries(session.share)) {
    for (const point of points) await send(name, point, ['shared'], 'prep:share');
  }

  for (const step of session.messages) {
    const socket = clients.get(step.from);
    if (!socket) continue;
    if (isSay(step)) {
      await send(step.from, step.text, step.tags);
      continue;
    }
    const asked = await call(socket, 'break:request', { minutes: step.break });
    if (!asked.ok) {
      errors.push(`${step.from} break: ${asked.error?.message}`);
      continue;
    }
    const ended = await call(socket, 'break:end');
    if (!ended.ok) errors.push(`${step.from} break end: ${ended.error?.message}`);
    breaks.push({ endedAfterSeq: lastSeq, by: step.from });
  }
  // Words that follow the last message (effects carried out after the ack) have a moment to land.
  await new Promise((r) => setTimeout(r, 100));

  const names = new Map([...clients.values()].map((c) => [c.participantId, c.name]));
  const bySeq = new Map<number, LogEntry>();
  for (const socket of clients.values()) {
    const res = await call(socket, 'history', { sinceSeq: 0 });
    if (res.ok) for (const e of res.messages as LogEntry[]) bySeq.set(e.seq, e);
  }
  const lines: Line[] = [...bySeq.values()]
    .sort((a, b) => a.seq - b.seq)
    .map((e) =>
      e.type === 'message'
        ? {
            seq: e.seq,
            by: 'person' as const,
            who: names.get(e.from) ?? 'someone',
            text: e.text,
            tags: tagsBySeq.get(e.seq) ?? [],
            wasHeld: heldSeqs.has(e.seq),
          }
        : {
            seq: e.seq,
            by: 'facilitator' as const,
            who: 'Facilitator',
            text: e.text,
            kind: e.kind,
            ...(e.drafts?.length ? { drafts: e.drafts } : {}),
            ...(e.visibleTo ? { visibleTo: e.visibleTo.map((id) => names.get(id) ?? id) } : {}),
          },
    );
  const state = await call(clients.get(hostPerson.name) as Client, 'room:state');
  for (const socket of clients.values()) socket.disconnect();
  const parties = session.people.filter((p) => p.role !== 'mediator').map((p) => p.name);
  return {
    session,
    parties,
    lines,
    held,
    heat,
    prep,
    breaks,
    agenda: agendaTopics(state.ok ? state.state : null),
    errors,
  };
}
