import { AppError } from '../errors.js';
import type { ClauseStatus } from '../../shared/protocol.js';
import type { Shadow, ShadowClause } from './guard.js';

/**
 * The agreement's rules as changes to the shadow: pure of I/O, so they are unit-tested directly.
 * The caller writes the shadow into the document afterwards (guard.reconcile).
 */

const everyone = (parties: string[], ids: Set<string>): boolean =>
  parties.length > 0 && parties.every((p) => ids.has(p));

/** Status follows the current parties, so someone who joins later must accept too. */
export function refreshStatuses(shadow: Shadow, parties: string[]): void {
  for (const clause of shadow.clauses) clause.status = everyone(parties, clause.acceptedBy) ? 'agreed' : 'proposed';
}

export function proposeClause(shadow: Shadow, clause: { id: string; text: string; proposedBy: string }, parties: string[]): void {
  if (shadow.final) throw new AppError('not_allowed', 'The agreement is final; no more clauses can be added.');
  shadow.clauses.push({ ...clause, status: 'proposed', acceptedBy: new Set(), map: null });
  // Signatures were given for the agreement without this clause.
  shadow.signedBy.clear();
  refreshStatuses(shadow, parties);
}

export function acceptClause(shadow: Shadow, clauseId: string, participantId: string, parties: string[]): ClauseStatus {
  const clause = findClause(shadow, clauseId);
  if (!parties.includes(participantId)) throw new AppError('forbidden', 'Only the parties accept clauses.');
  if (!shadow.final) {
    clause.acceptedBy.add(participantId);
    refreshStatuses(shadow, parties);
  }
  return clause.status;
}

/** Returns whether the agreement became (or already was) final. */
export function signAgreement(shadow: Shadow, participantId: string, parties: string[]): boolean {
  if (!parties.includes(participantId)) throw new AppError('forbidden', 'Only the parties sign the agreement.');
  if (shadow.final) throw new AppError('not_allowed', 'The agreement is already final.');
  if (shadow.clauses.length === 0) throw new AppError('not_allowed', 'There is nothing to sign yet.');
  refreshStatuses(shadow, parties);
  if (shadow.clauses.some((c) => c.status !== 'agreed')) {
    throw new AppError('not_allowed', 'Every clause must be accepted by everyone before signing.');
  }
  shadow.signedBy.add(participantId);
  shadow.final = everyone(parties, shadow.signedBy);
  return shadow.final;
}

function findClause(shadow: Shadow, clauseId: string): ShadowClause {
  const clause = shadow.clauses.find((c) => c.id === clauseId);
  if (!clause) throw new AppError('not_found', 'No such clause.');
  return clause;
}
