import { useEffect, useRef, useState, type ReactNode } from 'react';
import { canSpeak } from '../../../shared/rules/floor.js';
import { facilitatorKindWords } from '../labels.js';
import { newMsgId } from '../room/ids.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import type { OnSendResult } from '../room/types.js';
import { Composer } from './Composer.js';
import { FloorPanel } from './FloorPanel.js';
import { HelpLinks } from './HelpLinks.js';

interface Props {
  draft: string;
  setDraft: (t: string) => void;
  onResult: OnSendResult;
  onPropose: () => void;
}

/** Who wrote an entry, and when. */
function Who({ at, children }: { at: number; children: ReactNode }) {
  return (
    <p className="who">
      {children}
      <time className="muted small" dateTime={new Date(at).toISOString()}>
        {' '}
        {new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}
      </time>
    </p>
  );
}

/** The room's log, its turns and the composer; shown once the room's view has arrived. */
export function Conversation({ draft, setDraft, onResult, onPropose }: Props) {
  const { view, log, me, names } = useRoom();
  const actions = useRoomActions();
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const [proposed, setProposed] = useState<Record<string, string>>({});
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    endRef.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [log.length]);

  // A hint only: the server applies the same rule when the message arrives.
  const may = view ? canSpeak(view, me.participantId) : { ok: false as const, message: '' };

  async function send() {
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError('');
    const clientMsgId = newMsgId();
    const res = await actions.sendMessage({ clientMsgId, text });
    setSending(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setDraft('');
    onResult(res, clientMsgId, text);
  }

  async function proposeDraft(id: string, text: string) {
    const res = await actions.propose({ text });
    const note = res.ok ? 'Proposed. You can shape it together in the Agreement tab.' : res.error.message;
    setProposed((p) => ({ ...p, [id + text]: note }));
  }

  const current = view?.agenda?.topics.find((t) => t.id === view.agenda?.current);
  const myStatus = view?.participants.find((p) => p.participantId === me.participantId)?.status;

  return (
    <div className="conversation">
      {current && (
        <p className="current-topic" data-testid="current-topic">
          <span className="muted small">Talking about now: </span>
          <strong>{current.title}</strong>
        </p>
      )}
      <ol className="log" aria-label="Conversation" aria-live="polite" aria-relevant="additions">
        {log.length === 0 && (
          <li className="muted empty">No one has written yet. The facilitator will open when everyone is here.</li>
        )}
        {log.map((entry) =>
          entry.type === 'facilitator' ? (
            <li key={entry.seq} className={`entry facilitator kind-${entry.kind}`} data-testid="facilitator-entry">
              <Who at={entry.at}>
                <span aria-hidden="true" className="facilitator-mark">
                  ◆
                </span>{' '}
                Facilitator
                {facilitatorKindWords(entry.kind) && (
                  <span className="kind-label"> · {facilitatorKindWords(entry.kind)}</span>
                )}
                <span className="visually-hidden"> says</span>
              </Who>
              <p className="text">{entry.text}</p>
              {entry.help && <HelpLinks links={entry.help} />}
              {entry.visibleTo && <p className="small muted tag">only you can see this</p>}
              {entry.drafts && entry.drafts.length > 0 && me.role !== 'observer' && (
                <ul className="drafts">
                  {entry.drafts.map((d) => (
                    <li key={d}>
                      <p className="draft-text">“{d}”</p>
                      {proposed[entry.id + d] ? (
                        <p className="small" role="status">
                          {proposed[entry.id + d]}{' '}
                          <button type="button" className="link" onClick={onPropose}>
                            Open the agreement
                          </button>
                        </p>
                      ) : (
                        <button type="button" onClick={() => proposeDraft(entry.id, d)}>
                          Propose this as an agreement
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ) : (
            <li
              key={entry.seq}
              className={entry.from === me.participantId ? 'entry mine' : 'entry theirs'}
              data-testid="message-entry"
            >
              <Who at={entry.at}>{entry.from === me.participantId ? 'You' : (names.get(entry.from) ?? 'Someone')}</Who>
              <p className="text">{entry.text}</p>
              {(entry.reworded || entry.fromPrep) && (
                <p className="small muted tag">
                  {[
                    entry.fromPrep ? 'shared from private prep' : '',
                    entry.reworded ? 'reworded with the facilitator' : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
              )}
            </li>
          ),
        )}
      </ol>
      <div ref={endRef} />

      {view && <FloorPanel />}

      {myStatus === 'removed' ? (
        <p className="notice" data-testid="removed-note">
          You are no longer part of the joint conversation. Your private preparation space with the facilitator is still
          open, whenever you want it.
        </p>
      ) : me.role !== 'observer' ? (
        <Composer
          id="composer"
          label="Your message to the room"
          help={
            myStatus === 'paused'
              ? 'Your messages to the room are paused for now. You can still read along and prepare privately.'
              : may.ok
                ? 'Everyone in the room will see this. Enter sends, Shift+Enter starts a new line.'
                : may.message
          }
          value={draft}
          onChange={setDraft}
          onSend={() => void send()}
          error={error}
          submitLabel={sending ? 'Sending…' : 'Send'}
          submitDisabled={sending || !draft.trim()}
        />
      ) : (
        <p className="muted">You are observing: you can read along, but not write to the room.</p>
      )}
    </div>
  );
}
