import type {
  CreateInviteResponse,
  CreateRoomBody,
  CreateRoomResponse,
  InviteRole,
  JoinResponse,
  RoomView,
} from '../../shared/protocol.js';
import { isModerator, isParty, parties } from '../../shared/rules/floor.js';
import { mayJoin } from '../../shared/rules/membership.js';
import { AppError } from '../errors.js';
import { facilitator } from './effects.js';
import { hashSecret, newId, newSecret } from './ids.js';
import type { Identity, InviteUse, RoomRecord } from './model.js';
import { newParticipant, newRoom } from './newRoom.js';
import { applyFloor } from './policies/floor.js';
import { NAME_TAKEN, nameTaken } from './policies/membership.js';
import { jointOpened } from './policies/outcomes.js';
import { MODERATION_SUSPENDED, mayModerateNow, offTheFloor } from './policies/safety.js';
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
  const invite = await mintInvite(work, roomId, host.participantId, 'participant');
  deps.metrics.roomsCreated.inc();
  const { inviteCode, inviteId, expiresAt: inviteExpiresAt } = invite;
  return { roomId, participantId: host.participantId, role: 'host', token, inviteCode, inviteId, inviteExpiresAt };
}

/** Who may make and stop invite links: the host and a mediator. */
const mayManageInvites = (who: Identity) => who.role === 'host' || who.role === 'mediator';

/** Three days: long enough to reach someone, short enough that a forgotten link stops working. */
export const DEFAULT_INVITE_TTL_MS = 72 * 3600_000;

export async function createInvite(work: RoomWork, who: Identity, role: InviteRole): Promise<CreateInviteResponse> {
  await work.room(who.roomId);
  if (!mayManageInvites(who)) {
    throw new AppError('forbidden', 'Only the host or a mediator can invite people to this room.');
  }
  return mintInvite(work, who.roomId, who.participantId, role);
}

/** Stops an invite link: a join with its code is refused from now on. */
export async function revokeInvite(work: RoomWork, who: Identity, inviteId: string): Promise<void> {
  await work.room(who.roomId);
  if (!mayManageInvites(who)) throw new AppError('forbidden', 'Only the host or a mediator can stop an invite link.');
  const wellFormed = /^[\w-]{1,64}$/.test(inviteId);
  if (!wellFormed || !(await work.deps.store.revokeInvite(who.roomId, inviteId))) {
    throw new AppError('not_found', 'There is no such invite link in this room.');
  }
}

async function mintInvite(
  work: RoomWork,
  roomId: string,
  createdBy: string,
  role: InviteRole,
): Promise<CreateInviteResponse> {
  const { deps } = work;
  const inviteCode = newSecret();
  const inviteId = newId('i');
  const createdAt = deps.now();
  const expiresAt = createdAt + (deps.config.inviteTtlMs ?? DEFAULT_INVITE_TTL_MS);
  // A participant code admits one person, so one holder cannot come in as several people.
  const maxUses = role === 'participant' ? 1 : null;
  const record = { inviteId, roomId, role, createdBy, createdAt, expiresAt, maxUses, uses: 0, revoked: false };
  await deps.store.putInvite(hashSecret(inviteCode), record);
  return { inviteId, inviteCode, role, expiresAt };
}

const NOT_WORKING = 'This invite link does not work. Please ask for a new one.';
const GONE: Record<Exclude<InviteUse['status'], 'ok' | 'unknown'>, string> = {
  used: 'This invite link has already been used. Ask the person who sent it for a new one.',
  expired: 'This invite link has expired. Ask the person who sent it for a new one.',
  revoked: 'This invite link was stopped by the person who made it. Ask them for a new one if you still need one.',
};

