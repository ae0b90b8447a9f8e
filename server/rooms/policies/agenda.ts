import { LIMITS } from '../../../shared/protocol.js';
import { addTopic, MAX_TOPICS, openTopics, settleTopic, topicId } from '../../../shared/rules/agenda.js';
import { parties } from '../../../shared/rules/floor.js';
import type { AgendaRecord, AgendaTopic, RoomRecord } from '../model.js';
import { contentWords, sharedTitle, topicTitle } from './topicTitle.js';

/**
 * The agenda as pure functions of the room: topics from what people shared from preparation and, while
 * there are few, from each person's first words in the room; similar topics once; which topic the room
 * takes next when one is closed or becomes a clause. What the facilitator says about it is the engine's.
 */

/** Whether words may go on the agenda as they are (the analyzer's verdict, passed in). */
export type Calm = (text: string) => boolean;

/** First words become topics while the agenda has fewer topics than this (one per party, at least two). */
export function fewTopics(partyCount: number): number {
  return Math.max(2, partyCount);
}

/** Stemmed words kept per topic for matching clauses. */
const MAX_WORDS = 16;
/** Two topics are one when they share at least half the words of the longer ("the $800 chair", "that chair"). */
const SAME_TOPIC = 0.5;

export function emptyAgenda(): AgendaRecord {
  return { topics: [], current: null, added: 0, announced: false, heard: [] };
}

/** True when two sets of topic words say the same thing ("the $800 chair" and "the chair"). */
export function similarWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const shared = a.filter((w) => b.includes(w)).length;
  return shared / Math.max(a.length, b.length) >= SAME_TOPIC;
}

/** The topic on the agenda (open or settled) that a new title would repeat, if any. */
export function duplicateOf(agenda: AgendaRecord, title: string): AgendaTopic | undefined {
  const words = contentWords(title);
  return agenda.topics.find(
    (t) => t.title.toLowerCase() === title.toLowerCase() || similarWords(contentWords(t.title), words),
  );
}

/** A new topic: its id, and the words (of the title first, then of the words it came from) that match clauses. */
export function newTopic(agenda: AgendaRecord, title: string, by: string | null, source = title): AgendaTopic {
  const words = [...new Set([...contentWords(title), ...contentWords(source)])].slice(0, MAX_WORDS);
  return { id: topicId(agenda.added + 1), title, status: 'open', by, words };
}

/** Adds a topic someone's words brought, unless the agenda is full, it repeats one, or it would be held. */
function withTopic(agenda: AgendaRecord, title: string | null, by: string, source: string, calm: Calm) {
  if (!title || agenda.topics.length >= MAX_TOPICS || duplicateOf(agenda, title) || !calm(title)) {
    return { agenda, added: null };
  }
  const topic = newTopic(agenda, title, by, source);
  return { agenda: { ...addTopic(agenda, topic), added: agenda.added + 1 }, added: topic };
}

const namesIn = (room: RoomRecord) => room.participants.map((p) => p.name);
const partyIds = (room: RoomRecord) => parties(room).map((p) => p.participantId);

/** Someone taking part has neither brought a topic nor been heard in the room yet. */
export function gathering(agenda: AgendaRecord, ids: readonly string[]): boolean {
  return ids.some((id) => !agenda.heard.includes(id) && !agenda.topics.some((t) => t.by === id));
}

/** Topics enough to start with, even while someone in a group has not spoken yet (the reading invites them). */
export const ENOUGH_TO_START = 2;

/**
 * Whether the facilitator reads the agenda out now: once, when there is something on it and either
 * everyone has brought a topic or spoken, or there are enough topics to start with.
 */
export function openingDue(agenda: AgendaRecord, ids: readonly string[]): boolean {
  if (agenda.announced || openTopics(agenda).length === 0) return false;
  return !gathering(agenda, ids) || agenda.topics.length >= ENOUGH_TO_START;
}

/**
 * The agenda when the joint session opens: a topic for each point people shared from preparation (in the
 * order they shared them, similar ones once), the first of them current. Read out at once when it has any.
 */
