/**
 * The agreement as a record to keep: what the Markdown export and the printable page both show.
 * Names are resolved; times are epoch milliseconds; nothing from the conversation or preparation.
 */
export interface AgreementRecord {
  title: string;
  final: boolean;
  /** When the last party signed and the agreement became final; null while it is not. */
  signedAt: number | null;
  clauses: {
    id: string;
    text: string;
    status: 'proposed' | 'agreed';
    proposedBy: string;
    proposedAt: number | null;
    acceptances: { name: string; at: number }[];
  }[];
  signatures: { name: string; at: number }[];
  /** The exact text the server hashed when people signed (JSON of [clause id, words] in order). */
  signedText: string | null;
  /** sha256 (hex) of signedText; null while nobody has signed. */
  signedTextHash: string | null;
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
