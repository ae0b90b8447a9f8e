import { helpFor } from '../../shared/help.js';
import type { ParticipantChange } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { facilitator } from './effects.js';
import { separateRequest } from './messages/safety.js';
import type { Identity } from './model.js';
import { type ModeratorAction, moderate } from './policies/safety.js';
import type { RoomWork } from './work.js';

export const OUT_OF_SESSION =
  'You are no longer part of the joint conversation. Your private preparation space with the facilitator is ' +
  'still open.';

/** The host or a mediator pauses, resumes or removes a party (policies/safety.ts `moderate` decides). */
export async function setParticipant(
  work: RoomWork,
  who: Identity,
  targetId: string,
  action: ModeratorAction,
): Promise<ParticipantChange> {
  const help = helpFor(work.deps.config.safetyHelp);
  const { room, result } = await work.change(who.roomId, (r) => {
    const out = moderate(r, who.participantId, targetId, action, help);
    if (!out.ok) throw new AppError(out.code, out.message);
    return { room: out.room, result: out };
  });
  await work.carryOut(room, result.effects);
  return { participantId: targetId, status: result.status ?? 'active' };
}

/**
 * A person asks to go on in a separated room. Until the room can switch itself (the separated room's own
 * event), the mediators are told privately; the host is not, as the host may be the person they fear.
 */
export async function askForSeparatedRoom(work: RoomWork, who: Identity): Promise<{ toldMediators: boolean }> {
  const room = await work.room(who.roomId);
  const me = room.participants.find((p) => p.participantId === who.participantId);
  if (!me || me.role === 'observer' || me.status === 'removed') {
    throw new AppError('forbidden', 'Only people in the conversation can ask for a separated room.');
  }
  const mediators = room.participants
    .filter((p) => p.role === 'mediator' && p.participantId !== who.participantId)
    .map((p) => p.participantId);
  if (mediators.length === 0) return { toldMediators: false };
  const line = facilitator({ say: 'text', kind: 'safety', text: separateRequest(me.name), visibleTo: mediators });
  await work.carryOut(room, [line]);
  return { toldMediators: true };
}