export function openAgenda(room: RoomRecord, calm: Calm): { agenda: AgendaRecord; announce: boolean } {
  let agenda = emptyAgenda();
  for (const p of room.sharedPoints) {
    if (!partyIds(room).includes(p.participantId)) continue;
    agenda = withTopic(agenda, sharedTitle(p.text, { names: namesIn(room) }), p.participantId, p.text, calm).agenda;
  }
  const announce = openTopics(agenda).length > 0;
  return { agenda: { ...agenda, announced: announce }, announce };
}

/**
 * Whether the words `speaker` just had delivered may bring a topic: a point shared from preparation
 * always may (while the agenda has room); otherwise only a party's first words in the joint session.
 * `room` is the room after delivery (its shared points include a point just shared).
 */
export function agendaHears(room: RoomRecord, speaker: string, text: string): { shared: boolean } | null {
  const agenda = room.agenda;
  if (!agenda || room.phase === 'prep' || room.phase === 'final' || !partyIds(room).includes(speaker)) return null;
  const last = room.sharedPoints[room.sharedPoints.length - 1];
  if (last?.participantId === speaker && last.text === text) {
    return agenda.topics.length < MAX_TOPICS ? { shared: true } : null;
  }
  if (agenda.heard.includes(speaker) || agenda.topics.some((t) => t.by === speaker)) return null;
  return { shared: false };
}

/**
 * The agenda after `from`'s words: a shared point always becomes a topic (its phrase, or its first
 * sentence); first words do only while the agenda has few topics, and only when they name something
 * ("I hear you" does not). Says whether the agenda is now due to be read out.
 */
export function takeWords(
  room: RoomRecord,
  from: string,
  text: string,
  shared: boolean,
  calm: Calm,
): { agenda: AgendaRecord; added: AgendaTopic | null; announce: boolean } {
  const before = room.agenda ?? emptyAgenda();
  const ids = partyIds(room);
  const heard = shared || before.heard.includes(from) ? before.heard : [...before.heard, from];
  const names = { names: namesIn(room), maxChars: LIMITS.topicChars };
  const title = shared
    ? sharedTitle(text, names)
    : before.topics.length < fewTopics(ids.length)
      ? topicTitle(text, { ...names, minScore: 0 })
      : null;
  const out = withTopic({ ...before, heard }, title, from, text, calm);
  const announce = openingDue(out.agenda, ids);
  return { agenda: { ...out.agenda, announced: out.agenda.announced || announce }, added: out.added, announce };
}

/** How well a clause's words match a topic: 0 for no match. Most of the title's words, or three of its source's. */
export function clauseMatch(topic: AgendaTopic, clauseWords: readonly string[]): number {
  const title = contentWords(topic.title);
  const inTitle = title.filter((w) => clauseWords.includes(w)).length;
  const inAll = topic.words.filter((w) => clauseWords.includes(w)).length;
  const matches = (title.length > 0 && inTitle / title.length >= 0.5) || inAll >= 3;
  return matches ? 2 * inTitle + inAll : 0;
}

export interface Moved {
  closed: AgendaTopic;
  next: AgendaTopic | null;
}

/**
 * Topics that clauses now cover become `clause` (each clause settles the open topic it matches best, the
 * current one on a tie); when the current topic is among them, the room moves on. Null: nothing changed.
 */
export function settleByClauses(
  agenda: AgendaRecord,
  clauses: readonly { id: string; text: string }[],
): { agenda: AgendaRecord; moved: Moved | null } | null {
  let next = agenda;
  let moved: Moved | null = null;
  for (const clause of clauses) {
    if (next.topics.some((t) => t.clauseId === clause.id)) continue;
    const words = contentWords(clause.text);
    if (words.length < 2) continue;
    let best: AgendaTopic | null = null;
    let bestScore = 0;
    for (const t of openTopics(next)) {
      const s = clauseMatch(t, words) + (t.id === next.current ? 0.5 : 0);
      if (s > bestScore && clauseMatch(t, words) > 0) {
        best = t;
        bestScore = s;
      }
    }
    if (!best) continue;
    const wasCurrent = next.current === best.id;
    const settled = settleTopic(next, best.id, 'clause', { clauseId: clause.id });
    if (!settled.ok || !settled.changed) continue;
    next = settled.agenda;
    if (wasCurrent && !moved) {
      const closed = next.topics.find((t) => t.id === best.id) as AgendaTopic;
      moved = { closed, next: next.topics.find((t) => t.id === next.current) ?? null };
    }
  }
  return next === agenda ? null : { agenda: next, moved };
}
