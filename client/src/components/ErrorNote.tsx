import { useCallback, useState } from 'react';
import type { Ack } from '../../../shared/protocol.js';

/** A kind, announced error line; renders nothing while there is no error. */
export function ErrorNote({ message, id }: { message: string; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="error" role="alert">
      {message}
    </p>
  );
}

/** Runs one room action and keeps its error (cleared on success) for an ErrorNote. */
export function useActionError() {
  const [error, setError] = useState('');
  const run = useCallback(async (pending: Promise<Ack>): Promise<boolean> => {
    const res = await pending;
    setError(res.ok ? '' : res.error.message);
    return res.ok;
  }, []);
  return { error, setError, run };
}
