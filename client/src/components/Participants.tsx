import type { RoomView } from '../../../shared/protocol.js';

const ROLE_WORDS: Record<string, string> = {
  host: 'started the room',
  participant: '',
  observer: 'observing',
  mediator: 'mediator',
};

export function Participants({ view, me }: { view: RoomView; me: { participantId: string } }) {
  return (
    <section className="card side-card" aria-labelledby="people-heading">
      <h2 id="people-heading">People</h2>
      <ul className="people" aria-live="polite">
        {view.participants.map((p) => (
          <li key={p.participantId} className="person">
            <span className={p.online ? 'dot online' : 'dot'} aria-hidden="true" />
            <span className="person-name">
              {p.name}
              {p.participantId === me.participantId ? ' (you)' : ''}
            </span>
            <span className="muted small">
              {[ROLE_WORDS[p.role], p.online ? 'here now' : 'away'].filter(Boolean).join(' · ')}
            </span>
          </li>
        ))}
        <li className="person">
          <span className="dot facilitator" aria-hidden="true" />
          <span className="person-name">Facilitator</span>
          <span className="muted small">always here</span>
        </li>
      </ul>
    </section>
  );
}
