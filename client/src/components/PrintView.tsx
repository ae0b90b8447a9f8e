import { useEffect, useState } from 'react';
import type { RoomView } from '../../../shared/protocol.js';
import { parties as partiesOf } from '../../../shared/rules/floor.js';
import { api } from '../api.js';
import { loadRoom } from '../credentials.js';
import { useAgreement } from '../agreement/useAgreement.js';

/** A clean page of the agreement, for printing or saving as PDF from the browser. */
export function PrintView({ roomId }: { roomId: string }) {
  const creds = loadRoom(roomId);
  if (!creds) return <p className="page narrow">This agreement is not open on this device.</p>;
  return <PrintDoc roomId={roomId} token={creds.token} participantId={creds.participantId} name={creds.name} />;
}

function PrintDoc({
  roomId,
  token,
  participantId,
  name,
}: {
  roomId: string;
  token: string;
  participantId: string;
  name: string;
}) {
  const { snapshot, synced } = useAgreement(roomId, token, { participantId, name });
  const [view, setView] = useState<RoomView | null>(null);
  useEffect(() => {
    api.getRoom(roomId, token).then(setView, () => setView(null));
  }, [roomId, token]);
  const names = new Map((view?.participants ?? []).map((p) => [p.participantId, p.name]));
  const who = (id: string) => names.get(id) ?? 'Someone';
  const parties = partiesOf(view ?? { participants: [] });
  return (
    <article className="print-page" data-testid="print-view">
      <div className="no-print row wrap">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a href={`/room/${encodeURIComponent(roomId)}`}>Back to the room</a>
      </div>
      <h1>{view?.title || 'Our agreement'}</h1>
      <p>
        Between {parties.map((p) => p.name).join(' and ') || '…'} ·{' '}
        {new Date().toLocaleDateString([], { year: 'numeric', month: 'long', day: 'numeric' })}
      </p>
      <p>{snapshot.final ? 'Final: accepted and signed by everyone.' : 'Draft: not yet signed by everyone.'}</p>
      {!synced && <p className="no-print muted">Loading the agreement…</p>}
      <ol className="print-clauses">
        {snapshot.clauses.map((c) => (
          <li key={c.id}>
            <p>{c.text}</p>
            <p className="small">Accepted by: {c.acceptedBy.map(who).join(', ') || 'no one yet'}</p>
          </li>
        ))}
      </ol>
      <h2>Signatures</h2>
      <ul className="plain-list">
        {parties.map((p) => (
          <li key={p.participantId}>
            {p.name}: {snapshot.signedBy.includes(p.participantId) ? 'signed' : 'not signed yet'}
          </li>
        ))}
      </ul>
    </article>
  );
}
