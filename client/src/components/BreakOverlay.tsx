import { useEffect, useRef, useState } from 'react';
import type { BreakView } from '../../../shared/protocol.js';
import { mayEndBreak, pauseFollowsMyHold } from '../../../shared/rules/breaks.js';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { ErrorNote, useActionError } from './ErrorNote.js';

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** A pause, not a punishment: a countdown, what helps meanwhile, and the private space still open. */
export function BreakOverlay({
  brk,
  onPrepare,
  blocked,
  safetyHeldAt = null,
}: {
  brk: BreakView;
  onPrepare: () => void;
  /** A dialog has the page (it is inert): focus comes here once it closes. */
  blocked: boolean;
  /** When one of my messages was last held for safety (this device's clock), if ever. */
  safetyHeldAt?: number | null;
}) {
  const { me, names } = useRoom();
  const { endBreak } = useRoomActions();
  const [now, setNow] = useState(Date.now());
  const { error, run } = useActionError();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  useEffect(() => {
    if (!blocked) headingRef.current?.focus();
  }, [brk.startedAt, blocked]);

  const left = brk.endsAt - now;
  const by =
    brk.requestedBy === 'facilitator'
      ? 'The facilitator paused the room'
      : brk.requestedBy === me.participantId
        ? 'You asked for a pause'
        : `${names.get(brk.requestedBy) ?? 'Someone'} asked for a pause`;
  // The same rule as the server's: a break someone asked for is theirs, a safety pause not its sender's.
  const mine = pauseFollowsMyHold(brk, safetyHeldAt) ? { safetyCausedBy: me.participantId } : {};
  const mayEnd = mayEndBreak({ requestedBy: brk.requestedBy, ...mine }, me);

  return (
    <section className="break-overlay" aria-labelledby="break-heading" data-testid="break-overlay">
      <h2 id="break-heading" tabIndex={-1} ref={headingRef}>
        Taking a break
      </h2>
      <p>{by}. Nothing is lost while the room is paused, and you don’t have to come back: you can leave at any time.</p>
      <p className="countdown" role="timer" aria-label={`About ${minutesLeft(left)} left`}>
        <span aria-hidden="true">{mmss(left)}</span>
      </p>
      <p className="small">
        The room opens again at {new Date(brk.endsAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.
      </p>
      <h3>What might help meanwhile</h3>
      <ul>
        <li>Breathe slowly: in for four, out for six, a few times.</li>
        <li>Stand up, stretch, drink some water, or step outside.</li>
        <li>Notice what you are feeling, and what you need, without arguing it in your head.</li>
        <li>Write privately with the facilitator. No one else sees your prep.</li>
      </ul>
      <div className="row wrap">
        <button type="button" onClick={onPrepare}>
          Go to my private prep
        </button>
        {mayEnd && (
          // after a pause the facilitator called (it may follow a threat), ending it is not the highlighted choice
          <button
            type="button"
            className={brk.requestedBy === 'facilitator' ? undefined : 'primary'}
            onClick={() => run(endBreak())}
          >
            End the break for everyone
          </button>
        )}
      </div>
      <ErrorNote message={error} />
    </section>
  );
}

/** "1 minute", "5 minutes": whole minutes left, at least one. */
function minutesLeft(ms: number): string {
  const n = Math.max(1, Math.ceil(ms / 60000));
  return `${n} ${n === 1 ? 'minute' : 'minutes'}`;
}
