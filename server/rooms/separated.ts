import { isSafetyLabel, type Analysis, type HeatLabel, type Review } from '../../shared/analysis.js';
import type { MessageEvent, RelayResult, SendResult } from '../../shared/protocol.js';
import { isModerator, isParty, parties } from '../../shared/rules/floor.js';
import { isSeparated, sideAudience, talksOnSide } from '../../shared/rules/separated.js';
import { analyze, tellsOfHarm } from '../analysis/index.js';
import type { HelpLink } from '../../shared/help.js';
import { AppError } from '../errors.js';
import { facilitator } from './effects.js';
import { newId } from './ids.js';
import { prepSelfHarmReply, prepThreatReply, showsFear, sideFearResponse } from './messages/safety.js';
import type { Identity, PendingRelay, RoomRecord } from './model.js';
import { namesOf } from './view.js';
import { announceSeparated, relayKey, separateRoom, withPending } from './policies/separated.js';
import { maySeparateNow, SEPARATE_REFUSED } from './policies/safety.js';
import type { RoomWork } from './work.js';

/** What the message pipeline lends a separated room: its review, and its delivery for an approved point. */
export interface PipelineSteps {
  review(room: RoomRecord, who: Identity, text: string): Promise<{ analysis: Analysis; review: Review | null }>;
  deliverRelay(
    who: Identity,
    clientMsgId: string,
    text: string,
    heat: number,
    disclosure: boolean,
  ): Promise<SendResult>;
  /** Where to get help, for this deployment (the review's list). */
  help(): HelpLink[];
  /** A point held for safety: the threatened are told, the room pauses, repeats escalate (policies/safety.ts). */
  safetyStop(who: Identity, labels: readonly HeatLabel[]): Promise<void>;
}

const POINTS_PAUSED =
  'Passing points on is paused for you for now. Your own side, and your private preparation, are still open.';

/** What everyone is told when the room becomes separated: that it did, never who asked or why. */
export const SEPARATED_NOTICE =
  'A separated room was requested, so from now on each of you talks with me on your own side. Only you (and a ' +
  'mediator, if there is one) see your side. A point reaches the others only in words its author has checked ' +
  'and approved, and I pass it on as it is.';

/** What everyone reads when a room chosen as separated opens its joint session. */
export const SEPARATED_OPENING =
  'This is a separated room: each of you talks with me on your own side, and only you (and a mediator, if there ' +
  'is one) see your side. When you want the others to hear something, choose “Pass a point on”: you see the exact ' +
  'words first, and I pass them on only when you approve them.';

/** Once the joint session opens in a room chosen as separated, everyone is told how it works (once). */
export async function announceIfSeparated(work: RoomWork, roomId: string): Promise<void> {
  const { room, result: now } = await work.change(roomId, (r) => {
    const next = announceSeparated(r);
    return next ? { room: next, result: true } : { result: false };
  });
  if (now) await work.carryOut(room, [facilitator({ say: 'text', kind: 'notice', text: SEPARATED_OPENING })]);
}

/**
 * The separated room (shuttle mode), as mediators run it when people should not face each other:
 * a party's messages stay on their own side of the log (visibleTo: them and the mediators) and the
 * facilitator answers there; a point crosses to the others only after its author has seen the exact
 * words, reviewed like any room message, and approved them. Held words cannot be approved as written.
 */
export class SeparatedRoom {
  constructor(
    private readonly rooms: RoomWork,
    private readonly steps: PipelineSteps,
  ) {}

  /** A person asks for a separated room without saying why: the room switches at once, for everyone. */
  async separate(who: Identity): Promise<{ separated: true }> {
    if (!isParty(who.role) && !isModerator(who.role)) {
      throw new AppError('forbidden', 'Only the people taking part, or a mediator, can ask for a separated room.');
    }
    const now = this.rooms.deps.now();
    const { room, result: switched } = await this.rooms.change(who.roomId, (r) => {
      const me = r.participants.find((p) => p.participantId === who.participantId);
      if (!me || !maySeparateNow(me)) throw new AppError('forbidden', SEPARATE_REFUSED);
      const next = separateRoom(r, now);
      return next ? { room: next, result: true } : { result: false };
    });
    if (switched)
      await this.rooms.carryOut(room, [facilitator({ say: 'text', kind: 'notice', text: SEPARATED_NOTICE })]);
    return { separated: true };
  }

