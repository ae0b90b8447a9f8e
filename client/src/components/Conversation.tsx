import { useEffect, useRef, useState, type ReactNode } from 'react';
import { canSpeak, isParty, parties } from '../../../shared/rules/floor.js';
import { talksOnSide } from '../../../shared/rules/separated.js';
import { facilitatorKindWords } from '../labels.js';
import { newMsgId } from '../room/ids.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import type { OnSendResult } from '../room/types.js';
import { Composer } from './Composer.js';
import { FloorPanel } from './FloorPanel.js';
import { RelayBox } from './RelayBox.js';
import { HelpLinks } from './HelpLinks.js';

interface Props {
  draft: string;
  setDraft: (t: string) => void;
  onResult: OnSendResult;
  onPropose: () => void;
  /** "Enter the conversation", for a party still preparing. */
  onEnter: () => void;
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
export function Conversation({ draft, setDraft, onResult, onPropose, onEnter }: Props) {
  const { view, log, me, names } = useRoom();
  const actions = useRoomActions();
  const [error, setError] = useState('');
  const [sending, setSending] = useState(false);
  const [proposed, setProposed] = useState<Record<string, string>>({});
  const [relaying, setRelaying] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    endRef.current?.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
  }, [log.length]);

  // A hint only: the server applies the same rule when the message arrives.
  const may = view ? canSpeak(view, me.participantId) : { ok: false as const, code: 'forbidden', message: '' };
  // A refusal from before the turn moved on says nothing true any more: the turn line above says what is.
  const holder = view?.floor.holder;
  const listenerStage = view?.floor.stage;
  // biome-ignore lint/correctness/useExhaustiveDependencies: clears on a change of turn only
  useEffect(() => setError(''), [holder, listenerStage]);

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
  // A separated room: a party writes on their own side; points cross only through the relay box.
  const onSide = view ? talksOnSide(view, me.role) : false;
  const otherNames = view ? parties(view).filter((p) => p.participantId !== me.participantId) : [];
  const others = otherNames.length === 0 ? 'the others' : otherNames.map((p) => p.name).join(' and ');
  const nameOf = (id: string) => (id === me.participantId ? 'You' : (names.get(id) ?? 'Someone'));
  // A side's entries are read by the mediators too: the tag says who, so no one believes they are alone with it.
  const whoSees = (to: string[]): string => {
    if (to.length <= 1) return 'only you can see this';
    const others = to.filter((id) => id !== me.participantId).map((id) => names.get(id) ?? 'a mediator');
    return `only you and ${others.join(', ')} can see this`;
  };
  const mine = view?.participants.find((p) => p.participantId === me.participantId);
  const myStatus = mine?.status;
  const preparing = mine?.stage === 'prep';

  return (
    <div className="conversation">
      {current && (
        <p className="current-topic" data-testid="current-topic">
          <span className="muted small">Talking about now: </span>
          <strong>{current.title}</strong>
        </p>
      )}
      {view?.separated && (
        <p className="private-note separated-note" role="note" data-testid="separated-note">
          <strong>Separated room.</strong>{' '}
          {onSide
            ? 'Only you and the facilitator (and a mediator, if there is one) see this side. ' +
              `A point reaches ${others} only when you approve the exact words.`
            : isParty(me.role) || me.role === 'mediator'
              ? 'You see each person’s side. What you write here goes to everyone.'
              : 'You see the points people chose to pass on, not what they say on their own side.'}
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
              {entry.visibleTo && <p className="small muted tag">{whoSees(entry.visibleTo)}</p>}
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
              className={
                (entry.from === me.participantId ? 'entry mine' : 'entry theirs') +
                (entry.visibleTo ? ' side' : '') +
                (entry.relayed ? ' relayed' : '')
              }
              data-testid="message-entry"
            >
              <Who at={entry.at}>
                {entry.relayed
                  ? entry.from === me.participantId
                    ? 'Passed on for you by the facilitator'
                    : `Facilitator: ${names.get(entry.from) ?? 'Someone'} asks me to pass on`
                  : entry.visibleTo
                    ? `${nameOf(entry.from)} (${entry.from === me.participantId ? 'your' : 'their'} side, private)`
                    : nameOf(entry.from)}
              </Who>
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

      {view && !view.separated && !preparing && <FloorPanel />}

      {relaying && <RelayBox others={others} onClose={() => setRelaying(false)} />}

      {preparing ? (
        <div className="notice enter-note" data-testid="enter-note">
          <p>
            <strong>You are preparing.</strong> You can read the conversation here; nothing you write in your
            preparation reaches the room. Enter the conversation when you are ready.
          </p>
          <button type="button" className="primary" onClick={onEnter}>
            Enter the conversation
          </button>
        </div>
      ) : myStatus === 'removed' ? (
        <p className="notice" data-testid="removed-note">
          You are no longer part of the joint conversation. Your private preparation space with the facilitator is still
          open, whenever you want it.
        </p>
      ) : me.role !== 'observer' ? (
        <Composer
          id="composer"
          label={onSide ? 'Write to the facilitator, on your side' : 'Your message to the room'}
          help={
            myStatus === 'paused'
              ? 'Your messages to the room are paused for now. You can still read along and prepare privately.'
              : onSide
                ? 'Only you and the facilitator (and a mediator) see this. ' +
                  `To tell ${others} something, use “Pass a point on”.`
                : may.ok
                  ? 'Everyone in the room will see this. Enter sends, Shift+Enter starts a new line.'
                  : may.code === 'not_your_turn'
                    ? 'You can write now, and send it when it is your turn.'
                    : may.message
          }
          value={draft}
          onChange={setDraft}
          onSend={() => void send()}
          error={error}
          submitLabel={sending ? 'Sending…' : 'Send'}
          submitDisabled={sending || !draft.trim()}
          extra={
            onSide &&
            !relaying && (
              <button type="button" onClick={() => setRelaying(true)}>
                Pass a point on…
              </button>
            )
          }
        />
      ) : (
        <p className="muted">You are observing: you can read along, but not write to the room.</p>
      )}
    </div>
  );
}
