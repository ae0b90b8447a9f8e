import { useEffect, useState } from 'react';
import type { InvitePreview } from '../../../shared/protocol.js';
import { ApiFailure, api } from '../api.js';
import { dayText } from '../download.js';
import { KIND_WORDS, RECORD_MODE_WORDS } from '../labels.js';
import { loadRoom, saveRoom } from '../credentials.js';
import { usePageTitle } from '../pageTitle.js';
import { navigate, roomPath } from '../router.js';
import { AppLink } from './AppLink.js';
import { EntryForm } from './EntryForm.js';

export function JoinScreen({ roomId, code }: { roomId: string; code: string }) {
  const [inviteCode, setInviteCode] = useState(code);
  // A used, expired or stopped link (410 gone): said plainly, in place of a form that cannot work.
  const [gone, setGone] = useState('');
  const existing = loadRoom(roomId);
  const [preview, setPreview] = useState<InvitePreview | null>(null);
  usePageTitle('You are invited');

  // What the room keeps and until when, before anyone joins (a link's code; a typed code once it is whole).
  const typed = inviteCode.trim();
  useEffect(() => {
    setPreview(null);
    if (typed.length < 20) return;
    let live = true;
    api.invitePreview(roomId, typed).then(
      (p) => live && setPreview(p),
      (err: unknown) => {
        if (live && err instanceof ApiFailure && err.code === 'gone') setGone(err.message);
      },
    );
    return () => {
      live = false;
    };
  }, [roomId, typed]);

  async function join(name: string) {
    const res = await api.join(roomId, inviteCode.trim(), name).catch((err: unknown) => {
      if (err instanceof ApiFailure && err.code === 'gone') setGone(err.message);
      throw err;
    });
    saveRoom({ ...res, name });
    navigate(roomPath(res.roomId), true);
  }

  return (
    <div className="page narrow">
      <header className="hero">
        <h1>You have been invited to talk</h1>
        <p>
          Someone would like to talk something through with you, with a facilitator who helps both of you be heard. You
          can take a break at any time, and you can prepare privately before you say anything to the room.
        </p>
      </header>
      {preview && (
        <section className="card" aria-labelledby="preview-heading" data-testid="invite-preview">
          <h2 id="preview-heading">{preview.title}</h2>
          <p className="small muted">
            {KIND_WORDS[preview.kind]}
            {preview.separated ? ' · a separated room: you talk with the facilitator, not face to face' : ''}
          </p>
          <p>
            <strong data-testid="preview-record-mode">{RECORD_MODE_WORDS[preview.recordMode].title}.</strong>{' '}
            {RECORD_MODE_WORDS[preview.recordMode].what}
          </p>
          <p className="small">
            The room and everything in it will be deleted on {dayText(preview.expiresAt)}. You can delete your own
            preparation at any time.
          </p>
        </section>
      )}
      {existing && (
        <p className="notice">
          This device is already in this room as {existing.name}.{' '}
          <AppLink to={roomPath(roomId)}>Go back to the room</AppLink>
        </p>
      )}
      {gone ? (
        <p className="notice" role="alert" data-testid="invite-gone">
          {gone}
        </p>
      ) : null}
      <EntryForm id="join" heading="Join the room" submitLabel="Join the room" busyLabel="Joining…" onSubmit={join}>
        {!code && (
          <>
            <label htmlFor="join-code">Invite code</label>
            <input id="join-code" value={inviteCode} onChange={(e) => setInviteCode(e.target.value)} required />
          </>
        )}
      </EntryForm>
    </div>
  );
}
