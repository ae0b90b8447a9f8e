import { useState } from 'react';
import { ApiFailure, api } from '../api.js';
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
  usePageTitle('You are invited');

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
