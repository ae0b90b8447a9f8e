import type { CreateRoomBody, CreateRoomResponse, InviteRole, JoinResponse, RoomView } from '../../shared/protocol.js';
import { isParty, parties } from '../../shared/rules/floor.js';
import { mayJoin } from '../../shared/rules/membership.js';
import { AppError } from '../errors.js';
import { facilitator } from './effects.js';
import { hashSecret, newId, newSecret } from './ids.js';
import type { Identity, RoomRecord } from './model.js';
import { newParticipant, newRoom } from './newRoom.js';
import { applyFloor } from './policies/floor.js';
import { NAME_TAKEN, nameTaken } from './policies/membership.js';
import { roomView } from './view.js';
import { floorSettings, type RoomWork } from './work.js';

/** Rooms and who is in them: create, invite, join, enter, view, delete, expire. */

export async function create(work: RoomWork, body: CreateRoomBody): Promise<CreateRoomResponse> {
  const { deps } = work;
  const now = deps.now();
  const roomId = newId('r');
  const host = newParticipant(newId('p'), body.name, 'host', now);
  const settings = { retentionMs: deps.config.retentionMs, heatThreshold: deps.config.heatThreshold };
  // The host starts in their own preparation: the floor counts them once they enter the conversation.
  const room = newRoom({ ...body, roomId, host, now, ...settings });
  await deps.store.createRoom(room);
  const token = newSecret();
  await deps.store.putToken(hashSecret(token), { roomId, participantId: host.participantId, role: 'host' });
  const { inviteCode } = await mintInvite(work, roomId, host.participantId, 'participant');
  deps.metrics.roomsCreated.inc();
  return { roomId, participantId: host.participantId, role: 'host', token, inviteCode };
}

export async function createInvite(
  work: RoomWork,
  who: Identity,
  role: InviteRole,
): Promise<{ inviteCode: string; role: InviteRole }> {
  await work.room(who.roomId);
  if (who.role !== 'host') throw new AppError('forbidden', 'Only the host can invite people to this room.');
  return mintInvite(work, who.roomId, who.participantId, role);
}

async function mintInvite(
  work: RoomWork,
  roomId: string,
  createdBy: string,
  role: InviteRole,
): Promise<{ inviteCode: string; role: InviteRole }> {
  const inviteCode = newSecret();
  await work.deps.store.putInvite(hashSecret(inviteCode), { roomId, role, createdBy, createdAt: work.deps.now() });
  return { inviteCode, role };
}

export async function join(work: RoomWork, roomId: string, inviteCode: string, name: string): Promise<JoinResponse> {
  const { deps } = work;
  const invite = await deps.store.getInvite(hashSecret(inviteCode));
  // One answer for a wrong code and a wrong room, so codes cannot be probed room by room.
  if (!invite || invite.roomId !== roomId) {
    throw new AppError('not_found', 'This invite link does not work. Please ask for a new one.');
  }
  const now = deps.now();
  const participant = newParticipant(newId('p'), name, invite.role, now);
  await work.change(roomId, (r) => {
    const allowed = mayJoin(r, invite.role);
    if (!allowed.ok) throw new AppError(allowed.code, allowed.message);
    if (nameTaken(r, name)) throw new AppError('conflict', NAME_TAKEN);
    return { room: { ...r, participants: [...r.participants, participant] }, result: null };
  });
  const token = newSecret();
  await deps.store.putToken(hashSecret(token), { roomId, participantId: participant.participantId, role: invite.role });
  return { roomId, participantId: participant.participantId, role: invite.role, token };
}

const NOT_A_PARTY = 'Only the people taking part prepare; you are in the conversation already.';

/**
 * A party leaves their preparation for the joint conversation, when they choose. The floor counts them from
 * now on, and the joint session opens (phase 'joint', the welcome) once two parties are in. Returns whether
 * it opened now. Entering twice changes nothing.
 */
export async function enter(work: RoomWork, who: Identity): Promise<{ opened: boolean }> {
  const { deps } = work;
  const now = deps.now();
  const { room, result: opened } = await work.change(who.roomId, (r) => {
    const me = r.participants.find((p) => p.participantId === who.participantId);
    if (!me) throw new AppError('forbidden', 'You are not part of this room.');
    if (!isParty(me.role)) throw new AppError('not_allowed', NOT_A_PARTY);
    if (me.stage !== 'prep') return { result: false };
    const entered: RoomRecord = {
      ...r,
      participants: r.participants.map((p) => (p === me ? { ...p, stage: 'joint' as const } : p)),
    };
    const event = { type: 'joined', participantId: who.participantId } as const;
    const floor = applyFloor(entered, event, now, floorSettings(deps));
    if (floor.ok) entered.floor = floor.floor;
    const opens = r.phase === 'prep' && parties(entered).length >= 2;
    if (opens) entered.phase = 'joint';
    return { room: entered, result: opens };
  });
  if (opened) await work.carryOut(room, [facilitator({ say: 'welcome' })]);
  return { opened };
}

export async function view(work: RoomWork, who: Identity, online: ReadonlySet<string>): Promise<RoomView> {
  return roomView(await work.room(who.roomId), online, { participantId: who.participantId, role: who.role });
}

export async function deleteRoom(work: RoomWork, who: Identity): Promise<void> {
  await work.room(who.roomId);
  if (who.role !== 'host') throw new AppError('forbidden', 'Only the host can delete this room.');
  await remove(work, who.roomId);
}

/** Deletes a room and everything in it (host's request or retention). */
export async function remove(work: RoomWork, roomId: string): Promise<void> {
  const { deps } = work;
  await deps.store.deleteRoom(roomId);
  deps.clock.clear(roomId);
  await deps.agreement.dropRoom(roomId);
  deps.broadcast.deleted(roomId);
  deps.metrics.roomsDeleted.inc();
}

export async function expire(work: RoomWork): Promise<void> {
  const { deps } = work;
  for (const roomId of await deps.store.expireRooms(deps.now())) {
    deps.clock.clear(roomId);
    await deps.agreement.dropRoom(roomId);
    deps.broadcast.deleted(roomId);
    deps.metrics.roomsDeleted.inc();
  }
}
