import { useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../../shared/protocol.js';
import { ApiFailure } from '../api.js';
import { ErrorNote } from './ErrorNote.js';

interface Props {
  /** Prefix for the form's element ids. */
  id: string;
  heading: string;
  submitLabel: string;
  busyLabel: string;
  /** Called with the trimmed name; a thrown ApiFailure's (kind) message is shown. */
  onSubmit: (name: string) => Promise<void>;
  /** Fields before the name (e.g. who the room is for). */
  before?: ReactNode;
  /** Fields after the name. */
  children?: ReactNode;
}

/** The way into a room, started or joined: a name for the others, optional fields, one button. */
export function EntryForm({ id, heading, submitLabel, busyLabel, onSubmit, before, children }: Props) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const nameId = `${id}-name`;
  const errorId = `${id}-error`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Please tell us what to call you.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await onSubmit(trimmed);
    } catch (err) {
      setError(err instanceof ApiFailure ? err.message : 'Something went wrong. Please try again.');
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`}>{heading}</h2>
      {before}
      <label htmlFor={nameId}>What should others call you?</label>
      <input
        id={nameId}
        autoComplete="given-name"
        maxLength={LIMITS.nameChars}
        value={name}
        onChange={(e) => setName(e.target.value)}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {children}
      <ErrorNote id={errorId} message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
