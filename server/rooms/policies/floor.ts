import type { ErrorCode, Role, TurnMode } from '../../../shared/protocol.js';
import { restates } from '../../analysis/listening/paraphrase.js';
import { isModerator, isParty, parties } from '../../../shared/rules/floor.js';
import type { FloorState, RoomRecord } from '../model.js';

/**
 * Turn-taking as pure functions of (room, event, now): no sockets, no clocks, no store, so every
 * node computes the same floor and the rules are unit-tested directly.
 */

export type FloorEvent =
  | { type: 'request'; participantId: string }
  | { type: 'yield'; participantId: string }
  | { type: 'grant'; participantId: string; by: string }
  | { type: 'confirm'; participantId: string; accurate: boolean }
  /** `text`, when given, is what was said: the listener's paraphrase is checked against the speaker's words. */
  | { type: 'spoke'; participantId: string; text?: string }
  | { type: 'joined'; participantId: string }
  | { type: 'tick' }
  | { type: 'mode'; mode: TurnMode; by: string };

export type FloorOutcome =
  | { ok: true; floor: FloorState; mode: TurnMode; changed: boolean }
  | { ok: false; code: ErrorCode; message: string };

export interface FloorSettings {
  /** How long a holder keeps the floor in round and hand-raise modes. */
  floorMs: number;
}

const EMPTY: FloorState = { holder: null, queue: [], listener: null, stage: null, expiresAt: null };

function roleOf(room: RoomRecord, participantId: string): Role | undefined {
  return room.participants.find((p) => p.participantId === participantId)?.role;
}

/** Characters delivered so far: "least speaking share first" orders by this. */
function share(room: RoomRecord, participantId: string): number {
  return room.participants.find((p) => p.participantId === participantId)?.chars ?? 0;
}

/** The quietest party among `candidates`, ties going to the earliest in the list. */
export function quietest(room: RoomRecord, candidates: string[]): string | null {
  let best: string | null = null;
  for (const id of candidates) if (best === null || share(room, id) < share(room, best)) best = id;
  return best;
}

function nextInRound(room: RoomRecord, after: string | null): string | null {
  const order = parties(room).map((p) => p.participantId);
  if (order.length === 0) return null;
  const at = after === null ? -1 : order.indexOf(after);
  return order[(at + 1) % order.length];
}

function otherParty(room: RoomRecord, than: string): string | null {
  return parties(room).find((p) => p.participantId !== than)?.participantId ?? null;
}

function holding(
  holder: string | null,
  now: number,
  settings: FloorSettings,
): Pick<FloorState, 'holder' | 'expiresAt'> {
  return { holder, expiresAt: holder === null ? null : now + settings.floorMs };
}

/** The floor a mode starts with. */
export function initialFloor(room: RoomRecord, mode: TurnMode, now: number, settings: FloorSettings): FloorState {
  const first = parties(room)[0]?.participantId ?? null;
  switch (mode) {
    case 'open':
    case 'hand-raise':
      return { ...EMPTY };
    case 'round':
      return { ...EMPTY, ...holding(first, now, settings) };
    case 'speaker-listener':
      return {
        ...EMPTY,
        holder: first,
        listener: first === null ? null : otherParty(room, first),
        stage: first === null ? null : 'speaking',
      };
  }
}

const ok = (room: RoomRecord, floor: FloorState, mode = room.mode): FloorOutcome => ({
  ok: true,
  floor,
  mode,
  changed: mode !== room.mode || JSON.stringify(floor) !== JSON.stringify(room.floor),
});
const refuse = (code: ErrorCode, message: string): FloorOutcome => ({ ok: false, code, message });

/** Hand-raise: when the floor is free, the facilitator gives it to the quietest raised hand. */
function grantFromQueue(room: RoomRecord, floor: FloorState, now: number, settings: FloorSettings): FloorState {
  if (floor.holder !== null || floor.queue.length === 0) return floor;
  const next = quietest(room, floor.queue);
  return { ...floor, ...holding(next, now, settings), queue: floor.queue.filter((id) => id !== next) };
}

