import type { AgreementSnapshot } from '../../shared/agreement.js';
import type {
  BreakView,
  CreateRoomBody,
  CreateRoomResponse,
  FloorView,
  InviteRole,
  JoinResponse,
  RoomView,
  TurnMode,
} from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import type { Identity } from './model.js';
import { hashSecret, newId, newSecret } from './ids.js';
import type { RoomDeps } from './ports.js';
import { FacilitatorVoice } from './facilitatorVoice.js';
import { newParticipant, newRoom } from './newRoom.js';
import { breakIsOver, endBreak, startBreak } from './policies/breaks.js';
import { isModerator, parties } from '../../shared/rules/floor.js';
import { mayJoin } from '../../shared/rules/membership.js';
import { applyFloor, type FloorEvent } from './policies/floor.js';
import { NAME_TAKEN, nameTaken } from './policies/membership.js';
import { phaseAfterAgreement } from './policies/phase.js';
import type { RoomRecord } from './model.js';
import { roomView, visiblyChanged } from './view.js';

/**
 * Rooms, invites, membership, the floor and breaks. Every change goes through
 * store.updateRoom with a pure policy, then out through the broadcaster; nothing here keeps room
 * state in process memory, so several processes can serve one room.
 */
export class RoomService {
  readonly voice: FacilitatorVoice;

  constructor(private readonly deps: RoomDeps) {
    this.voice = new FacilitatorVoice(deps);
  }

  private get floorSettings() {
    return { floorMs: this.deps.config.floorSeconds * 1000 };
  }

  async room(roomId: string): Promise<RoomRecord> {
    const room = await this.deps.store.getRoom(roomId);
    if (!room) throw new AppError('not_found', 'This room does not exist any more.');
    return room;
  }

  /**
   * Applies a pure change, re-arms the room's timer, and publishes the new state when something
   * people see changed (most messages change nothing visible). AppErrors thrown inside are passed on.
   */
  async change<T>(roomId: string, update: (room: RoomRecord) => { room?: RoomRecord; result: T }): Promise<{ room: RoomRecord; result: T }> {
    let before: RoomRecord | undefined;
    const out = await this.deps.store.updateRoom(roomId, (room) => {
      const next = update(room);
      before = next.room === undefined ? undefined : room;
      return next;
    });
    if (!out) throw new AppError('not_found', 'This room does not exist any more.');
    if (before) {
      this.deps.clock.sync(out.room);
      if (visiblyChanged(before, out.room)) this.deps.broadcast.state(out.room);
    }
    return out;
  }

  /** Publishes the room as it is (presence changed, or a timer must be re-armed after a restart). */
  published(room: RoomRecord): void {
    this.deps.clock.sync(room);
    this.deps.broadcast.state(room);
  }

  // ------------------------------------------------------------------ lifecycle

  async create(body: CreateRoomBody): Promise<CreateRoomResponse> {
    const now = this.deps.now();
    const roomId = newId('r');
    const host = newParticipant(newId('p'), body.name, 'host', now);
    const room = newRoom({ ...body, roomId, host, now, retentionMs: this.deps.config.retentionMs, heatThreshold: this.deps.config.heatThreshold });
    const floor = applyFloor(room, { type: 'joined', participantId: host.participantId }, now, this.floorSettings);
    if (floor.ok) room.floor = floor.floor;
    await this.deps.store.createRoom(room);
    const token = newSecret();
    await this.deps.store.putToken(hashSecret(token), { roomId, participantId: host.participantId, role: 'host' });
    const { inviteCode } = await this.mintInvite(roomId, host.participantId, 'participant');
    this.deps.metrics.roomsCreated.inc();
    return { roomId, participantId: host.participantId, role: 'host', token, inviteCode };
  }

  async createInvite(who: Identity, role: InviteRole): Promise<{ inviteCode: string; role: InviteRole }> {
    await this.room(who.roomId);
    if (who.role !== 'host') throw new AppError('forbidden', 'Only the host can invite people to this room.');
    return this.mintInvite(who.roomId, who.participantId, role);
  }

