import type { ErrorCode, Role, TurnMode } from '../protocol.js';

/**
 * Who may speak, as pure functions over the smallest shape both ends hold: the server's room record
 * and the client's RoomView both fit, so the hint the client shows is the rule the server applies.
 */

export interface Member {
  participantId: string;
  role: Role;
  /** Display name, when known: waiting texts say who speaks and who listens. */
  name?: string;
  /** 'removed': no longer in the joint session (docs/SAFETY.md), so no longer one of the parties. */
  status?: 'paused' | 'removed';
  /** 'prep': a party still preparing privately; not yet one of the parties who talk and take turns. */
  stage?: 'prep' | 'joint';
}

/** The floor as either end sees it (the view leaves listener and stage out outside speaker-listener). */
export interface FloorLike {
  holder: string | null;
  listener?: string | null;
  stage?: 'speaking' | 'paraphrasing' | 'confirming' | null;
}

export interface TurnRoom {
  mode: TurnMode;
  floor: FloorLike;
  participants: readonly Member[];
}

export type SpeakVerdict = { ok: true } | { ok: false; code: ErrorCode; message: string };

const SPEAKING_ROLES: readonly Role[] = ['host', 'participant'];
const MODERATOR_ROLES: readonly Role[] = ['host', 'mediator'];

/** Hosts and participants take part in the conversation (and take turns). */
export function isParty(role: Role): boolean {
  return SPEAKING_ROLES.includes(role);
}

/** Hosts and mediators guide turns and breaks. */
export function isModerator(role: Role): boolean {
  return MODERATOR_ROLES.includes(role);
}

/**
 * The people who take turns: hosts and participants who entered the joint conversation and are still in it,
 * in the order they joined (when that is known).
 */
export function parties<P extends Member & { joinedAt?: number }>(room: { participants: readonly P[] }): P[] {
  // Array.prototype.sort is stable: without joinedAt (the client's view) the listed order stays.
  return room.participants
    .filter((p) => isParty(p.role) && p.status !== 'removed' && p.stage !== 'prep')
    .sort((a, b) => (a.joinedAt ?? 0) - (b.joinedAt ?? 0));
}

export const STILL_PREPARING =
  'You are still preparing. When you are ready, enter the conversation and your messages can go to the room.';

/** May this person send to the room now? (breaks are checked elsewhere) */
export function canSpeak(room: TurnRoom, participantId: string): SpeakVerdict {
  const member = room.participants.find((p) => p.participantId === participantId);
  const role = member?.role;
  if (role === undefined) return { ok: false, code: 'forbidden', message: 'You are not part of this room.' };
  if (member?.stage === 'prep') return { ok: false, code: 'not_allowed', message: STILL_PREPARING };
  if (role === 'observer') {
    return { ok: false, code: 'forbidden', message: 'Observers follow the conversation without writing to the room.' };
  }
  if (role === 'mediator') return { ok: true };
  const f = room.floor;
  switch (room.mode) {
    case 'open':
      return { ok: true };
    case 'round':
    case 'hand-raise':
      if (f.holder === participantId) return { ok: true };
      return { ok: false, code: 'not_your_turn', message: waitingText(room.mode, f.holder === null) };
    case 'speaker-listener':
      if ((f.listener ?? null) === null && f.holder === participantId) return { ok: true };
      if (f.stage === 'speaking' && f.holder === participantId) return { ok: true };
      if (f.stage === 'paraphrasing' && f.listener === participantId) return { ok: true };
      return { ok: false, code: 'not_your_turn', message: speakerListenerWait(room, participantId) };
  }
}

function waitingText(mode: TurnMode, floorIsFree: boolean): string {
  if (mode === 'round') return 'It is someone else’s turn right now. The floor comes to you in order.';
  return floorIsFree
    ? 'No one has the floor yet. Raise your hand and it will come to you.'
    : 'Someone else has the floor right now. Raise your hand and the floor will come to you.';
}

function nameIn(room: TurnRoom, participantId: string | null | undefined): string | undefined {
  return room.participants.find((p) => p.participantId === participantId)?.name;
}

function speakerListenerWait(room: TurnRoom, participantId: string): string {
  const f = room.floor;
  if (f.holder === participantId && f.stage === 'paraphrasing') {
    return 'Your listener is putting what they heard into their own words.';
  }
  if (f.holder === participantId && f.stage === 'confirming') {
    return 'Please let your listener know whether they heard you right.';
  }
  if (f.listener === participantId && f.stage === 'speaking') {
    return 'You are listening for now. When the speaker hands over, share what you heard.';
  }
  if (f.listener === participantId && f.stage === 'confirming') {
    return 'Your speaker is letting you know whether you heard them right.';
  }
  // Someone outside the pair (a room of three or more): who speaks, who listens, and how a turn comes.
  const speaker = nameIn(room, f.holder);
  const listener = nameIn(room, f.listener);
  const pair =
    speaker && listener
      ? `${speaker} is speaking and ${listener} is listening right now.`
      : 'One person is speaking and another is listening right now.';
  return `${pair} Please wait for your turn: when they are done, the host or a mediator can give you the floor.`;
}
