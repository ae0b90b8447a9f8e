import type { AgreementSnapshot } from '../../shared/agreement.js';
import { isSafetyLabel } from '../../shared/analysis.js';
import { isControllingClause } from '../analysis/coercion.js';
import { analyze } from '../analysis/index.js';
import { AppError } from '../errors.js';
import { coercionNote } from './messages/safety.js';
import { stopForSafety } from './safetyStop.js';
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
  await checkClause(work, room, who, text);
  const out = await work.deps.agreement.propose(who.roomId, who.participantId, text);
  await agreementChanged(work, who.roomId, await work.deps.agreement.snapshot(who.roomId));
  return out;
}

const CLAUSE_PAUSED = 'Your messages to the room are paused for now, and so are proposals for the agreement.';
const CLAUSE_HEATED =
  'These words can’t go into the agreement as they are. An agreement works best in calm, concrete words about ' +
  'what each of you will do: could you try it another way?';
const CLAUSE_UNSAFE =
  'These words can’t go into the agreement. If something is weighing on you, your private space with the ' +
  'facilitator is open.';
const CLAUSE_CONTROL =
  'This can’t go into the agreement: an agreement can’t limit someone’s friends, family, money, phone or ' +
  'movements. Each person can say what they will do themselves.';

/**
 * A proposed clause is read as a room message is (it reaches everyone, a separated room's other side too): a paused
 * party proposes nothing; a threat or self-harm is never added and is handled as any safety hold (who is threatened
 * is told, the room pauses, repeats escalate); heated words and demands to control someone are refused, the latter
 * flagged privately to the mediators.
 */
async function checkClause(work: RoomWork, room: RoomRecord, who: Identity, text: string): Promise<void> {
  const me = room.participants.find((p) => p.participantId === who.participantId);
  if (me?.status === 'paused') throw new AppError('not_allowed', CLAUSE_PAUSED);
  if (who.role === 'mediator') return;
  const others = room.participants.filter((p) => p.participantId !== who.participantId).map((p) => p.name);
  const analysis = analyze(text, { threshold: room.heatThreshold, context: { otherNames: others } });
  const labels = analysis.labels.filter(isSafetyLabel);
  if (labels.length > 0) {
    await stopForSafety(work, who, labels);
    throw new AppError('not_allowed', CLAUSE_UNSAFE);
  }
  if (isControllingClause(text)) {
    const mediators = room.participants.filter((p) => p.role === 'mediator').map((p) => p.participantId);
    const name = me?.name ?? 'Someone';
    if (mediators.length > 0)
      await work.carryOut(room, [
        facilitator({ say: 'text', kind: 'safety', text: coercionNote(name), visibleTo: mediators }),
      ]);
    throw new AppError('not_allowed', CLAUSE_CONTROL);
  }
  if (analysis.held) throw new AppError('not_allowed', CLAUSE_HEATED);
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
