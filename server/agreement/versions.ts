import type { AgreementState, ClauseState, ClauseVersion } from '../../shared/agreement.js';
import { AppError } from '../errors.js';
import { textHash } from './state.js';

/**
 * A clause's wordings as pure changes of the stored state: who changed the words, when, and to what,
 * so an acceptance of earlier words can say who changed them after.
 */

/** Wordings kept per clause: the first (the proposal) and the latest ones. */
export const MAX_VERSIONS = 12;

/** The first wording of a new clause. */
export function firstVersion(text: string, by: string, at: number): ClauseVersion {
  return { text, hash: textHash(text), by, at };
}

/**
 * Takes an edit into the clause's versions. A person's run of edits stays one version while nobody has
 * accepted it (each keystroke is not a version); an edit by someone else, or after an acceptance of the
 * words as they were, starts a new version.
 */
export function recordEdit(clause: ClauseState, edit: { text: string; by: string; at: number }): void {
  const versions = clause.versions ?? [];
  const last = versions.at(-1);
  if (last?.text === edit.text) return;
  const accepted = last !== undefined && Object.values(clause.acceptances).some((s) => s.hash === last.hash);
  const next = firstVersion(edit.text, edit.by, edit.at);
  if (last && last.by === edit.by && !accepted) versions[versions.length - 1] = next;
  else versions.push(next);
  // Bounded: the proposal and the newest wordings stay.
  while (versions.length > MAX_VERSIONS) versions.splice(1, 1);
  clause.versions = versions;
}

/** Applies edits (in the order they were made) to the stored state; clauses it does not have are skipped. */
export function recordEdits(
  state: AgreementState,
  edits: { clauseId: string; text: string; by: string; at: number }[],
) {
  if (state.final) return;
  for (const edit of edits) {
    const clause = state.clauses.find((c) => c.id === edit.clauseId);
    if (clause) recordEdit(clause, edit);
  }
}

const DAY = /^(\d{4})-(\d\d)-(\d\d)$/;
/** How far ahead a review date may be. */
const MAX_YEARS_AHEAD = 10;

/** Whether `day` is a real calendar day (YYYY-MM-DD) from today (UTC) to ten years ahead. */
export function isReviewDay(day: string, now: number): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(at).toISOString().slice(0, 10) !== day) return false;
  const today = new Date(now).toISOString().slice(0, 10);
  const latest = new Date(now);
  latest.setUTCFullYear(latest.getUTCFullYear() + MAX_YEARS_AHEAD);
  return day >= today && at <= latest.getTime();
}

/** Sets (or, with null, clears) when the room looks at a clause again. Not once the agreement is final. */
export function setReviewDate(
  state: AgreementState,
  input: { clauseId: string; on: string | null; by: string; at: number },
): void {
  const clause = state.clauses.find((c) => c.id === input.clauseId);
  if (!clause) throw new AppError('not_found', 'That point is not in the agreement (any more).');
  if (state.final) throw new AppError('not_allowed', 'The agreement is final and signed; its dates stay as signed.');
  if (input.on === null) {
    delete clause.reviewOn;
    return;
  }
  if (!isReviewDay(input.on, input.at)) {
    throw new AppError('invalid_payload', 'Please choose a day from today to ten years ahead.');
  }
  clause.reviewOn = { on: input.on, by: input.by, at: input.at };
}
