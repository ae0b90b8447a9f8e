import type { Analysis } from '../../../shared/analysis.js';
import type { AnalyzeContext } from '../../analysis/index.js';
import { log } from '../../log.js';
import type { HeldMessage, Identity } from '../model.js';
import type { RoomWork } from '../work.js';
import { modelSuggestions, sameList } from './review.js';

/**
 * A held message is answered at once with the local suggestions; with a model engine, the model is then
 * asked in the background, and its suggestions replace the local ones in the room record (only while the
 * message is still held as it was: same text, same suggestions) and go to the sender alone as
 * `message:review`, so an open review updates in place. Callers do not wait for it; it never rejects.
 */
export function suggestLater(
  work: RoomWork,
  who: Identity,
  key: string,
  held: HeldMessage,
  analysis: Analysis,
  threshold: number,
  context: AnalyzeContext,
): Promise<void> {
  const { engine, broadcast } = work.deps;
  if (engine.name === 'local' || !held.review.originalAllowed) return Promise.resolve();
  return (async () => {
    const suggestions = await modelSuggestions(engine, held.text, analysis, held.review, threshold, context);
    if (!suggestions) return;
    const { result: review } = await work.change(who.roomId, (r) => {
      const current = r.held[key];
      const unchanged = current?.text === held.text && sameList(current.review.suggestions, held.review.suggestions);
      if (!current || !unchanged) return { result: null };
      const next = { ...current.review, suggestions };
      return { room: { ...r, held: { ...r.held, [key]: { ...current, review: next } } }, result: next };
    });
    if (review) broadcast.review(who.roomId, who.participantId, { clientMsgId: held.clientMsgId, review });
  })().catch((err: unknown) => log.error('late suggestions not given', err));
}
