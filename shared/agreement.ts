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
  const clauses = doc.getArray<Y.Map<unknown>>(DOC.clauses).toArray().map((m) => {
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
