/**
 * The agreement as a record to keep: what the Markdown export and the printable page both show.
 * Names are resolved; times are epoch milliseconds; nothing from the conversation or preparation.
 */
export interface AgreementRecord {
  title: string;
  final: boolean;
  /** When the last party signed and the agreement became final; null while it is not. */
  signedAt: number | null;
  clauses: RecordClause[];
  signatures: { name: string; participantId: string; at: number }[];
  /** Signatures given for earlier words: they no longer count (someone changed a clause after). */
  earlierSignatures: { name: string; participantId: string; at: number }[];
  /** The exact text the server hashed when people signed (JSON of [clause id, words] in order). */
  signedText: string | null;
  /** sha256 (hex) of signedText; null while nobody has signed. */
  signedTextHash: string | null;
}

/** An acceptance that holds for the words as they are now, with the sha256 of the words accepted. */
export interface RecordAcceptance {
  name: string;
  participantId: string;
  at: number;
  hash: string;
}

/**
 * An acceptance of earlier words: it does not count for the words as they are now. `acceptedText` is what the
 * person accepted (when the versions kept show it) and `changedBy` who changed the words since.
 */
export interface EarlierAcceptance {
  name: string;
  participantId: string;
  at: number;
  acceptedText: string | null;
  changedBy: { name: string; participantId: string }[];
}

export interface RecordVersion {
  text: string;
  by: string;
  byId: string;
  at: number;
}

export interface RecordClause {
  id: string;
  text: string;
  status: 'proposed' | 'agreed';
  proposedBy: string;
  proposedAt: number | null;
  acceptances: RecordAcceptance[];
  earlierAcceptances: EarlierAcceptance[];
  /** The clause's wordings, oldest first; the last is the words as they are now (when versions were kept). */
  versions: RecordVersion[];
  /** When the room looks at this clause again (YYYY-MM-DD), and who set the date. */
  reviewOn: { on: string; by: string; at: number } | null;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const two = (n: number): string => String(n).padStart(2, '0');

/** A time as people read it, in UTC so every copy of the record says the same: "7 December 2026, 08:13 UTC". */
export function humanTime(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${time} UTC`;
}

/** ISO 8601 for machines, and the human date beside it. */
export const stampText = (ms: number): string => `${new Date(ms).toISOString()} (${humanTime(ms)})`;

/** The one line that tells anyone how to check the record later. */
export const checkLine = (hash: string): string =>
  `sha256 of the signed text: ${hash}; ` +
  'the same text always gives the same hash, so anyone can check it was not changed.';

/** A review day (YYYY-MM-DD) as people read it: "4 January 2027". */
export function humanDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}
