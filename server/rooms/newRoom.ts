import type { RecordMode, Role, RoomKind, TurnMode } from '../../shared/protocol.js';
import { isParty } from '../../shared/rules/floor.js';
import type { Participant, RoomRecord } from './model.js';

/** Parties start in their own preparation; mediators and observers have none and start in the conversation. */
export function newParticipant(participantId: string, name: string, role: Role, now: number): Participant {
  const stage = isParty(role) ? 'prep' : 'joint';
  return { participantId, name, role, joinedAt: now, delivered: 0, chars: 0, stage };
}

const DEFAULT_TITLES: Record<RoomKind, string> = {
  couple: 'A conversation between partners',
  family: 'A family conversation',
  workplace: 'A conversation between colleagues',
};

export interface NewRoomInput {
  roomId: string;
  title?: string;
  kind: RoomKind;
  mode?: TurnMode;
  /** A separated room: turns do not apply, so the mode is open. */
  separated?: boolean;
  /** Absent: confidential. */
  recordMode?: RecordMode;
  host: Participant;
  now: number;
  retentionMs: number;
  heatThreshold: number;
}

export function newRoom(input: NewRoomInput): RoomRecord {
  // Families default to raised hands (many voices); couples and coworkers to an open room.
  const mode = input.separated ? 'open' : (input.mode ?? (input.kind === 'family' ? 'hand-raise' : 'open'));
  return {
    roomId: input.roomId,
    title: input.title?.trim() || DEFAULT_TITLES[input.kind],
    kind: input.kind,
    mode,
    phase: 'prep',
    createdAt: input.now,
    expiresAt: input.now + input.retentionMs,
    heatThreshold: input.heatThreshold,
    participants: [input.host],
    floor: { holder: null, queue: [], listener: null, stage: null, expiresAt: null },
    break: null,
    heat: 0,
    hotStreak: 0,
    recentSpeakers: [],
    sinceNudge: 0,
    sinceOffer: 0,
    recapFromSeq: 0,
    sharedPoints: [],
    held: {},
    recordMode: input.recordMode ?? 'confidential',
    ...(input.separated ? { separated: { since: input.now, by: 'host' as const } } : {}),
  };
}
