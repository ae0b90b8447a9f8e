import type { RoomRecord } from '../model.js';
import { isSettled } from './heat.js';
import { parties } from '../../../shared/rules/floor.js';
import { quietest } from './floor.js';

/**
 * When the facilitator speaks up, as a pure function of the room after a delivered message.
 * What it says is the engine's job (server/facilitator); this decides only whether and to whom.
 */

/** Messages in a row from one person (open mode) before the facilitator invites the quietest. */
export const NUDGE_RUN = 4;
/** Delivered messages between two offers to draft clauses. */
export const OFFER_EVERY = 6;
const RECENT = 12;

export type FacilitatorAction = { kind: 'nudge'; dominant: string; quiet: string } | { kind: 'clause-offer' };

export interface DeliveredOutcome {
  recentSpeakers: string[];
  sinceNudge: number;
  sinceOffer: number;
  actions: FacilitatorAction[];
}

export function afterDelivered(room: RoomRecord, speaker: string): DeliveredOutcome {
  const recentSpeakers = [...room.recentSpeakers, speaker].slice(-RECENT);
  let sinceNudge = room.sinceNudge + 1;
  let sinceOffer = room.sinceOffer + 1;
  const actions: FacilitatorAction[] = [];

  const run = recentSpeakers.slice(-NUDGE_RUN);
  const others = parties(room)
    .map((p) => p.participantId)
    .filter((id) => id !== speaker);
  if (
    room.mode === 'open' &&
    others.length > 0 &&
    run.length === NUDGE_RUN &&
    run.every((id) => id === speaker) &&
    sinceNudge >= NUDGE_RUN
  ) {
    const quiet = quietest(room, others);
    if (quiet !== null) actions.push({ kind: 'nudge', dominant: speaker, quiet });
    sinceNudge = 0;
  }

  const partiesWhoSpoke = new Set(recentSpeakers).size;
  if (room.phase !== 'final' && sinceOffer >= OFFER_EVERY && partiesWhoSpoke >= 2 && isSettled(room)) {
    actions.push({ kind: 'clause-offer' });
    sinceOffer = 0;
  }
  return { recentSpeakers, sinceNudge, sinceOffer, actions };
}
