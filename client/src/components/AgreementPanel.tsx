import { useEffect, useState, type FormEvent } from 'react';
import type { ClauseSnapshot } from '../../../shared/agreement.js';
import { humanDay, type RecordClause } from '../../../shared/agreementRecord.js';
import { LIMITS, type RoomView } from '../../../shared/protocol.js';
import { isParty as takesPart, parties as partiesOf } from '../../../shared/rules/floor.js';
import { acceptanceOf, changedAfterYouAccepted, earlierNote } from '../agreement/clauseNotes.js';
import { signingLine } from '../agreement/signingLine.js';
import { textHash } from '../agreement/textHash.js';
import { useAgreement, type AgreementConnection } from '../agreement/useAgreement.js';
import { useRecord } from '../agreement/useRecord.js';
import { timeText } from '../download.js';
import type { RoomActions } from '../room/actions.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { ClauseText } from './ClauseText.js';
import { ErrorNote, useActionError } from './ErrorNote.js';
import { KeepACopy } from './KeepACopy.js';

/** The shared agreement: its points, who accepted them, signing and a copy to keep. */
export function AgreementPanel() {
  const { view, creds, names } = useRoom();
  const actions = useRoomActions();
  const agreement = useAgreement(creds.roomId, creds.token, { participantId: creds.participantId, name: creds.name });
  const { snapshot, peers } = agreement;
  // Versions, who accepted which words, review dates: the server's record, fetched as the agreement changes.
  const record = useRecord(creds.roomId, creds.token, JSON.stringify(snapshot));
  const signedEarlier = (record?.earlierSignatures ?? []).some((s) => s.participantId === creds.participantId);
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
              record={record?.clauses.find((r) => r.id === c.id)}
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
          <p className="small" data-testid="signing-line">
            {signingLine(snapshot.signedBy, creds.participantId, snapshot.final, who, signedEarlier)}
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
        <KeepACopy roomId={creds.roomId} token={creds.token} idPrefix="agreement" />
      </section>
      <p role="status" aria-live="polite" className="small">
        {note}
      </p>
    </div>
  );
}

function Clause({
  clause,
  record,
  index,
  agreement,
  canEdit,
  isParty,
  me,
  parties,
  who,
}: {
  clause: ClauseSnapshot;
  record: RecordClause | undefined;
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
  const words = ytext?.toString() ?? clause.text;
  const hashNow = useHash(words);
  const editingHere = agreement.peers.filter((p) => p.editing === clause.id);
  const mine = acceptanceOf(me, clause.acceptedBy, record, hashNow);
  const changedNote = mine === 'accepted' ? null : changedAfterYouAccepted(record, me);
  const textId = `clause-${clause.id}`;
  return (
    <li className={`clause ${clause.status}`} data-testid="clause">
      <div className="clause-head">
        <h4>Point {index + 1}</h4>
        <span className="small muted">proposed by {clause.proposedBy === me ? 'you' : who(clause.proposedBy)}</span>
        {clause.status === 'agreed' && <span className="badge">agreed by everyone</span>}
      </div>
      {changedNote && (
        <p className="notice small" role="status" data-testid="changed-after-accept">
          {changedNote}
        </p>
      )}
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
          const state = acceptanceOf(p.participantId, clause.acceptedBy, record, hashNow);
          const said =
            state === 'accepted'
              ? 'accepted'
              : state === 'earlier'
                ? earlierNote(record, p.participantId, me)
                : 'not yet';
          return (
            <li key={p.participantId} className={state === 'accepted' ? 'yes' : 'not-yet'}>
              <span aria-hidden="true">{state === 'accepted' ? '✓' : '○'}</span> {who(p.participantId)}: {said}
            </li>
          );
        })}
      </ul>
      <ClauseHistory record={record} me={me} />
      <ReviewDate clause={clause} record={record} canSet={isParty && canEdit} />
      {isParty && canEdit && mine !== 'accepted' && (
        <button type="button" onClick={() => run(acceptWords(accept, clause.id, words))}>
          I accept point {index + 1}
          {mine === 'earlier' ? ' as it reads now' : ''}
        </button>
      )}
      <ErrorNote message={error} />
    </li>
  );
}

