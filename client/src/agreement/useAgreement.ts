import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DOC, readAgreement, type AgreementSnapshot } from '../../../shared/agreement.js';
import { agreementServerUrl, TicketedProvider } from './agreementSocket.js';
import { api, ApiFailure } from '../api.js';

/** A ticket for the next connection; null (stop trying) when the token or the room is gone. */
async function yjsTicket(roomId: string, token: string): Promise<string | null> {
  try {
    return (await api.yjsTicket(roomId, token)).ticket;
  } catch (err) {
    if (err instanceof ApiFailure && [401, 403, 404].includes(err.status)) return null;
    throw err;
  }
}

export interface PeerPresence {
  clientId: number;
  participantId: string;
  name: string;
  editing: string | null;
  /** Where their cursor is in the clause they are editing (a character index), when known. */
  cursor: number | null;
}

/** A cursor shared through awareness: relative to the clause's text, so it stays put while others type. */
interface SharedCursor {
  clauseId: string;
  pos: unknown;
}

export interface AgreementConnection {
  doc: Y.Doc | null;
  snapshot: AgreementSnapshot;
  synced: boolean;
  status: 'connecting' | 'connected' | 'disconnected';
  peers: PeerPresence[];
  textOf: (clauseId: string) => Y.Text | null;
  setEditing: (clauseId: string | null) => void;
  /** Shares where my cursor is in a clause's text (null when I leave it). */
  setCursor: (clauseId: string, index: number | null) => void;
}

const EMPTY: AgreementSnapshot = { clauses: [], signedBy: [], final: false };

/** The agreement's Yjs document, live over the y-websocket endpoint, with who is where (awareness). */
export function useAgreement(
  roomId: string,
  token: string,
  me: { participantId: string; name: string },
): AgreementConnection {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [snapshot, setSnapshot] = useState<AgreementSnapshot>(EMPTY);
  const [synced, setSynced] = useState(false);
  const [status, setStatus] = useState<AgreementConnection['status']>('connecting');
  const [peers, setPeers] = useState<PeerPresence[]>([]);

  useEffect(() => {
    const doc = new Y.Doc();
    setDoc(doc);
    // The token stays in the Authorization header; the URL carries a fresh single-use ticket.
    const p = new TicketedProvider(agreementServerUrl(location), roomId, doc, () => yjsTicket(roomId, token), {
      disableBc: true,
    });
    setProvider(p);
    const onAwareness = () => {
      const list: PeerPresence[] = [];
      p.awareness.getStates().forEach((state, clientId) => {
        if (clientId === p.awareness.clientID) return;
        const user = state.user as { participantId?: string; name?: string } | undefined;
        if (!user?.participantId) return;
        const editing = (state.editing as string | null) ?? null;
        const shared = state.cursor as SharedCursor | null | undefined;
        let cursor: number | null = null;
        if (editing && shared?.clauseId === editing) {
          try {
            cursor =
              Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(shared.pos), doc)?.index ??
              null;
          } catch {
            cursor = null;
          }
        }
        list.push({ clientId, participantId: user.participantId, name: user.name ?? 'Someone', editing, cursor });
      });
      setPeers(list);
    };
    // Text changes move where others' cursors are shown, so both refresh.
    const refresh = () => {
      setSnapshot(readAgreement(doc));
      onAwareness();
    };
    doc.on('update', refresh);
    p.on('sync', (isSynced: boolean) => {
      setSynced(isSynced);
      refresh();
    });
    p.on('status', (e: { status: AgreementConnection['status'] }) => setStatus(e.status));
    p.awareness.setLocalStateField('user', { participantId: me.participantId, name: me.name });
    p.awareness.setLocalStateField('editing', null);
    p.awareness.setLocalStateField('cursor', null);
    p.awareness.on('change', onAwareness);
    return () => {
      doc.off('update', refresh);
      p.awareness.off('change', onAwareness);
      p.destroy();
      doc.destroy();
      setDoc(null);
      setProvider(null);
    };
  }, [roomId, token]); // one document connection per room and key

  const textOf = (clauseId: string): Y.Text | null => {
    if (!doc) return null;
    for (const m of doc.getArray<Y.Map<unknown>>(DOC.clauses).toArray()) {
      if (m.get(DOC.clause.id) === clauseId) {
        const t = m.get(DOC.clause.text);
        return t instanceof Y.Text ? t : null;
      }
    }
    return null;
  };

  return {
    doc,
    snapshot,
    synced,
    status,
    peers,
    textOf,
    setEditing: (clauseId) => provider?.awareness.setLocalStateField('editing', clauseId),
    setCursor: (clauseId, index) => {
      const text = index === null ? null : textOf(clauseId);
      const cursor: SharedCursor | null =
        text && index !== null
          ? {
              clauseId,
              pos: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, Math.min(index, text.length))),
            }
          : null;
      provider?.awareness.setLocalStateField('cursor', cursor);
    },
  };
}
