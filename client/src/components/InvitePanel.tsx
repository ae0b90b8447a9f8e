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

/** `partiesFull`: everyone who can take part has joined (shared mayInvite), so no participant links. */
export function InvitePanel({ creds, partiesFull: full }: { creds: StoredRoom; partiesFull: boolean }) {
  const [code, setCode] = useState(creds.inviteCode ?? '');
  const [role, setRole] = useState<InviteRole>(full ? 'observer' : 'participant');
  const [codeRole, setCodeRole] = useState<InviteRole>('participant');
  const [error, setError] = useState('');
  // A participant link into a full room would only disappoint whoever opens it.
  const shown = full && codeRole === 'participant' ? '' : code;
  const link = shown ? inviteLink(creds.roomId, shown) : '';
  const chosen = full && role === 'participant' ? 'observer' : role;

  async function mint() {
    setError('');
    try {
      const res = await api.createInvite(creds.roomId, creds.token, chosen);
      setCode(res.inviteCode);
      setCodeRole(res.role);
      if (res.role === 'participant') updateRoom(creds.roomId, { inviteCode: res.inviteCode });
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'We could not make a link just now.');
    }
  }

  return (
    <section className="card side-card" aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite</h2>
      {link ? (
        <>
          <p className="small">
            Send this link to {ROLE_HELP[codeRole]}. Anyone with it can join, so share it only with them.
          </p>
          <label htmlFor="invite-link" className="small">
            Invite link
          </label>
          <input id="invite-link" className="mono" readOnly value={link} onFocus={(e) => e.target.select()} />
          <div className="row wrap">
            <CopyButton text={link} label="Copy invite link" />
          </div>
        </>
      ) : full ? (
        <p className="small">Everyone taking part has joined. You can still invite an observer or a mediator.</p>
      ) : (
        <p className="small">Make a link to invite someone when you feel ready.</p>
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
