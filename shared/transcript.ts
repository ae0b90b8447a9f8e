/**
 * A room's transcript in `record` mode: the delivered conversation, each entry chained to the one
 * before by a hash, so an entry changed, added or taken out afterwards no longer matches.
 *
 *   hash(entry) = sha256 hex of (the previous entry's hash + the entry's canonical JSON)
 *   canonical JSON = JSON.stringify({ seq, from, at, text }), keys in that order
 *   the first entry's previous hash is `genesis` = sha256 hex of "mediation-rooms transcript " + roomId
 *
 * Names are shown beside the ids but are not hashed (a name is not part of what was said).
 */
export interface TranscriptEntry {
  seq: number;
  /** The author's participant id, or "facilitator". */
  from: string;
  /** The author's name as the room knew them when exported. */
  name: string;
  kind: 'message' | 'facilitator';
  at: number;
  text: string;
  hash: string;
}

export interface Transcript {
  roomId: string;
  title: string;
  recordMode: 'record';
  exportedAt: number;
  algorithm: 'sha256';
  genesis: string;
  entries: TranscriptEntry[];
  /** The last entry's hash (the genesis when there are none). */
  head: string;
  /**
   * What the server sealed as it kept the log: the hash it chained up to `seq`. `matches` is false when the
   * stored log no longer gives that hash (an entry was changed after it was kept).
   */
  sealed: { seq: number; head: string; matches: boolean };
}

/** The part of an entry its hash covers, as canonical JSON. */
export const canonicalEntry = (e: { seq: number; from: string; at: number; text: string }): string =>
  JSON.stringify({ seq: e.seq, from: e.from, at: e.at, text: e.text });

export const GENESIS_PREFIX = 'mediation-rooms transcript ';
