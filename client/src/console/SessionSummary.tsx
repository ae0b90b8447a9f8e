import type { OutcomesView } from '../../../shared/protocol.js';

/** Minutes, in words people use ("about 25 minutes", "1 hour 10 minutes"). */
export function duration(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
}

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** What people did when a message was held, naming only what happened ("chose a suggestion twice and ..."). */
export function suggestionWords(s: OutcomesView['suggestions']): string {
  const parts = [
    s.taken ? `chose a suggestion ${times(s.taken)}` : '',
    s.edited ? `rewrote it themselves ${times(s.edited)}` : '',
    s.original ? `sent it as written ${times(s.original)}` : '',
    s.discarded ? `let it go ${times(s.discarded)}` : '',
  ].filter(Boolean);
  if (parts.length === 0) return 'No message needed a second look.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `When a message was held for a second look, people ${list}.`;
}

/** How the heat moved, in a few plain words: from the first delivered message to the last. */
export function heatWords(heat: OutcomesView['heat']): string {
  if (heat.length === 0) return 'No messages have been shared yet.';
  const peak = Math.max(...heat.map((h) => h.heat));
  const last = heat[heat.length - 1].heat;
  const feel = (h: number) => (h < 0.3 ? 'calm' : h < 0.6 ? 'a little tense' : 'heated');
  if (peak < 0.3)
    return `The conversation stayed calm across ${heat.length === 1 ? 'one message' : `${heat.length} messages`}.`;
  return `At its most, the room felt ${feel(peak)}; by the latest message it felt ${feel(last)}.`;
}

/**
 * A short end-of-session summary for the host and mediators: what people did with suggestions, breaks,
 * how long agreement took and how the heat moved. Counts only: never anyone's words.
 */
export function SessionSummary({ outcomes, final }: { outcomes: OutcomesView; final: boolean }) {
  const s = outcomes.suggestions;
  const since = (at: number | null) =>
    outcomes.jointAt !== null && at !== null ? duration(at - outcomes.jointAt) : null;
  const agreed = since(outcomes.firstAgreedAt);
  const signed = since(outcomes.signedAt);
  return (
    <section className="summary" aria-labelledby="summary-heading" data-testid="session-summary">
      <h3 id="summary-heading">{final ? 'How the session went' : 'How the session is going'}</h3>
      <ul>
        <li>{suggestionWords(s)}</li>
        <li>
          {outcomes.breaks === 0
            ? 'No breaks were needed.'
            : `The room took ${outcomes.breaks} break${outcomes.breaks === 1 ? '' : 's'}.`}
        </li>
        <li>
          {agreed ? `The first point everyone agreed on came after ${agreed}.` : 'No point is agreed by everyone yet.'}
        </li>
        {signed && <li>Everyone signed the agreement after {signed}. Thank you for guiding it there.</li>}
        <li>{heatWords(outcomes.heat)}</li>
      </ul>
    </section>
  );
}
