import { useState } from 'react';
import type { ParticipantView, RoomView } from '../../../shared/protocol.js';
import { isModerator, isParty } from '../../../shared/rules/floor.js';
import { api, ApiFailure } from '../api.js';
import { forgetRoom, loadRoom } from '../credentials.js';
import { navigate } from '../router.js';
import { useRoomActions } from '../room/RoomProvider.js';

const ROLE_WORDS: Record<string, string> = {
  host: 'started the room',
  participant: '',
  observer: 'observing',
  mediator: 'mediator',
};

const STATUS_WORDS: Record<NonNullable<ParticipantView['status']>, string> = {
  paused: 'messages paused',
  removed: 'no longer in the joint session',
};

export function Participants({ view, me }: { view: RoomView; me: { participantId: string } }) {
  const mine = view.participants.find((p) => p.participantId === me.participantId);
  // The host and mediators may pause, resume or remove a party (the server checks the same and more).
  const moderates = mine !== undefined && isModerator(mine.role) && mine.status === undefined;
  return (
    <section className="card side-card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul className="people" aria-live="polite">
        {view.participants.map((p) => (
          <li key={p.participantId} className="person" data-testid="person">
            <span className={p.online ? 'dot online' : 'dot'} aria-hidden="true" />
            <span className="person-name">
              {p.name}
              {p.participantId === me.participantId ? ' (you)' : ''}
            </span>
            <span className="muted small">
              {[
                ROLE_WORDS[p.role],
                p.stage === 'prep' ? 'preparing' : '',
                p.status ? STATUS_WORDS[p.status] : '',
                p.online ? 'here now' : 'away',
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
            {moderates && p.participantId !== me.participantId && isParty(p.role) && p.status !== 'removed' && (
              <PersonControls person={p} />
            )}
          </li>
        ))}
        <li className="person">
          <span className="dot facilitator" aria-hidden="true" />
          <span className="person-name">Facilitator</span>
          <span className="muted small">always here</span>
        </li>
      </ul>
      {mine && mine.role !== 'host' && <LeaveRoom roomId={view.roomId} />}
    </section>
  );
}

/** Pause or resume someone's room messages, or remove them from the joint session (asked twice). */
function PersonControls({ person }: { person: ParticipantView }) {
  const actions = useRoomActions();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const target = { participantId: person.participantId };

  async function run(act: 'pauseParticipant' | 'resumeParticipant' | 'removeParticipant') {
    setBusy(true);
    const res = await actions[act](target);
    setBusy(false);
    setConfirming(false);
    setError(res.ok ? '' : res.error.message);
  }

  return (
    <details className="person-controls">
      <summary className="small">Safety options for {person.name}</summary>
      {person.status === 'paused' ? (
        <button type="button" className="small-button" disabled={busy} onClick={() => void run('resumeParticipant')}>
          Let {person.name} write again
        </button>
      ) : (
        <button type="button" className="small-button" disabled={busy} onClick={() => void run('pauseParticipant')}>
          Pause {person.name}’s messages
        </button>
      )}
      {confirming ? (
        <fieldset className="confirm">
          <legend className="visually-hidden">Remove {person.name}?</legend>
          <span className="small">
            {person.name} will leave the joint session and keep private preparation. You can welcome them back from the
            console.
          </span>{' '}
          <button
            type="button"
            className="small-button danger"
            disabled={busy}
            onClick={() => void run('removeParticipant')}
          >
            Yes, remove {person.name}
          </button>{' '}
          <button type="button" className="small-button" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </fieldset>
      ) : (
        <button type="button" className="small-button" disabled={busy} onClick={() => setConfirming(true)}>
          Remove from the session
        </button>
      )}
      <p className="error small" role="alert">
        {error}
      </p>
    </details>
  );
}

/**
 * Leaving for good, asked twice. The host closes the room instead (the server refuses a host's leave), so
 * only the others see this.
 */
function LeaveRoom({ roomId }: { roomId: string }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function leave() {
    const creds = loadRoom(roomId);
    if (!creds) return navigate('/', true);
    setBusy(true);
    setError('');
    try {
      await api.leave(roomId, creds.token);
      forgetRoom(roomId);
      navigate('/', true);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'We could not take you out of the room just now.');
      setBusy(false);
    }
  }

  return confirming ? (
    <fieldset className="confirm" data-testid="leave-confirm">
      <legend className="small">Leave this room?</legend>
      <p className="small">
        You will no longer see the conversation or your private preparation here, and this device forgets the room. To
        come back, you would need a new invite link.
      </p>
      <button type="button" className="small-button danger" disabled={busy} onClick={() => void leave()}>
        Yes, leave the room
      </button>{' '}
      <button type="button" className="small-button" disabled={busy} onClick={() => setConfirming(false)}>
        Stay
      </button>
      <p className="error small" role="alert">
        {error}
      </p>
    </fieldset>
  ) : (
    <button type="button" className="small-button" onClick={() => setConfirming(true)}>
      Leave this room
    </button>
  );
}
