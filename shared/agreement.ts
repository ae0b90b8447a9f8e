import * as Y from 'yjs';
import type { ClauseStatus } from './protocol.js';

/**
 * The agreement document's shape, shared by server and client.
 *
 * doc.getArray('clauses'): Y.Array<Y.Map> with keys
 *   id: string, text: Y.Text, proposedBy: string, status: 'proposed' | 'agreed',
 *   acceptedBy: Y.Map<true> (participantId -> true), reviewOn?: string (YYYY-MM-DD, when it is looked at again)
 * doc.getMap('meta'): signedBy: Y.Map<true>, final: boolean
 *
 * Only `text` is written by clients; every other field belongs to the server.
 */
export const DOC = {
  clauses: 'clauses',
  meta: 'meta',
  clause: {
    id: 'id',
    text: 'text',
    proposedBy: 'proposedBy',
    status: 'status',
    acceptedBy: 'acceptedBy',
    reviewOn: 'reviewOn',
  },
  metaKeys: { signedBy: 'signedBy', final: 'final' },
} as const;

export interface ClauseSnapshot {
  id: string;
  text: string;
  proposedBy: string;
  status: ClauseStatus;
  acceptedBy: string[];
  /** When the room looks at this clause again (YYYY-MM-DD); absent when nobody set a date. */
  reviewOn?: string;
}

export interface AgreementSnapshot {
  clauses: ClauseSnapshot[];
  signedBy: string[];
  final: boolean;
}

function keysOf(value: unknown): string[] {
  return value instanceof Y.Map ? [...value.keys()].sort() : [];
}

/** Reads a plain snapshot of the agreement out of a Yjs document. */
export function readAgreement(doc: Y.Doc): AgreementSnapshot {
  const clauses = doc
    .getArray<Y.Map<unknown>>(DOC.clauses)
    .toArray()
    .map((m) => {
      const text = m.get(DOC.clause.text);
      const reviewOn = m.get(DOC.clause.reviewOn);
      return {
        id: String(m.get(DOC.clause.id) ?? ''),
        text: text instanceof Y.Text ? text.toString() : '',
        proposedBy: String(m.get(DOC.clause.proposedBy) ?? ''),
        status: (m.get(DOC.clause.status) === 'agreed' ? 'agreed' : 'proposed') as ClauseStatus,
        acceptedBy: keysOf(m.get(DOC.clause.acceptedBy)),
        ...(typeof reviewOn === 'string' ? { reviewOn } : {}),
      };
    });
  const meta = doc.getMap<unknown>(DOC.meta);
  return { clauses, signedBy: keysOf(meta.get(DOC.metaKeys.signedBy)), final: meta.get(DOC.metaKeys.final) === true };
}

/** When a person accepted or signed, and the sha256 (hex) of exactly the words they agreed to. */
export interface Stamp {
  at: number;
  hash: string;
}

/**
 * The agreement's server-owned state, kept in the room record (changed atomically with the room)
 * and never read from the document: who proposed what, who accepted which words, who signed which
 * version, and the final texts. Status, acceptances and signatures shown anywhere are derived from
 * this and the clauses' current text, so an edit can never inherit an acceptance of other words.
 */
/**
 * One wording of a clause: the words, who wrote them and when (the last keystroke of that version). A
 * person's run of edits is one version until someone accepts it or someone else edits.
 */
export interface ClauseVersion {
  text: string;
  hash: string;
  by: string;
  at: number;
}

/** "We look at this again on ...": a calendar day (YYYY-MM-DD), who set it and when. */
export interface ReviewDate {
  on: string;
  by: string;
  at: number;
}

export interface ClauseState {
  id: string;
  proposedBy: string;
  proposedAt: number;
  acceptances: Record<string, Stamp>;
  /** The clause's wordings, oldest first (absent in records written before versions were kept). */
  versions?: ClauseVersion[];
  reviewOn?: ReviewDate;
}

export interface AgreementState {
  clauses: ClauseState[];
  signatures: Record<string, Stamp>;
  /** Set once every party signed the same version; its texts are then the only texts. */
  final: { at: number; hash: string; texts: Record<string, string> } | null;
}

export const emptyAgreementState = (): AgreementState => ({ clauses: [], signatures: {}, final: null });
