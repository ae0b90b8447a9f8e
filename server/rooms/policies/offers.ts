import { requestsIn } from '../../analysis/listening/requests.js';
import { describesPain } from '../../analysis/listening/index.js';
import type { RoomRecord } from '../model.js';
import { isSettled } from './heat.js';
import { anyDisclosure } from './safetyState.js';

/**
 * When the facilitator offers to turn what people asked for into agreement clauses, as a pure function
 * of the room after a delivered message: only when the room is calm, never within a few messages of a
 * held message or of someone describing pain, and only once someone has asked for something concrete
 * since the last offer (so the offer has their words to draft from, and is not repeated for nothing).
 */

/** Delivered messages between two offers. */
export const OFFER_EVERY = 6;
/** Delivered messages after a held message, or one describing pain, before an offer may come. */
export const CALM_GAP = 4;

export interface OfferCounters {
  sinceOffer: number;
  sinceHeld?: number;
  sincePain?: number;
  asksSinceOffer: number;
}

export interface OfferOutcome {
  offer: boolean;
  counters: OfferCounters;
}

const after = (count: number | undefined): number | undefined => (count === undefined ? undefined : count + 1);

/**
 * Whether to offer clauses after `text` was delivered to `room` (already counted in it). `recentSpeakers`
 * includes this message's sender: an offer needs at least two people to have spoken.
 */
export function offerAfter(
  room: RoomRecord,
  text: string,
  recentSpeakers: string[],
  /** describesPain(text), when the caller has read it already (listen()'s `pain` is the same). */
  pain: boolean = describesPain(text),
): OfferOutcome {
  const sinceOffer = room.sinceOffer + 1;
  const sinceHeld = after(room.sinceHeld);
  const sincePain = pain ? 0 : after(room.sincePain);
  const asksSinceOffer = (room.asksSinceOffer ?? 0) + requestsIn(text).length;
  const counters = { sinceOffer, sinceHeld, sincePain, asksSinceOffer };
  const calm =
    isSettled(room) &&
    room.break === null &&
    (sinceHeld === undefined || sinceHeld >= CALM_GAP) &&
    (sincePain === undefined || sincePain >= CALM_GAP);
  // After someone told of harm or fear, no clause is offered for the rest of the session.
  const due =
    !anyDisclosure(room) &&
    room.phase !== 'final' &&
    sinceOffer >= OFFER_EVERY &&
    asksSinceOffer > 0 &&
    new Set(recentSpeakers).size >= 2;
  if (!calm || !due) return { offer: false, counters };
  return { offer: true, counters: { ...counters, sinceOffer: 0, asksSinceOffer: 0 } };
}