export async function join(work: RoomWork, roomId: string, inviteCode: string, name: string): Promise<JoinResponse> {
  const { deps } = work;
  const codeHash = hashSecret(inviteCode);
  const now = deps.now();
  // One answer for a wrong code and a wrong room, so codes cannot be probed room by room.
  const known = await deps.store.getInvite(codeHash);
  if (!known || known.roomId !== roomId) throw new AppError('not_found', NOT_WORKING);
  // Taken before the room changes, atomically, so two joins racing for a single-use code admit one.
  const use = await deps.store.claimInvite(codeHash, now);
  if (use.status === 'unknown') throw new AppError('not_found', NOT_WORKING);
  if (use.status !== 'ok') throw new AppError('gone', GONE[use.status]);
  const { invite } = use;
  const participant = newParticipant(newId('p'), name, invite.role, now);
  try {
    await work.change(roomId, (r) => {
      const allowed = mayJoin(r, invite.role);
      if (!allowed.ok) throw new AppError(allowed.code, allowed.message);
      if (nameTaken(r, name)) throw new AppError('conflict', NAME_TAKEN);
      return { room: { ...r, participants: [...r.participants, participant] }, result: null };
    });
  } catch (err) {
    // Nobody came in (a name in use, a full room): the link still admits the person it was meant for.
    await deps.store.releaseInvite(codeHash).catch(() => undefined);
    throw err;
  }
  const token = newSecret();
  await deps.store.putToken(hashSecret(token), { roomId, participantId: participant.participantId, role: invite.role });
  return { roomId, participantId: participant.participantId, role: invite.role, token };
}

export const HOST_CANNOT_LEAVE =
  'As the host, close the room instead. Deleting the room ends it for everyone and removes what was said.';

/**
 * A person leaves the room for good: they are taken out of it (and off the floor), so their token stops
 * working everywhere (auth/credentials.ts checks membership), and their open sockets are disconnected.
 * The host cannot leave this way: without a host nobody could close the room.
 */
export async function leave(work: RoomWork, who: Identity): Promise<void> {
  await work.change(who.roomId, (r) => {
    const me = r.participants.find((p) => p.participantId === who.participantId);
    if (!me) throw new AppError('forbidden', 'You are not part of this room.');
    if (me.role === 'host') throw new AppError('conflict', HOST_CANNOT_LEAVE);
    const without = { ...r, participants: r.participants.filter((p) => p !== me) };
    return { room: offTheFloor(without, who.participantId), result: null };
  });
  await closeConnections(work, who.roomId, who.participantId);
}

/** Every open connection of someone no longer in the room closes: socket.io and /yjs, on every process. */
async function closeConnections(work: RoomWork, roomId: string, participantId: string): Promise<void> {
  work.deps.broadcast.left(roomId, participantId);
  await work.deps.agreement.dropPerson?.(roomId, participantId);
}

/**
 * The host or a mediator takes someone out of the room for good (DELETE .../participants/:id): like leaving,
 * their token stops working everywhere and their open connections (socket.io and /yjs) are closed. The host
 * cannot be removed, and nobody removes themselves this way (they leave).
 */
export async function removeFromRoom(work: RoomWork, who: Identity, targetId: string): Promise<void> {
  await work.change(who.roomId, (r) => {
    const me = r.participants.find((p) => p.participantId === who.participantId);
    if (!me || !isModerator(me.role)) {
      throw new AppError('forbidden', 'Only the host or a mediator can take someone out of the room.');
    }
    if (!mayModerateNow(me)) throw new AppError('forbidden', MODERATION_SUSPENDED);
    const target = r.participants.find((p) => p.participantId === targetId);
    if (!target) throw new AppError('not_found', 'There is no one with that id in this room.');
    if (target === me) throw new AppError('not_allowed', 'To go, please leave the room instead.');
    if (target.role === 'host') throw new AppError('not_allowed', 'The host cannot be taken out of their own room.');
    const without = { ...r, participants: r.participants.filter((p) => p !== target) };
    return { room: offTheFloor(without, targetId), result: null };
  });
  await closeConnections(work, who.roomId, targetId);
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
    if (opens) {
      entered.phase = 'joint';
      entered.outcomes = jointOpened(entered, now);
    }
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
