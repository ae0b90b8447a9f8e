import type { AgreementSnapshot } from '../../shared/agreement.js';
import type { AgreementRecord } from '../../shared/agreementRecord.js';
import type {
  AgendaView,
  BreakView,
  CaucusMessage,
  ConsoleView,
  CreateRoomBody,
  CreateInviteResponse,
  CreateRoomResponse,
  FloorView,
  InvitePreview,
  InviteRole,
  JoinResponse,
  OutcomesView,
  ParticipantChange,
  RoomView,
  TurnMode,
} from '../../shared/protocol.js';
import { isModerator, STILL_PREPARING } from '../../shared/rules/floor.js';
import { isSeparated } from '../../shared/rules/separated.js';
import { AppError } from '../errors.js';
import * as agenda from './agenda.js';
import * as agreementPhase from './agreementPhase.js';
import * as breaks from './breaks.js';
import * as caucus from './caucus.js';
import { consoleView } from './console.js';
import { carryOut, stateEffects, type RoomEffect } from './effects.js';
import { EffectQueue } from './effectQueue.js';
import { FacilitatorVoice } from './facilitatorVoice.js';
import * as membership from './membership.js';
import * as moderation from './moderation.js';
import type { ModeratorAction } from './policies/safety.js';
import type { Identity, NewLogEntry, RoomRecord } from './model.js';
import type { FloorEvent } from './policies/floor.js';
import type { RoomDeps, UpdateAndAppend } from './ports.js';
import * as turns from './turns.js';
import { announceIfSeparated } from './separated.js';
import { viewChange, visiblyChanged } from './view.js';
import type { RoomWork } from './work.js';
import * as retention from './retention.js';
import { TranscriptSealer } from './transcript/sealer.js';
import type { Transcript } from '../../shared/transcript.js';

/**
 * Rooms, invites, membership, the floor, breaks and the agreement's phase. Every change goes
 * through store.updateRoom with a pure policy, then out through the broadcaster; nothing here keeps
 * room state in process memory, so several processes can serve one room. The concerns live in
 * membership.ts, turns.ts, breaks.ts and agreementPhase.ts; this class is the unit of work they
 * share (RoomWork) and the one entry point the transports call.
 */
export class RoomService implements RoomWork {
  private readonly voice: FacilitatorVoice;
  /** Effects that follow a delivered message, carried out after its sender's answer, in order per room. */
  private readonly queue = new EffectQueue();

