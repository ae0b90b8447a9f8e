import { useEffect, useRef, useState } from 'react';
import type { AgreementRecord } from '../../../shared/agreementRecord.js';
import type { RoomView } from '../../../shared/protocol.js';
import { api, ApiFailure } from '../api.js';
import { forgetRoom, type StoredRoom } from '../credentials.js';
import { timeText } from '../download.js';
import { navigate } from '../router.js';
import { ErrorNote } from './ErrorNote.js';
import { KeepACopy } from './KeepACopy.js';

/** What deleting takes away, named: the agreement as it stands (points, signatures), and the rest. */
function whatIsLost(record: AgreementRecord | null, recordMode: RoomView['recordMode']): string {
  const conversation = recordMode === 'record' ? 'the conversation and its transcript' : 'the conversation';
  if (!record || record.clauses.length === 0) {
    return `This deletes ${conversation} and everyone’s private preparation, for everyone. It cannot be undone.`;
  }
  const points = `${record.clauses.length} ${record.clauses.length === 1 ? 'point' : 'points'}`;
  const signed =
    record.final && record.signedAt
      ? `signed by everyone on ${timeText(record.signedAt)}`
      : record.signatures.length > 0
        ? `signed so far by ${record.signatures.map((s) => s.name).join(' and ')}`
        : 'not signed yet';
  return (
    `This deletes ${conversation}, everyone’s private preparation and the agreement (${points}, ${signed}), ` +
    'for everyone. It cannot be undone.'
  );
}

export function DeleteRoom({ creds, view }: { creds: StoredRoom; view: RoomView }) {
  const [asking, setAsking] = useState(false);
  const [record, setRecord] = useState<AgreementRecord | null>(null);
  const [error, setError] = useState('');
  const keepRef = useRef<HTMLButtonElement>(null);
  const hasAgreement = (record?.clauses.length ?? 0) > 0;
  const notice = view.deletion;
  const fail = (err: unknown, fallback: string) => setError(err instanceof ApiFailure ? err.message : fallback);

  // What would be lost is read when the question is open (after a reload with a notice given, too).
  const open = asking || Boolean(notice);
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.agreementRecord(creds.roomId, creds.token).then(
      (r) => live && setRecord(r),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [open, creds.roomId, creds.token]);

  function ask() {
    setAsking(true);
    setError('');
    setTimeout(() => keepRef.current?.focus(), 0);
  }

  async function remove() {
    try {
      await api.deleteRoom(creds.roomId, creds.token);
      forgetRoom(creds.roomId);
      navigate('/', true);
    } catch (err) {
      fail(err, 'We could not delete the room just now.');
    }
  }

  async function tellEveryone() {
    setError('');
    await api
      .announceDeletion(creds.roomId, creds.token)
      .catch((err: unknown) => fail(err, 'We could not tell everyone just now.'));
  }

  async function keep() {
    setAsking(false);
    if (notice)
      await api.cancelDeletion(creds.roomId, creds.token).catch((err: unknown) => fail(err, 'Please try again.'));
  }

  return (
    <section className="card side-card" aria-labelledby="close-heading">
      <h2 id="close-heading">Close the room</h2>
      {!asking && !notice ? (
        <button type="button" className="quiet" onClick={ask}>
          Delete this room…
        </button>
      ) : (
        <fieldset className="bare" aria-labelledby="delete-question">
          <p id="delete-question" className="small" data-testid="delete-warning">
            {whatIsLost(record, view.recordMode)}
          </p>
          {notice ? (
            <p className="small">
              Everyone was told and offered a copy of the agreement ({timeText(notice.noticeAt)}). You can delete the
              room from {timeText(notice.deletableAt)}.
            </p>
          ) : (
            hasAgreement && (
              <p className="small">
                Before the room goes, everyone in it is told and offered a copy of the agreement; you can delete it a
                little later.
              </p>
            )
          )}
          {hasAgreement && <KeepACopy roomId={creds.roomId} token={creds.token} idPrefix="host-copy" />}
          <div className="row wrap">
            <button type="button" ref={keepRef} onClick={() => void keep()}>
              Keep the room
            </button>
            {hasAgreement && !notice ? (
              <button type="button" className="danger" onClick={() => void tellEveryone()}>
                Tell everyone first
              </button>
            ) : (
              <button type="button" className="danger" onClick={() => void remove()}>
                Yes, delete it for everyone
              </button>
            )}
          </div>
        </fieldset>
      )}
      <ErrorNote message={error} />
    </section>
  );
}