/** The sha256 of the words on screen (undefined until known, or on pages without WebCrypto). */
function useHash(text: string): string | undefined {
  const [hash, setHash] = useState<{ text: string; hash: string | undefined }>();
  useEffect(() => {
    let live = true;
    void textHash(text).then((h) => live && setHash({ text, hash: h }));
    return () => {
      live = false;
    };
  }, [text]);
  return hash?.text === text ? hash.hash : undefined;
}

/** Who last changed the words and when, and every version on request. */
function ClauseHistory({ record, me }: { record: RecordClause | undefined; me: string }) {
  const versions = record?.versions ?? [];
  const last = versions.at(-1);
  if (!last) return null;
  const by = (v: { byId: string; by: string }) => (v.byId === me ? 'you' : v.by);
  return (
    <div className="small muted" data-testid="clause-history">
      {versions.length === 1 ? 'Written by ' : 'Last changed by '}
      {by(last)}, {timeText(last.at)}.
      {versions.length > 1 && (
        <details>
          <summary>Show the {versions.length} versions</summary>
          <ol>
            {versions.map((v, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: versions only grow at the end
              <li key={i}>
                “{v.text}” by {by(v)}, {timeText(v.at)}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  );
}

const REVIEW_CHOICES: { label: string; days?: number; months?: number }[] = [
  { label: 'in 2 weeks', days: 14 },
  { label: 'in 4 weeks', days: 28 },
  { label: 'in 3 months', months: 3 },
  { label: 'in 6 months', months: 6 },
  { label: 'in a year', months: 12 },
];

/** A day from today, as YYYY-MM-DD (the person's own calendar day). */
function dayFromToday(choice: { days?: number; months?: number }): string {
  const d = new Date();
  if (choice.days) d.setDate(d.getDate() + choice.days);
  if (choice.months) d.setMonth(d.getMonth() + choice.months);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** "We look at this again on ...": shown to everyone, set by a party. */
function ReviewDate({
  clause,
  record,
  canSet,
}: {
  clause: ClauseSnapshot;
  record: RecordClause | undefined;
  canSet: boolean;
}) {
  const { reviewClause } = useRoomActions();
  const { error, run } = useActionError();
  const selectId = `review-${clause.id}`;
  const setBy = record?.reviewOn?.on === clause.reviewOn ? record?.reviewOn?.by : undefined;
  return (
    <div className="review-date">
      {clause.reviewOn ? (
        <p className="small" data-testid="review-date">
          We look at this again on <strong>{humanDay(clause.reviewOn)}</strong>
          {setBy ? ` (set by ${setBy})` : ''}.
        </p>
      ) : null}
      {canSet && (
        <div className="row wrap small">
          <label htmlFor={selectId}>{clause.reviewOn ? 'Change when we look at it again' : 'Look at this again'}</label>
          <select
            id={selectId}
            value=""
            onChange={(e) => {
              const value = e.target.value;
              if (!value) return;
              const choice = REVIEW_CHOICES.find((c) => c.label === value);
              const reviewOn = value === 'none' ? null : choice ? dayFromToday(choice) : null;
              run(reviewClause({ clauseId: clause.id, reviewOn }));
            }}
          >
            <option value="">Choose…</option>
            {REVIEW_CHOICES.map((c) => (
              <option key={c.label} value={c.label}>
                {c.label}
              </option>
            ))}
            {clause.reviewOn && <option value="none">no review date</option>}
          </select>
        </div>
      )}
      <ErrorNote message={error} />
    </div>
  );
}

/** Accepts exactly the words on screen: if someone changed them meanwhile, the server says so. */
async function acceptWords(accept: RoomActions['accept'], clauseId: string, words: string) {
  const hash = await textHash(words);
  return accept(hash ? { clauseId, textHash: hash } : { clauseId });
}
