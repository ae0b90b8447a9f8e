import type { AgreementSnapshot } from '../../shared/agreement.js';
import { AppError } from '../errors.js';
import { afterClauses } from './agenda.js';
import type { RoomEffect } from './effects.js';
import type { AgreementRecord } from '../../shared/agreementRecord.js';
import type { Identity, RoomRecord } from './model.js';
import { facilitator } from './effects.js';
import { afterAgreement, noOutcomes, secondsSinceJoint } from './policies/outcomes.js';
import { phaseAfterAgreement } from './policies/phase.js';
import type { RoomWork } from './work.js';

/** The agreement as the room sees it: who may change it, and the phase it moves the room to. */

export async function propose(work: RoomWork, who: Identity, text: string): Promise<{ clauseId: string }> {
  const room = await work.room(who.roomId);
  if (who.role === 'observer') throw new AppError('forbidden', 'Observers can read the agreement but not change it.');
  if (room.phase === 'final') throw new AppError('not_allowed', 'This agreement is final and signed by everyone.');
  const out = await work.deps.agreement.propose(who.roomId, who.participantId, text);
  await agreementChanged(work, who.roomId, await work.deps.agreement.snapshot(who.roomId));
  return out;
}

export async function accept(work: RoomWork, who: Identity, clauseId: string, textHash?: string) {
  await work.room(who.roomId);
  mustBeParty(who);
  return work.deps.agreement.accept(who.roomId, clauseId, who.participantId, textHash);
}

export async function sign(work: RoomWork, who: Identity): Promise<{ final: boolean }> {
  await work.room(who.roomId);
  mustBeParty(who);
  const out = await work.deps.agreement.sign(who.roomId, who.participantId);
  await agreementChanged(work, who.roomId, await work.deps.agreement.snapshot(who.roomId));
  return out;
}

/** When the room looks at a clause again: set by a party, shown in the agreement and its export. */
export async function review(work: RoomWork, who: Identity, clauseId: string, reviewOn: string | null) {
  await work.room(who.roomId);
  mustBeParty(who);
  return work.deps.agreement.review(who.roomId, clauseId, who.participantId, reviewOn);
}

function mustBeParty(who: Identity): void {
  if (who.role !== 'host' && who.role !== 'participant') {
    throw new AppError('forbidden', 'Only the people making the agreement accept and sign it.');
  }
}

/** The agreement changed (through an event or the document itself): move the room's phase. */
export async function agreementChanged(work: RoomWork, roomId: string, agreement: AgreementSnapshot): Promise<void> {
  const now = work.deps.now();
  let moments = { firstAgreed: false, signed: false, outcomes: noOutcomes() };
  const { room, result } = await work.change(roomId, (r) => {
    const phase = phaseAfterAgreement(r.phase, agreement);
    // A clause that covers a topic settles it, and the room moves on (rooms/agenda.ts).
    const agenda = afterClauses(r, agreement.clauses);
    // The first clause everyone agreed and the signing are outcomes, noted once each (policies/outcomes.ts).
    moments = afterAgreement(r, agreement, now);
    const noted = moments.firstAgreed || moments.signed ? { outcomes: moments.outcomes } : {};
    if (phase === r.phase && !agenda && !moments.firstAgreed && !moments.signed) return { result: [] as RoomEffect[] };
    const effects = [...(agenda?.effects ?? [])];
    // Only the change that made it final sums up, so the closing summary is said once.
    if (phase !== r.phase && phase === 'final')
      effects.push(facilitator({ say: 'action', action: { kind: 'summary', occasion: 'end' } }));
    return { room: { ...r, phase, ...noted, ...(agenda ? { agenda: agenda.agenda } : {}) }, result: effects };
  });
  const since = secondsSinceJoint(moments.outcomes, now);
  if (since !== null && moments.firstAgreed) work.deps.metrics.secondsToFirstAgreed?.observe(since);
  if (since !== null && moments.signed) work.deps.metrics.secondsToSigning?.observe(since);
  await work.carryOut(room, result);
}

/** The agreement only (never the conversation or preparation), with names for the ids. */
export async function exportMarkdown(work: RoomWork, who: Identity): Promise<string> {
  const room = await work.room(who.roomId);
  return work.deps.agreement.exportMarkdown(room.roomId, room.title, namesOf(room));
}

/** The same record as data, for the printable page. */
export async function agreementRecord(work: RoomWork, who: Identity): Promise<AgreementRecord> {
  const room = await work.room(who.roomId);
  return work.deps.agreement.record(room.roomId, room.title, namesOf(room));
}

const namesOf = (room: RoomRecord): Record<string, string> =>
  Object.fromEntries(room.participants.map((p) => [p.participantId, p.name]));