  private async mintInvite(roomId: string, createdBy: string, role: InviteRole): Promise<{ inviteCode: string; role: InviteRole }> {
    const inviteCode = newSecret();
    await this.deps.store.putInvite(hashSecret(inviteCode), { roomId, role, createdBy, createdAt: this.deps.now() });
    return { inviteCode, role };
  }

  async join(roomId: string, inviteCode: string, name: string): Promise<JoinResponse> {
    const invite = await this.deps.store.getInvite(hashSecret(inviteCode));
    // One answer for a wrong code and a wrong room, so codes cannot be probed room by room.
    if (!invite || invite.roomId !== roomId) throw new AppError('not_found', 'This invite link does not work. Please ask for a new one.');
    const now = this.deps.now();
    const participant = newParticipant(newId('p'), name, invite.role, now);
    const { room, result: startsJoint } = await this.change(roomId, (r) => {
      const allowed = mayJoin(r, invite.role);
      if (!allowed.ok) throw new AppError(allowed.code, allowed.message);
      if (nameTaken(r, name)) throw new AppError('conflict', NAME_TAKEN);
      const joined: RoomRecord = { ...r, participants: [...r.participants, participant] };
      const floor = applyFloor(joined, { type: 'joined', participantId: participant.participantId }, now, this.floorSettings);
      if (floor.ok) joined.floor = floor.floor;
      // The joint session starts when a second party arrives.
      const startsJoint = r.phase === 'prep' && parties(joined).length >= 2;
      if (startsJoint) joined.phase = 'joint';
      return { room: joined, result: startsJoint };
    });
    const token = newSecret();
    await this.deps.store.putToken(hashSecret(token), { roomId, participantId: participant.participantId, role: invite.role });
    if (startsJoint) await this.voice.welcome(room);
    return { roomId, participantId: participant.participantId, role: invite.role, token };
  }

  async view(who: Identity, online: ReadonlySet<string>): Promise<RoomView> {
    return roomView(await this.room(who.roomId), online, { participantId: who.participantId, role: who.role });
  }

  async delete(who: Identity): Promise<void> {
    await this.room(who.roomId);
    if (who.role !== 'host') throw new AppError('forbidden', 'Only the host can delete this room.');
    await this.remove(who.roomId);
  }

  /** Deletes a room and everything in it (host's request or retention). */
  async remove(roomId: string): Promise<void> {
    await this.deps.store.deleteRoom(roomId);
    this.deps.clock.clear(roomId);
    await this.deps.agreement.dropRoom(roomId);
    this.deps.broadcast.deleted(roomId);
    this.deps.metrics.roomsDeleted.inc();
  }

  async expire(): Promise<void> {
    for (const roomId of await this.deps.store.expireRooms(this.deps.now())) {
      this.deps.clock.clear(roomId);
      await this.deps.agreement.dropRoom(roomId);
      this.deps.broadcast.deleted(roomId);
      this.deps.metrics.roomsDeleted.inc();
    }
  }

  // ------------------------------------------------------------------ floor

  async floor(roomId: string, event: FloorEvent): Promise<FloorView> {
    const now = this.deps.now();
    const { room } = await this.change(roomId, (r) => {
      const out = applyFloor(r, event, now, this.floorSettings);
      if (!out.ok) throw new AppError(out.code, out.message);
      return out.changed ? { room: { ...r, floor: out.floor, mode: out.mode }, result: undefined } : { result: undefined };
    });
    return roomView(room, new Set()).floor;
  }

  async setMode(who: Identity, mode: TurnMode): Promise<TurnMode> {
    const before = await this.room(who.roomId);
    await this.floor(who.roomId, { type: 'mode', mode, by: who.participantId });
    if (before.mode !== mode) {
      const room = await this.room(who.roomId);
      await this.voice.say(room, 'mode', await this.deps.engine.modeChanged(this.voice.context(room), mode));
    }
    return mode;
  }

  // ------------------------------------------------------------------ breaks

  async requestBreak(who: Identity, minutes?: number): Promise<BreakView> {
    return this.beginBreak(who.roomId, who.participantId, minutes ?? this.deps.config.breakMinutes);
  }

