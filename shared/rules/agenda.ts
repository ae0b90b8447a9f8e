import { LIMITS, type ErrorCode, type Role, type TopicStatus } from '../protocol.js';
import { isModerator } from './floor.js';

/**
 * The agenda's rules, as pure functions over the smallest shape both ends hold: the server's record
 * keeps more per topic (the words it came from), the client's RoomView less, and both fit. Each change
 * returns a new agenda, or the reason it is refused with the error code the socket acknowledges.
 */

/** Most topics on one agenda (open and closed together): keeps the room record, and the talk, bounded. */
export const MAX_TOPICS = LIMITS.agendaTopics;
export const TOPIC_TITLE_CHARS = LIMITS.topicChars;

export interface TopicLike {
  id: string;
  title: string;
  status: TopicStatus;
}

export interface AgendaLike<T extends TopicLike = TopicLike> {
  topics: readonly T[];
  current: string | null;
}

type TopicOf<A extends AgendaLike> = A['topics'][number];

export type AgendaRefusal = { ok: false; code: ErrorCode; message: string };
export type AgendaChange<A> = { ok: true; agenda: A; changed: boolean } | AgendaRefusal;

const refuse = (code: ErrorCode, message: string): AgendaRefusal => ({ ok: false, code, message });

/** The id of the agenda's n-th topic (n counts every topic ever added, so ids are never reused). */
export function topicId(n: number): string {
  return `t${n}`;
}

/** The host and mediators shape the agenda; the people taking part bring topics by what they say. */
export function mayChangeAgenda(role: Role): { ok: true } | AgendaRefusal {
  return isModerator(role)
    ? { ok: true }
    : refuse('forbidden', 'Only the host or a mediator can change the agenda. You can raise a topic in the room.');
}

export function openTopics<T extends TopicLike>(agenda: AgendaLike<T>): T[] {
  return agenda.topics.filter((t) => t.status === 'open');
}

export function currentTopic<T extends TopicLike>(agenda: AgendaLike<T>): T | null {
  return agenda.topics.find((t) => t.id === agenda.current) ?? null;
}

/** A title as people will read it: trimmed, within the bound; the schema has already cleaned it. */
export function checkTitle(title: string): { ok: true; title: string } | AgendaRefusal {
  const t = title.trim();
  if (t.length === 0) return refuse('invalid_payload', 'A topic needs a few words.');
  if (t.length > TOPIC_TITLE_CHARS) {
    return refuse('too_long', `A topic can be at most ${TOPIC_TITLE_CHARS} characters. A few words are enough.`);
  }
  return { ok: true, title: t };
}

/** Room for one more topic, and not one already open under the same words. */
export function checkAdd(agenda: AgendaLike, title: string): { ok: true; title: string } | AgendaRefusal {
  const checked = checkTitle(title);
  if (!checked.ok) return checked;
  if (agenda.topics.length >= MAX_TOPICS) {
    return refuse('not_allowed', `The agenda is full (${MAX_TOPICS} topics). Close or finish one first.`);
  }
  const key = checked.title.toLowerCase();
  if (openTopics(agenda).some((t) => t.title.toLowerCase() === key)) {
    return refuse('conflict', 'That topic is already on the agenda.');
  }
  return checked;
}

/** Adds a topic at the end; it becomes current when nothing else is. */
export function addTopic<A extends AgendaLike>(agenda: A, topic: TopicOf<A>): A {
  const current = agenda.current ?? (topic.status === 'open' ? topic.id : null);
  return { ...agenda, topics: [...agenda.topics, topic], current };
}

function find<T extends TopicLike>(agenda: AgendaLike<T>, id: string): T | AgendaRefusal {
  return agenda.topics.find((t) => t.id === id) ?? refuse('not_found', 'There is no such topic on the agenda.');
}

const refused = (x: unknown): x is AgendaRefusal => (x as AgendaRefusal).ok === false;

/** Moves a topic to `toIndex` (0 = first) in the agenda's order. */
export function moveTopic<A extends AgendaLike>(agenda: A, id: string, toIndex: number): AgendaChange<A> {
  const topic = find(agenda, id);
  if (refused(topic)) return topic;
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= agenda.topics.length) {
    return refuse('invalid_payload', 'That place is outside the agenda.');
  }
  const from = agenda.topics.indexOf(topic);
  if (from === toIndex) return { ok: true, agenda, changed: false };
  const rest = agenda.topics.filter((t) => t.id !== id);
  const topics = [...rest.slice(0, toIndex), topic, ...rest.slice(toIndex)];
  return { ok: true, agenda: { ...agenda, topics }, changed: true };
}

/**
 * The open topic the room takes after `id`: the next open one below it, else the first open one above
 * it (the agenda's order is the order the room agreed to take them in), else none.
 */
export function nextOpenAfter<T extends TopicLike>(agenda: AgendaLike<T>, id: string): T | null {
  const at = agenda.topics.findIndex((t) => t.id === id);
  const isNext = (t: T) => t.status === 'open' && t.id !== id;
  return agenda.topics.slice(at + 1).find(isNext) ?? agenda.topics.slice(0, Math.max(0, at)).find(isNext) ?? null;
}

/**
 * Settles a topic (`closed` by the host or a mediator, or `clause` when it became a clause); when it was
 * the current one, the room moves on to the next open topic. Settling a settled topic changes nothing.
 */
export function settleTopic<A extends AgendaLike>(
  agenda: A,
  id: string,
  status: Exclude<TopicStatus, 'open'> = 'closed',
  extra: Partial<TopicOf<A>> = {},
): AgendaChange<A> {
  const topic = find(agenda, id);
  if (refused(topic)) return topic;
  if (topic.status !== 'open') return { ok: true, agenda, changed: false };
  const current = agenda.current === id ? (nextOpenAfter(agenda, id)?.id ?? null) : agenda.current;
  const topics = agenda.topics.map((t) => (t.id === id ? { ...t, ...extra, status } : t));
  return { ok: true, agenda: { ...agenda, topics, current }, changed: true };
}

/** Makes an open topic the one the room talks about now. */
export function chooseTopic<A extends AgendaLike>(agenda: A, id: string): AgendaChange<A> {
  const topic = find(agenda, id);
  if (refused(topic)) return topic;
  if (topic.status !== 'open') return refuse('not_allowed', 'That topic is already settled.');
  if (agenda.current === id) return { ok: true, agenda, changed: false };
  return { ok: true, agenda: { ...agenda, current: id }, changed: true };
}
