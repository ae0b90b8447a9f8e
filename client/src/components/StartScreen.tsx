import { useState } from 'react';
import {
  LIMITS,
  RECORD_MODES,
  ROOM_KINDS,
  TURN_MODES,
  type RecordMode,
  type RoomKind,
  type TurnMode,
} from '../../../shared/protocol.js';
import { api } from '../api.js';
import { listRooms, saveRoom } from '../credentials.js';
import { KIND_WORDS, MODE_WORDS, RECORD_MODE_WORDS } from '../labels.js';
import { usePageTitle } from '../pageTitle.js';
import { navigate, roomPath } from '../router.js';
import { AppLink } from './AppLink.js';
import { EntryForm } from './EntryForm.js';

const DEFAULT_MODE: Record<RoomKind, TurnMode> = { couple: 'open', family: 'hand-raise', workplace: 'open' };

export function StartScreen() {
  const [kind, setKind] = useState<RoomKind>('couple');
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<TurnMode | ''>('');
  const [separated, setSeparated] = useState(false);
  const [recordMode, setRecordMode] = useState<RecordMode>('confidential');
  const remembered = listRooms();
  usePageTitle('Mediation Rooms: a calmer place to talk it through');

  async function create(name: string) {
    const res = await api.createRoom({
      kind,
      name,
      title: title.trim() || undefined,
      mode: mode || DEFAULT_MODE[kind],
      ...(separated ? { separated: true } : {}),
      recordMode,
    });
    saveRoom({ ...res, name, title: title.trim() || undefined });
    navigate(roomPath(res.roomId));
  }

  return (
    <div className="page narrow">
      <header className="hero">
        <h1>A calmer place to talk it through</h1>
        <p>
          Start a room, prepare privately with the facilitator, then invite the other person. The facilitator helps you
          take turns, pauses words that might hurt before they land, and helps you write down what you agree on.
        </p>
      </header>

      <EntryForm
        id="create"
        heading="Start a room"
        submitLabel="Start a room"
        busyLabel="Opening your room…"
        onSubmit={create}
        before={
          <fieldset>
            <legend>Who is this conversation between?</legend>
            <div className="choice-row">
              {ROOM_KINDS.map((k) => (
                <label key={k} className="choice">
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  <span>{KIND_WORDS[k]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        }
      >
        <label htmlFor="room-title">
          A name for the room <span className="optional">(optional, everyone in the room sees it)</span>
        </label>
        <input
          id="room-title"
          maxLength={LIMITS.titleChars}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder="Our weekends"
        />

        <label htmlFor="room-mode">How should turns work?</label>
        <select
          id="room-mode"
          value={mode}
          onChange={(e) => setMode(e.target.value as TurnMode | '')}
          aria-describedby="mode-help"
        >
          <option value="">
            Suggested for {KIND_WORDS[kind].toLowerCase()}: {MODE_WORDS[DEFAULT_MODE[kind]].title.toLowerCase()}
          </option>
          {TURN_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_WORDS[m].title}
            </option>
          ))}
        </select>
        <p id="mode-help" className="help">
          {MODE_WORDS[mode || DEFAULT_MODE[kind]].how} You can change this later.
        </p>

        <label className="choice" htmlFor="room-separated">
          <input
            id="room-separated"
            type="checkbox"
            checked={separated}
            onChange={(e) => setSeparated(e.target.checked)}
            aria-describedby="separated-help"
          />
          <span>A separated room: we do not talk to each other directly</span>
        </label>
        <p id="separated-help" className="help">
          Each person talks only with the facilitator (and a mediator, if you invite one). Nothing reaches the other
          person until its writer has seen the exact words and approved them. Choose this if facing each other does not
          feel safe. Turns do not apply.
        </p>

        <fieldset aria-describedby="record-help">
          <legend>What is kept of the conversation?</legend>
          <div className="choice-row">
            {RECORD_MODES.map((m) => (
              <label key={m} className="choice">
                <input
                  type="radio"
                  name="recordMode"
                  value={m}
                  checked={recordMode === m}
                  onChange={() => setRecordMode(m)}
                />
                <span>
                  {RECORD_MODE_WORDS[m].title}
                  {m === 'confidential' ? ' (suggested)' : ''}
                </span>
              </label>
            ))}
          </div>
          <p id="record-help" className="help">
            {RECORD_MODE_WORDS[recordMode].what} Everyone you invite sees this before they join, and it cannot be
            changed later.
          </p>
        </fieldset>
      </EntryForm>

      <section className="card" aria-labelledby="join-heading">
        <h2 id="join-heading">Were you invited?</h2>
        <p>Open the invite link you were sent. It brings you straight to the room.</p>
      </section>

      {remembered.length > 0 && (
        <section className="card" aria-labelledby="continue-heading">
          <h2 id="continue-heading">Continue where you left off</h2>
          <ul className="plain-list">
            {remembered.map((r) => (
              <li key={r.roomId}>
                <AppLink to={roomPath(r.roomId)}>{r.title || 'Your room'}</AppLink>{' '}
                <span className="muted">as {r.name}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
