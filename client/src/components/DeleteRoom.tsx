import { useRef, useState } from 'react';
import { api, ApiFailure } from '../api.js';
import { forgetRoom, type StoredRoom } from '../credentials.js';
import { navigate } from '../router.js';
import { ErrorNote } from './ErrorNote.js';

export function DeleteRoom({ creds }: { creds: StoredRoom }) {
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState('');
  const keepRef = useRef<HTMLButtonElement>(null);

  async function remove() {
    try {
      await api.deleteRoom(creds.roomId, creds.token);
      forgetRoom(creds.roomId);
      navigate('/', true);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'We could not delete the room just now.');
    }
  }

  return (
    <section className="card side-card" aria-labelledby="close-heading">
      <h2 id="close-heading">Close the room</h2>
      {!asking ? (
        <button
          type="button"
          className="quiet"
          onClick={() => {
            setAsking(true);
            setTimeout(() => keepRef.current?.focus(), 0);
          }}
        >
          Delete this room…
        </button>
      ) : (
        <fieldset className="bare" aria-labelledby="delete-question">
          <p id="delete-question" className="small">
            This deletes the conversation, everyone’s private preparation and the agreement, for everyone. It cannot be
            undone.
          </p>
          <div className="row wrap">
            <button type="button" ref={keepRef} onClick={() => setAsking(false)}>
              Keep the room
            </button>
            <button type="button" className="danger" onClick={remove}>
              Yes, delete it for everyone
            </button>
          </div>
        </fieldset>
      )}
      <ErrorNote message={error} />
    </section>
  );
}
