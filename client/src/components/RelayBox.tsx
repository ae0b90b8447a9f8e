import { useRef, useState, type FormEvent } from 'react';
import { LIMITS, type RelayResult } from '../../../shared/protocol.js';
import type { Review } from '../../../shared/analysis.js';
import { newMsgId } from '../room/ids.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';

interface Props {
  /** The others' names, as one phrase ("Ben", "Ben and Cy"). */
  others: string;
  onClose: () => void;
}

/**
 * Separated rooms: a point to pass on. The person writes it, sees the exact words the others would read
 * (after the same review as any room message), and approves them; held words can be changed or a
 * suggestion chosen, never approved as written.
 */
export function RelayBox({ others, onClose }: Props) {
  const actions = useRoomActions();
  const room = useRoom();
  const [id] = useState(newMsgId);
  const [text, setText] = useState('');
  const [ready, setReady] = useState<string | null>(null);
  const [held, setHeld] = useState<Review | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const areaRef = useRef<HTMLTextAreaElement>(null);

  function answer(res: ({ ok: true } & RelayResult) | { ok: false; error: { message: string } }) {
    if (!res.ok) return setNote(res.error.message);
    setNote('');
    if (res.status === 'ready') {
      setReady(res.text);
      setHeld(null);
    } else if (res.status === 'held') {
      setHeld(res.review);
      setReady(null);
    } else {
      room.addEntry(res.message);
      onClose();
    }
  }

  async function check(words: string, e?: FormEvent) {
    e?.preventDefault();
    if (!words.trim() || busy) return;
    setBusy(true);
    answer(await actions.proposeRelay({ clientMsgId: id, text: words }));
    setBusy(false);
  }

  async function approve() {
    if (ready === null || busy) return;
    setBusy(true);
    answer(await actions.approveRelay({ clientMsgId: id, text: ready }));
    setBusy(false);
  }

  async function keep() {
    await actions.cancelRelay({ clientMsgId: id });
    onClose();
  }

  return (
    <section className="share-box relay" aria-labelledby="relay-heading" data-testid="relay-box">
      <h3 id="relay-heading">Pass a point on to {others}</h3>
      {ready === null ? (
        <form onSubmit={(e) => void check(text, e)}>
          <label htmlFor="relay-text">The point, in your words</label>
          <textarea
            id="relay-text"
            ref={areaRef}
            rows={3}
            maxLength={LIMITS.messageChars}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {held && (
            <div className="relay-held" role="alert">
              <p>
                {held.safety ??
                  'These words cannot be passed on as they are: some of them might land harder than you mean. ' +
                    'You can change them, or use one of these:'}
              </p>
              <ul className="drafts">
                {held.suggestions.map((s) => (
                  <li key={s}>
                    <p className="draft-text">“{s}”</p>
                    <button type="button" onClick={() => void check(s)}>
                      Use these words
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <div className="row end wrap">
            <button type="button" onClick={() => void keep()}>
              Keep it on my side
            </button>
            <button type="submit" className="primary" disabled={busy || !text.trim()}>
              Check the words
            </button>
          </div>
        </form>
      ) : (
        <div>
          <p className="small">This is exactly what {others} will read, passed on by the facilitator:</p>
          <blockquote className="draft-text" data-testid="relay-ready">
            {ready}
          </blockquote>
          <div className="row end wrap">
            <button
              type="button"
              onClick={() => {
                setText(ready);
                setReady(null);
              }}
            >
              Change the words
            </button>
            <button type="button" onClick={() => void keep()}>
              Keep it on my side
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void approve()}>
              Approve and pass it on
            </button>
          </div>
        </div>
      )}
      <p role="status" className="small">
        {note}
      </p>
    </section>
  );
}
