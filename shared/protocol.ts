import { z } from 'zod';
import type { Review } from './analysis.js';
import { HelpLink } from './help.js';

export { HelpLink } from './help.js';
import { normaliseDisplayText } from './names.js';

/** Limits that both ends enforce; the server is the authority. */
export const LIMITS = {
  messageChars: 4000,
  nameChars: 60,
  titleChars: 120,
  clauseChars: 1000,
  breakMinutesMax: 60,
  clientMsgIdChars: 64,
  /** People who take part (host and participants) per kind of room. */
  partiesPerKind: { couple: 2, family: 10, workplace: 10 },
  /** Observers and mediators, together, per room. */
  supportersPerRoom: 4,
  /** Topics on a room's agenda (open and closed together), and the length of one topic's title. */
  agendaTopics: 12,
  topicChars: 80,
} as const;

export const ROOM_KINDS = ['couple', 'family', 'workplace'] as const;
export const RoomKind = z.enum(ROOM_KINDS);
export type RoomKind = z.infer<typeof RoomKind>;

export const TURN_MODES = ['open', 'round', 'hand-raise', 'speaker-listener'] as const;
export const TurnMode = z.enum(TURN_MODES);
export type TurnMode = z.infer<typeof TurnMode>;

export const ROLES = ['host', 'participant', 'observer', 'mediator'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;
/** Roles a host can mint invite codes for. */
export const InviteRole = z.enum(['participant', 'observer', 'mediator']);
export type InviteRole = z.infer<typeof InviteRole>;

/**
 * What is kept of the conversation, chosen when the room is created and shown to everyone before they join:
 * `confidential` (the default) keeps no exportable transcript; `record` keeps the delivered conversation in a
 * hash-chained log that can be exported as a tamper-evident transcript (docs/PROTOCOL.md, "Transcript").
 */
export const RECORD_MODES = ['confidential', 'record'] as const;
export const RecordMode = z.enum(RECORD_MODES);
export type RecordMode = z.infer<typeof RecordMode>;

export const PHASES = ['prep', 'joint', 'agreement', 'final'] as const;
export const Phase = z.enum(PHASES);
export type Phase = z.infer<typeof Phase>;

export const ERROR_CODES = [
  'invalid_payload',
  'too_long',
  'rate_limited',
  'not_your_turn',
  'on_break',
  'forbidden',
  'not_allowed',
  'not_found',
  'unauthorized',
  'conflict',
  'internal',
  'unavailable',
  'gone',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({ code: ErrorCode, message: z.string() });
export type ApiError = z.infer<typeof ApiError>;
export const ErrorBody = z.object({ error: ApiError });
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Names are normalised (NFKC, no invisible or direction characters, spaces collapsed) and must keep
 * at least one visible character. The raw bound keeps the work on a hostile input small.
 */
const name = z
  .string()
  .max(LIMITS.nameChars * 4)
  .transform(normaliseDisplayText)
  .pipe(z.string().min(1, 'a name needs at least one visible character').max(LIMITS.nameChars));
const roomText = z.string().trim().min(1).max(LIMITS.messageChars);
const id = z.string().min(1).max(100);

// ---------------------------------------------------------------- HTTP

export const CreateRoomBody = z.object({
  title: z
    .string()
    .max(LIMITS.titleChars * 4)
    .transform(normaliseDisplayText)
    .pipe(z.string().max(LIMITS.titleChars))
    .optional(),
  kind: RoomKind,
  name,
  mode: TurnMode.optional(),
  /**
   * A separated room (shuttle mode): each person talks only with the facilitator (and a mediator), and a
   * point reaches the others only in words its author approved (docs/PROTOCOL.md, "Separated rooms").
   */
  separated: z.boolean().optional(),
  /** Absent: `confidential`. Fixed for the room's life. */
  recordMode: RecordMode.optional(),
});
export type CreateRoomBody = z.infer<typeof CreateRoomBody>;

export const Credentials = z.object({
  roomId: z.string(),
  participantId: z.string(),
  role: Role,
  token: z.string(),
});
export type Credentials = z.infer<typeof Credentials>;

/** The room's first participant invite comes with the room: its id (to stop it) and expiry (ms). */
export const CreateRoomResponse = Credentials.extend({
  inviteCode: z.string(),
  inviteId: z.string(),
  inviteExpiresAt: z.number(),
});
export type CreateRoomResponse = z.infer<typeof CreateRoomResponse>;

export const CreateInviteBody = z.object({ role: InviteRole });
export type CreateInviteBody = z.infer<typeof CreateInviteBody>;
/** A participant invite admits one person; observer and mediator invites admit anyone holding them until expiresAt. */
export const CreateInviteResponse = z.object({
  inviteId: z.string(),
  inviteCode: z.string(),
  role: InviteRole,
  expiresAt: z.number(),
});
export type CreateInviteResponse = z.infer<typeof CreateInviteResponse>;

/** POST /api/rooms/:roomId/yjs-ticket: a single-use ticket for the /yjs URL, valid until expiresAt (ms). */
export const YjsTicketResponse = z.object({ ticket: z.string(), expiresAt: z.number() });
export type YjsTicketResponse = z.infer<typeof YjsTicketResponse>;

export const JoinBody = z.object({ inviteCode: z.string().min(1).max(200), name });
/** POST /api/rooms/:roomId/invite-preview: what someone holding an invite sees before joining. */
export const InvitePreviewBody = z.object({ inviteCode: z.string().min(1).max(200) });
export const InvitePreview = z.object({
  title: z.string(),
  kind: RoomKind,
  recordMode: RecordMode,
  /** When the room and everything in it will be deleted (ms since the epoch). */
  expiresAt: z.number(),
  separated: z.boolean(),
});
export type InvitePreview = z.infer<typeof InvitePreview>;
export type JoinBody = z.infer<typeof JoinBody>;
export type JoinResponse = Omit<Credentials, 'roomId'> & { roomId: string };

/**
 * A person's part in the joint conversation: `paused` (their room messages are paused; they still read the
 * room and prepare privately), `removed` (no longer in the joint conversation; private preparation stays).
 * Absent: taking part as usual (docs/SAFETY.md).
 */
export const PARTICIPANT_STATUSES = ['paused', 'removed'] as const;
export const ParticipantStatus = z.enum(PARTICIPANT_STATUSES);
export type ParticipantStatus = z.infer<typeof ParticipantStatus>;

/**
 * Where a person is: `prep` (a party still preparing privately; they read the room but do not write to it or
 * take turns) or `joint` (in the joint conversation). Mediators and observers are always `joint`.
 */
export const STAGES = ['prep', 'joint'] as const;
export const Stage = z.enum(STAGES);
export type Stage = z.infer<typeof Stage>;

export const ParticipantView = z.object({
  participantId: z.string(),
  name: z.string(),
  role: Role,
  online: z.boolean(),
  status: ParticipantStatus.optional(),
  stage: Stage,
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const FloorView = z.object({
  holder: z.string().nullable(),
  queue: z.array(z.string()),
  /** speaker-listener only: who listens and what the listener owes. */
  listener: z.string().nullable().optional(),
  stage: z.enum(['speaking', 'paraphrasing', 'confirming']).optional(),
  /** epoch ms when the holder's time runs out (round, hand-raise). */
  expiresAt: z.number().nullable().optional(),
});
export type FloorView = z.infer<typeof FloorView>;

export const BreakView = z.object({
  startedAt: z.number(),
  endsAt: z.number(),
  requestedBy: z.string(),
});
export type BreakView = z.infer<typeof BreakView>;

export const TOPIC_STATUSES = ['open', 'closed', 'clause'] as const;
/** open: still to talk about; closed: settled or set aside by the host or a mediator; clause: became a clause. */
export const TopicStatus = z.enum(TOPIC_STATUSES);
export type TopicStatus = z.infer<typeof TopicStatus>;

export const AgendaTopicView = z.object({
  id: z.string(),
  /** A few words, from the words of the person who brought it (or as the host or a mediator typed it). */
  title: z.string(),
  status: TopicStatus,
  /** Who brought it (shared from preparation, or their first words in the room); null when added by hand. */
  by: z.string().nullable(),
});
export type AgendaTopicView = z.infer<typeof AgendaTopicView>;

/** The topics people brought, in the order the room takes them; `current` is the one being talked about. */
export const AgendaView = z.object({ topics: z.array(AgendaTopicView), current: z.string().nullable() });
export type AgendaView = z.infer<typeof AgendaView>;

export const RoomView = z.object({
  roomId: z.string(),
  title: z.string(),
  kind: RoomKind,
  mode: TurnMode,
  phase: Phase,
  participants: z.array(ParticipantView),
  floor: FloorView,
  break: BreakView.nullable(),
  heat: z.number(),
  /** The agenda, from when the joint session opens (absent before). */
  agenda: AgendaView.optional(),
  /** true in a separated room (chosen at creation, or asked for privately by someone's screening). */
  separated: z.boolean().optional(),
  recordMode: RecordMode,
  /** When the room and everything in it will be deleted (retention, ms since the epoch). */
  expiresAt: z.number(),
  /**
   * The host said they will delete the room (a room with an agreement is deleted only after this notice):
   * when they said so, and from when the deletion is allowed. Everyone is offered the agreement's export.
   */
  deletion: z.object({ noticeAt: z.number(), deletableAt: z.number() }).optional(),
  /** Set on the state a client asks for (connect, ack); broadcasts leave it out. */
  you: z.object({ participantId: z.string(), role: Role }).optional(),
});
export type RoomView = z.infer<typeof RoomView>;

// ---------------------------------------------------------------- socket: client -> server

export const MessageSend = z.object({
  clientMsgId: z.string().min(1).max(LIMITS.clientMsgIdChars),
  text: z.string(),
});
export type MessageSend = z.infer<typeof MessageSend>;

export const ResolveAction = z.enum(['suggestion', 'edit', 'original', 'discard']);
export type ResolveAction = z.infer<typeof ResolveAction>;
export const MessageResolve = z.object({
  clientMsgId: z.string().min(1).max(LIMITS.clientMsgIdChars),
  action: ResolveAction,
  index: z.number().int().min(0).max(10).optional(),
  text: z.string().optional(),
});
export type MessageResolve = z.infer<typeof MessageResolve>;

export const HistoryRequest = z.object({ sinceSeq: z.number().int().min(0).default(0) });
export const FloorGrant = z.object({ participantId: id });
export const FloorConfirm = z.object({ accurate: z.boolean() });
export const RoomModeChange = z.object({ mode: TurnMode });
export const BreakRequest = z.object({
  minutes: z.number().int().min(1).max(LIMITS.breakMinutesMax).optional(),
  /** A pause that names no one: the room sees the facilitator's pause; only its asker (or a mediator) ends it. */
  quiet: z.boolean().optional(),
});
export const PrepSend = z.object({ text: roomText });
export const PrepShare = z.object({
  text: roomText,
  clientMsgId: z.string().min(1).max(LIMITS.clientMsgIdChars).optional(),
});
export const AgreementPropose = z.object({ text: z.string().trim().min(1).max(LIMITS.clauseChars) });
/** `textHash`: sha256 (hex) of the words the person read; if they changed meanwhile: 409 conflict. */
export const AgreementAccept = z.object({
  clauseId: id,
  textHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
/** A review date for a clause ("we look at this again in 4 weeks"): a calendar day, or null to clear it. */
export const AgreementReview = z.object({
  clauseId: id,
  reviewOn: z
    .string()
    .regex(/^\d{4}-\d\d-\d\d$/)
    .nullable(),
});
export const Empty = z.object({}).passthrough().optional();
/** Host or mediator: pause, resume or remove one person in the joint conversation (docs/SAFETY.md). */
export const ParticipantTarget = z.object({ participantId: id });

/** A topic's title as typed: cleaned like a name (no invisible or direction characters), 1..topicChars. */
const topicTitle = z
  .string()
  .max(LIMITS.topicChars * 4)
  .transform(normaliseDisplayText)
  .pipe(z.string().min(1, 'a topic needs at least one visible character').max(LIMITS.topicChars));
const topicId = z.string().min(1).max(20);
export const AgendaAdd = z.object({ title: topicTitle });
export const AgendaMove = z.object({
  topicId,
  toIndex: z
    .number()
    .int()
    .min(0)
    .max(LIMITS.agendaTopics - 1),
});
export const AgendaClose = z.object({ topicId });
export const AgendaCurrent = z.object({ topicId });

/** A caucus: a private side conversation between a mediator and one person (docs/PROTOCOL.md, "Caucus"). */
export const CaucusSend = z.object({ participantId: id, text: roomText });
export const CaucusHistory = z.object({ participantId: id });

/** Separated rooms: a point to pass on, checked before its author approves the exact words. */
export const RelayPropose = z.object({
  clientMsgId: z.string().min(1).max(LIMITS.clientMsgIdChars),
  text: roomText,
});
/** `text`: the exact words the author read and approves; other words are refused (409 conflict). */
export const RelayApprove = z.object({
  clientMsgId: z.string().min(1).max(LIMITS.clientMsgIdChars),
  text: z.string().max(LIMITS.messageChars * 2),
});
export const RelayCancel = z.object({ clientMsgId: z.string().min(1).max(LIMITS.clientMsgIdChars) });

// ---------------------------------------------------------------- screening (private, in preparation)

/** The topics of published mediator screening (DOVE, MASIC), each one plain question (rooms/screening.ts). */
export const SCREENING_TOPICS = ['harm', 'threats', 'fear', 'control', 'stalking', 'children', 'apart'] as const;
export const ScreeningTopic = z.enum(SCREENING_TOPICS);
export type ScreeningTopic = z.infer<typeof ScreeningTopic>;
export const ScreeningAnswer = z.enum(['yes', 'no', 'rather-not-say']);
export type ScreeningAnswer = z.infer<typeof ScreeningAnswer>;
export const ScreeningSubmit = z.object({
  answers: z
    .array(z.object({ topic: ScreeningTopic, answer: ScreeningAnswer }).strict())
    .max(SCREENING_TOPICS.length)
    .refine((a) => new Set(a.map((x) => x.topic)).size === a.length, 'each question once'),
});
export type ScreeningSubmit = z.infer<typeof ScreeningSubmit>;

export type ScreeningChoice = 'leave' | 'separated' | 'support';
/** The facilitator's private answer to a person's screening: never seen by anyone else. */
export interface ScreeningOutcome {
  /** signs: a yes; unsure: only "rather not say"; none: no to all (or nothing answered). */
  risk: 'signs' | 'unsure' | 'none';
  text: string;
  choices: ScreeningChoice[];
  help: HelpLink[];
}
export interface ScreeningView {
  questions: { topic: ScreeningTopic; text: string }[];
  status: 'open' | 'answered' | 'skipped';
  outcome?: ScreeningOutcome;
}

/** Validated text of a room message (1..4000 characters after trimming). */
export const RoomText = roomText;

// ---------------------------------------------------------------- socket: server -> client

export const MessageEvent = z.object({
  type: z.literal('message'),
  seq: z.number(),
  id: z.string(),
  clientMsgId: z.string(),
  from: z.string(),
  text: z.string(),
  at: z.number(),
  /** true when the sender chose a suggested or edited rewrite of a held message. */
  reworded: z.boolean(),
  /** true when the text was shared from private preparation. */
  fromPrep: z.boolean().optional(),
  /** Separated rooms: a message on its author's own side, seen only by these (the author and mediators). */
  visibleTo: z.array(z.string()).optional(),
  /** Separated rooms: a point its author approved, word for word, to be passed on to the others. */
  relayed: z.boolean().optional(),
});
export type MessageEvent = z.infer<typeof MessageEvent>;

export const FACILITATOR_KINDS = [
  'welcome',
  'nudge',
  'reflection',
  'acknowledgement',
  'break',
  'recap',
  'clause-offer',
  'safety',
  'floor',
  'mode',
  'notice',
  /** The agenda opened, or the room moves to another topic. */
  'agenda',
] as const;
export const FacilitatorKind = z.enum(FACILITATOR_KINDS);
export type FacilitatorKind = z.infer<typeof FacilitatorKind>;

/**
 * What a person can do from a private safety notice (docs/SAFETY.md): `pause` a quiet pause that names no
 * one, `leave` the room's screen at once, `separate` ask for a separated room, `talk` privately with the
 * facilitator, `continue` as before.
 */
export const SAFETY_CHOICES = ['pause', 'leave', 'separate', 'talk', 'continue'] as const;
export const SafetyChoice = z.enum(SAFETY_CHOICES);
export type SafetyChoice = z.infer<typeof SafetyChoice>;

export const FacilitatorEvent = z.object({
  type: z.literal('facilitator'),
  seq: z.number(),
  id: z.string(),
  kind: FacilitatorKind,
  text: z.string(),
  at: z.number(),
  /** Draft clauses a party can propose with one click (kind 'clause-offer'). */
  drafts: z.array(z.string()).optional(),
  /** Set when only some people see this entry (e.g. a safety notice to the host). */
  visibleTo: z.array(z.string()).optional(),
  /** A private safety notice's help, as links to click (kind 'safety'). */
  help: z.array(HelpLink).optional(),
  /** A private safety notice's choices, in order (kind 'safety'). */
  choices: z.array(SafetyChoice).optional(),
});
export type FacilitatorEvent = z.infer<typeof FacilitatorEvent>;

export type LogEntry = MessageEvent | FacilitatorEvent;

export const PrepMessage = z.object({
  role: z.enum(['you', 'facilitator']),
  text: z.string(),
  at: z.number(),
  /** A safety-first reply's help, as links to click (the deployment's list with the global directory). */
  help: z.array(HelpLink).optional(),
});
/**
 * A preparation entry. `screening` marks the person's screening (their answers, or the facilitator's
 * answer to them): kept in that person's preparation only, and never given to a model.
 */
export type PrepMessage = z.infer<typeof PrepMessage> & {
  screening?: { status: 'answered' | 'skipped'; answers?: ScreeningSubmit['answers']; outcome?: ScreeningOutcome };
};

/**
 * A preparation reply still being written (a model streaming it), to the person preparing only: `text`
 * is the whole reply so far. The final reply (`prep:message`) replaces it, and may differ from it.
 */
export const PrepPartial = z.object({ id: z.string(), text: z.string() });
export type PrepPartial = z.infer<typeof PrepPartial>;

/** Fresh suggestions for a message still held, to its sender only: the review replaces the one they have. */
export interface ReviewUpdate {
  clientMsgId: string;
  review: Review;
}

/** A message of this person's still held for them to review: sent to their own socket on connect only. */
export interface HeldForYou {
  clientMsgId: string;
  text: string;
  review: Review;
}

/**
 * One line of a caucus: seen by the mediator and the one person only; never in the room's log, its history
 * or its transcript. `with` is the person who is not the mediator, `mediator` the mediator's id.
 */
export interface CaucusMessage {
  id: string;
  mediator: string;
  with: string;
  from: string;
  text: string;
  at: number;
}

/** What the suggestions on held messages became: sent as suggested, edited, sent as written, or discarded. */
export interface SuggestionCounts {
  taken: number;
  edited: number;
  original: number;
  discarded: number;
}

/** How a room went (docs/PROTOCOL.md, "Outcomes"): for the host and mediators, and summed in /metrics. */
export interface OutcomesView {
  suggestions: SuggestionCounts;
  /** Breaks started, by anyone (a person, a mediator or the facilitator). */
  breaks: number;
  /** When the joint session opened, the first clause was agreed by every party, and everyone signed (ms). */
  jointAt: number | null;
  firstAgreedAt: number | null;
  signedAt: number | null;
  /** The room's heat after each delivered message (held words never count), oldest first, at most 200. */
  heat: { at: number; heat: number }[];
}

/** The mediator's console (host and mediators only): held messages per person (counts, never words). */
export interface ConsoleView {
  held: Record<string, number>;
  outcomes: OutcomesView;
}

// ---------------------------------------------------------------- acknowledgements

export type Fail = { ok: false; error: ApiError };
export type Ack<T extends object = object> = ({ ok: true } & T) | Fail;

/**
 * `heat`: the room's shown heat once the message is in (what `room:state` would say; a heat step alone
 * sends no `room:state`). Missing on the answer to a retry of a message delivered before.
 */
export type SendResult =
  | { status: 'delivered'; seq: number; message: MessageEvent; heat?: number }
  | { status: 'held'; clientMsgId: string; review: Review }
  | { status: 'discarded' };

/** A point to pass on, checked: `ready` shows the exact words to approve; `held` cannot be approved as written. */
export type RelayResult =
  | { status: 'ready'; clientMsgId: string; text: string }
  | { status: 'held'; clientMsgId: string; review: Review }
  | { status: 'delivered'; seq: number; message: MessageEvent; heat?: number };

/** What a delivered message changed in the room's view, carried with its `message` event: the shown heat. */
export interface MessageAfter {
  heat: number;
}

export interface ClientToServerEvents {
  'message:send': (p: MessageSend, ack: (r: Ack<SendResult>) => void) => void;
  'message:resolve': (p: MessageResolve, ack: (r: Ack<SendResult>) => void) => void;
  history: (p: { sinceSeq: number }, ack: (r: Ack<{ messages: LogEntry[] }>) => void) => void;
  'floor:request': (p: object, ack: (r: Ack<{ floor: FloorView }>) => void) => void;
  'floor:yield': (p: object, ack: (r: Ack<{ floor: FloorView }>) => void) => void;
  'floor:grant': (p: { participantId: string }, ack: (r: Ack<{ floor: FloorView }>) => void) => void;
  'floor:confirm': (p: { accurate: boolean }, ack: (r: Ack<{ floor: FloorView }>) => void) => void;
  'room:mode': (p: { mode: TurnMode }, ack: (r: Ack<{ mode: TurnMode }>) => void) => void;
  'room:state': (p: object, ack: (r: Ack<{ state: RoomView }>) => void) => void;
  /** From private preparation into the joint conversation (docs/PROTOCOL.md, "Preparation and entering"). */
  'room:enter': (p: object, ack: (r: Ack<{ stage: 'joint' }>) => void) => void;
  'break:request': (p: { minutes?: number; quiet?: boolean }, ack: (r: Ack<{ break: BreakView }>) => void) => void;
  'break:end': (p: object, ack: (r: Ack) => void) => void;
  'prep:send': (p: { text: string }, ack: (r: Ack<{ reply: PrepMessage }>) => void) => void;
  'prep:history': (p: object, ack: (r: Ack<{ messages: PrepMessage[] }>) => void) => void;
  'prep:share': (p: { text: string; clientMsgId?: string }, ack: (r: Ack<SendResult>) => void) => void;
  'agreement:propose': (p: { text: string }, ack: (r: Ack<{ clauseId: string }>) => void) => void;
  'agreement:accept': (
    p: { clauseId: string; textHash?: string },
    ack: (r: Ack<{ status: ClauseStatus }>) => void,
  ) => void;
  'agreement:sign': (p: object, ack: (r: Ack<{ final: boolean }>) => void) => void;
  /** A party sets (or clears, with null) when the room looks at a clause again: YYYY-MM-DD. */
  'agreement:review': (
    p: { clauseId: string; reviewOn: string | null },
    ack: (r: Ack<{ reviewOn: string | null }>) => void,
  ) => void;
  /** Deletes the sender's own private preparation (and screening answers): nobody else's. */
  'prep:delete': (p: object, ack: (r: Ack<{ deleted: number }>) => void) => void;
  /** Host or mediator only (docs/PROTOCOL.md, "Agenda"). */
  'agenda:add': (p: { title: string }, ack: (r: Ack<{ topicId: string; agenda: AgendaView }>) => void) => void;
  'agenda:move': (p: { topicId: string; toIndex: number }, ack: (r: Ack<{ agenda: AgendaView }>) => void) => void;
  'agenda:close': (p: { topicId: string }, ack: (r: Ack<{ agenda: AgendaView }>) => void) => void;
  'agenda:current': (p: { topicId: string }, ack: (r: Ack<{ agenda: AgendaView }>) => void) => void;
  /** The person's own screening, in their preparation (docs/PROTOCOL.md, "Screening"). */
  'screening:get': (p: object, ack: (r: Ack<{ screening: ScreeningView }>) => void) => void;
  'screening:submit': (p: ScreeningSubmit, ack: (r: Ack<{ screening: ScreeningView }>) => void) => void;
  'screening:skip': (p: object, ack: (r: Ack<{ screening: ScreeningView }>) => void) => void;
  /** A person asks for a separated room, without saying why: the room switches at once. */
  'room:separate': (p: object, ack: (r: Ack<{ separated: true }>) => void) => void;
  /** Separated rooms: check a point, approve its exact words, or drop it. */
  'relay:propose': (p: { clientMsgId: string; text: string }, ack: (r: Ack<RelayResult>) => void) => void;
  'relay:approve': (p: { clientMsgId: string; text: string }, ack: (r: Ack<RelayResult>) => void) => void;
  'relay:cancel': (p: { clientMsgId: string }, ack: (r: Ack) => void) => void;
  /** Host or mediator only (docs/PROTOCOL.md, "Safety"). */
  'participant:pause': (p: { participantId: string }, ack: (r: Ack<ParticipantChange>) => void) => void;
  'participant:resume': (p: { participantId: string }, ack: (r: Ack<ParticipantChange>) => void) => void;
  'participant:remove': (p: { participantId: string }, ack: (r: Ack<ParticipantChange>) => void) => void;
  /** Host or mediator only: held messages per person (counts only) and the room's outcomes so far. */
  'console:state': (p: object, ack: (r: Ack<{ console: ConsoleView }>) => void) => void;
  /** A mediator writes to one person privately, or that person answers a mediator (docs/PROTOCOL.md, "Caucus"). */
  'caucus:send': (
    p: { participantId: string; text: string },
    ack: (r: Ack<{ message: CaucusMessage }>) => void,
  ) => void;
  'caucus:history': (p: { participantId: string }, ack: (r: Ack<{ messages: CaucusMessage[] }>) => void) => void;
  /** A person asks, privately, to go on in a separated room (told to the mediators only). */
  'safety:separate': (p: object, ack: (r: Ack<{ toldMediators: boolean }>) => void) => void;
}

/** A person's part after a moderator's change: 'active' when they take part as usual. */
export interface ParticipantChange {
  participantId: string;
  status: ParticipantStatus | 'active';
}

export interface ServerToClientEvents {
  'room:state': (state: RoomView) => void;
  /** `after`: with a delivered message (not a side's), the room's shown heat once it is in. */
  message: (m: MessageEvent, after?: MessageAfter) => void;
  facilitator: (f: FacilitatorEvent) => void;
  'prep:message': (m: PrepMessage) => void;
  'prep:partial': (p: PrepPartial) => void;
  'message:review': (u: ReviewUpdate) => void;
  'message:held': (held: HeldForYou[]) => void;
  'room:deleted': (p: { roomId: string }) => void;
  /** A caucus line, to the mediator and the one person only. */
  'caucus:message': (m: CaucusMessage) => void;
}

export type ClauseStatus = 'proposed' | 'agreed';
