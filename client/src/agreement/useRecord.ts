import { useEffect, useState } from 'react';
import type { AgreementRecord } from '../../../shared/agreementRecord.js';
import { api } from '../api.js';

/** Typing sends many changes a second; the record is fetched once they pause. */
const SETTLE_MS = 300;

/**
 * The record the server keeps (the one the Markdown export is written from: versions, who accepted which
 * words, review dates), fetched again after each change of `changed` (the agreement as the document has it).
 */
export function useRecord(roomId: string, token: string, changed: string): AgreementRecord | null {
  const [record, setRecord] = useState<AgreementRecord | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api.agreementRecord(roomId, token).then(
        (r) => live && setRecord(r),
        () => undefined,
      );
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [roomId, token, changed]);
  return record;
}
