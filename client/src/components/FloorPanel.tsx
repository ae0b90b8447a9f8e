import { useState } from 'react';
import { TURN_MODES, type Role, type RoomView, type TurnMode } from '../../../shared/protocol.js';
import { MODE_WORDS } from '../labels.js';
import { call, type RoomSocket } from '../socket.js';
import { ErrorNote, useActionError } from './ErrorNote.js';

type Me = { participantId: string; role: Role };

/** A hint only: the server decides. */
export function mayWrite(view: RoomView, me: Me): { ok: boolean; why: string } {
  if (me.role === 'observer') return { ok: false, why: 'You are observing.' };
  if (me.role === 'mediator' || view.mode === 'open') return { ok: true, why: '' };
  const f = view.floor;
  if (view.mode === 'speaker-listener') {
    if (f.holder === me.participantId && (f.stage === 'speaking' || !f.listener)) return { ok: true, why: '' };
    if (f.listener === me.participantId && f.stage === 'paraphrasing') return { ok: true, why: '' };
    if (f.listener === me.participantId) return { ok: false, why: 'You are listening for now. When the speaker hands over, say back what you heard.' };
    return { ok: false, why: 'Please wait: your listener is reflecting what they heard.' };
  }
  if (f.holder === me.participantId) return { ok: true, why: '' };
  return {
    ok: false,
    why: view.mode === 'round' ? 'It is someone else’s turn. The turn comes to you in order.' : 'Raise your hand and the floor will come to you.',
  };
}

export function FloorPanel({ socket, view, me, names }: { socket: RoomSocket; view: RoomView; me: Me; names: Map<string, string> }) {
  const [msg, setMsg] = useState('');
  const f = view.floor;
  const moderator = me.role === 'host' || me.role === 'mediator';
  const party = me.role === 'host' || me.role === 'participant';
  const name = (id: string | null | undefined) => (id === me.participantId ? 'you' : id ? (names.get(id) ?? 'someone') : 'no one');
  const parties = view.participants.filter((p) => p.role === 'host' || p.role === 'participant');

  async function run(p: Promise<{ ok: boolean; error?: { message: string } }>, done: string) {
    const res = await p;
    setMsg(res.ok ? done : (res.error?.message ?? 'That did not work.'));
  }

  const inQueue = f.queue.includes(me.participantId);
  const holder = f.holder === me.participantId;

  return (
    <section className="floor" aria-labelledby="floor-heading">
      <h2 id="floor-heading" className="small-heading">
        Turns: {MODE_WORDS[view.mode].title}
      </h2>
      <p className="small">{MODE_WORDS[view.mode].how}</p>

      {view.mode !== 'open' && (
        <p className="small" data-testid="floor-status">
          {view.mode === 'speaker-listener' ? (
            <>
              Speaking: <strong>{name(f.holder)}</strong> · Listening: <strong>{name(f.listener)}</strong>
              {f.stage === 'paraphrasing' && ' · the listener is saying back what they heard'}
              {f.stage === 'confirming' && ' · the speaker checks whether that was right'}
            </>
          ) : (
            <>
              The floor is with <strong>{name(f.holder)}</strong>
              {f.holder && f.expiresAt ? <> for about {Math.max(1, Math.round((f.expiresAt - Date.now()) / 60000))} more min</> : null}
              {f.queue.length > 0 && <> · waiting: {f.queue.map((id) => name(id)).join(', ')}</>}
            </>
          )}
        </p>
      )}

      <div className="row wrap">
        {party && view.mode === 'hand-raise' && !holder && !inQueue && (
          <button type="button" onClick={() => run(call(socket, 'floor:request', {}), 'Your hand is raised.')}>
            Raise my hand
          </button>
        )}
        {party && view.mode === 'hand-raise' && inQueue && (
          <button type="button" onClick={() => run(call(socket, 'floor:yield', {}), 'Your hand is lowered.')}>
            Lower my hand
          </button>
        )}
        {party && holder && (view.mode === 'hand-raise' || view.mode === 'round') && (
          <button type="button" onClick={() => run(call(socket, 'floor:yield', {}), 'You passed the floor on.')}>
            I’m done, pass the floor
          </button>
        )}
        {party && holder && view.mode === 'speaker-listener' && f.stage === 'speaking' && f.listener && (
          <button type="button" onClick={() => run(call(socket, 'floor:yield', {}), 'Your listener will now say back what they heard.')}>
            I’ve said my piece, hand over to the listener
          </button>
        )}
        {party && holder && view.mode === 'speaker-listener' && f.stage === 'confirming' && (
          <>
            <button type="button" className="primary" onClick={() => run(call(socket, 'floor:confirm', { accurate: true }), 'Thank you. You now swap roles.')}>
              Yes, that’s what I meant
            </button>
            <button type="button" onClick={() => run(call(socket, 'floor:confirm', { accurate: false }), 'You can say it again in other words.')}>
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
              onChange={(e) => run(call(socket, 'room:mode', { mode: e.target.value as TurnMode }), 'Turn style changed.')}
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
                <button key={p.participantId} type="button" onClick={() => run(call(socket, 'floor:grant', { participantId: p.participantId }), `The floor is with ${p.name}.`)}>
                  Give the floor to {p.participantId === me.participantId ? 'me' : p.name}
                </button>
              ))}
            </div>
          )}
        </details>
      )}

      {party && <BreakButton socket={socket} onBreak={Boolean(view.break)} />}
      <p className="small" role="status" aria-live="polite">
        {msg}
      </p>
    </section>
  );
}

function BreakButton({ socket, onBreak }: { socket: RoomSocket; onBreak: boolean }) {
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
      <button type="button" onClick={() => run(call(socket, 'break:request', { minutes }))}>
        Take a break
      </button>
      <ErrorNote message={error} />
    </div>
  );
}
