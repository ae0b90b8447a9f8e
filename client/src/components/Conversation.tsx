import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { LIMITS, type LogEntry, type Role, type RoomView, type SendResult } from '../../../shared/protocol.js';
import { call, newMsgId, type RoomSocket } from '../socket.js';
import { FloorPanel, mayWrite } from './FloorPanel.js';

interface Props {
  socket: RoomSocket;
  view: RoomView;
  log: LogEntry[];
  me: { participantId: string; role: Role; name: string };
  names: Map<string, string>;
  draft: string;
  setDraft: (t: string) => void;
  onResult: (r: SendResult, clientMsgId: string, text: string) => void;
  onBreak: boolean;
  onPropose: () => void;
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

export function Conversation({ socket, view, log, me, names, draft, setDraft, onResult, onBreak, onPropose }: Props) {
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const [proposed, setProposed] = useState<Record<string, string>>({});
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    endRef.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [log.length]);

  const may = mayWrite(view, me);

  async function send(e?: FormEvent) {
    e?.preventDefault();
    const text = draft.trim();
    if (!text || sending) return;
    setSending(true);
    setError('');
    const clientMsgId = newMsgId();
    const res = await call(socket, 'message:send', { clientMsgId, text });
    setSending(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setDraft('');
    onResult(res, clientMsgId, text);
  }

  function onKey(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  async function proposeDraft(id: string, text: string) {
    const res = await call(socket, 'agreement:propose', { text });
    setProposed((p) => ({ ...p, [id + text]: res.ok ? 'Proposed. You can shape it together in the Agreement tab.' : res.error.message }));
  }

  return (
    <div className="conversation">
      <ol className="log" aria-label="Conversation" aria-live="polite" aria-relevant="additions">
        {log.length === 0 && <li className="muted empty">No one has written yet. The facilitator will open when everyone is here.</li>}
        {log.map((entry) =>
          entry.type === 'facilitator' ? (
            <li key={entry.seq} className={`entry facilitator kind-${entry.kind}`} data-testid="facilitator-entry">
              <p className="who">
                <span aria-hidden="true" className="facilitator-mark">◆</span> Facilitator
                <span className="visually-hidden"> says</span>
                <time className="muted small" dateTime={new Date(entry.at).toISOString()}>
                  {' '}
                  {time(entry.at)}
                </time>
              </p>
              <p className="text">{entry.text}</p>
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
            <li key={entry.seq} className={entry.from === me.participantId ? 'entry mine' : 'entry theirs'} data-testid="message-entry">
              <p className="who">
                {entry.from === me.participantId ? 'You' : (names.get(entry.from) ?? 'Someone')}
                <time className="muted small" dateTime={new Date(entry.at).toISOString()}>
                  {' '}
                  {time(entry.at)}
                </time>
              </p>
              <p className="text">{entry.text}</p>
              {(entry.reworded || entry.fromPrep) && (
                <p className="small muted tag">
                  {[entry.fromPrep ? 'shared from private prep' : '', entry.reworded ? 'reworded with the facilitator' : ''].filter(Boolean).join(' · ')}
                </p>
              )}
            </li>
          ),
        )}
      </ol>
      <div ref={endRef} />

      <FloorPanel socket={socket} view={view} me={me} names={names} />

      {me.role !== 'observer' ? (
        <form className="composer" onSubmit={send}>
          <label htmlFor="composer">Your message to the room</label>
          <p id="composer-help" className="help small">
            {onBreak
              ? 'The room is on a break. Your private prep space is still open.'
              : may.ok
                ? 'Everyone in the room will see this. Enter sends, Shift+Enter starts a new line.'
                : may.why}
          </p>
          <textarea
            id="composer"
            rows={3}
            maxLength={LIMITS.messageChars}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={onKey}
            aria-describedby="composer-help composer-error"
            aria-invalid={error ? true : undefined}
          />
          <p id="composer-error" className="error" role="alert">
            {error}
          </p>
          <div className="row end">
            <button type="submit" className="primary" disabled={sending || !draft.trim() || onBreak}>
              {sending ? 'Sending…' : 'Send'}
            </button>
          </div>
        </form>
      ) : (
        <p className="muted">You are observing: you can read along, but not write to the room.</p>
      )}
    </div>
  );
}
