import type { AgreementState } from '../../shared/agreement.js';
import type { Review } from '../../shared/analysis.js';
import type {
  BreakView,
  CaucusMessage,
  OutcomesView,
  LogEntry,
  ParticipantStatus,
  Phase,
  RecordMode,
  Role,
  RoomKind,
  Stage,
  TopicStatus,
  TurnMode,
} from '../../shared/protocol.js';

/**
 * When the facilitator last reflected or acknowledged someone, and what it has said back already, so
 * it speaks up at most once per person every few messages and never twice for one thing said.
 */
export interface ListeningState {
  /** Delivered messages since the facilitator last reflected or acknowledged anyone. */
  since: number;
  /** Delivered messages since it last reflected or acknowledged each person. */
  sinceFor: Record<string, number>;
  /** Per person, what has been said back already ("felt:invisible", "need:being included"), newest last. */
  said: Record<string, string[]>;
}

/** A person in a room as the server keeps them. */
export interface Participant {
  participantId: string;
  name: string;
  role: Role;
  joinedAt: number;
  /** Messages delivered to the room, for "least speaking share first". */
  delivered: number;
  /** Characters delivered, the finer speaking-share measure. */
  chars: number;
  /** Room messages paused (by a moderator, or after repeated safety holds), or out of the joint session. */
  status?: ParticipantStatus;
  /** Messages of theirs held as threats this session: the second pauses them, the third removes them. */
  threatHolds?: number;
  /**
   * 'prep': a party still preparing privately, not yet in the joint conversation (no turns, no room messages);
   * 'joint': in the conversation. Absent (records written before stages existed): in the conversation.
   */
  stage?: Stage;
}

/**
 * The floor, one shape for every mode. Policies in rooms/policies/ change it as pure functions.
 * - open: holder is always null.
 * - round: holder is the current speaker, order is the rotation.
 * - hand-raise: holder may be null; queue holds raised hands in order.
 * - speaker-listener: holder is the speaker, listener paraphrases, stage says whose move it is.
 */
export interface FloorState {
  holder: string | null;
  queue: string[];
  listener: string | null;
  stage: 'speaking' | 'paraphrasing' | 'confirming' | null;
  /** epoch ms when the holder's time runs out, or null for no limit. */
  expiresAt: number | null;
}

export interface HeldMessage {
  clientMsgId: string;
  participantId: string;
  text: string;
  review: Review;
  heldAt: number;
  fromPrep: boolean;
}

/**
 * A running break as the server keeps it: what people see (BreakView), and for a safety pause (the
 * break that follows a message held for safety) whose message caused it. That stays here: only the
 * rule of who may end the break reads it (shared/rules/breaks.ts).
 */
export interface BreakRecord extends BreakView {
  safetyCausedBy?: string;
  /** A quiet pause: shown as the facilitator's, it belongs to the person who asked (and the mediators). */
  askedQuietlyBy?: string;
  /** A quiet pause asked during someone else's break or a safety pause: only a mediator ends it early. */
  sharedQuietly?: boolean;
}

/** A topic as the server keeps it: what people see (AgendaTopicView), and the words it is matched by. */
export interface AgendaTopic {
  id: string;
  title: string;
  status: TopicStatus;
  by: string | null;
  /** Stemmed content words of the title and of the words it came from: to match a clause to it. */
  words: string[];
  /** The clause it became (status 'clause'). */
  clauseId?: string;
}

/** The room's agenda (rooms/agenda.ts, policies/agenda.ts). */
export interface AgendaRecord {
  topics: AgendaTopic[];
  current: string | null;
  /** Topics ever added: the next topic's id. */
  added: number;
  /** Whether the facilitator has read the agenda out to the room yet. */
  announced: boolean;
  /** Parties whose first words in the joint session were already considered for a topic. */
  heard: string[];
}