  /** A party's message in a separated room: stored on their side, answered there by the facilitator. */
  async send(room: RoomRecord, who: Identity, clientMsgId: string, text: string): Promise<SendResult> {
    const { store, broadcast } = this.rooms.deps;
    const visibleTo = sideAudience(room, who.participantId);
    const entry: Omit<MessageEvent, 'seq'> = {
      type: 'message',
      id: newId('m'),
      clientMsgId,
      from: who.participantId,
      text,
      at: this.rooms.deps.now(),
      reworded: false,
      visibleTo,
    };
    const appended = await store.appendLog(room.roomId, entry, relayKey(who.participantId, clientMsgId));
    const message = appended.entry as MessageEvent;
    if (!appended.duplicate) {
      broadcast.entry(room.roomId, message);
      const others = otherNames(room, who.participantId);
      const safety = sideSafetyReply(text, others);
      // a safety answer is a safety note, with the deployment's help as links to click
      const reply = safety
        ? facilitator({ say: 'text', kind: 'safety', text: safety, visibleTo, help: this.steps.help() })
        : facilitator({
            say: 'text',
            kind: 'reflection',
            text: await this.sideAnswer(room, who, text, others),
            visibleTo,
          });
      await this.rooms.carryOut(room, [reply]);
    }
    return { status: 'delivered', seq: message.seq, message };
  }

  /** The first answer explains how a point crosses; later ones say back what the person said. */
  private async sideAnswer(room: RoomRecord, who: Identity, text: string, others: string): Promise<string> {
    const first = !(await this.answeredOnSideBefore(room.roomId, who.participantId));
    return sideReply(text, others, first) ?? (await this.heardOnSide(room, who.participantId, text, others));
  }

  /** After the first answer: what the person said, said back to them (the engine's reflection), and how it crosses. */
  private async heardOnSide(room: RoomRecord, speaker: string, text: string, others: string): Promise<string> {
    const context = {
      kind: room.kind,
      title: room.title,
      names: namesOf(room),
      parties: parties(room).map((p) => p.participantId),
    };
    const heard = await this.rooms.deps.engine.reflect(context, speaker, text).catch(() => null);
    const crossing = `nothing reaches ${others} unless you approve the words.`;
    return heard
      ? `${heard} This stays on your side: ${crossing}`
      : `I have that, on your side only. Take your time; ${crossing}`;
  }

  private async answeredOnSideBefore(roomId: string, participantId: string): Promise<boolean> {
    const recent = await this.rooms.deps.store.tailLog(roomId, 200);
    return recent.some(
      (e) => e.type === 'facilitator' && e.kind === 'reflection' && e.visibleTo?.[0] === participantId,
    );
  }

  /** Step check: the point is reviewed as the room would; its exact words wait for the author's approval. */
  async propose(who: Identity, clientMsgId: string, text: string): Promise<RelayResult> {
    const room = await this.mustRelay(who);
    const key = relayKey(who.participantId, clientMsgId);
    const earlier = await this.rooms.deps.store.findLogByKey(room.roomId, key);
    if (earlier?.type === 'message' && earlier.relayed)
      return { status: 'delivered', seq: earlier.seq, message: earlier };
    if (earlier) throw new AppError('conflict', 'That id was used for another message. Please try again.');
    const { analysis, review } = await this.steps.review(room, who, text);
    const pending: PendingRelay = {
      clientMsgId,
      participantId: who.participantId,
      text,
      heat: analysis.heat,
      review,
      at: this.rooms.deps.now(),
      ...(analysis.disclosure ? { disclosure: true } : {}),
    };
    await this.rooms.change(who.roomId, (r) => ({
      room: { ...r, relays: withPending(r.relays, pending) },
      result: 0,
    }));
    // a threat or self-harm is never passed on, and is handled as in any room: whoever is threatened is told
    if (review && !review.originalAllowed) await this.steps.safetyStop(who, review.labels);
    return review ? { status: 'held', clientMsgId, review } : { status: 'ready', clientMsgId, text };
  }

