import type { AgreementSnapshot, AgreementState, ClauseState, ClauseVersion } from '../../shared/agreement.js';
import type { AgreementRecord, EarlierAcceptance, RecordClause } from '../../shared/agreementRecord.js';
import { signedTextOf, textHash } from './state.js';

/**
 * The agreement as a record: the derived view (which acceptances and signatures still hold for the
 * words as they are) joined with the stored times and versions. What still holds is shown with its
 * time; an acceptance or signature of earlier words is shown apart, with who changed the words since.
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
  const clauses = snapshot.clauses.map((c): RecordClause => {
    const own = stored.get(c.id);
    const current = new Set(c.acceptedBy);
    const acceptances = c.acceptedBy
      .map((id) => ({
        name: nameOf(id),
        participantId: id,
        at: own?.acceptances[id]?.at ?? 0,
        hash: own?.acceptances[id]?.hash ?? textHash(c.text),
      }))
      .sort(byTime);
    const versions = own?.versions ?? [];
    return {
      id: c.id,
      text: c.text,
      status: c.status,
      proposedBy: nameOf(c.proposedBy),
      proposedAt: own?.proposedAt ?? null,
      acceptances,
      earlierAcceptances: own ? earlierAcceptances(own, current, nameOf) : [],
      versions: versions.map((v) => ({ text: v.text, by: nameOf(v.by), byId: v.by, at: v.at })),
      reviewOn: own?.reviewOn ? { on: own.reviewOn.on, by: nameOf(own.reviewOn.by), at: own.reviewOn.at } : null,
    };
  });
  const signedBy = new Set(snapshot.signedBy);
  const signature = (id: string) => ({ name: nameOf(id), participantId: id, at: state.signatures[id]?.at ?? 0 });
  const signatures = snapshot.signedBy.map(signature).sort(byTime);
  const earlierSignatures = Object.keys(state.signatures)
    .filter((id) => !signedBy.has(id))
    .map(signature)
    .sort(byTime);
  const signedText = signatures.length > 0 ? signedTextOf(snapshot.clauses) : null;
  return {
    title: title.trim() || 'Agreement',
    final: snapshot.final,
    signedAt: state.final?.at ?? null,
    clauses,
    signatures,
    earlierSignatures,
    signedText,
    signedTextHash: signedText === null ? null : textHash(signedText),
  };
}

/** The version a stamp was given for: the last wording with its words from before the stamp. */
function acceptedVersion(versions: ClauseVersion[], stamp: { at: number; hash: string }): number {
  let sameWords = -1;
  for (let i = versions.length - 1; i >= 0; i--) {
    if (versions[i].hash !== stamp.hash) continue;
    if (versions[i].at <= stamp.at) return i;
    if (sameWords < 0) sameWords = i;
  }
  return sameWords;
}

/** Acceptances of words the clause no longer has: what was accepted, and who changed it since. */
function earlierAcceptances(
  clause: ClauseState,
  current: ReadonlySet<string>,
  nameOf: (id: string) => string,
): EarlierAcceptance[] {
  const versions = clause.versions ?? [];
  return Object.entries(clause.acceptances)
    .filter(([id]) => !current.has(id))
    .map(([id, stamp]) => {
      const index = acceptedVersion(versions, stamp);
      const later = index < 0 ? versions.slice(-1) : versions.slice(index + 1);
      const changers = [...new Set(later.map((v) => v.by))];
      return {
        name: nameOf(id),
        participantId: id,
        at: stamp.at,
        acceptedText: index < 0 ? null : versions[index].text,
        changedBy: changers.map((by) => ({ name: nameOf(by), participantId: by })),
      };
    })
    .sort((a, b) => a.at - b.at);
}