export interface RoomRecord {
  roomId: string;
  title: string;
  kind: RoomKind;
  mode: TurnMode;
  phase: Phase;
  createdAt: number;
  /** The room and everything in it expires at this time (retention). */
  expiresAt: number;
  heatThreshold: number;
  participants: Participant[];
  floor: FloorState;
  break: BreakRecord | null;
  /** Moving average of the heat of messages delivered to the room (held ones count once delivered). */
  heat: number;
  /** How many delivered messages in a row kept the moving heat high. */
  hotStreak: number;
  /** The last people to speak, newest last (bounded), for fairness nudges. */
  recentSpeakers: string[];
  /** Messages delivered since the facilitator last nudged or invited someone in / offered clauses. */
  sinceNudge: number;
  sinceOffer: number;
  /** Messages delivered since each party last wrote or joined (absent in older records: none yet). */
  quietFor?: Record<string, number>;
  /** Parties invited in during their current silence: at most one invitation per silence. */
  invited?: string[];
  /** What the listening policy (policies/reflection.ts) counts (absent in older records: nothing yet). */
  listening?: ListeningState;
  /** seq of the first message after the last break or recap, for the next recap. */
  recapFromSeq: number;
  /** Points people chose to share from private preparation (their own words). */
  sharedPoints: { participantId: string; text: string }[];
  /** Messages waiting for their sender's review, keyed by `${participantId}:${clientMsgId}`. */
  held: Record<string, HeldMessage>;
  /** Speaker-listener: the speaker's messages this turn (newest last, a few), to check the paraphrase against. */
  speakerWords?: { speaker: string; texts: string[] };
  /** Delivered messages since one was last held (absent: none held yet), since one described pain, and the
   * concrete asks made since the last clause offer: an offer waits for a calm room with something to draft. */
  sinceHeld?: number;
  sincePain?: number;
  asksSinceOffer?: number;
  /** Parties who told of harm done to them or fear (analysis.disclosure): clause offers stop for the session. */
  disclosedBy?: string[];
  /** Parties with a message held for safety (threat or self-harm) this session: never called on by name. */
  safetyHeldBy?: string[];
  /** Delivered messages since the last disclosure (0: the message just delivered is one); absent: none yet. */
  sinceDisclosure?: number;
  /** Server-owned agreement state (absent in records written before it existed: empty). */
  agreement?: AgreementState;
  /** The agenda, from when the joint session opens (absent before, and in older records). */
  agenda?: AgendaRecord;
  /** A separated room (shuttle mode): chosen by the host at creation, or asked for by someone's screening. */
  separated?: { since: number; by: 'host' | 'request'; announced?: boolean };
  /** Separated rooms: points waiting for their author's approval, keyed by `${participantId}:${clientMsgId}`. */
  relays?: Record<string, PendingRelay>;
  /** What is kept of the conversation (absent in older records: confidential). Fixed at creation. */
  recordMode?: RecordMode;
  /** Record mode: how far the transcript's hash chain is sealed (rooms/transcript/sealer.ts). */
  transcript?: TranscriptSeal;
  /** The host said they will delete the room; a room with an agreement is deleted only after this notice. */
  deletionNotice?: { at: number; by: string; deletableAt: number };
  /** How the room went (policies/outcomes.ts); absent in older records: nothing counted yet. */
  outcomes?: OutcomesView;
  /**
   * Caucuses (rooms/caucus.ts), keyed `${mediatorId}:${personId}`, newest last and bounded: kept on the room
   * record, never in its log, so no history, transcript or broadcast to the room can carry them.
   */
  caucus?: Record<string, CaucusMessage[]>;
}

/** The transcript's hash chain as stored: the last log seq it covers, its hash, and how many entries it chains. */
export interface TranscriptSeal {
  seq: number;
  head: string;
  count: number;
}

/** A point to pass on, checked: its exact words, and the review when the words cannot be passed on as written. */
export interface PendingRelay {
  clientMsgId: string;
  participantId: string;
  text: string;
  heat: number;
  review: Review | null;
  at: number;
  /** The analyzer heard harm or fear told as the author's own: passed on, the author gets the check-in. */
  disclosure?: boolean;
}

/** Who a token belongs to. Tokens are stored by their hash only. */
export interface TokenRecord {
  roomId: string;
  participantId: string;
  role: Role;
}

/** What an invite code lets its holder become. Codes are stored by their hash only. */
export interface InviteRecord {
  inviteId: string;
  roomId: string;
  role: Exclude<Role, 'host'>;
  createdBy: string;
  createdAt: number;
  /** After this (ms since the epoch) the code admits no one. */
  expiresAt: number;
  /** How many people it may admit: 1 for a participant code; null while it lives (observer, mediator). */
  maxUses: number | null;
  /** How many people it admitted. */
  uses: number;
  revoked: boolean;
}

/** What taking one use of an invite gave: the record, or why it admits no one. */
export type InviteUse =
  | { status: 'ok'; invite: InviteRecord }
  | { status: 'used' | 'expired' | 'revoked'; invite: InviteRecord }
  | { status: 'unknown' };

/** A single-use ticket for the /yjs upgrade: who it admits, and until when (ms since the epoch). */
export interface TicketRecord extends TokenRecord {
  expiresAt: number;
}

/** A log entry before the store gives it its sequence number. */
export type NewLogEntry = LogEntry extends infer E ? (E extends { seq: number } ? Omit<E, 'seq'> : never) : never;

/** Who is asking: a resolved token (auth/credentials.ts resolves it). */
export interface Identity extends TokenRecord {
  /**
   * The socket.io connection the request came on, if any: what its answer (ack) carries, such as the
   * sender's own delivered message, is not broadcast to it again.
   */
  socketId?: string;
  /**
   * An agreement document connection that may read but not write: someone paused or taken out of the joint session
   * when their ticket was redeemed (auth/credentials.ts). Observers are read-only by their role.
   */
  readOnly?: boolean;
}
