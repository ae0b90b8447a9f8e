import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { Review } from '../../../shared/analysis.js';
import type { MessageResolve } from '../../../shared/protocol.js';
import { LIMITS } from '../../../shared/protocol.js';
import { labelWords } from '../labels.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import type { Held, OnSendResult } from '../room/types.js';
import { HelpLinks } from './HelpLinks.js';
import { Highlighted } from './Highlighted.js';

const INTRO = {
  selfHarm:
    'Only you can see this, and nothing has been sent. What you wrote sounds very painful, and your safety matters ' +
    'more than this conversation.',
  unsafe:
    'Only you can see this, and nothing has been sent. We can’t pass this message on as it is written, because it ' +
    'could make someone feel unsafe.',
  review:
    'Only you can see this, and nothing has been sent yet. Some words might land harder than you mean them to. Here ' +
    'is what we noticed, and some ways to say the same thing so it can be heard.',
};

interface Props {
  held: Held;
  onResult: OnSendResult;
  onTakeBack: (text: string) => void;
  /** Nothing is sent, and the person's private preparation with the facilitator opens. */
  onTalkPrivately: () => void;
}

/**
 * The held-message review: only the sender sees it. What was noticed (highlighted, in plain words),
 * calmer ways to say the same thing, and every choice one key press away.
 */
