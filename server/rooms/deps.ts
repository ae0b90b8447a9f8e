import type { AgreementSnapshot } from '../../shared/agreement.js';
import type { ClauseStatus, LogEntry, PrepMessage } from '../../shared/protocol.js';
import type { Config } from '../config.js';
import type { FacilitatorEngine } from '../facilitator/types.js';
import type { Metrics } from '../metrics.js';
import type { Store } from './ports.js';
import type { RoomRecord } from './model.js';

/** Where room changes go out: the realtime gateway implements it over socket.io. */
export interface RoomBroadcaster {
  /** The room's state changed (participants, floor, mode, phase, break, heat). */
  state(room: RoomRecord): void;
  /** A log entry: to everyone in the room, or only to `visibleTo` when it is set. */
  entry(roomId: string, entry: LogEntry): void;
  /** A private preparation message, to one person only. */
  prep(roomId: string, participantId: string, message: PrepMessage): void;
  deleted(roomId: string): void;
}

/** What the room service needs of the agreement document (server/agreement implements it). */
export interface AgreementPort {
  propose(roomId: string, participantId: string, text: string): Promise<{ clauseId: string }>;
  accept(roomId: string, clauseId: string, participantId: string, textHash?: string): Promise<{ status: ClauseStatus }>;
  sign(roomId: string, participantId: string): Promise<{ final: boolean }>;
  snapshot(roomId: string): Promise<AgreementSnapshot>;
  exportMarkdown(roomId: string, title: string, names: Record<string, string>): Promise<string>;
  dropRoom(roomId: string): Promise<void>;
}

/** Arms the room's next deadline (break end, floor time-out). */
export interface RoomClock {
  sync(room: RoomRecord): void;
  clear(roomId: string): void;
}

export interface RoomDeps {
  store: Store;
  engine: FacilitatorEngine;
  broadcast: RoomBroadcaster;
  agreement: AgreementPort;
  metrics: Metrics;
  clock: RoomClock;
  config: Pick<Config, 'heatThreshold' | 'breakMinutes' | 'floorSeconds' | 'retentionMs'>;
  now: () => number;
}
