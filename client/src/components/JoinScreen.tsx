import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS } from '../../../shared/protocol.js';
import { api, ApiFailure } from '../api.js';
import { loadRoom, saveRoom } from '../credentials.js';
import { navigate } from '../router.js';

export function JoinScreen({ roomId, code }: { roomId: string; code: string }) {
  const [name, setName] = useState('');
  const [inviteCode, setInviteCode] = useState(code);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const existing = loadRoom(roomId);
  useEffect(() => {
    document.title = 'You are invited · Mediation Rooms';
  }, []);

  async function join(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Please tell us what to call you.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const res = await api.join(roomId, inviteCode.trim(), name.trim());
      saveRoom({ ...res, name: name.trim() });
      navigate(`/room/${encodeURIComponent(res.roomId)}`, true);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Something went wrong. Please try again.');
      setBusy(false);
    }
  }

  return (
    <div className="page narrow">
      <header className="hero">
        <h1>You have been invited to talk</h1>
        <p>
          Someone would like to talk something through with you, with a facilitator who helps both of you be heard. You can take a break
          at any time, and you can prepare privately before you say anything to the room.
        </p>
      </header>
      {existing && (
        <p className="notice">
          This device is already in this room as {existing.name}.{' '}
          <a href={`/room/${encodeURIComponent(roomId)}`} onClick={(e) => (e.preventDefault(), navigate(`/room/${encodeURIComponent(roomId)}`))}>
            Go back to the room
          </a>
        </p>
      )}
      <form className="card" onSubmit={join} noValidate aria-labelledby="join-form-heading">
        <h2 id="join-form-heading">Join the room</h2>
        <label htmlFor="join-name">What should others call you?</label>
        <input id="join-name" autoComplete="given-name" maxLength={LIMITS.nameChars} value={name} onChange={(e) => setName(e.target.value)} required />
        {!code && (
          <>
            <label htmlFor="join-code">Invite code</label>
            <input id="join-code" value={inviteCode} onChange={(e) => setInviteCode(e.target.value)} required />
          </>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Joining…' : 'Join the room'}
        </button>
      </form>
    </div>
  );
}
