import type { AgreementSnapshot } from '../../../shared/agreement.js';
import type { OutcomesView, SuggestionCounts } from '../../../shared/protocol.js';
import { parties } from '../../../shared/rules/floor.js';
import type { RoomRecord } from '../model.js';
import type { HeldOutcome } from '../ports.js';

/** How a room went, kept on the room as pure updates (docs/PROTOCOL.md, "Outcomes"). */

/** Enough points to draw heat over a long session, few enough to keep the room record small. */
export const HEAT_SAMPLES = 200;

export const noOutcomes = (): OutcomesView => ({
  suggestions: { taken: 0, edited: 0, original: 0, discarded: 0 },
  breaks: 0,
  jointAt: null,
  firstAgreedAt: null,
  signedAt: null,
  heat: [],
});

export const outcomesOf = (room: RoomRecord): OutcomesView => room.outcomes ?? noOutcomes();

const COUNTED: Record<HeldOutcome, keyof SuggestionCounts> = {
  suggestion: 'taken',
  edited: 'edited',
  original: 'original',
  discarded: 'discarded',
};

/** What a person did with a held message's suggestions. */
export function countSuggestion(room: RoomRecord, outcome: HeldOutcome): OutcomesView {
  const out = outcomesOf(room);
  const key = COUNTED[outcome];
  return { ...out, suggestions: { ...out.suggestions, [key]: out.suggestions[key] + 1 } };
}

/** The room's heat after a delivered message (held words never reach this). */
export function sampleHeat(room: RoomRecord, heat: number, at: number): OutcomesView {
  const out = outcomesOf(room);
  const point = { at, heat: Math.round(heat * 100) / 100 };
  return { ...out, heat: [...out.heat, point].slice(-HEAT_SAMPLES) };
}

export function countBreak(room: RoomRecord): OutcomesView {
  const out = outcomesOf(room);
  return { ...out, breaks: out.breaks + 1 };
}

export function jointOpened(room: RoomRecord, at: number): OutcomesView {
  const out = outcomesOf(room);
  return out.jointAt === null ? { ...out, jointAt: at } : out;
}

/**
 * The first clause every party accepted, and the signing, each noted once. Returns what became true now,
 * so /metrics observes each moment once.
 */
export function afterAgreement(
  room: RoomRecord,
  agreement: AgreementSnapshot,
  at: number,
): { outcomes: OutcomesView; firstAgreed: boolean; signed: boolean } {
  const out = outcomesOf(room);
  const ids = parties(room).map((p) => p.participantId);
  const agreed = ids.length > 0 && agreement.clauses.some((c) => ids.every((id) => c.acceptedBy.includes(id)));
  const firstAgreed = out.firstAgreedAt === null && agreed;
  const signed = out.signedAt === null && agreement.final;
  const outcomes = {
    ...out,
    ...(firstAgreed ? { firstAgreedAt: at } : {}),
    ...(signed ? { signedAt: at } : {}),
  };
  return { outcomes, firstAgreed, signed };
}

/** Seconds from the joint session's start to a moment, for /metrics (null when the start is unknown). */
export function secondsSinceJoint(out: OutcomesView, at: number): number | null {
  return out.jointAt === null ? null : Math.max(0, (at - out.jointAt) / 1000);
}