/** Applies one event to the floor. Refusals carry the protocol's error code. */
export function applyFloor(room: RoomRecord, event: FloorEvent, now: number, settings: FloorSettings): FloorOutcome {
  const f = room.floor;
  switch (event.type) {
    case 'mode': {
      if (!isModerator(roleOf(room, event.by) ?? 'observer'))
        return refuse('forbidden', 'Only the host or a mediator can change how turns work.');
      return ok(room, initialFloor(room, event.mode, now, settings), event.mode);
    }
    case 'grant': {
      if (!isModerator(roleOf(room, event.by) ?? 'observer'))
        return refuse('forbidden', 'Only the host or a mediator can give the floor.');
      const role = roleOf(room, event.participantId);
      if (role === undefined) return refuse('not_found', 'That person is not in this room.');
      if (!isParty(role)) return refuse('not_allowed', 'The floor goes to the people taking part in the conversation.');
      if (room.mode === 'open')
        return refuse('not_allowed', 'In open mode everyone may speak; there is no floor to give.');
      if (room.mode === 'speaker-listener') {
        const listener =
          f.holder !== null && f.holder !== event.participantId ? f.holder : otherParty(room, event.participantId);
        return ok(room, { ...EMPTY, holder: event.participantId, listener, stage: 'speaking' });
      }
      return ok(room, {
        ...f,
        ...holding(event.participantId, now, settings),
        queue: f.queue.filter((id) => id !== event.participantId),
      });
    }
    case 'request': {
      const role = roleOf(room, event.participantId);
      if (role === undefined || !isParty(role)) {
        return refuse('forbidden', 'Only people taking part in the conversation can ask for the floor.');
      }
      if (room.mode !== 'hand-raise')
        return refuse('not_allowed', `Raising a hand is for hand-raise mode; this room is in ${room.mode} mode.`);
      if (f.holder === event.participantId || f.queue.includes(event.participantId)) return ok(room, f);
      return ok(room, grantFromQueue(room, { ...f, queue: [...f.queue, event.participantId] }, now, settings));
    }
    case 'yield': {
      if (room.mode === 'hand-raise' && f.queue.includes(event.participantId)) {
        // Lowering a raised hand.
        return ok(room, { ...f, queue: f.queue.filter((id) => id !== event.participantId) });
      }
      if (f.holder !== event.participantId) return refuse('not_allowed', 'You do not have the floor right now.');
      switch (room.mode) {
        case 'open':
          return refuse('not_allowed', 'In open mode there is no floor to pass.');
        case 'round':
          return ok(room, { ...f, ...holding(nextInRound(room, f.holder), now, settings) });
        case 'hand-raise':
          return ok(room, grantFromQueue(room, { ...f, holder: null, expiresAt: null }, now, settings));
        case 'speaker-listener':
          if (f.listener === null) return refuse('not_allowed', 'There is no listener yet to hand over to.');
          if (f.stage !== 'speaking')
            return refuse('not_allowed', 'Your listener is already reflecting what they heard.');
          return ok(room, { ...f, stage: 'paraphrasing' });
      }
      // Every mode has returned above; nothing falls through to the next event.
      return refuse('not_allowed', 'That is not possible in this mode.');
    }
    case 'confirm': {
      if (room.mode !== 'speaker-listener')
        return refuse('not_allowed', 'Confirming a paraphrase belongs to speaker-listener mode.');
      if (f.holder !== event.participantId)
        return refuse('not_allowed', 'Only the speaker confirms what the listener heard.');
      if (f.stage !== 'confirming') return refuse('not_allowed', 'There is no paraphrase to confirm yet.');
      if (!event.accurate) return ok(room, { ...f, stage: 'speaking' });
      return ok(room, { ...f, holder: f.listener, listener: f.holder, stage: 'speaking' });
    }
    case 'spoke': {
      // The listener's message in the paraphrasing stage is the paraphrase, unless it argues back rather
      // than restating: then the floor stays with the listener (see paraphraseMissed).
      if (room.mode === 'speaker-listener' && f.stage === 'paraphrasing' && f.listener === event.participantId) {
        if (event.text !== undefined && !restates(event.text, speakerWordsOf(room, f.holder))) return ok(room, f);
        return ok(room, { ...f, stage: 'confirming' });
      }
      return ok(room, f);
    }
    case 'joined': {
      if (roleOf(room, event.participantId) === undefined) return ok(room, f);
      if (room.mode === 'round' && f.holder === null)
        return ok(room, { ...f, ...holding(event.participantId, now, settings) });
      if (room.mode === 'speaker-listener' && f.holder === null)
        return ok(room, initialFloor(room, 'speaker-listener', now, settings));
      if (room.mode === 'speaker-listener' && f.listener === null && f.holder !== event.participantId) {
        return ok(room, { ...f, listener: event.participantId, stage: 'speaking' });
      }
      return ok(room, f);
    }
    case 'tick': {
      if (f.expiresAt === null || f.expiresAt > now) return ok(room, f);
      if (room.mode === 'round') return ok(room, { ...f, ...holding(nextInRound(room, f.holder), now, settings) });
      if (room.mode === 'hand-raise')
        return ok(room, grantFromQueue(room, { ...f, holder: null, expiresAt: null }, now, settings));
      return ok(room, { ...f, expiresAt: null });
    }
  }
}

/** Most of the speaker's messages kept for checking the paraphrase. */
const SPEAKER_WORDS = 3;

/** What `speaker` said in their current turn, for checking the listener's paraphrase. */
function speakerWordsOf(room: RoomRecord, speaker: string | null): string[] {
  return room.speakerWords && room.speakerWords.speaker === speaker ? room.speakerWords.texts : [];
}

/**
 * The speaker's words after `sender` said `text` (speaker-listener only): the speaker's messages in this
 * turn, newest last; a new speaker starts afresh. Called with the room as it was before the message.
 */
export function speakerWordsAfter(room: RoomRecord, sender: string, text: string): RoomRecord['speakerWords'] {
  const f = room.floor;
  if (room.mode !== 'speaker-listener' || f.holder !== sender || f.stage !== 'speaking') return room.speakerWords;
  const earlier = speakerWordsOf(room, sender);
  return { speaker: sender, texts: [...earlier, text].slice(-SPEAKER_WORDS) };
}

/**
 * True when `speaker`'s message just delivered was the listener's turn to paraphrase and it did not count
 * (a rebuttal, or nothing of what was said): the floor stayed at the paraphrasing stage.
 */
export function paraphraseMissed(room: RoomRecord, speaker: string): boolean {
  const f = room.floor;
  return room.mode === 'speaker-listener' && f.stage === 'paraphrasing' && f.listener === speaker;
}