  /** `transcripts`: the sealer app.ts also hands the broadcaster (transcript/broadcast.ts). */
  constructor(
    readonly deps: RoomDeps,
    readonly transcripts = new TranscriptSealer(deps.store),
  ) {
    this.voice = new FacilitatorVoice(deps);
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
  async change<T>(
    roomId: string,
    update: (room: RoomRecord) => { room?: RoomRecord; result: T },
  ): Promise<{ room: RoomRecord; result: T }> {
    let before: RoomRecord | undefined;
    const out = await this.deps.store.updateRoom(roomId, (room) => {
      const next = update(room);
      before = next.room === undefined ? undefined : room;
      return next;
    });
    if (!out) throw new AppError('not_found', 'This room does not exist any more.');
    if (before) await this.carryOut(out.room, stateEffects(visiblyChanged(before, out.room)));
    return out;
  }

  async changeAndAppend<T>(
    roomId: string,
    update: (room: RoomRecord) => { room: RoomRecord; result: T },
    entry: NewLogEntry,
    dedupeKey?: string,
    from?: RoomRecord,
    heatRides = false,
  ): Promise<UpdateAndAppend<T>> {
    let before: RoomRecord | undefined;
    const out = await this.deps.store.updateRoomAndAppend(
      roomId,
      (room) => {
        before = room;
        return update(room);
      },
      entry,
      dedupeKey,
      from,
    );
    if (!out) throw new AppError('not_found', 'This room does not exist any more.');
    if (!out.duplicate && before) {
      // The entry's broadcast carries the room's shown heat (heatRides): a change of the heat alone needs no room:state.
      const seen = viewChange(before, out.room);
      await this.carryOut(out.room, stateEffects(seen === 'more' || (seen === 'heat' && !heatRides)));
    }
    return out;
  }

  /** Publishes the room as it is (presence changed, or a timer must be re-armed after a restart). */
  published(room: RoomRecord): void {
    this.deps.clock.sync(room);
    this.deps.broadcast.state(room);
  }

  /** The one place effects are carried out: the timer, the published state, the facilitator's words, a break. */
  carryOut(room: RoomRecord, effects: readonly RoomEffect[]): Promise<void> {
    const { clock, broadcast, config } = this.deps;
    const callBreak = (roomId: string, safetyCausedBy?: string) =>
      this.beginBreak(roomId, 'facilitator', config.breakMinutes, safetyCausedBy);
    const hearForAgenda = (roomId: string, from: string, text: string, shared: boolean) =>
      agenda.hear(this, roomId, from, text, shared);
    const dropFromAgreement = async (roomId: string, participantId: string) =>
      this.deps.agreement.dropPerson?.(roomId, participantId);
    return carryOut(
      { clock, broadcast, voice: this.voice, callBreak, hearForAgenda, dropFromAgreement },
      room,
      effects,
    );
  }

  carryOutAfter(room: RoomRecord, effects: readonly RoomEffect[]): Promise<void> {
    if (effects.length === 0) return Promise.resolve();
    return this.queue.enqueue(room.roomId, () => this.carryOut(room, effects));
  }

  /** Resolves once every room's queued effects have been carried out (shutdown; tests that read the log). */
  settled(): Promise<void> {
    return this.queue.idle();
  }

  // ------------------------------------------------------------------ membership (membership.ts)

  create(body: CreateRoomBody): Promise<CreateRoomResponse> {
    return membership.create(this, body);
  }

  createInvite(who: Identity, role: InviteRole): Promise<CreateInviteResponse> {
    return membership.createInvite(this, who, role);
  }

  revokeInvite(who: Identity, inviteId: string): Promise<void> {
    return membership.revokeInvite(this, who, inviteId);
  }

  leave(who: Identity): Promise<void> {
    return membership.leave(this, who);
  }

  /** Host or mediator: someone out of the room for good (their token stops working everywhere). */
  removeFromRoom(who: Identity, participantId: string): Promise<void> {
    return membership.removeFromRoom(this, who, participantId);
  }

  join(roomId: string, inviteCode: string, name: string): Promise<JoinResponse> {
    return membership.join(this, roomId, inviteCode, name);
  }

  /** From private preparation into the joint conversation; the second party in opens the joint session. */
  async enter(who: Identity): Promise<{ stage: 'joint' }> {
    const { opened } = await membership.enter(this, who);
    // After the welcome: a separated room says how it works, and the agenda opens (each once; no-ops otherwise).
    if (opened) {
      await announceIfSeparated(this, who.roomId);
      await agenda.open(this, who.roomId);
    }
    return { stage: 'joint' };
  }

  view(who: Identity, online: ReadonlySet<string>): Promise<RoomView> {
    return membership.view(this, who, online);
  }

  /** A room with an agreement is deleted only after everyone was told (rooms/retention.ts). */
  async delete(who: Identity): Promise<void> {
    await retention.checkDeletion(this, who);
    return membership.deleteRoom(this, who);
  }

  announceDeletion(who: Identity): Promise<{ deletableAt: number }> {
    return retention.announceDeletion(this, who);
  }

  cancelDeletion(who: Identity): Promise<void> {
    return retention.cancelDeletion(this, who);
  }

  invitePreview(roomId: string, inviteCode: string): Promise<InvitePreview> {
    return retention.invitePreview(this, roomId, inviteCode);
  }

  /** Record mode: the delivered conversation with its hash chain; confidential: 403 not_allowed. */
  async transcript(who: Identity): Promise<Transcript> {
    return this.transcripts.export(await this.room(who.roomId), this.deps.now());
  }

  /** Deletes a room and everything in it (host's request or retention). */
  remove(roomId: string): Promise<void> {
    return membership.remove(this, roomId);
  }

  expire(): Promise<void> {
    return membership.expire(this);
  }

  // ------------------------------------------------------------------ safety (moderation.ts, docs/SAFETY.md)

  setParticipant(who: Identity, participantId: string, action: ModeratorAction): Promise<ParticipantChange> {
    return moderation.setParticipant(this, who, participantId, action);
  }

  askForSeparatedRoom(who: Identity): Promise<{ toldMediators: boolean }> {
    return moderation.askForSeparatedRoom(this, who);
  }

  // ------------------------------------------------------------------ the mediator's console (console.ts, caucus.ts)

  consoleState(who: Identity): Promise<ConsoleView> {
    return consoleView(this, who);
  }

  async outcomes(who: Identity): Promise<OutcomesView> {
    return (await consoleView(this, who)).outcomes;
  }

  sendCaucus(who: Identity, participantId: string, text: string): Promise<{ message: CaucusMessage }> {
    return caucus.sendCaucus(this, who, participantId, text);
  }

  caucusHistory(who: Identity, participantId: string): Promise<{ messages: CaucusMessage[] }> {
    return caucus.caucusHistory(this, who, participantId);
  }

  /** Someone out of the joint session (docs/SAFETY.md) no longer pauses the room, takes turns or agrees. */
  /** A party still preparing has not entered yet: no turns, breaks or agreement until they do. */
  private async inSession(roomId: string, participantId: string): Promise<void> {
    const room = await this.room(roomId);
    const person = room.participants.find((p) => p.participantId === participantId);
    if (person?.status === 'removed') throw new AppError('not_allowed', moderation.OUT_OF_SESSION);
    if (person?.stage === 'prep') throw new AppError('not_allowed', STILL_PREPARING);
  }

  /** The floor can go only to someone in the conversation. */
  private async notPreparing(roomId: string, participantId: string): Promise<void> {
    const room = await this.room(roomId);
    const person = room.participants.find((p) => p.participantId === participantId);
    if (person?.stage === 'prep') {
      throw new AppError('not_allowed', `${person.name} is still preparing and has not entered the conversation yet.`);
    }
  }

  // ------------------------------------------------------------------ floor (turns.ts)

  async floor(roomId: string, event: FloorEvent): Promise<FloorView> {
    if ('participantId' in event && event.type !== 'grant') await this.inSession(roomId, event.participantId);
    if (event.type === 'grant') await this.notPreparing(roomId, event.participantId);
    return turns.floor(this, roomId, event);
  }

  async setMode(who: Identity, mode: TurnMode): Promise<TurnMode> {
    if (isSeparated(await this.room(who.roomId))) {
      throw new AppError(
        'not_allowed',
        'Turns do not apply in a separated room: each person talks with the facilitator.',
      );
    }
    return turns.setMode(this, who, mode);
  }

  // ------------------------------------------------------------------ breaks (breaks.ts)

  async requestBreak(who: Identity, minutes?: number, quiet?: boolean): Promise<BreakView> {
    await this.inSession(who.roomId, who.participantId);
    return breaks.requestBreak(this, who, minutes, quiet);
  }

  beginBreak(roomId: string, by: string, minutes: number, safetyCausedBy?: string): Promise<BreakView> {
    return breaks.beginBreak(this, roomId, by, minutes, safetyCausedBy);
  }

  endBreak(who: Identity): Promise<void> {
    return breaks.endBreak(this, who);
  }

  /** A deadline passed: end a break that is over, pass a floor whose time is up. */
  tick(roomId: string): Promise<void> {
    return breaks.tick(this, roomId);
  }

  // ------------------------------------------------------------------ agreement (agreementPhase.ts)

  async propose(who: Identity, text: string): Promise<{ clauseId: string }> {
    await this.inSession(who.roomId, who.participantId);
    return agreementPhase.propose(this, who, text);
  }

  async accept(who: Identity, clauseId: string, textHash?: string) {
    await this.inSession(who.roomId, who.participantId);
    return agreementPhase.accept(this, who, clauseId, textHash);
  }

  async sign(who: Identity): Promise<{ final: boolean }> {
    await this.inSession(who.roomId, who.participantId);
    return agreementPhase.sign(this, who);
  }

  async reviewClause(who: Identity, clauseId: string, reviewOn: string | null): Promise<{ reviewOn: string | null }> {
    await this.inSession(who.roomId, who.participantId);
    return agreementPhase.review(this, who, clauseId, reviewOn);
  }

  /** The agreement changed (through an event or the document itself): move the room's phase. */
  agreementChanged(roomId: string, agreement: AgreementSnapshot): Promise<void> {
    return agreementPhase.agreementChanged(this, roomId, agreement);
  }

  // ------------------------------------------------------------------ agenda (agenda.ts)

  addTopic(who: Identity, title: string): Promise<{ topicId: string; agenda: AgendaView }> {
    return agenda.add(this, who, title);
  }

  moveTopic(who: Identity, topicId: string, toIndex: number): Promise<{ agenda: AgendaView }> {
    return agenda.move(this, who, topicId, toIndex);
  }

  closeTopic(who: Identity, topicId: string): Promise<{ agenda: AgendaView }> {
    return agenda.close(this, who, topicId);
  }

  chooseTopic(who: Identity, topicId: string): Promise<{ agenda: AgendaView }> {
    return agenda.choose(this, who, topicId);
  }

  exportMarkdown(who: Identity): Promise<string> {
    return agreementPhase.exportMarkdown(this, who);
  }

  agreementRecord(who: Identity): Promise<AgreementRecord> {
    return agreementPhase.agreementRecord(this, who);
  }

  isModerator(who: Identity): boolean {
    return isModerator(who.role);
  }
}
