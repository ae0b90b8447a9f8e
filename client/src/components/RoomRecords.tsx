import { useState } from 'react';
import type { RoomView } from '../../../shared/protocol.js';
import { api, ApiFailure } from '../api.js';
import type { StoredRoom } from '../credentials.js';
import { dayText, saveFile, timeText } from '../download.js';
import { RECORD_MODE_WORDS } from '../labels.js';
import { KeepACopy } from './KeepACopy.js';

/** The transcript with its hashes, as a JSON file (record mode only). */
function TranscriptDownload({ creds }: { creds: StoredRoom }) {
  const [note, setNote] = useState('');
  async function download() {
    try {
      const t = await api.transcript(creds.roomId, creds.token);
      saveFile(`transcript-${creds.roomId}.json`, JSON.stringify(t, null, 2), 'application/json;charset=utf-8');
      setNote(
        `The transcript was downloaded: ${t.entries.length} entries. Its last hash is ${t.head.slice(0, 12)}…; ` +
          'compare it with someone else’s copy to check neither was changed.',
      );
    } catch (err) {
      setNote(err instanceof ApiFailure ? err.message : 'We could not prepare the transcript just now.');
    }
  }
  return (
    <>
      <button type="button" onClick={download} data-testid="transcript-download">
        Download the transcript (with its hashes)
      </button>
      <p role="status" aria-live="polite" className="small" data-testid="transcript-note">
        {note}
      </p>
    </>
  );
}

/** What this room keeps and for how long: the record mode, the deletion date, the transcript to download. */
export function RoomRecords({ view, creds }: { view: RoomView; creds: StoredRoom }) {
  const mode = RECORD_MODE_WORDS[view.recordMode];
  return (
    <section className="card side-card" aria-labelledby="records-heading" data-testid="room-records">
      <h2 id="records-heading">What is kept</h2>
      <p className="small">
        <strong data-testid="record-mode">{mode.title}.</strong> {mode.what}
      </p>
      <p className="small" data-testid="room-expires">
        This room and everything in it will be deleted on {dayText(view.expiresAt)}. Keep a copy of the agreement before
        then.
      </p>
      {view.recordMode === 'record' && <TranscriptDownload creds={creds} />}
    </section>
  );
}

/** Within this time of the room's deletion by retention, everyone is reminded to keep a copy. */
const EXPIRY_WARNING_MS = 3 * 24 * 3600_000;

/**
 * Everyone is told when the host is about to delete the room, or when retention will soon delete it, and
 * offered what they can keep.
 */
export function DeletionNotice({ view, creds }: { view: RoomView; creds: StoredRoom }) {
  if (!view.deletion) {
    if (view.expiresAt - Date.now() > EXPIRY_WARNING_MS) return null;
    return (
      <section className="banner banner-warn" role="status" data-testid="expiry-notice">
        <p>
          <strong>This room will be deleted on {timeText(view.expiresAt)},</strong> with the conversation, everyone’s
          private preparation and the agreement. Keep a copy of the agreement before then.
        </p>
        <KeepACopy roomId={creds.roomId} token={creds.token} idPrefix="expiry" />
      </section>
    );
  }
  const host = view.participants.find((p) => p.role === 'host');
  const hostName = host?.participantId === creds.participantId ? 'You' : (host?.name ?? 'The host');
  return (
    <section className="banner banner-warn" role="alert" data-testid="deletion-notice">
      <p>
        <strong>
          {hostName} will delete this room from {timeText(view.deletion.deletableAt)}.
        </strong>{' '}
        The conversation, everyone’s private preparation and the agreement will then be gone for everyone, and cannot be
        brought back. Keep a copy of the agreement now
        {view.recordMode === 'record' ? ', and the transcript if you want it' : ''}.
      </p>
      <KeepACopy roomId={creds.roomId} token={creds.token} idPrefix="deletion" />
      {view.recordMode === 'record' && <TranscriptDownload creds={creds} />}
    </section>
  );
}
