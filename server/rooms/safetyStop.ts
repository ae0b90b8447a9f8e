import type { HeatLabel } from '../../shared/analysis.js';
import { helpFor } from '../../shared/help.js';
import type { Identity } from './model.js';
import { safetyHold } from './policies/safety.js';
import type { RoomWork } from './work.js';

/**
 * Words held for safety outside the message pipeline's own hold (a separated room's point, a proposed clause): the
 * threatened and the mediators are told, the room pauses, repeats escalate (policies/safety.ts safetyHold), and the
 * notices are in place before the sender is answered.
 */
export async function stopForSafety(work: RoomWork, who: Identity, labels: readonly HeatLabel[]): Promise<void> {
  const { deps } = work;
  const now = deps.now();
  const help = helpFor(deps.config.safetyHelp);
  const { room, result: effects } = await work.change(who.roomId, (r) => {
    const stop = safetyHold(r, who.participantId, labels, now, deps.config.breakMinutes, help);
    return { room: stop.room, result: stop.effects };
  });
  deps.metrics.messagesHeld.inc({ reason: 'safety' });
  await work.carryOutAfter(room, effects);
}
