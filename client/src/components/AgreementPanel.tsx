import { useState, type FormEvent } from 'react';
import type { ClauseSnapshot } from '../../../shared/agreement.js';
import { LIMITS, type RoomView } from '../../../shared/protocol.js';
import { isParty as takesPart, parties as partiesOf } from '../../../shared/rules/floor.js';
import { signingLine } from '../agreement/signingLine.js';
import { textHash } from '../agreement/textHash.js';
import { useAgreement, type AgreementConnection } from '../agreement/useAgreement.js';
import { api, ApiFailure } from '../api.js';
import type { RoomActions } from '../room/actions.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { ClauseText } from './ClauseText.js';
import { ErrorNote, useActionError } from './ErrorNote.js';

/** The shared agreement: its points, who accepted them, signing and a copy to keep. */
export function AgreementPanel() {
  const { view, creds, names } = useRoom();
  const actions = useRoomActions();
  const agreement = useAgreement(creds.roomId, creds.token, { participantId: creds.participantId, name: creds.name });
  const { snapshot, peers } = agreement;
  const [proposal, setProposal] = useState('');
  const [note, setNote] = useState('');
  const isParty = takesPart(creds.role);
  const canEdit = creds.role !== 'observer' && !snapshot.final;
  const parties = partiesOf(view ?? { participants: [] });
  const allAgreed =
    snapshot.clauses.length > 0 &&
    snapshot.clauses.every((c) => parties.every((p) => c.acceptedBy.includes(p.participantId)));
  const signed = snapshot.signedBy.includes(creds.participantId);
  const who = (id: string) => (id === creds.participantId ? 'You' : (names.get(id) ?? 'Someone'));

  async function propose(e: FormEvent) {
    e.preventDefault();
    const text = proposal.trim();
    if (!text) return;
    const res = await actions.propose({ text });
    if (res.ok) {
      setProposal('');
      setNote('Your proposal was added. Everyone can now shape the words together.');
    } else setNote(res.error.message);
  }

  async function sign() {
    const res = await actions.sign();
    // On success the signing line says what happened, from the agreement itself.
    setNote(res.ok ? '' : res.error.message);
  }

  async function download() {
    try {
      const md = await api.agreementMarkdown(creds.roomId, creds.token);
      const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `agreement-${creds.roomId}.md`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNote('The agreement was downloaded as a Markdown file.');
    } catch (err) {
      setNote(err instanceof ApiFailure ? err.message : 'We could not prepare the download just now.');
    }
  }

  const watching = peers.filter((p, i, all) => all.findIndex((q) => q.participantId === p.participantId) === i);

  return (
    <div className="agreement">
      <p className="small">
        What you agree on, written together. Everyone can edit the words at the same time; changing the words asks
        everyone to accept again. When each of you has accepted every point, you sign.
      </p>
      <p className="small muted" aria-live="polite" data-testid="agreement-presence">
        {agreement.status !== 'connected'
          ? 'Connecting to the shared document…'
          : watching.length === 0
            ? 'No one else has the agreement open right now.'
            : `${watching.map((p) => p.name).join(', ')} ${watching.length === 1 ? 'has' : 'have'} ` +
              'the agreement open too.'}
      </p>

      {snapshot.final && (
        <div className="final-banner" role="status" data-testid="agreement-final">
          Signed by everyone. This agreement is final. Well done for getting here together.
        </div>
      )}

      {snapshot.clauses.length === 0 ? (
        <p className="muted">
          No points yet. Propose one below, or use a draft the facilitator offers in the conversation.
        </p>
      ) : (
        <ol className="clauses">
          {snapshot.clauses.map((c, i) => (
            <Clause
              key={c.id}
              clause={c}
              index={i}
              agreement={agreement}
              canEdit={canEdit}
              isParty={isParty}
              me={creds.participantId}
              parties={parties}
              who={who}
            />
          ))}
        </ol>
      )}

      {canEdit && (
        <form className="composer" onSubmit={propose}>
          <label htmlFor="proposal">Propose a point for the agreement</label>
          <p id="proposal-help" className="help small">
            Try “We will…” and something both of you can do, rather than what one person must stop.
          </p>
          <textarea
            id="proposal"
            rows={2}
            maxLength={LIMITS.clauseChars}
            value={proposal}
            onChange={(e) => setProposal(e.target.value)}
            aria-describedby="proposal-help"
          />
          <div className="row end">
            <button type="submit" className="primary" disabled={!proposal.trim()}>
              Propose
            </button>
          </div>
        </form>
      )}

      {snapshot.clauses.length > 0 && (
        <section className="sign" aria-labelledby="sign-heading">
          <h3 id="sign-heading">Signing</h3>
          <p className="small">
            {signingLine(snapshot.signedBy, creds.participantId, snapshot.final, who)}
            {!allAgreed && ' Signing opens when everyone has accepted every point.'}
          </p>
          {isParty && !signed && !snapshot.final && (
            <button type="button" className="primary" onClick={sign} disabled={!allAgreed}>
              Sign the agreement
            </button>
          )}
        </section>
      )}

      <section className="export" aria-labelledby="export-heading">
        <h3 id="export-heading">Keep a copy</h3>
        <div className="row wrap">
          <button type="button" onClick={download}>
            Download as Markdown
          </button>
          <a className="button" href={`/room/${encodeURIComponent(creds.roomId)}/print`} target="_blank" rel="noopener">
            Open a printable page
          </a>
        </div>
      </section>
      <p role="status" aria-live="polite" className="small">
        {note}
      </p>
    </div>
  );
}

