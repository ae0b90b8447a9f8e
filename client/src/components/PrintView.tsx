import { useEffect, useState } from 'react';
import { checkLine, humanDay, humanTime } from '../../../shared/agreementRecord.js';
import type { RoomView } from '../../../shared/protocol.js';
import { parties as partiesOf } from '../../../shared/rules/floor.js';
import { api } from '../api.js';
import { loadRoom } from '../credentials.js';
import { useAgreement } from '../agreement/useAgreement.js';
import { useRecord } from '../agreement/useRecord.js';

/** A clean page of the agreement, for printing or saving as PDF from the browser. */
export function PrintView({ roomId }: { roomId: string }) {
  const creds = loadRoom(roomId);
  if (!creds) return <p className="page narrow">This agreement is not open on this device.</p>;
  return <PrintDoc roomId={roomId} token={creds.token} participantId={creds.participantId} name={creds.name} />;
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
  const signatures = new Map((record?.signatures ?? []).map((s) => [s.participantId, s.at]));
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
                {c.earlierAcceptances.map((e) => (
                  <p className="small" key={e.participantId}>
                    {e.name} accepted earlier words ({when(e.at)}); {e.changedBy.map((x) => x.name).join(' and ')}{' '}
                    changed them after, so that acceptance does not count for these words.
                  </p>
                ))}
                {c.versions.length > 0 && (
                  <p className="small" data-testid="print-last-change">
                    {c.versions.length === 1 ? 'Written by' : 'Last changed by'} {c.versions.at(-1)?.by},{' '}
                    {when(c.versions.at(-1)?.at ?? 0)}
                    {c.versions.length > 1 ? ` (${c.versions.length} versions, listed below)` : ''}.
                  </p>
                )}
                {c.reviewOn && (
                  <p className="small" data-testid="print-review">
                    We look at this again on {humanDay(c.reviewOn.on)} (set by {c.reviewOn.by}).
                  </p>
                )}
                {c.versions.length > 1 && (
                  <ol className="small">
                    {c.versions.map((v, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: versions only grow at the end
                      <li key={i}>
                        “{v.text}”, {v.by}, {when(v.at)}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
          </ol>
          <h2>Signatures</h2>
          <ul className="plain-list">
            {parties.map((p) => {
              const at = signatures.get(p.participantId);
              return (
                <li key={p.participantId}>
                  {p.name}: {at === undefined ? 'not signed yet' : <>signed {when(at)}</>}
                </li>
              );
            })}
          </ul>
          {record.earlierSignatures.length > 0 && (
            <p className="small">
              Signed earlier words (these signatures do not count for the agreement as it reads now):{' '}
              {record.earlierSignatures.map((e) => e.name).join(', ')}.
            </p>
          )}
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
