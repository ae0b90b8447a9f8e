import type { TurnMode } from '../../../shared/protocol.js';
import type { ListeningState, RoomRecord } from '../model.js';
import { parties } from '../../../shared/rules/floor.js';
import { paraphraseMissed, quietest } from './floor.js';
import { agendaHears } from './agenda.js';
import { type OfferCounters, offerAfter } from './offers.js';
import { hushed, isActive, justDisclosed } from './safetyState.js';

export { OFFER_EVERY } from './offers.js';
import { type ListeningAction, listeningAfter, type Verdict } from './reflection.js';

/**
 * When the facilitator speaks up, as a pure function of the room after a delivered message.
 * What it says is the engine's job (server/facilitator); this decides only whether and to whom.
 */

/** Messages in a row from one person (open mode) before the facilitator invites the quietest. */
export const NUDGE_RUN = 4;
/** Fewest messages without someone before the facilitator invites them in (any mode). */
export const SILENCE_MIN = 6;
const RECENT = 12;

export type FacilitatorAction =
  | { kind: 'nudge'; dominant: string; quiet: string }
  /** `quiet` has been silent for a while: invited by name, told how to get the floor in `mode`. */
  | { kind: 'invite'; quiet: string; mode: TurnMode }
  | { kind: 'clause-offer' }
  /** Words that may bring a topic to the agenda (a shared point, or a party's first words): policies/agenda.ts. */
  | { kind: 'agenda-words'; from: string; text: string; shared: boolean }
  /** Speaker-listener: the listener argued back instead of saying back what they heard; ask them gently. */
  | { kind: 'paraphrase-first'; listener: string; speaker: string }
  /** What each person said matters to them, common ground and what is open: on a topic change or at the end. */
  | { kind: 'summary'; occasion: 'topic' | 'end'; topic?: string; next?: string }
  /** Say back a feeling, need or request, or acknowledge a repair attempt (policies/reflection.ts). */
  | ListeningAction;

export interface DeliveredOutcome {
  recentSpeakers: string[];
  sinceNudge: number;
  sinceOffer: number;
  /** The clause offer's counters (sinceOffer above among them), for the room record. */
  offerCounters: OfferCounters;
  quietFor: Record<string, number>;
  invited: string[];
  listening: ListeningState;
  actions: FacilitatorAction[];
}

/** Messages without someone before they are invited in: twice the number of parties, at least SILENCE_MIN. */
export function silenceThreshold(partyCount: number): number {
  return Math.max(SILENCE_MIN, 2 * partyCount);
}

/**
 * The party silent longest, once the room has had silenceThreshold messages without them: not the
 * speaker, not someone already invited in this silence, not whoever holds (or listens for) the floor.
 */
function silentLongest(room: RoomRecord, speaker: string, quietFor: Record<string, number>, invited: string[]) {
  const threshold = silenceThreshold(parties(room).length);
  const due = Object.keys(quietFor).filter(
    (id) =>
      id !== speaker &&
      quietFor[id] >= threshold &&
      !invited.includes(id) &&
      room.floor.holder !== id &&
      room.floor.listener !== id,
  );
  const longest = Math.max(-1, ...due.map((id) => quietFor[id]));
  return quietest(
    room,
    due.filter((id) => quietFor[id] === longest),
  );
}

/**
 * What the facilitator does after `speaker`'s message `text` was delivered to `room` (already counted in
 * it). Each kind of action has its own pure policy; this gathers them and the counters they keep.
 */
export function afterDelivered(room: RoomRecord, speaker: string, text: string, known?: Verdict): DeliveredOutcome {
  const recentSpeakers = [...room.recentSpeakers, speaker].slice(-RECENT);
  let sinceNudge = room.sinceNudge + 1;
  // Said back first: what someone just said is heard before anyone else is invited in. Never a disclosure
  // (the analyzer's: room.sinceDisclosure is 0; or the listening check's): nobody is invited to answer it.
  const listened = listeningAfter(room, speaker, text, known);
  const disclosure = listened.disclosure || justDisclosed(room);
  const heard = justDisclosed(room) ? null : listened.action;
  const { listening } = listened;
  const actions: FacilitatorAction[] = heard ? [heard] : [];
  // Someone paused or out of the joint session, or who told of harm or fear, is never nudged or invited in.
  const partyIds = parties(room)
    .filter((p) => isActive(p) && !room.disclosedBy?.includes(p.participantId))
    .map((p) => p.participantId);
  // Messages since each party last wrote (or joined); a party who writes ends their silence.
  const quietFor: Record<string, number> = {};
  for (const id of partyIds) quietFor[id] = id === speaker ? 0 : (room.quietFor?.[id] ?? 0) + 1;
  let invited = (room.invited ?? []).filter((id) => id !== speaker && partyIds.includes(id));

  const run = recentSpeakers.slice(-NUDGE_RUN);
  const others = partyIds.filter((id) => id !== speaker);
  // Shortly after someone told of harm or fear, no one is asked to respond or to join in (docs/SAFETY.md).
  const hush = hushed(room) || disclosure;
  if (
    !hush &&
    room.mode === 'open' &&
    others.length > 0 &&
    run.length === NUDGE_RUN &&
    run.every((id) => id === speaker) &&
    sinceNudge >= NUDGE_RUN
  ) {
    const quiet = quietest(room, others);
    if (quiet !== null) {
      actions.push({ kind: 'nudge', dominant: speaker, quiet });
      invited = [...invited, quiet];
    }
    sinceNudge = 0;
  }

  // One invitation at a time: after any nudge or invitation, the room has a few messages to answer it.
  if (!hush && !actions.some((a) => a.kind === 'nudge') && room.break === null && sinceNudge >= partyIds.length) {
    const quiet = silentLongest(room, speaker, quietFor, invited);
    if (quiet !== null) {
      actions.push({ kind: 'invite', quiet, mode: room.mode });
      invited = [...invited, quiet];
      sinceNudge = 0;
    }
  }

  const holder = room.floor.holder;
  if (!hush && paraphraseMissed(room, speaker) && holder !== null)
    actions.push({ kind: 'paraphrase-first', listener: speaker, speaker: holder });

  // The listening policy's reading of the text says whether it describes pain: not read a second time.
  const offer = offerAfter(room, text, recentSpeakers, listened.heard.pain);
  if (offer.offer) actions.push({ kind: 'clause-offer' });
  const offerCounters = offer.counters;
  const { sinceOffer } = offerCounters;
  // A disclosure is not a topic for the others to take up.
  const forAgenda = justDisclosed(room) ? null : agendaHears(room, speaker, text);
  if (forAgenda) actions.push({ kind: 'agenda-words', from: speaker, text, shared: forAgenda.shared });
  return { recentSpeakers, sinceNudge, sinceOffer, offerCounters, quietFor, invited, listening, actions };
}
