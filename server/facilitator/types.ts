import type { Analysis } from '../../shared/analysis.js';
import type { Heard } from '../analysis/listening/index.js';
import type { LogEntry, PrepMessage, RoomKind } from '../../shared/protocol.js';

/** What an engine may know when it words something for the room: names and room data only. */
/**
 * The caller of a pause that gives no reason and names no one: after a message held for safety, or asked for quietly
 * by someone who told of harm. Its words are fixed (never a model's), and never speak of heat.
 */
export const SAFETY_PAUSE = 'safety-pause';

export interface RoomContext {
  kind: RoomKind;
  title: string;
  names: Record<string, string>;
  /**
   * The people taking part (hosts and participants, not observers or mediators), in the order they
   * joined: how many there are shapes the wording ("you both", "all of you"). Absent: everyone in `names`.
   */
  parties?: string[];
  /**
   * People the facilitator never calls on by name ("we have not heard from…", "whatever you would like to talk
   * about…"): whoever told of harm or fear, or had a message held for safety, this session.
   */
  unnamed?: string[];
}

export interface ClauseOffer {
  text: string;
  drafts: string[];
}

/** A topic on the room's agenda, as the facilitator names it: its title, and who brought it (null: added by hand). */
export interface TopicLine {
  title: string;
  by: string | null;
}

/** A topic the room has just finished: closed by the host or a mediator, or turned into a clause. */
export interface SettledTopic extends TopicLine {
  how: 'closed' | 'clause';
}

/** When the facilitator sums up: after a break, when the agenda moves to another topic, at the end. */
export type SummaryOccasion = 'break' | 'topic' | 'end';

export interface SummaryRequest {
  occasion: SummaryOccasion;
  /** The topic being closed (occasion 'topic'), as it stands on the agenda. */
  topic?: string;
  /** The topic the room turns to next, when there is one. */
  next?: string;
  /** Clause texts agreed so far (every clause, at the end): an ask they cover is no longer open. */
  agreed?: string[];
}

/**
 * One interface, two engines: `local` (rules, offline, the default) and `openai` (a model behind
 * a time budget, falling back to `local`). The room service decides *when* the facilitator acts
 * (rooms/policies); an engine decides only *what it says*.
 *
 * Confidentiality: room methods never receive anything from private preparation except points a
 * person chose to share; only `prepReply` sees a person's own preparation, and its answer goes to
 * that person alone.
 */
export interface FacilitatorEngine {
  readonly name: string;
  welcome(room: RoomContext, mode: string): Promise<string>;
  modeChanged(room: RoomContext, mode: string): Promise<string>;
  nudge(room: RoomContext, dominant: string, quiet: string): Promise<string>;
  /** `quiet` has been silent for a while: invite them in by name, saying how to get the floor in `mode`. */
  invite(room: RoomContext, quiet: string, mode: string): Promise<string>;
  /** `calledBy`: 'facilitator' (heat), SAFETY_PAUSE (a safety or quiet pause: no reason given, no one named), or a name */
  breakStarted(
    room: RoomContext,
    minutes: number,
    calledBy: 'facilitator' | typeof SAFETY_PAUSE | string,
  ): Promise<string>;
  /**
   * What each person said matters to them (in their words), common ground and what is still open, from
   * delivered room messages only (`entries`), for `request.occasion`.
   */
  summary(room: RoomContext, entries: LogEntry[], request: SummaryRequest): Promise<string>;
  /** Speaker-listener: `listener` argued back; ask them warmly to say back what they heard `speaker` say first. */
  paraphraseFirst(room: RoomContext, listener: string, speaker: string): Promise<string>;
  clauseOffer(room: RoomContext, sharedPoints: string[], entries: LogEntry[]): Promise<ClauseOffer>;
  /** The agenda is read out: what people brought (in their words), and the topic the room starts with. */
  agendaOpened(room: RoomContext, topics: TopicLine[], current: TopicLine): Promise<string>;
  /** The room moves on: from `settled` (if any) to `next`, or there is nothing left on the agenda. */
  topicChanged(room: RoomContext, settled: SettledTopic | null, next: TopicLine | null): Promise<string>;
  /**
   * Say back to `speaker` what they said in `text` (a delivered room message): their feeling, need or
   * request, in their own words, by name. null when there is nothing that can be said back faithfully.
   */
  reflect(room: RoomContext, speaker: string, text: string, heard?: Heard): Promise<string | null>;
  /**
   * Acknowledge the repair attempt in `speaker`'s `text` (an apology, taking responsibility, appreciation):
   * warm, brief, by name, specific, asking nothing of anyone else. null when there is none.
   */
  acknowledge(room: RoomContext, speaker: string, text: string, heard?: Heard): Promise<string | null>;
  /** Calmer versions of a held message (1-3), keeping its meaning. */
  rewrite(text: string, analysis: Analysis): Promise<string[]>;
  /**
   * `onPartial`, when the engine streams (openai), is told the reply written so far, unchecked: the
   * caller checks it before showing it; the resolved reply is the checked, final one.
   */
  prepReply(history: PrepMessage[], name: string, onPartial?: (text: string) => void): Promise<string>;
}
