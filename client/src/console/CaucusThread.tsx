import { useEffect, useId, useState } from 'react';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';

/**
 * A private talk between a mediator and one person: the same thread on both sides, seen by those two only
 * (never the room, its log or its transcript). `withId` is the other person in it.
 */
export function CaucusThread({ withId, intro }: { withId: string; intro: string }) {
  const room = useRoom();
  const actions = useRoomActions();
  const { me, names, caucus, addCaucus } = room;
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const name = names.get(withId) ?? 'them';

  useEffect(() => {
    void actions.caucusHistory({ participantId: withId }).then((res) => {
      if (res.ok) addCaucus(res.messages);
    });
  }, [withId, actions]);

  const lines = caucus.filter(
    (l) =>
      (l.mediator === me.participantId && l.with === withId) || (l.mediator === withId && l.with === me.participantId),
  );

  async function send() {
    const text = draft.trim();
    if (!text) return;
    setBusy(true);
    const res = await actions.sendCaucus({ participantId: withId, text });
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    addCaucus([res.message]);
    setDraft('');
    setError('');
  }

  return (
    <div className="caucus" data-testid="caucus">
      <p className="muted small">{intro}</p>
      <ol className="caucus-lines" aria-live="polite">
        {lines.map((l) => (
          <li key={l.id} className={l.from === me.participantId ? 'caucus-line mine' : 'caucus-line'}>
            <strong>{l.from === me.participantId ? 'You' : (names.get(l.from) ?? 'Someone')}:</strong> {l.text}
          </li>
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <label htmlFor={inputId}>Write privately to {name}</label>
        <textarea id={inputId} rows={2} value={draft} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={busy || !draft.trim()}>
          {busy ? 'Sending…' : `Send to ${name} only`}
        </button>
        <p className="error small" role="alert">
          {error}
        </p>
      </form>
    </div>
  );
}
