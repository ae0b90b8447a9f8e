import { useState } from 'react';
import { TURN_MODES, type Ack, type TurnMode } from '../../../shared/protocol.js';
import { isModerator, isParty, parties as partiesOf } from '../../../shared/rules/floor.js';
import { turnLine } from '../../../shared/rules/turnLine.js';
import { MODE_WORDS } from '../labels.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { ErrorNote, useActionError } from './ErrorNote.js';

/** Whose turn it is, in one line, and the buttons to take, pass and guide turns (the server decides). */
export function FloorPanel() {
  const { view: maybeView, me } = useRoom();
  const actions = useRoomActions();
  const [msg, setMsg] = useState('');
  if (!maybeView) return null;
  const view = maybeView;
  const f = view.floor;
  const moderator = isModerator(me.role);
  const party = isParty(me.role);
  const parties = partiesOf(view);
  // The one line about turns: the floor's state speaks for itself, so a success adds no second line.
  const line = turnLine(view, me.participantId);

  async function run(p: Promise<Ack>, done = '') {
    const res = await p;
    setMsg(res.ok ? done : res.error.message);
  }

  const inQueue = f.queue.includes(me.participantId);
  const holder = f.holder === me.participantId;

  return (
    <section className="floor" aria-labelledby="floor-heading">
      <h2 id="floor-heading" className="small-heading">
        Turns: {MODE_WORDS[view.mode].title}
      </h2>
      <p className="small">{MODE_WORDS[view.mode].how}</p>

      {line && (
        <p className={line.yours ? 'turn-line yours' : 'turn-line'} data-testid="floor-status">
          <strong>{line.now}</strong>
          {line.order && <span className="turn-order"> {line.order}</span>}
          {view.floor.holder && f.expiresAt && view.mode !== 'speaker-listener' ? (
            <span className="muted">
              {' '}
              About {Math.max(1, Math.round((f.expiresAt - Date.now()) / 60000))} min left.
            </span>
          ) : null}
        </p>
      )}

      <div className="row wrap">
        {party && view.mode === 'hand-raise' && !holder && !inQueue && (
          <button type="button" onClick={() => run(actions.requestFloor())}>
            Raise my hand
          </button>
        )}
        {party && view.mode === 'hand-raise' && inQueue && (
          <button type="button" onClick={() => run(actions.yieldFloor())}>
            Lower my hand
          </button>
        )}
        {party && holder && (view.mode === 'hand-raise' || view.mode === 'round') && (
          <button type="button" onClick={() => run(actions.yieldFloor())}>
            I’m done, pass the floor
          </button>
        )}
        {party && holder && view.mode === 'speaker-listener' && f.stage === 'speaking' && f.listener && (
          <button type="button" onClick={() => run(actions.yieldFloor())}>
            I’ve said my piece, hand over to the listener
          </button>
        )}
        {party && holder && view.mode === 'speaker-listener' && f.stage === 'confirming' && (
          <>
            <button
              type="button"
              className="primary"
              onClick={() => run(actions.confirmParaphrase({ accurate: true }))}
            >
              Yes, that’s what I meant
            </button>
            <button type="button" onClick={() => run(actions.confirmParaphrase({ accurate: false }))}>
              Not quite, let me say more
            </button>
          </>
        )}
      </div>

      {moderator && (
        <details className="moderation">
          <summary>Guide the turns</summary>
          <div className="row wrap">
            <label htmlFor="mode-select" className="small">
              Turn style
            </label>
            <select
              id="mode-select"
              value={view.mode}
              onChange={(e) => run(actions.setMode({ mode: e.target.value as TurnMode }), 'Turn style changed.')}
            >
              {TURN_MODES.map((m) => (
                <option key={m} value={m}>
                  {MODE_WORDS[m].title}
                </option>
              ))}
            </select>
          </div>
          {view.mode !== 'open' && (
            <div className="row wrap">
              {parties.map((p) => (
                <button
                  key={p.participantId}
                  type="button"
                  onClick={() => run(actions.grantFloor({ participantId: p.participantId }))}
                >
                  Give the floor to {p.participantId === me.participantId ? 'me' : p.name}
                </button>
              ))}
            </div>
          )}
        </details>
      )}

      {party && <BreakButton onBreak={Boolean(view.break)} />}
      <p className="small" role="status" aria-live="polite">
        {msg}
      </p>
    </section>
  );
}

function BreakButton({ onBreak }: { onBreak: boolean }) {
  const { requestBreak } = useRoomActions();
  const [minutes, setMinutes] = useState(20);
  const { error, run } = useActionError();
  if (onBreak) return null;
  return (
    <div className="row wrap break-ask">
      <label htmlFor="break-minutes" className="small">
        Need a pause?
      </label>
      <select id="break-minutes" value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
        <option value={5}>5 minutes</option>
        <option value={10}>10 minutes</option>
        <option value={20}>20 minutes (helps most)</option>
        <option value={30}>30 minutes</option>
      </select>
      <button type="button" onClick={() => run(requestBreak({ minutes }))}>
        Take a break
      </button>
      <ErrorNote message={error} />
    </div>
  );
}
