import { useEffect, useRef, useState, type FormEvent } from 'react';
import { LIMITS, type PrepMessage } from '../../../shared/protocol.js';
import { shareMsgId } from '../../../shared/rules/shareId.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { draftKey, useDraft } from '../room/drafts.js';
import type { OnSendResult } from '../room/types.js';
import { Composer } from './Composer.js';
import { HelpLinks } from './HelpLinks.js';
import { ScreeningCard } from './ScreeningCard.js';

interface Props {
  onShared: OnSendResult;
  canShare: boolean;
  /** Hosts and participants are offered the safety questions first. */
  screening?: boolean;
  /** Set while the person is still preparing: "Enter the conversation" when they are ready. */
  onEnter?: () => void;
}

const key = (m: PrepMessage) => `${m.role}|${m.at}|${m.text}`;

/** Private coaching with the facilitator; only what the person chooses is shared, one point at a time. */
export function PrepPanel({ onShared, canShare, screening = false, onEnter }: Props) {
  const { onPrep, onPrepPartial, creds } = useRoom();
  const actions = useRoomActions();
  const [messages, setMessages] = useState<PrepMessage[]>([]);
  const [text, setText] = useDraft(draftKey(creds.roomId, creds.participantId, 'prep'));
  const [waiting, setWaiting] = useState(false);
  /** The reply as the facilitator writes it; the final, checked reply replaces it. */
  const [partial, setPartial] = useState('');
  const [error, setError] = useState('');
  const [share, setShare] = useState<string | null>(null);
  const [shareNote, setShareNote] = useState('');
  const shareRef = useRef<HTMLTextAreaElement>(null);
  const [deleting, setDeleting] = useState(false);
  const [deleteNote, setDeleteNote] = useState('');

  const add = (more: PrepMessage[]) =>
    setMessages((list) => {
      const seen = new Set(list.map(key));
      return [...list, ...more.filter((m) => !seen.has(key(m)))];
    });

  useEffect(() => {
    let live = true;
    void actions.prepHistory().then((res) => {
      if (live && res.ok) setMessages(res.messages);
    });
    const off = onPrep((m) => {
      if (m.role === 'facilitator') setPartial('');
      add([m]);
    });
    const offPartial = onPrepPartial((p) => setPartial(p.text));
    return () => {
      live = false;
      off();
      offPartial();
    };
  }, [actions]); // subscribe once per connection

  async function send() {
    const t = text.trim();
    if (!t || waiting) return;
    setError('');
    setWaiting(true);
    setMessages((list) => [...list, { role: 'you', text: t, at: Date.now() }]);
    setText('');
    const res = await actions.sendPrep({ text: t });
    setWaiting(false);
    setPartial('');
    if (res.ok) add([res.reply]);
    else setError(res.error.message);
  }

  /** The person's own preparation goes (screening answers too); the facilitator's greeting starts it afresh. */
  async function deleteMine() {
    const res = await actions.deletePrep();
    setDeleting(false);
    if (!res.ok) {
      setDeleteNote(res.error.message);
      return;
    }
    const fresh = await actions.prepHistory();
    setMessages(fresh.ok ? fresh.messages : []);
    setDeleteNote('Your preparation was deleted. Nothing of it is kept.');
  }

  function openShare(t: string) {
    setShare(t);
    setShareNote('');
    setTimeout(() => shareRef.current?.focus(), 0);
  }

  async function doShare(e: FormEvent) {
    e.preventDefault();
    const t = (share ?? '').trim();
    if (!t) return;
    const res = await actions.shareFromPrep({ text: t });
    if (!res.ok) {
      setShareNote(res.error.message);
      return;
    }
    setShare(null);
    const shared = 'Shared with the room. Everyone in the conversation can see that point now.';
    setShareNote(res.status === 'delivered' ? shared : '');
    // No clientMsgId was sent, so the server named the share by its words: the same id, computed here.
    onShared(res, shareMsgId(t), t);
  }

  return (
    <div className="prep">
      <div className="private-note" role="note">
        <strong>Private.</strong> Only you and the facilitator see this space. Nothing here reaches the room unless you
        choose to share one point, and you see exactly what will be shared first.
      </div>

      {onEnter && (
        <div className="enter-card" data-testid="enter-card">
          <p>
            Take the time you need here. When you are ready, enter the conversation: it opens once two of you are in,
            and from then you can share a point from here too.
          </p>
          <button type="button" className="primary" onClick={onEnter}>
            Enter the conversation
          </button>
        </div>
      )}

      {screening && <ScreeningCard />}

      <ol className="log prep-log" aria-label="Your private preparation" aria-live="polite" aria-relevant="additions">
        {/* The screening shows in its own card above, never as a point to share */}
        {messages
          .filter((m) => !m.screening)
          .map((m, i, shown) => (
            <li
              // The log only grows; the index tells identical entries apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
              key={key(m) + i}
              className={m.role === 'you' ? 'entry mine private' : 'entry facilitator'}
              data-testid="prep-entry"
            >
              <p className="who">{m.role === 'you' ? 'You (private)' : 'Facilitator (private)'}</p>
              <p className="text">{m.text}</p>
              {m.help && <HelpLinks links={m.help} />}
              {/* words answered with safety first (fear, harm told, self-harm, a threat) are never offered to share */}
              {m.role === 'you' && canShare && !shown[i + 1]?.help && (
                <button type="button" className="link small" onClick={() => openShare(m.text)}>
                  Share this point with the room…
                </button>
              )}
            </li>
          ))}
        {waiting && partial && (
          <li className="entry facilitator partial" data-testid="prep-partial" aria-busy="true">
            <p className="who">Facilitator (private, still writing)</p>
            <p className="text">{partial}</p>
          </li>
        )}
        {waiting && !partial && <li className="muted small">The facilitator is thinking…</li>}
      </ol>

      <Composer
        id="prep-input"
        label="Write privately to the facilitator"
        help="What happened, how you feel, what you need. This stays between you and the facilitator."
        value={text}
        onChange={setText}
        onSend={() => void send()}
        error={error}
        submitLabel="Send privately"
        submitDisabled={waiting || !text.trim()}
        extra={
          canShare && (
            <button type="button" onClick={() => openShare('')}>
              Share one point…
            </button>
          )
        }
      />

      {share !== null && (
        <form className="share-box" onSubmit={doShare} aria-labelledby="share-heading">
          <h3 id="share-heading">Share one point with the room</h3>
          <p className="small">
            Everyone in the conversation will see exactly this text, marked as shared from your prep. The rest of your
            prep stays private.
          </p>
          <label htmlFor="share-text">The point to share</label>
          <textarea
            id="share-text"
            ref={shareRef}
            rows={3}
            maxLength={LIMITS.messageChars}
            value={share}
            onChange={(e) => setShare(e.target.value)}
          />
          <div className="row end wrap">
            <button type="button" onClick={() => setShare(null)}>
              Keep it private
            </button>
            <button type="submit" className="primary" disabled={!share.trim()}>
              Share with the room
            </button>
          </div>
        </form>
      )}
      <p role="status" aria-live="polite" className="small">
        {shareNote}
      </p>

      <section className="prep-delete" aria-labelledby="prep-delete-heading">
        <h3 id="prep-delete-heading" className="small-heading">
          Your preparation is yours
        </h3>
        {!deleting ? (
          <button type="button" className="quiet" onClick={() => setDeleting(true)}>
            Delete my preparation…
          </button>
        ) : (
          <div className="bare">
            <p className="small">
              This deletes everything you wrote here and the facilitator’s replies, and your answers to the safety
              questions. Points you already shared with the room stay in the conversation. It cannot be undone.
            </p>
            <div className="row wrap">
              <button type="button" onClick={() => setDeleting(false)}>
                Keep it
              </button>
              <button type="button" className="danger" onClick={() => void deleteMine()}>
                Yes, delete my preparation
              </button>
            </div>
          </div>
        )}
        <p role="status" aria-live="polite" className="small" data-testid="prep-delete-note">
          {deleteNote}
        </p>
      </section>
    </div>
  );
}
