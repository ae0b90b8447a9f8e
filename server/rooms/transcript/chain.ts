import { createHash } from 'node:crypto';
import type { LogEntry } from '../../../shared/protocol.js';
import { canonicalEntry, GENESIS_PREFIX, type Transcript } from '../../../shared/transcript.js';

/** The hash chain of a record-mode transcript (shared/transcript.ts says how it is built). Pure. */

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The chain's start, bound to the room, so one room's transcript cannot pass for another's. */
export const genesisOf = (roomId: string): string => sha256(GENESIS_PREFIX + roomId);

export const chainHash = (previous: string, entry: { seq: number; from: string; at: number; text: string }): string =>
  sha256(previous + canonicalEntry(entry));

/**
 * What belongs in the transcript: what everyone in the room saw. Held messages never reach the log;
 * entries shown to some people only (private safety notices, a separated room's own side) stay out,
 * and preparation is never in the log.
 */
export const inTranscript = (entry: LogEntry): boolean => entry.visibleTo === undefined;

export const authorOf = (entry: LogEntry): string => (entry.type === 'message' ? entry.from : 'facilitator');

/** Extends a chain over log entries (in seq order); entries not in the transcript are passed over. */
export function extendChain(
  from: { head: string; count: number },
  entries: readonly LogEntry[],
): { head: string; count: number; hashes: Map<number, string> } {
  let { head, count } = from;
  const hashes = new Map<number, string>();
  for (const entry of entries) {
    if (!inTranscript(entry)) continue;
    head = chainHash(head, { seq: entry.seq, from: authorOf(entry), at: entry.at, text: entry.text });
    hashes.set(entry.seq, head);
    count++;
  }
  return { head, count, hashes };
}

export type Verdict = { ok: true } | { ok: false; seq: number | null; reason: string };

/**
 * Checks an exported transcript on its own: the chain starts at the room's genesis, every entry's hash
 * is the hash of the one before and its own words, and the head is the last hash. An entry edited
 * afterwards breaks the chain at that entry (unless every later hash was forged too: compare the head
 * with another copy, or with the room's seal).
 */
export function verifyTranscript(t: Pick<Transcript, 'roomId' | 'genesis' | 'entries' | 'head'>): Verdict {
  if (t.genesis !== genesisOf(t.roomId))
    return { ok: false, seq: null, reason: 'the chain does not start at this room' };
  let previous = t.genesis;
  for (const entry of t.entries) {
    if (chainHash(previous, entry) !== entry.hash) {
      return { ok: false, seq: entry.seq, reason: `entry ${entry.seq} does not match its hash` };
    }
    previous = entry.hash;
  }
  if (previous !== t.head) return { ok: false, seq: null, reason: 'the last hash is not the head' };
  return { ok: true };
}
