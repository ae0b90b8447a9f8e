import type { Analysis } from '../../shared/analysis.js';
import type { LogEntry, PrepMessage, RoomKind } from '../../shared/protocol.js';

/** What an engine may know when it words something for the room: names and room data only. */
export interface RoomContext {
  kind: RoomKind;
  title: string;
  names: Record<string, string>;
  /**
   * The people taking part (hosts and participants, not observers or mediators), in the order they
   * joined: how many there are shapes the wording ("you both", "all of you"). Absent: everyone in `names`.
   */
  parties?: string[];
}

export interface ClauseOffer {
  text: string;
  drafts: string[];
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
  breakStarted(room: RoomContext, minutes: number, calledBy: 'facilitator' | string): Promise<string>;
  recap(room: RoomContext, entries: LogEntry[]): Promise<string>;
  clauseOffer(room: RoomContext, sharedPoints: string[], entries: LogEntry[]): Promise<ClauseOffer>;
  /**
   * Say back to `speaker` what they said in `text` (a delivered room message): their feeling, need or
   * request, in their own words, by name. null when there is nothing that can be said back faithfully.
   */
  reflect(room: RoomContext, speaker: string, text: string): Promise<string | null>;
  /**
   * Acknowledge the repair attempt in `speaker`'s `text` (an apology, taking responsibility, appreciation):
   * warm, brief, by name, specific, asking nothing of anyone else. null when there is none.
   */
  acknowledge(room: RoomContext, speaker: string, text: string): Promise<string | null>;
  /** Calmer versions of a held message (1-3), keeping its meaning. */
  rewrite(text: string, analysis: Analysis): Promise<string[]>;
  prepReply(history: PrepMessage[], name: string): Promise<string>;
}
