import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState('');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone('Copied. You can paste it into a message.');
    } catch {
      setDone('Copying did not work here. Please select the link and copy it.');
    }
  }
  return (
    <>
      <button type="button" onClick={copy}>
        {label}
      </button>
      <span role="status" aria-live="polite" className="small muted status-line">
        {done}
      </span>
    </>
  );
}
