import { useEffect, useState, type FormEvent } from 'react';
import type { ScreeningAnswer, ScreeningTopic, ScreeningView } from '../../../shared/protocol.js';
import { forgetRoom } from '../credentials.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { navigate } from '../router.js';

const ANSWERS: { value: ScreeningAnswer; words: string }[] = [
  { value: 'yes', words: 'Yes' },
  { value: 'no', words: 'No' },
  { value: 'rather-not-say', words: 'Rather not say' },
];

/**
 * The optional safety questions at the start of preparation: a short checklist, easy to skip. The
 * answers and the facilitator's answer stay in this person's preparation; nobody else ever sees them.
 */
export function ScreeningCard() {
  const actions = useRoomActions();
  const { view, creds, me } = useRoom();
  const [screening, setScreening] = useState<ScreeningView | null>(null);
  const [answers, setAnswers] = useState<Partial<Record<ScreeningTopic, ScreeningAnswer>>>({});
  const [reopened, setReopened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');

  useEffect(() => {
    let live = true;
    void actions.screening().then((res) => {
      if (live && res.ok) setScreening(res.screening);
    });
    return () => {
      live = false;
    };
  }, [actions]);

  if (!screening) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const list = Object.entries(answers).map(([topic, answer]) => ({ topic, answer })) as {
      topic: ScreeningTopic;
      answer: ScreeningAnswer;
    }[];
    const res = await actions.submitScreening({ answers: list });
    setBusy(false);
    if (!res.ok) return setNote(res.error.message);
    setScreening(res.screening);
    setReopened(false);
    setNote('');
  }

  async function skip() {
    const res = await actions.skipScreening();
    if (res.ok) setScreening(res.screening);
    setReopened(false);
  }

  async function askSeparated() {
    const res = await actions.askSeparated();
    setNote(
      res.ok
        ? 'Done. This is now a separated room. ' +
            'The others see only that a separated room was requested: nobody is told who asked or why.'
        : res.error.message,
    );
  }

  if (screening.status === 'open' || reopened) {
    return (
      <form className="card screening" onSubmit={submit} aria-labelledby="screening-heading" data-testid="screening">
        <h3 id="screening-heading">Before we start: a few questions, so this is safe for you</h3>
        <p className="small">
          Mediators ask everyone these questions. You can skip any of them, or all of them. Your answers stay here, in
          your private preparation: nobody else in the room ever sees them.
        </p>
        {screening.questions.map((q) => (
          <fieldset key={q.topic} className="screening-question">
            <legend>{q.text}</legend>
            <div className="choice-row">
              {ANSWERS.map((a) => (
                <label key={a.value} className="choice">
                  <input
                    type="radio"
                    name={`screening-${q.topic}`}
                    value={a.value}
                    checked={answers[q.topic] === a.value}
                    onChange={() => setAnswers((all) => ({ ...all, [q.topic]: a.value }))}
                  />
                  <span>{a.words}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="row end wrap">
          <button type="button" onClick={() => void skip()}>
            Skip these questions
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Done'}
          </button>
        </div>
        <p role="status" className="small">
          {note}
        </p>
      </form>
    );
  }

  const outcome = screening.outcome;
  if (screening.status === 'answered' && outcome && outcome.risk !== 'none') {
    return (
      <section className="card screening outcome" aria-labelledby="screening-outcome" data-testid="screening-outcome">
        <h3 id="screening-outcome">Only you see this</h3>
        {outcome.text.split('\n').map((line) => (
          <p key={line}>{line}</p>
        ))}
        <ul className="plain-list">
          {outcome.help.map((h) => (
            <li key={h.url}>
              <a href={h.url} target="_blank" rel="noopener noreferrer">
                {h.name}
              </a>{' '}
              <span className="small muted">(opens in a new tab)</span>
            </li>
          ))}
        </ul>
        <div className="row wrap">
          {outcome.choices.includes('separated') && !view?.separated && (
            <button type="button" className="primary" onClick={() => void askSeparated()}>
              Ask for a separated room
            </button>
          )}
          {/* Not going ahead: nothing on this device points back to the room (the host deletes it instead). */}
          {outcome.choices.includes('leave') && me.role !== 'host' && (
            <button
              type="button"
              onClick={() => {
                forgetRoom(creds.roomId);
                navigate('/', true);
              }}
            >
              Leave, and forget this room on this device
            </button>
          )}
        </div>
        <p role="status" className="small">
          {note}
        </p>
      </section>
    );
  }

  return (
    <p className="small muted" data-testid="screening-done">
      {screening.status === 'skipped' ? 'You skipped the safety questions.' : 'You answered the safety questions.'}{' '}
      <button type="button" className="link small" onClick={() => setReopened(true)}>
        {screening.status === 'skipped' ? 'Answer them now' : 'Answer them again'}
      </button>
    </p>
  );
}
