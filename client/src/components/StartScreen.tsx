import { useEffect, useState, type FormEvent } from 'react';
import { LIMITS, ROOM_KINDS, TURN_MODES, type RoomKind, type TurnMode } from '../../../shared/protocol.js';
import { api, ApiFailure } from '../api.js';
import { listRooms, saveRoom } from '../credentials.js';
import { KIND_WORDS, MODE_WORDS } from '../labels.js';
import { navigate } from '../router.js';

const DEFAULT_MODE: Record<RoomKind, TurnMode> = { couple: 'open', family: 'hand-raise', workplace: 'open' };

export function StartScreen() {
  const [kind, setKind] = useState<RoomKind>('couple');
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [mode, setMode] = useState<TurnMode | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const remembered = listRooms();
  useEffect(() => {
    document.title = 'Mediation Rooms: a calmer place to talk it through';
  }, []);

  async function create(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Please tell us what to call you.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      const chosen = mode || DEFAULT_MODE[kind];
      const res = await api.createRoom({ kind, name: name.trim(), title: title.trim() || undefined, mode: chosen });
      saveRoom({ ...res, name: name.trim(), title: title.trim() || undefined });
      navigate(`/room/${encodeURIComponent(res.roomId)}`);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Something went wrong. Please try again.');
      setBusy(false);
    }
  }

  return (
    <div className="page narrow">
      <header className="hero">
        <h1>A calmer place to talk it through</h1>
        <p>
          Start a room, prepare privately with the facilitator, then invite the other person. The facilitator helps you take turns,
          pauses words that might hurt before they land, and helps you write down what you agree on.
        </p>
      </header>

      <form className="card" onSubmit={create} aria-labelledby="create-heading" noValidate>
        <h2 id="create-heading">Start a room</h2>
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

        <label htmlFor="your-name">What should others call you?</label>
        <input
          id="your-name"
          autoComplete="given-name"
          maxLength={LIMITS.nameChars}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          aria-describedby={error ? 'create-error' : undefined}
        />

        <label htmlFor="room-title">
          A name for the room <span className="optional">(optional, everyone in the room sees it)</span>
        </label>
        <input id="room-title" maxLength={LIMITS.titleChars} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Our weekends" />

        <label htmlFor="room-mode">How should turns work?</label>
        <select id="room-mode" value={mode} onChange={(e) => setMode(e.target.value as TurnMode | '')} aria-describedby="mode-help">
          <option value="">Suggested for {KIND_WORDS[kind].toLowerCase()}: {MODE_WORDS[DEFAULT_MODE[kind]].title.toLowerCase()}</option>
          {TURN_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_WORDS[m].title}
            </option>
          ))}
        </select>
        <p id="mode-help" className="help">
          {MODE_WORDS[mode || DEFAULT_MODE[kind]].how} You can change this later.
        </p>

        {error && (
          <p id="create-error" className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Opening your room…' : 'Start a room'}
        </button>
      </form>

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
                <a href={`/room/${encodeURIComponent(r.roomId)}`} onClick={(e) => (e.preventDefault(), navigate(`/room/${encodeURIComponent(r.roomId)}`))}>
                  {r.title || 'Your room'}
                </a>{' '}
                <span className="muted">as {r.name}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
