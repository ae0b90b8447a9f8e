import { useEffect, useState } from 'react';
import type { ConsoleView, ParticipantView } from '../../../shared/protocol.js';
import { isParty } from '../../../shared/rules/floor.js';
import { mayInvite } from '../../../shared/rules/membership.js';
import { api, ApiFailure } from '../api.js';
import { InvitePanel } from '../components/InvitePanel.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { CaucusThread } from './CaucusThread.js';
import { SessionSummary } from './SessionSummary.js';
import { whereWords } from './where.js';

/** How often the console asks again for held counts, which change without a room update. */
const REFRESH_MS = 5000;

/**
 * The mediator's console (and the host's): where everyone is, held messages per person (counts, never
 * words), breaks, pausing, taking out and welcoming back, invite links, a private talk with one person,
 * and a short summary of how the session goes.
 */
export function ConsolePanel() {
  const room = useRoom();
  const actions = useRoomActions();
  const { view, me, creds } = room;
  const [state, setState] = useState<ConsoleView | null>(null);
  const [talkWith, setTalkWith] = useState<string | null>(null);
  const [error, setError] = useState('');
  const mediator = me.role === 'mediator';

  useEffect(() => {
    let live = true;
    const load = () =>
      void actions.consoleState().then((res) => {
        if (live && res.ok) setState(res.console);
      });
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [actions, view, room.log.length]);

  // Someone answered in a private talk while none was open: open theirs.
  const lastLine = room.caucus[room.caucus.length - 1];
  useEffect(() => {
    if (mediator && lastLine && lastLine.from !== me.participantId && talkWith === null) setTalkWith(lastLine.with);
  }, [lastLine?.id]);

  if (!view) return null;
  const others = view.participants.filter((p) => p.participantId !== me.participantId);
  const onBreak = view.break && view.break.endsAt > Date.now();

  async function toggleBreak() {
    const res = onBreak ? await actions.endBreak() : await actions.requestBreak({ minutes: 10 });
    setError(res.ok ? '' : res.error.message);
  }

  return (
    <div className="console" data-testid="console">
      <section aria-labelledby="console-people">
        <h2 id="console-people">Where everyone is</h2>
        <ul className="console-people">
          {others.map((p) => (
            <li key={p.participantId} className="console-person" data-testid="console-person">
              <span className="person-name">{p.name}</span> <span className="muted small">{whereWords(p)}</span>
              <HeldCount count={state?.held[p.participantId] ?? 0} name={p.name} />
              <div className="console-actions">
                {isParty(p.role) && <PersonActions person={p} roomId={view.roomId} token={creds.token} />}
                {mediator && p.role !== 'mediator' && (
                  <button
                    type="button"
                    className="small-button"
                    aria-pressed={talkWith === p.participantId}
                    onClick={() => setTalkWith(talkWith === p.participantId ? null : p.participantId)}
                  >
                    Talk privately with {p.name}
                  </button>
                )}
              </div>
            </li>
          ))}
          {others.length === 0 && <li className="muted">No one else is here yet. Invite people below.</li>}
        </ul>
      </section>

      {mediator && talkWith && (
        <section aria-labelledby="console-caucus">
          <h2 id="console-caucus">Private talk with {room.names.get(talkWith)}</h2>
          <CaucusThread
            withId={talkWith}
            intro={`Only you and ${room.names.get(talkWith)} see this. It never appears in the room or its record.`}
          />
        </section>
      )}

      <section aria-labelledby="console-break">
        <h2 id="console-break">Breaks</h2>
        <p className="muted small">
          {onBreak
            ? 'The room is on a break. You can end it when people are ready.'
            : 'A short break gives everyone room to breathe. Everyone sees it start.'}
        </p>
        <button type="button" onClick={() => void toggleBreak()}>
          {onBreak ? 'End the break' : 'Start a 10-minute break'}
        </button>
        <p className="error small" role="alert">
          {error}
        </p>
      </section>

      <section aria-labelledby="console-agenda">
        <h2 id="console-agenda">Agenda</h2>
        {view.agenda && view.agenda.topics.length > 0 ? (
          <ol className="console-agenda">
            {view.agenda.topics.map((t) => (
              <li key={t.id}>
                {t.title}
                <span className="muted small">
                  {t.id === view.agenda?.current
                    ? ' · talking about this now'
                    : t.status === 'open'
                      ? ''
                      : ' · settled'}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="muted small">
            The agenda fills as people bring topics. You can add and order them in the side panel.
          </p>
        )}
      </section>

      {mediator && <InvitePanel creds={creds} partiesFull={!mayInvite(view, 'participant')} />}

      {state && <SessionSummary outcomes={state.outcomes} final={view.phase === 'final'} />}
    </div>
  );
}

function HeldCount({ count, name }: { count: number; name: string }) {
  if (count === 0) return null;
  return (
    <p className="small held-count" data-testid="held-count">
      {count === 1 ? '1 message' : `${count} messages`} of {name}’s {count === 1 ? 'is' : 'are'} waiting for a second
      look. Only they can see the words.
    </p>
  );
}

/** Pause, take out of the joint conversation, welcome back, or take out of the room for good (asked twice). */
function PersonActions({ person, roomId, token }: { person: ParticipantView; roomId: string; token: string }) {
  const actions = useRoomActions();
  const [confirm, setConfirm] = useState<'session' | 'room' | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const target = { participantId: person.participantId };

  async function run(act: 'pauseParticipant' | 'resumeParticipant' | 'removeParticipant') {
    setBusy(true);
    const res = await actions[act](target);
    setBusy(false);
    setConfirm(null);
    setError(res.ok ? '' : res.error.message);
  }

  async function outOfRoom() {
    setBusy(true);
    try {
      await api.removeFromRoom(roomId, token, person.participantId);
      setError('');
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'We could not do that just now. Please try again.');
    }
    setBusy(false);
    setConfirm(null);
  }

  const name = person.name;
  return (
    <>
      {person.status === 'removed' ? (
        <button type="button" className="small-button" disabled={busy} onClick={() => void run('resumeParticipant')}>
          Welcome {name} back
        </button>
      ) : person.status === 'paused' ? (
        <button type="button" className="small-button" disabled={busy} onClick={() => void run('resumeParticipant')}>
          Let {name} write again
        </button>
      ) : (
        <button type="button" className="small-button" disabled={busy} onClick={() => void run('pauseParticipant')}>
          Pause {name}’s messages
        </button>
      )}
      {person.status !== 'removed' && (
        <button type="button" className="small-button" disabled={busy} onClick={() => setConfirm('session')}>
          Take {name} out of the conversation
        </button>
      )}
      {person.role !== 'host' && (
        <button type="button" className="small-button" disabled={busy} onClick={() => setConfirm('room')}>
          Remove {name} from the room
        </button>
      )}
      {confirm && (
        <fieldset className="confirm">
          <legend className="small">
            {confirm === 'session'
              ? `${name} will stop seeing the conversation and keep their private preparation. You can welcome them back.`
              : `${name} will leave the room for good: their link stops working. To return they would need a new invite.`}
          </legend>
          <button
            type="button"
            className="small-button danger"
            disabled={busy}
            onClick={() => void (confirm === 'session' ? run('removeParticipant') : outOfRoom())}
          >
            {confirm === 'session' ? `Yes, take ${name} out` : `Yes, remove ${name}`}
          </button>{' '}
          <button type="button" className="small-button" disabled={busy} onClick={() => setConfirm(null)}>
            Cancel
          </button>
        </fieldset>
      )}
      <p className="error small" role="alert">
        {error}
      </p>
    </>
  );
}
