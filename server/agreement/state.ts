import { createHash } from 'node:crypto';
import type { AgreementSnapshot, AgreementState } from '../../shared/agreement.js';
import type { ClauseStatus } from '../../shared/protocol.js';
import { AppError } from '../errors.js';

/**
 * The agreement's rules as pure changes of its server-owned state, and the view derived from that
 * state and the clauses' current words. An acceptance or signature counts only while the words it
 * was given for are unchanged (compared by sha256), so nobody's acceptance carries over to an edit.
 */

export const textHash = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The text a signature is for: every clause's id and words, in order, as JSON (shown in the export). */
export const signedTextOf = (clauses: { id: string; text: string }[]): string =>
  JSON.stringify(clauses.map((c) => [c.id, c.text]));

/** The version of the whole agreement a signature is for. */
export const agreementHash = (clauses: { id: string; text: string }[]): string => textHash(signedTextOf(clauses));

export interface DerivedClause {
  id: string;
  proposedBy: string;
  text: string;
  acceptedBy: string[];
  status: ClauseStatus;
  reviewOn?: string;
}

const everyone = (parties: string[], ids: Iterable<string>): boolean => {
  const have = new Set(ids);
  return parties.length > 0 && parties.every((p) => have.has(p));
};

/** The clauses' words: the final texts once final, else what the document holds now. */
function wordsOf(state: AgreementState, texts: ReadonlyMap<string, string>): { id: string; text: string }[] {
  return state.clauses.map((c) => ({ id: c.id, text: state.final?.texts[c.id] ?? texts.get(c.id) ?? '' }));
}

/** Status, valid acceptances and signatures for the words as they are now. */
export function deriveAgreement(
  state: AgreementState,
  texts: ReadonlyMap<string, string>,
  parties: string[],
): AgreementSnapshot {
  const words = wordsOf(state, texts);
  const clauses: DerivedClause[] = state.clauses.map((c, i) => {
    const hash = textHash(words[i].text);
    const acceptedBy = Object.entries(c.acceptances)
      .filter(([, stamp]) => stamp.hash === hash)
      .map(([id]) => id)
      .sort();
    const status: ClauseStatus = state.final || everyone(parties, acceptedBy) ? 'agreed' : 'proposed';
    const review = c.reviewOn ? { reviewOn: c.reviewOn.on } : {};
    return { id: c.id, proposedBy: c.proposedBy, text: words[i].text, acceptedBy, status, ...review };
  });
  const version = agreementHash(words);
  const signedBy = Object.entries(state.signatures)
    .filter(([, stamp]) => stamp.hash === version)
    .map(([id]) => id)
    .sort();
  return { clauses, signedBy, final: state.final !== null };
}

export function proposeClause(
  state: AgreementState,
  clause: { id: string; proposedBy: string; at: number; text?: string },
): void {
  if (state.final) throw new AppError('not_allowed', 'The agreement is final and signed; no more points can be added.');
  // The first version: the words as proposed (their hash is what an acceptance of them carries).
  const versions =
    clause.text === undefined
      ? {}
      : { versions: [{ text: clause.text, hash: textHash(clause.text), by: clause.proposedBy, at: clause.at }] };
  state.clauses.push({
    id: clause.id,
    proposedBy: clause.proposedBy,
    proposedAt: clause.at,
    acceptances: {},
    ...versions,
  });
}

/**
 * Records an acceptance of exactly `text`. With `expectedHash` (what the person read), words that
 * changed in between are refused rather than accepted unseen.
 */
export function acceptClause(
  state: AgreementState,
  input: { clauseId: string; participantId: string; text: string; at: number; expectedHash?: string },
  parties: string[],
): void {
  const clause = state.clauses.find((c) => c.id === input.clauseId);
  if (!clause) throw new AppError('not_found', 'That point is not in the agreement (any more).');
  if (!parties.includes(input.participantId))
    throw new AppError('forbidden', 'Only the people making the agreement accept its points.');
  if (state.final) return;
  const hash = textHash(input.text);
  if (input.expectedHash && input.expectedHash !== hash) {
    throw new AppError('conflict', 'The words of this point changed since you read them. Please read it again first.');
  }
  if (clause.acceptances[input.participantId]?.hash === hash) return;
  clause.acceptances[input.participantId] = { at: input.at, hash };
}

/**
 * Signs the agreement as it reads now; it becomes final, with its words frozen, when every party
 * has signed this same version.
 */
export function signAgreement(
  state: AgreementState,
  input: { participantId: string; texts: ReadonlyMap<string, string>; at: number },
  parties: string[],
): void {
  if (!parties.includes(input.participantId))
    throw new AppError('forbidden', 'Only the people making the agreement sign it.');
  if (state.final) throw new AppError('not_allowed', 'The agreement is already final and signed by everyone.');
  if (state.clauses.length === 0)
    throw new AppError('not_allowed', 'There is nothing to sign yet: the agreement has no points.');
  const view = deriveAgreement(state, input.texts, parties);
  if (view.clauses.some((c) => c.status !== 'agreed')) {
    throw new AppError('not_allowed', 'Each point needs everyone to accept it before anyone signs.');
  }
  const words = wordsOf(state, input.texts);
  const hash = agreementHash(words);
  state.signatures[input.participantId] = { at: input.at, hash };
  const signed = Object.entries(state.signatures)
    .filter(([, s]) => s.hash === hash)
    .map(([id]) => id);
  if (everyone(parties, signed)) {
    state.final = { at: input.at, hash, texts: Object.fromEntries(words.map((w) => [w.id, w.text])) };
  }
}

/** A deep copy, so a rule can change it inside a store update that may run more than once. */
export const copyState = (state: AgreementState): AgreementState => structuredClone(state);
