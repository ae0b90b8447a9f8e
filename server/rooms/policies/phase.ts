import type { AgreementSnapshot } from '../../../shared/agreement.js';
import type { Phase } from '../../../shared/protocol.js';

/** The room's phase as the agreement moves it: a first clause opens it, every signature ends it. */
export function phaseAfterAgreement(current: Phase, agreement: Pick<AgreementSnapshot, 'clauses' | 'final'>): Phase {
  if (agreement.final) return 'final';
  if (agreement.clauses.length > 0 && (current === 'prep' || current === 'joint')) return 'agreement';
  return current;
}