  /** Step approve: only the words the author saw, only when they were not held, reach the others. */
  async approve(who: Identity, clientMsgId: string, seen: string): Promise<RelayResult> {
    const room = await this.mustRelay(who);
    const key = relayKey(who.participantId, clientMsgId);
    const pending = room.relays?.[key];
    if (!pending) {
      const earlier = await this.rooms.deps.store.findLogByKey(room.roomId, key);
      if (earlier?.type === 'message' && earlier.relayed)
        return { status: 'delivered', seq: earlier.seq, message: earlier };
      throw new AppError('not_found', 'There is no point waiting with this id. Please check the words again.');
    }
    if (pending.review) {
      throw new AppError(
        'not_allowed',
        'These words cannot be passed on as they are written. You can choose a suggestion or change them.',
      );
    }
    if (seen !== pending.text) {
      throw new AppError('conflict', 'The words changed since they were checked. Please look at them again.');
    }
    const sent = await this.steps.deliverRelay(who, clientMsgId, pending.text, pending.heat, !!pending.disclosure);
    await this.drop(who, key);
    if (sent.status !== 'delivered') throw new AppError('internal', 'The point was not passed on.');
    return sent;
  }

  async cancel(who: Identity, clientMsgId: string): Promise<object> {
    await this.mustRelay(who);
    await this.drop(who, relayKey(who.participantId, clientMsgId));
    return {};
  }

  private async drop(who: Identity, key: string): Promise<void> {
    await this.rooms.change(who.roomId, (r) => {
      if (!r.relays?.[key]) return { result: 0 };
      const { [key]: _gone, ...rest } = r.relays;
      return { room: { ...r, relays: rest }, result: 0 };
    });
  }

  private async mustRelay(who: Identity): Promise<RoomRecord> {
    const room = await this.rooms.room(who.roomId);
    if (!isSeparated(room)) throw new AppError('not_allowed', 'Points are passed on only in a separated room.');
    if (!talksOnSide(room, who.role)) {
      throw new AppError('forbidden', 'Only the people taking part pass points on; a mediator writes to the room.');
    }
    const status = room.participants.find((p) => p.participantId === who.participantId)?.status;
    if (status !== undefined) throw new AppError('not_allowed', POINTS_PAUSED);
    return room;
  }
}

function otherNames(room: RoomRecord, authorId: string): string {
  const names = parties(room)
    .filter((p) => p.participantId !== authorId)
    .map((p) => p.name);
  if (names.length === 0) return 'the others';
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The safety-first answer on a side (self-harm, harm or fear told, a threat this person makes), or null. */
export function sideSafetyReply(text: string, others: string): string | null {
  const labels = analyze(text, { suggestions: false }).labels.filter(isSafetyLabel);
  if (labels.includes('self_harm')) return prepSelfHarmReply();
  // harm told by the rules' patterns, as in preparation (prep.ts safetyOf)
  if (showsFear(text) || tellsOfHarm(text)) return sideFearResponse(others);
  if (labels.includes('threat')) return prepThreatReply();
  return null;
}

/**
 * The facilitator's answer on a person's side. Safety first, as in preparation (a reported threat or
 * fear, self-harm, a threat this person makes); otherwise a short acknowledgement that says how a point
 * crosses, in full the first time; null after that, when the engine's reflection answers (heardOnSide).
 */
export function sideReply(text: string, others: string, first: boolean): string | null {
  const safety = sideSafetyReply(text, others);
  if (safety) return safety;
  if (first) {
    return (
      `Thank you. This stays on your side: ${others} cannot see it. When there is something you want ${others} ` +
      'to hear, choose “Pass a point on”: you will see the exact words first, and I pass them on only when you ' +
      'approve them.'
    );
  }
  return null;
}
