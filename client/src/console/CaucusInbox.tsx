import { useEffect } from 'react';
import { useRoom, useRoomActions } from '../room/RoomProvider.js';
import { CaucusThread } from './CaucusThread.js';

/**
 * A person's private talks with the mediators, above their tabs once a mediator has written to them: only the
 * person and that mediator see it, never the room.
 */
export function CaucusInbox() {
  const room = useRoom();
  const actions = useRoomActions();
  const { view, me, caucus, addCaucus } = room;
  const mediators = (view?.participants ?? []).filter((p) => p.role === 'mediator');
  const ids = mediators.map((m) => m.participantId).join(',');

  // Earlier lines (a reload) come back from the server, for each mediator in the room.
  useEffect(() => {
    for (const id of ids.split(',').filter(Boolean)) {
      void actions.caucusHistory({ participantId: id }).then((res) => {
        if (res.ok) addCaucus(res.messages);
      });
    }
  }, [ids, actions]);

  const talking = mediators.filter((m) =>
    caucus.some((l) => l.mediator === m.participantId && l.with === me.participantId),
  );
  if (talking.length === 0) return null;
  return (
    <>
      {talking.map((m) => (
        <section key={m.participantId} className="card caucus-card" aria-labelledby={`caucus-${m.participantId}`}>
          <h2 id={`caucus-${m.participantId}`}>Private with {m.name} (mediator)</h2>
          <CaucusThread
            withId={m.participantId}
            intro={`Only you and ${m.name} see this. The others in the room do not, and it is not part of any record.`}
          />
        </section>
      ))}
    </>
  );
}
