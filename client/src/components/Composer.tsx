import type { FormEvent, KeyboardEvent, ReactNode } from 'react';
import { LIMITS } from '../../../shared/protocol.js';
import { ErrorNote } from './ErrorNote.js';

interface Props {
  /** The textarea's id; its help and error take it as a prefix. */
  id: string;
  label: string;
  help: ReactNode;
  value: string;
  onChange: (text: string) => void;
  /** Enter (without Shift, never mid-composition) or the submit button. */
  onSend: () => void;
  error: string;
  submitLabel: string;
  submitDisabled: boolean;
  /** More buttons, before the submit button. */
  extra?: ReactNode;
}

/** Write and send: Enter sends, Shift+Enter starts a new line. */
export function Composer({
  id,
  label,
  help,
  value,
  onChange,
  onSend,
  error,
  submitLabel,
  submitDisabled,
  extra,
}: Props) {
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      onSend();
    }
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    onSend();
  }
  return (
    <form className="composer" onSubmit={onSubmit}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-help`} className="help small">
        {help}
      </p>
      <textarea
        id={id}
        rows={3}
        maxLength={LIMITS.messageChars}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={error ? `${id}-help ${id}-error` : `${id}-help`}
        aria-invalid={error ? true : undefined}
      />
      <ErrorNote id={`${id}-error`} message={error} />
      <div className="row end wrap">
        {extra}
        <button type="submit" className="primary" disabled={submitDisabled}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
