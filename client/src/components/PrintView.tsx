import { useEffect, useState } from 'react';
import { checkLine, humanTime, type AgreementRecord } from '../../../shared/agreementRecord.js';
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

/** The record the server keeps (the same one the Markdown export is written from), fetched again on each change. */
function useRecord(roomId: string, token: string, changed: string): AgreementRecord | null {
  const [record, setRecord] = useState<AgreementRecord | null>(null);
  // `changed` (the agreement as the document has it) is the reason to fetch again.
  useEffect(() => {
    let live = true;
    api.agreementRecord(roomId, token).then(
      (r) => live && setRecord(r),
      () => live && setRecord(null),
    );
    return () => {
      live = false;
    };
  }, [roomId, token, changed]);
  return record;
}

const when = (at: number) => (
  <time dateTime={new Date(at).toISOString()} title={new Date(at).toISOString()}>
    {humanTime(at)}
  </time>
);

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
  const record = useRecord(roomId, token, JSON.stringify(snapshot));
  const parties = partiesOf(view ?? { participants: [] });
  const signatures = new Map((record?.signatures ?? []).map((s) => [s.name, s.at]));
  return (
    <article className="print-page" data-testid="print-view">
      <div className="no-print row wrap">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <a href={`/room/${encodeURIComponent(roomId)}`}>Back to the room</a>
      </div>
      <h1>{view?.title || 'Our agreement'}</h1>
      <p data-testid="print-signed-at">
        Between {parties.map((p) => p.name).join(' and ') || '…'} ·{' '}
        {record?.signedAt ? <>Signed {when(record.signedAt)}</> : 'Not signed yet'}
      </p>
      <p>{snapshot.final ? 'Final: accepted and signed by everyone.' : 'Draft: not yet signed by everyone.'}</p>
      {(!synced || !record) && <p className="no-print muted">Loading the agreement…</p>}
      {record && (
        <>
          <ol className="print-clauses">
            {record.clauses.map((c) => (
              <li key={c.id}>
                <p>{c.text}</p>
                <p className="small">
                  Accepted by:{' '}
                  {c.acceptances.length === 0
                    ? 'no one yet'
                    : c.acceptances.map((a, i) => (
                        <span key={a.name}>
                          {i > 0 && '; '}
                          {a.name}, {when(a.at)}
                        </span>
                      ))}
                </p>
              </li>
            ))}
          </ol>
          <h2>Signatures</h2>
          <ul className="plain-list">
            {parties.map((p) => {
              const at = signatures.get(p.name);
              return (
                <li key={p.participantId}>
                  {p.name}: {at === undefined ? 'not signed yet' : <>signed {when(at)}</>}
                </li>
              );
            })}
          </ul>
          {record.signedTextHash && record.signedText && (
            <>
              <p className="small" style={{ overflowWrap: 'anywhere' }} data-testid="print-hash">
                {checkLine(record.signedTextHash)} The signed text, exactly as hashed:
              </p>
              <pre className="small" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {record.signedText}
              </pre>
            </>
          )}
        </>
      )}
    </article>
  );
}
