import { humanTime } from '../../shared/agreementRecord.js';
import type { InvitePreview } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { hashSecret } from './ids.js';
import type { Identity, RoomRecord } from './model.js';
import type { RoomWork } from './work.js';

/**
 * What people are told before their room and its record go: when the room expires, and, before the host
 * deletes a room that has an agreement, a notice to everyone with time to keep a copy. Also what an invite
 * shows before anyone joins (the record mode, when the room will be deleted).
 */

/** An hour: time for everyone to see the notice and keep the agreement. */
export const DEFAULT_DELETION_NOTICE_MS = 3600_000;

export const hasAgreement = (room: RoomRecord): boolean => (room.agreement?.clauses.length ?? 0) > 0;

/** Why the host cannot delete the room yet, or null when they can. Pure. */
export function deletionRefusal(room: RoomRecord, now: number): string | null {
  if (!hasAgreement(room)) return null;
  const notice = room.deletionNotice;
  if (!notice) {
    return (
      'This room has an agreement. Before it is deleted, everyone in the room is told and offered a copy: ' +
      'choose “Tell everyone first”, and the room can be deleted an hour or so later.'
    );
  }
  if (now >= notice.deletableAt) return null;
  return (
    `Everyone was told at ${humanTime(notice.at)}. The room can be deleted from ${humanTime(notice.deletableAt)}, ` +
    'so each person has time to keep a copy of the agreement.'
  );
}

const mustBeHost = (who: Identity) => {
  if (who.role !== 'host') throw new AppError('forbidden', 'Only the host can delete this room.');
};

/** The host says they will delete the room: everyone sees it (RoomView.deletion) and is offered the export. */
export async function announceDeletion(work: RoomWork, who: Identity): Promise<{ deletableAt: number }> {
  mustBeHost(who);
  const now = work.deps.now();
  const wait = work.deps.config.deletionNoticeMs ?? DEFAULT_DELETION_NOTICE_MS;
  const { result } = await work.change(who.roomId, (r) => {
    if (r.deletionNotice) return { result: r.deletionNotice.deletableAt };
    const deletionNotice = { at: now, by: who.participantId, deletableAt: now + wait };
    return { room: { ...r, deletionNotice }, result: deletionNotice.deletableAt };
  });
  return { deletableAt: result };
}

/** The host changed their mind: the notice goes, and the room stays. */
export async function cancelDeletion(work: RoomWork, who: Identity): Promise<void> {
  mustBeHost(who);
  await work.change(who.roomId, (r) => {
    if (!r.deletionNotice) return { result: null };
    const { deletionNotice: _gone, ...rest } = r;
    return { room: rest, result: null };
  });
}

/** The host deletes the room: at once without an agreement, else only after everyone was told. */
export async function checkDeletion(work: RoomWork, who: Identity): Promise<void> {
  const room = await work.room(who.roomId);
  mustBeHost(who);
  const refusal = deletionRefusal(room, work.deps.now());
  if (refusal) throw new AppError('conflict', refusal);
}

const NOT_WORKING = 'This invite link does not work. Please ask for a new one.';
const GONE = 'This invite link has been used, has expired or was stopped. Ask the person who sent it for a new one.';

/** What an invite's holder sees before joining. A wrong code and a wrong room give the same answer. */
export async function invitePreview(work: RoomWork, roomId: string, inviteCode: string): Promise<InvitePreview> {
  const { store } = work.deps;
  const invite = await store.getInvite(hashSecret(inviteCode));
  if (!invite || invite.roomId !== roomId) throw new AppError('not_found', NOT_WORKING);
  const usedUp = invite.maxUses !== null && invite.uses >= invite.maxUses;
  if (invite.revoked || usedUp || invite.expiresAt <= work.deps.now()) throw new AppError('gone', GONE);
  const room = await store.getRoom(roomId);
  if (!room) throw new AppError('not_found', NOT_WORKING);
  return {
    title: room.title,
    kind: room.kind,
    recordMode: room.recordMode ?? 'confidential',
    expiresAt: room.expiresAt,
    separated: Boolean(room.separated),
  };
}