export function ReviewDialog({ held, onResult, onTakeBack, onTalkPrivately }: Props) {
  const { resolveHeld } = useRoomActions();
  const { onReview } = useRoom();
  /** Suggestions that arrived after the dialog opened (a model's): they replace the ones shown. */
  const [later, setLater] = useState<{ for: Review; review: Review } | null>(null);
  const review = later?.for === held.review ? later.review : held.review;
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const dialogRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const editRef = useRef<HTMLTextAreaElement>(null);
  const first = useRef(true);
  const safety = !review.originalAllowed;
  const selfHarm = review.labels.includes('self_harm');
  const labels = [...new Set(review.labels)];

  // The rest of the page is inert while the dialog is open.
  useEffect(() => {
    const main = document.getElementById('main');
    main?.setAttribute('inert', '');
    headingRef.current?.focus();
    return () => main?.removeAttribute('inert');
  }, []);

  // A re-held edit: say so, and keep the person in their own words.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setStatus('Your version still has some words that may be hard to hear. Here is what we noticed this time.');
    headingRef.current?.focus();
  }, [held.review]);

  // New suggestions for this message: shown in place; whatever the person is typing stays as it is.
  useEffect(
    () =>
      onReview((u) => {
        if (u.clientMsgId !== held.clientMsgId) return;
        setLater({ for: held.review, review: u.review });
        setStatus('There are new suggestions below.');
      }),
    [onReview, held.clientMsgId, held.review],
  );

  async function resolve(p: Omit<MessageResolve, 'clientMsgId'>, text: string) {
    setBusy(true);
    setStatus(p.action === 'discard' ? '' : 'Sending…');
    const res = await resolveHeld({ clientMsgId: held.clientMsgId, ...p });
    setBusy(false);
    if (!res.ok) {
      setStatus(res.error.message);
      return;
    }
    if (res.status === 'held') setEditing(null);
    onResult(res, held.clientMsgId, text);
  }

  /** Drops the held message (never sent), then `after`; a message already gone counts as dropped. */
  async function discardThen(after: () => void) {
    setBusy(true);
    const res = await resolveHeld({ clientMsgId: held.clientMsgId, action: 'discard' });
    setBusy(false);
    if (!res.ok && res.error.code !== 'not_found') {
      setStatus(res.error.message);
      return;
    }
    after();
  }

  const takeBack = () => discardThen(() => onTakeBack(held.text));
  const talkPrivately = () => discardThen(onTalkPrivately);

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      if (editing !== null) setEditing(null);
      else void takeBack();
      return;
    }
    if (e.key !== 'Tab' || !dialogRef.current) return;
    const focusable = 'a[href], button:not([disabled]), textarea, [tabindex="0"]';
    const focusables = [...dialogRef.current.querySelectorAll<HTMLElement>(focusable)];
    if (focusables.length === 0) return;
    const [firstEl, lastEl] = [focusables[0], focusables[focusables.length - 1]];
    if (e.shiftKey && (document.activeElement === firstEl || document.activeElement === headingRef.current)) {
      e.preventDefault();
      lastEl.focus();
    } else if (!e.shiftKey && document.activeElement === lastEl) {
      e.preventDefault();
      firstEl.focus();
    }
  }

  function startEdit(text: string) {
    setEditing(text);
    setTimeout(() => {
      editRef.current?.focus();
      editRef.current?.setSelectionRange(text.length, text.length);
    }, 0);
  }

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={dialogRef}
        className="dialog review"
        role="dialog"
        aria-modal="true"
        aria-labelledby="review-title"
        aria-describedby="review-desc"
        onKeyDown={onKeyDown}
        data-testid="review-dialog"
      >
        <h2 id="review-title" tabIndex={-1} ref={headingRef}>
          {safety ? 'Let’s pause here for a moment' : 'Before this goes to the room'}
        </h2>
        <p id="review-desc">
          {safety ? (selfHarm && !review.labels.includes('threat') ? INTRO.selfHarm : INTRO.unsafe) : INTRO.review}
        </p>

        {review.safety && (
          <div className="safety" role="note">
            {review.safety}
          </div>
        )}

        {safety && (
          <section aria-labelledby="review-help" className="safety-help">
            <h3 id="review-help">{selfHarm ? 'You don’t have to carry this alone' : 'What might help now'}</h3>
            <div className="row wrap">
              <button
                type="button"
                className="primary"
                disabled={busy}
                aria-describedby="review-private-why"
                onClick={talkPrivately}
              >
                Talk privately with the facilitator
              </button>
            </div>
            <p id="review-private-why" className="small">
              Opens your private space, where only you and the facilitator talk. This message is not sent.
            </p>
            <HelpLinks
              links={review.help}
              heading={
                selfHarm
                  ? 'Free, confidential crisis lines, any time of day (links open in a new tab):'
                  : 'Free, confidential support lines (links open in a new tab):'
              }
            />
          </section>
        )}

        <section aria-labelledby="review-original">
          <h3 id="review-original">What you wrote</h3>
          <blockquote className="original" data-testid="held-original">
            <Highlighted text={held.text} spans={review.spans} />
          </blockquote>
          {labels.length > 0 && (
            <ul className="reasons" aria-label="What we noticed">
              {labels.map((l) => (
                <li key={l}>
                  <strong>{labelWords(l).title}.</strong> {labelWords(l).why}
                </li>
              ))}
            </ul>
          )}
        </section>

        {review.suggestions.length > 0 && (
          <section aria-labelledby="review-suggestions">
            <h3 id="review-suggestions">Ways to say it that keep your meaning</h3>
            <ol className="suggestions">
              {review.suggestions.map((s, i) => (
                <li key={s} className="suggestion" data-testid="suggestion">
                  <p id={`suggestion-${i}`}>{s}</p>
                  <div className="row wrap">
                    <button
                      type="button"
                      className="primary"
                      disabled={busy}
                      aria-describedby={`suggestion-${i}`}
                      onClick={() => resolve({ action: 'suggestion', index: i, text: s }, s)}
                    >
                      Send this
                    </button>
                    <button
                      type="button"
                      disabled={busy}
                      aria-describedby={`suggestion-${i}`}
                      onClick={() => startEdit(s)}
                    >
                      Edit it first
                    </button>
                  </div>
                </li>
              ))}
            </ol>
          </section>
        )}

        {editing !== null ? (
          <form
            className="edit-box"
            onSubmit={(e) => {
              e.preventDefault();
              if (editing.trim()) void resolve({ action: 'edit', text: editing.trim() }, editing.trim());
            }}
          >
            <label htmlFor="review-edit">Your version</label>
            <textarea
              id="review-edit"
              ref={editRef}
              rows={4}
              maxLength={LIMITS.messageChars}
              value={editing}
              onChange={(e) => setEditing(e.target.value)}
            />
            <div className="row wrap end">
              <button type="button" disabled={busy} onClick={() => setEditing(null)}>
                Cancel editing
              </button>
              <button type="submit" className="primary" disabled={busy || !editing.trim()}>
                Send my version
              </button>
            </div>
          </form>
        ) : (
          <div className="row wrap">
            <button type="button" disabled={busy} onClick={() => startEdit(safety ? '' : held.text)}>
              Write it my own way
            </button>
          </div>
        )}

        <div className="row wrap review-footer">
          {review.originalAllowed && (
            <button type="button" disabled={busy} onClick={() => resolve({ action: 'original' }, held.text)}>
              Send as I wrote it
            </button>
          )}
          <button type="button" disabled={busy} onClick={takeBack}>
            Take it back to my draft
          </button>
          <button type="button" disabled={busy} onClick={() => resolve({ action: 'discard' }, held.text)}>
            Don’t send it
          </button>
        </div>
        <p className="small muted">
          {safety
            ? 'This message will not be sent. Esc takes it back to your draft.'
            : 'Esc takes it back to your draft. Nothing is sent unless you choose.'}
        </p>
        <p role="status" aria-live="assertive" className="small">
          {status}
        </p>
      </div>
    </div>,
    document.body,
  );
}
