import { useState } from 'react';
import type { FacilitatorEvent, SafetyChoice } from '../../../shared/protocol.js';
import type { RoomActions } from '../room/actions.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { HelpLinks } from './HelpLinks.js';

/**
 * Switches the room to a separated room (room:separate): at once, with no one else's agreement, and nobody
 * is told who asked or why. The one place the check-in's "separated room" choice is carried out.
 */
export async function requestSeparatedRoom(actions: RoomActions): Promise<string> {
  const res = await actions.askSeparated({});
  if (!res.ok) return res.error.message;
  return (
    'Done. This is now a separated room: from here on you talk only with the facilitator, and nothing reaches ' +
    'the others unless you approve the words. Nobody is told who asked or why.'
  );
}

const WORDS: Record<SafetyChoice, { label: string; hint: string }> = {
  leave: {
    label: 'Leave now',
    hint: 'Closes the room on your screen at once; no one is told. It stays listed on this device’s start page.',
  },
  pause: { label: 'Pause the room quietly', hint: 'No one is told who asked.' },
  separate: {
    label: 'Switch to a separated room',
    hint: 'You talk only with the facilitator. Everyone sees the room changed, never who asked or why.',
  },
  talk: { label: 'Talk privately with the facilitator', hint: 'Only you and the facilitator see it.' },
  continue: { label: 'Carry on', hint: 'Closes this note. The help links stay in the conversation.' },
};

interface Props {
  entry: FacilitatorEvent;
  onTalk: () => void;
  onLeave: () => void;
  onDone: () => void;
}

/** A private safety notice (a check-in, a withheld threat, a change to one's part): help and choices, or "Got it". */
export function SafetyNotice({ entry, onTalk, onLeave, onDone }: Props) {
  const actions = useRoomActions();
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  async function choose(choice: SafetyChoice) {
    if (choice === 'leave') return onLeave();
    if (choice === 'talk') return onTalk();
    if (choice === 'continue') return onDone();
    setBusy(true);
    if (choice === 'pause') {
      const res = await actions.requestBreak({ quiet: true });
      setStatus(res.ok ? 'The room is paused. No one was told who asked.' : res.error.message);
    } else setStatus(await requestSeparatedRoom(actions));
    setBusy(false);
  }

  return (
    <section className="safety-notice" aria-labelledby={`notice-${entry.id}`} data-testid="safety-notice">
      <h2 id={`notice-${entry.id}`} className="visually-hidden">
        A private note from the facilitator
      </h2>
      <p className="muted small">Only you can see this.</p>
      <p>{entry.text}</p>
      {entry.help && <HelpLinks links={entry.help} heading="Free, confidential help:" />}
      {(!entry.choices || entry.choices.length === 0) && (
        <div className="row">
          <button type="button" onClick={onDone}>
            Got it
          </button>
        </div>
      )}
      {entry.choices && entry.choices.length > 0 && (
        <ul className="plain-list safety-choices">
          {entry.choices.map((c) => (
            <li key={c}>
              <button
                type="button"
                disabled={busy}
                className={c === entry.choices?.[0] ? 'primary' : undefined}
                aria-describedby={`hint-${entry.id}-${c}`}
                onClick={() => void choose(c)}
              >
                {WORDS[c].label}
              </button>{' '}
              <span id={`hint-${entry.id}-${c}`} className="small muted">
                {WORDS[c].hint}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="small">
        {status}
      </p>
    </section>
  );
}

/**
 * The newest private safety notice to me that I have not set aside: shown above the tabs, so a pause (which
 * covers the conversation) never hides it.
 */
export function useOpenNotice(dismissed: ReadonlySet<string>): FacilitatorEvent | null {
  const { log, me } = useRoom();
  for (let i = log.length - 1; i >= 0; i--) {
    const e = log[i];
    if (e.type !== 'facilitator' || e.kind !== 'safety' || !e.visibleTo?.includes(me.participantId)) continue;
    return dismissed.has(e.id) ? null : e;
  }
  return null;
}
