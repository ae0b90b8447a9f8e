import { useState, type FormEvent } from 'react';
import { LIMITS, type Ack, type AgendaTopicView } from '../../../shared/protocol.js';
import { mayChangeAgenda } from '../../../shared/rules/agenda.js';
import { TOPIC_STATUS_WORDS } from '../labels.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { ErrorNote } from './ErrorNote.js';

/** Puts focus on the first of these controls that is on the page once React has drawn the change. */
function focusSoon(...ids: string[]): void {
  requestAnimationFrame(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (el) return el.focus();
    }
  });
}

/**
 * The topics people brought, in the order the room takes them; the one being talked about now is marked.
 * The host and mediators add, move, close and choose topics (the server decides; these buttons only ask).
 */
export function AgendaPanel() {
  const { view, me, names } = useRoom();
  const actions = useRoomActions();
  const [title, setTitle] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const agenda = view?.agenda;
  if (!agenda) return null;
  const shaper = mayChangeAgenda(me.role).ok;
  const who = (t: AgendaTopicView) =>
    t.by === null ? '' : t.by === me.participantId ? 'from you' : `from ${names.get(t.by) ?? 'someone'}`;

  async function run(pending: Promise<Ack>, done: string): Promise<boolean> {
    const res = await pending;
    setError(res.ok ? '' : res.error.message);
    setStatus(res.ok ? done : '');
    return res.ok;
  }

  async function add(e: FormEvent) {
    e.preventDefault();
    const t = title.trim();
    if (!t) return;
    if (await run(actions.addTopic({ title: t }), `“${t}” is on the agenda.`)) setTitle('');
  }

  async function move(t: AgendaTopicView, toIndex: number, dir: 'up' | 'down') {
    if (await run(actions.moveTopic({ topicId: t.id, toIndex }), `“${t.title}” moved ${dir}.`)) {
      focusSoon(`topic-${dir}-${t.id}`, `topic-${dir === 'up' ? 'down' : 'up'}-${t.id}`);
    }
  }

  async function close(t: AgendaTopicView) {
    if (await run(actions.closeTopic({ topicId: t.id }), `“${t.title}” is closed.`)) focusSoon('agenda-heading');
  }

  return (
    <section className="card side-card agenda" aria-labelledby="agenda-heading" data-testid="agenda">
      <h2 id="agenda-heading" tabIndex={-1}>
        Agenda
      </h2>
      {agenda.topics.length === 0 ? (
        <p className="muted small">
          No topics yet. What each of you shares from preparation, or says first in the room, will show here.
        </p>
      ) : (
        <ol className="agenda-topics">
          {agenda.topics.map((t, i) => {
            const current = t.id === agenda.current;
            const meta = [current ? 'talking about now' : '', TOPIC_STATUS_WORDS[t.status], who(t)].filter(Boolean);
            return (
              <li
                key={t.id}
                className={`topic status-${t.status}${current ? ' current' : ''}`}
                aria-current={current ? 'step' : undefined}
                data-testid="agenda-topic"
              >
                <span className="topic-title">{t.title}</span>
                {meta.length > 0 && <span className="small topic-meta">{meta.join(' · ')}</span>}
                {shaper && (
                  <span className="topic-actions">
                    {t.status === 'open' && !current && (
                      <button
                        type="button"
                        className="small-button"
                        onClick={() => run(actions.chooseTopic({ topicId: t.id }), `Now talking about “${t.title}”.`)}
                      >
                        Talk about this now<span className="visually-hidden">: “{t.title}”</span>
                      </button>
                    )}
                    {i > 0 && (
                      <button
                        type="button"
                        id={`topic-up-${t.id}`}
                        className="small-button"
                        onClick={() => move(t, i - 1, 'up')}
                      >
                        <span aria-hidden="true">↑ </span>Move up<span className="visually-hidden"> “{t.title}”</span>
                      </button>
                    )}
                    {i < agenda.topics.length - 1 && (
                      <button
                        type="button"
                        id={`topic-down-${t.id}`}
                        className="small-button"
                        onClick={() => move(t, i + 1, 'down')}
                      >
                        <span aria-hidden="true">↓ </span>Move down
                        <span className="visually-hidden"> “{t.title}”</span>
                      </button>
                    )}
                    {t.status === 'open' && (
                      <button type="button" className="small-button" onClick={() => close(t)}>
                        Close<span className="visually-hidden"> “{t.title}”</span>
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {shaper && (
        <form className="agenda-add" onSubmit={add}>
          <label htmlFor="agenda-new" className="small">
            Add a topic
          </label>
          <div className="row">
            <input
              id="agenda-new"
              value={title}
              maxLength={LIMITS.topicChars}
              onChange={(e) => setTitle(e.target.value)}
              placeholder="A few words"
            />
            <button type="submit" disabled={!title.trim()}>
              Add
            </button>
          </div>
        </form>
      )}
      <ErrorNote message={error} />
      <p className="small visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
