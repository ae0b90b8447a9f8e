import { useState } from 'react';
import type { InviteRole } from '../../../shared/protocol.js';
import { api, ApiFailure, inviteLink } from '../api.js';
import { updateRoom, type StoredRoom } from '../credentials.js';
import { CopyButton } from './CopyButton.js';
import { ErrorNote } from './ErrorNote.js';

const ROLE_HELP: Record<InviteRole, string> = {
  participant: 'someone taking part in the conversation',
  observer: 'someone who can read along but not write',
  mediator: 'a human mediator who can guide turns and breaks',
};

/** What a participant link admits, and for how long: said on the panel so nobody is surprised later. */
const ROLE_USES: Record<InviteRole, string> = {
  participant: 'It lets one person in.',
  observer: 'Anyone with it can join as an observer until then.',
  mediator: 'Anyone with it can join as a mediator until then.',
};

interface Link {
  inviteId?: string;
  inviteCode: string;
  role: InviteRole;
  expiresAt?: number;
}

/** The room's first link comes with the room (StartScreen saved the whole answer, id and expiry too). */
type WithFirstInvite = StoredRoom & { inviteId?: string; inviteExpiresAt?: number };

const until = (at: number) =>
  new Date(at).toLocaleString(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });

/**
 * The host's or a mediator's links. `partiesFull`: everyone who can take part has joined (shared mayInvite),
 * so no participant links.
 */
export function InvitePanel({ creds, partiesFull: full }: { creds: StoredRoom; partiesFull: boolean }) {
  const first = creds as WithFirstInvite;
  const [link, setLink] = useState<Link | null>(
    first.inviteCode
      ? {
          inviteCode: first.inviteCode,
          role: 'participant',
          inviteId: first.inviteId,
          expiresAt: first.inviteExpiresAt,
        }
      : null,
  );
  const [role, setRole] = useState<InviteRole>(full ? 'observer' : 'participant');
  const [error, setError] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  // A participant link into a full room would only disappoint whoever opens it.
  const shown = link && !(full && link.role === 'participant') ? link : null;
  const url = shown ? inviteLink(creds.roomId, shown.inviteCode) : '';
  const chosen = full && role === 'participant' ? 'observer' : role;

  function remember(next: Link | null) {
    setLink(next);
    if (next && next.role !== 'participant') return;
    const saved = { inviteCode: next?.inviteCode, inviteId: next?.inviteId, inviteExpiresAt: next?.expiresAt };
    updateRoom(creds.roomId, saved as Partial<StoredRoom>);
  }

  async function mint() {
    setError('');
    setNote('');
    try {
      const res = await api.createInvite(creds.roomId, creds.token, chosen);
      remember(res);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'We could not make a link just now.');
    }
  }

  async function stop(inviteId: string) {
    setError('');
    setBusy(true);
    try {
      await api.revokeInvite(creds.roomId, creds.token, inviteId);
      remember(null);
      setNote('That link no longer works. Anyone who opens it is asked to get a new one.');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'We could not stop the link just now. Please try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card side-card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite</h2>
      {shown ? (
        <>
          <p className="small">
            Send this link to {ROLE_HELP[shown.role]}. Anyone with it can join, so share it only with them.
          </p>
          <label htmlFor="invite-link" className="small">
            Invite link
          </label>
          <input id="invite-link" className="mono" readOnly value={url} onFocus={(e) => e.target.select()} />
          {shown.expiresAt !== undefined && (
            <p className="small muted" data-testid="invite-expiry">
              Works until {until(shown.expiresAt)}. {ROLE_USES[shown.role]}
            </p>
          )}
          <div className="row wrap">
            <CopyButton text={url} label="Copy invite link" />
            {shown.inviteId && (
              <button
                type="button"
                className="small-button"
                disabled={busy}
                onClick={() => shown.inviteId && void stop(shown.inviteId)}
              >
                Stop this link
              </button>
            )}
          </div>
        </>
      ) : full ? (
        <p className="small">Everyone taking part has joined. You can still invite an observer or a mediator.</p>
      ) : (
        <p className="small">Make a link to invite someone when you feel ready.</p>
      )}
      {note && (
        <p className="small" role="status">
          {note}
        </p>
      )}
      <div className="row wrap">
        <label htmlFor="invite-role" className="small">
          New link for
        </label>
        <select id="invite-role" value={chosen} onChange={(e) => setRole(e.target.value as InviteRole)}>
          {!full && <option value="participant">a participant</option>}
          <option value="observer">an observer</option>
          <option value="mediator">a mediator</option>
        </select>
        <button type="button" onClick={mint}>
          Make a new link
        </button>
      </div>
      <ErrorNote message={error} />
    </section>
  );
}
