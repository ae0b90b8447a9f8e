import { useState } from 'react';
import { api, ApiFailure } from '../api.js';
import { saveFile } from '../download.js';

/** The agreement to keep: a Markdown file and the printable page. */
export function KeepACopy({ roomId, token, idPrefix = 'copy' }: { roomId: string; token: string; idPrefix?: string }) {
  const [note, setNote] = useState('');
  async function download() {
    try {
      saveFile(`agreement-${roomId}.md`, await api.agreementMarkdown(roomId, token), 'text/markdown;charset=utf-8');
      setNote('The agreement was downloaded as a Markdown file.');
    } catch (err) {
      setNote(err instanceof ApiFailure ? err.message : 'We could not prepare the download just now.');
    }
  }
  return (
    <>
      <div className="row wrap">
        <button type="button" onClick={download} data-testid={`${idPrefix}-markdown`}>
          Download as Markdown
        </button>
        <a className="button" href={`/room/${encodeURIComponent(roomId)}/print`} target="_blank" rel="noopener">
          Open a printable page
        </a>
      </div>
      <p role="status" aria-live="polite" className="small">
        {note}
      </p>
    </>
  );
}