  async beginBreak(roomId: string, by: string, minutes: number): Promise<BreakView> {
    const now = this.deps.now();
    const { room, result } = await this.change(roomId, (r) => {
      const out = startBreak(r, by, minutes, now);
      if (!out.ok) throw new AppError(out.code, out.message);
      return out.changed ? { room: { ...r, break: out.break, heat: 0, hotStreak: 0 }, result: out } : { result: out };
    });
    if (result.changed) await this.voice.breakStarted(room, minutes, by);
    return room.break as BreakView;
  }

  async endBreak(who: Identity): Promise<void> {
    const { room } = await this.change(who.roomId, (r) => {
      const out = endBreak(r, who.participantId);
      if (!out.ok) throw new AppError(out.code, out.message);
      return { room: { ...r, break: null }, result: undefined };
    });
    await this.afterBreak(room);
  }

  private async afterBreak(room: RoomRecord): Promise<void> {
    await this.voice.recap(room);
    const last = (await this.deps.store.tailLog(room.roomId, 1))[0]?.seq ?? 0;
    await this.deps.store.updateRoom(room.roomId, (r) => ({ room: { ...r, recapFromSeq: last }, result: undefined }));
  }

  /** A deadline passed: end a break that is over, pass a floor whose time is up. */
  async tick(roomId: string): Promise<void> {
    const now = this.deps.now();
    const out = await this.deps.store.updateRoom(roomId, (r) => {
      const endsBreak = breakIsOver(r, now);
      const floor = applyFloor(r, { type: 'tick' }, now, this.floorSettings);
      const floorChanged = floor.ok && floor.changed;
      if (!endsBreak && !floorChanged) return { result: false };
      return { room: { ...r, break: endsBreak ? null : r.break, floor: floor.ok ? floor.floor : r.floor }, result: endsBreak };
    });
    if (!out) return;
    this.published(out.room);
    // Only the update that actually ended the break speaks, so a recap is said once.
    if (out.result) await this.afterBreak(out.room);
  }

  // ------------------------------------------------------------------ agreement

  async propose(who: Identity, text: string): Promise<{ clauseId: string }> {
    const room = await this.room(who.roomId);
    if (who.role === 'observer') throw new AppError('forbidden', 'Observers can read the agreement but not change it.');
    if (room.phase === 'final') throw new AppError('not_allowed', 'This agreement is final and signed by everyone.');
    const out = await this.deps.agreement.propose(who.roomId, who.participantId, text);
    await this.agreementChanged(who.roomId, await this.deps.agreement.snapshot(who.roomId));
    return out;
  }

  async accept(who: Identity, clauseId: string, textHash?: string) {
    await this.room(who.roomId);
    this.mustBeParty(who);
    return this.deps.agreement.accept(who.roomId, clauseId, who.participantId, textHash);
  }

  async sign(who: Identity): Promise<{ final: boolean }> {
    await this.room(who.roomId);
    this.mustBeParty(who);
    const out = await this.deps.agreement.sign(who.roomId, who.participantId);
    await this.agreementChanged(who.roomId, await this.deps.agreement.snapshot(who.roomId));
    return out;
  }

  private mustBeParty(who: Identity): void {
    if (who.role !== 'host' && who.role !== 'participant') {
      throw new AppError('forbidden', 'Only the people making the agreement accept and sign it.');
    }
  }

  /** The agreement changed (through an event or the document itself): move the room's phase. */
  async agreementChanged(roomId: string, agreement: AgreementSnapshot): Promise<void> {
    await this.change(roomId, (r) => {
      const phase = phaseAfterAgreement(r.phase, agreement);
      return phase === r.phase ? { result: undefined } : { room: { ...r, phase }, result: undefined };
    });
  }

  async exportMarkdown(who: Identity): Promise<string> {
    const room = await this.room(who.roomId);
    const names = Object.fromEntries(room.participants.map((p) => [p.participantId, p.name]));
    return this.deps.agreement.exportMarkdown(room.roomId, room.title, names);
  }

  isModerator(who: Identity): boolean {
    return isModerator(who.role);
  }
}
