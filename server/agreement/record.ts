import type { AgreementSnapshot, AgreementState } from '../../shared/agreement.js';
import type { AgreementRecord } from '../../shared/agreementRecord.js';
import { signedTextOf, textHash } from './state.js';

/**
 * The agreement as a record: the derived view (which acceptances and signatures still hold for the
 * words as they are) joined with the stored times. Only what still holds is shown, with its time.
 */
export function agreementRecord(
  state: AgreementState,
  snapshot: AgreementSnapshot,
  title: string,
  names: Record<string, string>,
): AgreementRecord {
  const nameOf = (id: string): string => names[id] ?? id;
  const stored = new Map(state.clauses.map((c) => [c.id, c]));
  const byTime = (a: { at: number }, b: { at: number }) => a.at - b.at;
  const clauses = snapshot.clauses.map((c) => {
    const own = stored.get(c.id);
    const acceptances = c.acceptedBy
      .map((id) => ({ name: nameOf(id), at: own?.acceptances[id]?.at ?? 0 }))
      .sort(byTime);
    return {
      id: c.id,
      text: c.text,
      status: c.status,
      proposedBy: nameOf(c.proposedBy),
      proposedAt: own?.proposedAt ?? null,
      acceptances,
    };
  });
  const signatures = snapshot.signedBy
    .map((id) => ({ name: nameOf(id), at: state.signatures[id]?.at ?? 0 }))
    .sort(byTime);
  const signedText = signatures.length > 0 ? signedTextOf(snapshot.clauses) : null;
  return {
    title: title.trim() || 'Agreement',
    final: snapshot.final,
    signedAt: state.final?.at ?? null,
    clauses,
    signatures,
    signedText,
    signedTextHash: signedText === null ? null : textHash(signedText),
  };
}
