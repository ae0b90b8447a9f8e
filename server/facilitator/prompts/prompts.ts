import { readFileSync } from 'node:fs';
import type { Heard } from '../../analysis/listening/index.js';
import type { LogEntry, PrepMessage } from '../../../shared/protocol.js';
import { requestsIn } from '../../analysis/listening/requests.js';
import type { RoomContext, SettledTopic, SummaryRequest, TopicLine } from '../types.js';

/**
 * What the `openai` engine says to the model. Instructions live only in the system prompt; the
 * room's own words (messages, names, titles, shared points, preparation) travel JSON-encoded in
 * the user message as quoted data, so a message that says "ignore previous instructions" is
 * something a person said, never something the model is told.
 */

/** Every task the model is asked to do; each has its instructions in tasks/<task>.md. */
export const TASKS = [
  'welcome',
  'modeChanged',
  'nudge',
  'invite',
  'breakStarted',
  'summary',
  'paraphraseFirst',
  'clauseOffer',
  'rewrite',
  'prepReply',
  'agendaOpened',
  'topicChanged',
  'reflect',
  'acknowledge',
] as const;
export type Task = (typeof TASKS)[number];

/** Most of the log a prompt carries, and the most of any one text, to keep prompts bounded. */
const MAX_ENTRIES = 40;
const MAX_TEXT = 1000;

/**
 * Prompts are files beside this module (copied into dist/ by the build): preamble.md, said before every
 * task, and tasks/<task>.md. They are read once, at start, so a missing file fails at start, not mid-session.
 */
const readPrompt = (file: string): string => readFileSync(new URL(file, import.meta.url), 'utf8').trim();
const PREAMBLE = readPrompt('./preamble.md');
const INSTRUCTIONS = Object.fromEntries(TASKS.map((task) => [task, readPrompt(`./tasks/${task}.md`)])) as Record<
  Task,
  string
>;

const MODES: Record<string, string> = {
  open: 'anyone can write at any time; the facilitator makes sure everyone gets space',
  round: 'people take turns in order and pass the floor on when done',
  'hand-raise': 'people raise a hand to speak; the floor goes to whoever has had the least time so far',
  'speaker-listener':
    'one person speaks, the other listens and then says back what they heard; when the speaker feels ' +
    'understood, they swap',
};

export function systemPrompt(task: Task): string {
  return `${PREAMBLE}\n\n${INSTRUCTIONS[task]}`;
}

/** The user message: the task name and its data, JSON-encoded (quoted data, never instructions). */
export function userMessage(task: Task, data: unknown): string {
  return JSON.stringify({ task, data });
}

function clip(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

export function roomData(room: RoomContext) {
  const parties = (room.parties ?? Object.keys(room.names)).map((id) => clip(room.names[id] ?? 'someone'));
  return {
    kind: room.kind,
    title: clip(room.title),
    people: Object.values(room.names).map(clip),
    parties,
    partyCount: parties.length,
  };
}

/** How someone silent for a while can get the floor, in each mode. */
const COME_IN: Record<string, string> = {
  open: 'they can write whenever they are ready',
  round: 'the floor comes round to them in order; they may also pass it on',
  'hand-raise': 'they can raise their hand and the floor will come to them',
  'speaker-listener': 'when the current speaker and listener are done, the host or a mediator can give them the floor',
};

export function inviteData(room: RoomContext, quiet: string, mode: string) {
  return {
    room: roomData(room),
    quiet: room.names[quiet] ?? 'someone',
    ...modeData(mode),
    howToComeIn: COME_IN[mode] ?? COME_IN.open,
  };
}

export function modeData(mode: string) {
  return { mode, howTurnsWork: MODES[mode] ?? mode };
}

/** Delivered room messages, oldest first, as {from, text}: facilitator entries are left out. */
export function messagesData(room: RoomContext, entries: LogEntry[]) {
  return entries
    .filter((e) => e.type === 'message')
    .slice(-MAX_ENTRIES)
    .map((e) => ({ from: room.names[e.from] ?? 'someone', text: clip(e.text) }));
}

/** One person's own preparation, nothing else. */
export function prepData(history: PrepMessage[], name: string) {
  return {
    name,
    conversation: history
      .slice(-MAX_ENTRIES)
      .map((m) => ({ role: m.role === 'you' ? 'person' : 'facilitator', text: clip(m.text) })),
  };
}

/** A topic as the model sees it: its title as written, and the name of who brought it (null: added by hand). */
function topicData(room: RoomContext, t: TopicLine) {
  return { title: clip(t.title), broughtBy: t.by ? (room.names[t.by] ?? 'someone') : null };
}

export function agendaOpenedData(room: RoomContext, topics: TopicLine[], current: TopicLine) {
  return {
    room: roomData(room),
    topics: topics.map((t) => topicData(room, t)),
    current: topicData(room, current),
  };
}

export function topicChangedData(room: RoomContext, settled: SettledTopic | null, next: TopicLine | null) {
  return {
    room: roomData(room),
    settled: settled ? { ...topicData(room, settled), how: settled.how } : null,
    next: next ? topicData(room, next) : null,
  };
}

/** What a clause offer is given: the asks found in the room's words, who made them, and the words themselves. */
export function clauseOfferData(room: RoomContext, sharedPoints: string[], entries: LogEntry[]) {
  const asks = entries.flatMap((e) =>
    e.type === 'message' ? requestsIn(e.text).map((ask) => ({ from: room.names[e.from] ?? 'someone', ask })) : [],
  );
  return {
    room: roomData(room),
    asks: asks.slice(-MAX_ENTRIES).map((a) => ({ ...a, ask: clip(a.ask) })),
    sharedPoints: sharedPoints.slice(-MAX_ENTRIES).map(clip),
    messages: messagesData(room, entries),
  };
}

/** What a summary is given: delivered room messages, the occasion and topics, and the clauses agreed so far. */
export function summaryData(room: RoomContext, entries: LogEntry[], request: SummaryRequest) {
  return {
    room: roomData(room),
    occasion: request.occasion,
    ...(request.topic ? { topic: clip(request.topic) } : {}),
    ...(request.next ? { next: clip(request.next) } : {}),
    agreed: (request.agreed ?? []).slice(-MAX_ENTRIES).map(clip),
    messages: messagesData(room, entries),
  };
}

/** A delivered message and what the local listener heard in it, for a reflection or an acknowledgement. */
export function listeningData(room: RoomContext, speaker: string, text: string, heard: Heard) {
  return {
    room: roomData(room),
    speaker: clip(room.names[speaker] ?? 'someone'),
    message: clip(text),
    heard: {
      feelings: heard.feelings.map((f) => f.word),
      needs: heard.needs.map((n) => n.need),
      requests: heard.asks.map((a) => a.ask),
      repairs: heard.repairs.map((r) => ({ kind: r.kind, said: r.sentence })),
    },
  };
}
