import type { RecordClause } from '../../../shared/agreementRecord.js';

/**
 * What a clause says about acceptances, for one reader: only acceptances of exactly these words count
 * as "accepted"; an acceptance of earlier words says so, with who changed them. Pure.
 */

export type AcceptanceState = 'accepted' | 'earlier' | 'not-yet';

/**
 * Whether `participantId` accepted the words on screen. `acceptedBy` is the document's (server-derived)
 * list; `hashNow` the sha256 of the words on screen (unknown on pages without WebCrypto). With the record,
 * an acceptance must carry the same hash as the words shown, so local words the server has not seen yet
 * (typed while offline, or a moment ago) never show as accepted.
 */
export function acceptanceOf(
  participantId: string,
  acceptedBy: readonly string[],
  record: RecordClause | undefined,
  hashNow: string | undefined,
): AcceptanceState {
  const current = record?.acceptances.find((a) => a.participantId === participantId);
  const sameWords = !current || !hashNow || current.hash === hashNow;
  // Both the document and the record (when loaded) must say so, for the words on screen.
  if (acceptedBy.includes(participantId) && (!record || current) && sameWords) return 'accepted';
  if (!sameWords || record?.earlierAcceptances.some((e) => e.participantId === participantId)) return 'earlier';
  return 'not-yet';
}

const list = (names: string[]): string =>
  names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? 'Someone');

/**
 * "Sam changed this point after you accepted it: ..." for the reader whose acceptance is of earlier words;
 * null when they have none.
 */
export function changedAfterYouAccepted(record: RecordClause | undefined, me: string): string | null {
  const earlier = record?.earlierAcceptances.find((e) => e.participantId === me);
  if (!earlier) return null;
  const names = earlier.changedBy.map((c) => (c.participantId === me ? 'you' : c.name));
  const who = names.length === 0 ? 'Someone' : list(names);
  const subject = who === 'you' ? 'You' : who;
  const text = earlier.acceptedText?.trim();
  // The quoted words end the sentence; a full stop after them only when they have none of their own.
  const before = text ? ` You accepted: “${text}”${/[.!?]$/.test(text) ? '' : '.'}` : '';
  return (
    `${subject} changed this point after you accepted it, so your acceptance is not for these words.${before} ` +
    'Read the words as they are now, and accept them if they still work for you.'
  );
}

/** Who an earlier acceptance was changed by, for the acceptance list: "accepted earlier words (changed by Sam)". */
export function earlierNote(record: RecordClause | undefined, participantId: string, me: string): string {
  const earlier = record?.earlierAcceptances.find((e) => e.participantId === participantId);
  const names = (earlier?.changedBy ?? []).map((c) => (c.participantId === me ? 'you' : c.name));
  return names.length > 0 ? `accepted earlier words, changed by ${list(names)}` : 'accepted earlier words';
}
