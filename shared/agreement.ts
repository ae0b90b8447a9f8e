import * as Y from 'yjs';
import type { ClauseStatus } from './protocol.js';

/**
 * The agreement document's shape, shared by server and client.
 *
 * doc.getArray('clauses'): Y.Array<Y.Map> with keys
 *   id: string, text: Y.Text, proposedBy: string, status: 'proposed' | 'agreed',
 *   acceptedBy: Y.Map<true> (participantId -> true)
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
  },
  metaKeys: { signedBy: 'signedBy', final: 'final' },
} as const;

export interface ClauseSnapshot {
  id: string;
  text: string;
  proposedBy: string;
  status: ClauseStatus;
  acceptedBy: string[];
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
      return {
        id: String(m.get(DOC.clause.id) ?? ''),
        text: text instanceof Y.Text ? text.toString() : '',
        proposedBy: String(m.get(DOC.clause.proposedBy) ?? ''),
        status: (m.get(DOC.clause.status) === 'agreed' ? 'agreed' : 'proposed') as ClauseStatus,
        acceptedBy: keysOf(m.get(DOC.clause.acceptedBy)),
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
export interface AgreementState {
  clauses: { id: string; proposedBy: string; proposedAt: number; acceptances: Record<string, Stamp> }[];
  signatures: Record<string, Stamp>;
  /** Set once every party signed the same version; its texts are then the only texts. */
  final: { at: number; hash: string; texts: Record<string, string> } | null;
}

export const emptyAgreementState = (): AgreementState => ({ clauses: [], signatures: {}, final: null });