function Clause({
  clause,
  index,
  agreement,
  canEdit,
  isParty,
  me,
  parties,
  who,
}: {
  clause: ClauseSnapshot;
  index: number;
  agreement: AgreementConnection;
  canEdit: boolean;
  isParty: boolean;
  me: string;
  parties: RoomView['participants'];
  who: (id: string) => string;
}) {
  const { accept } = useRoomActions();
  const { error, run } = useActionError();
  const ytext = agreement.textOf(clause.id);
  const editingHere = agreement.peers.filter((p) => p.editing === clause.id);
  const accepted = clause.acceptedBy.includes(me);
  const textId = `clause-${clause.id}`;
  return (
    <li className={`clause ${clause.status}`} data-testid="clause">
      <div className="clause-head">
        <h4>Point {index + 1}</h4>
        <span className="small muted">proposed by {clause.proposedBy === me ? 'you' : who(clause.proposedBy)}</span>
        {clause.status === 'agreed' && <span className="badge">agreed by everyone</span>}
      </div>
      {ytext ? (
        <ClauseText
          id={textId}
          ytext={ytext}
          readOnly={!canEdit}
          label={`Point ${index + 1}, the words`}
          describedBy={`${textId}-editing`}
          onFocusChange={(f) => agreement.setEditing(f ? clause.id : null)}
          onCursor={(index) => agreement.setCursor(clause.id, index)}
          cursors={editingHere.flatMap((p) =>
            p.cursor === null ? [] : [{ clientId: p.clientId, name: p.name, index: p.cursor }],
          )}
        />
      ) : (
        <p>{clause.text}</p>
      )}
      <p id={`${textId}-editing`} className="small editing-now" aria-live="polite">
        {editingHere.length > 0
          ? `✎ ${editingHere.map((p) => p.name).join(', ')} ${editingHere.length === 1 ? 'is' : 'are'} editing ` +
            'this point'
          : ''}
      </p>
      <ul className="acceptance" aria-label={`Who has accepted point ${index + 1}`}>
        {parties.map((p) => {
          const yes = clause.acceptedBy.includes(p.participantId);
          return (
            <li key={p.participantId} className={yes ? 'yes' : 'not-yet'}>
              <span aria-hidden="true">{yes ? '✓' : '○'}</span> {who(p.participantId)}: {yes ? 'accepted' : 'not yet'}
            </li>
          );
        })}
      </ul>
      {isParty && canEdit && !accepted && (
        <button type="button" onClick={() => run(acceptWords(accept, clause.id, ytext?.toString() ?? clause.text))}>
          I accept point {index + 1}
        </button>
      )}
      <ErrorNote message={error} />
    </li>
  );
}

/** Accepts exactly the words on screen: if someone changed them meanwhile, the server says so. */
async function acceptWords(accept: RoomActions['accept'], clauseId: string, words: string) {
  const hash = await textHash(words);
  return accept(hash ? { clauseId, textHash: hash } : { clauseId });
}
