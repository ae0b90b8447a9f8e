import {
  LIMITS,
  type LogEntry,
  type MessageEvent,
  type MessageResolve,
  type PrepMessage,
  type SendResult,
} from '../../../shared/protocol.js';
import { AppError } from '../../errors.js';
import { addressees } from './addressees.js';
import type { AnalyzeContext } from '../../analysis/index.js';
import { judgeSuggestion, reviewText, withoutHeldSuggestions } from './review.js';
import { suggestLater } from './lateSuggestions.js';
import type { Analysis, HeatLabel } from '../../../shared/analysis.js';
import { coercionNote, prepSelfHarmReply } from './safety.js';
import { isCoerciveDemand } from '../../analysis/coercion.js';
import { tellsOfHarm } from '../../analysis/index.js';
import { helpFor } from '../../../shared/help.js';
import { afterDisclosure, checkInEffects, safetyHold } from '../policies/safety.js';
import { newId } from '../ids.js';
import { stopForSafety } from '../safetyStop.js';
import { facilitator, type RoomEffect } from '../effects.js';
import type { HeldOutcome, RoomDeps } from '../ports.js';
import { countSuggestion, sampleHeat } from '../policies/outcomes.js';
import { isOnBreak, startBreak } from '../policies/breaks.js';
import { afterDelivered } from '../policies/facilitation.js';
import type { Verdict } from '../policies/reflection.js';
import { canSpeak } from '../../../shared/rules/floor.js';
import { applyFloor, speakerWordsAfter } from '../policies/floor.js';
import { applyHeat } from '../policies/heat.js';
import type { RoomWork } from '../work.js';
import type { HeldMessage, Identity, RoomRecord } from '../model.js';
import { isSideEntry, mayRead, talksOnSide } from '../../../shared/rules/separated.js';
import { SeparatedRoom } from '../separated.js';
import { roundHeat } from '../view.js';

/** Longest history page; clients page on with the last seq they got. */
export const HISTORY_PAGE = 500;

/** Room text is 1..4000 characters after trimming. */
export function checkRoomText(text: unknown): string {
  if (typeof text !== 'string') throw new AppError('invalid_payload', 'A message needs some text.');
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new AppError('invalid_payload', 'A message needs some text.');
  if (trimmed.length > LIMITS.messageChars)
    throw new AppError(
      'too_long',
      `Messages can be up to ${LIMITS.messageChars} characters. Could you split it in two?`,
    );
  return trimmed;
}

const dedupeKey = (participantId: string, clientMsgId: string) => `${participantId}:${clientMsgId}`;

const HELD_BEFORE_SEPARATED =
  'The room is separated now, so this message stays with you. If you still want the others to hear it, you can ' +
  'write it as a point to pass on, and check its words first.';

const PAUSED =
  'Your messages to the room are paused for now. You can still read the room, and your private preparation ' +
  'space with the facilitator is open.';
const REMOVED =
  'You are no longer part of the joint conversation, so messages can’t go to the room. Your private ' +
  'preparation space with the facilitator is still open.';

const statusOf = (room: RoomRecord, participantId: string) =>
  room.participants.find((p) => p.participantId === participantId)?.status;

/** checkMayDeliver's answer without its reasons. */
function mayDeliver(room: RoomRecord, participantId: string, now: number): boolean {
  const status = room.participants.find((p) => p.participantId === participantId)?.status;
  if (status === 'removed' || status === 'paused' || isOnBreak(room, now)) return false;
  return canSpeak(room, participantId).ok;
}

/** Refusals that depend on the moment: a pause of this person's messages, a break, or someone else's turn. */
function checkMayDeliver(room: RoomRecord, participantId: string, now: number): void {
  const status = room.participants.find((p) => p.participantId === participantId)?.status;
  if (status === 'removed') throw new AppError('not_allowed', REMOVED);
  if (status === 'paused') throw new AppError('not_allowed', PAUSED);
  if (isOnBreak(room, now))
    throw new AppError('on_break', 'The room is on a break. Your private preparation space is still open.');
  const may = canSpeak(room, participantId);
  if (!may.ok) throw new AppError(may.code, may.message);
}

interface Delivery {
  who: Identity;
  clientMsgId: string;
  text: string;
  heat: number;
  reworded: boolean;
  fromPrep: boolean;
  /** A separated room's point, approved by its author (rooms/separated.ts). */
  relayed?: boolean;
  /** The analyzer heard harm or fear told as the sender's own (analysis.disclosure). */
  disclosure: boolean;
  /** Set when a held message is delivered: what its sender chose (counted for /metrics). */
  outcome?: HeldOutcome;
  /** The room as the caller read it: where the store may start its write (one round trip to Redis). */
  from?: RoomRecord;
  /** The analyzer's verdict on exactly `text` in this room, when the pipeline has it (not analysed again). */
  verdict?: Verdict;
  /** A mediator's words: the room's heat stays as it was. */
  calm?: boolean;
  /**
   * `from` is the room as this process last saw it, not read for this message: where the room as it is holds
   * this message back or takes it to a separated side, the send starts again from a fresh read (StaleRoom).
   */
  recent?: boolean;
}

/** The room as this process last saw it was out of date in a way that changes the message's path. */
class StaleRoom extends Error {}

const BREAK: RoomEffect = { kind: 'break' };

/** Step dedupe: a retry of a message that was delivered or held answers as the first send did. */
function answeredBefore(
  room: RoomRecord,
  earlier: LogEntry | null,
  key: string,
  clientMsgId: string,
): SendResult | null {
  if (earlier?.type === 'message') return { status: 'delivered', seq: earlier.seq, message: earlier };
  if (room.held[key]) return { status: 'held', clientMsgId, review: room.held[key].review };
  return null;
}

/**
 * The message pipeline of DESIGN.md: validate -> dedupe -> floor -> analyse -> deliver (stored, numbered,
 * broadcast) or hold for the sender's review. A retry with the same clientMsgId is delivered once.
 * Each step is a method below; what the facilitator does after a change comes out of the change as
 * effects (rooms/effects.ts) that the room service carries out.
 */
export class MessagePipeline {
  /** Separated rooms (shuttle mode): each party's side, and points passed on once approved. */
  readonly separated: SeparatedRoom;

  constructor(
    private readonly deps: RoomDeps,
    private readonly rooms: RoomWork,
  ) {
    this.separated = new SeparatedRoom(rooms, {
      review: (room, who, text) => this.review(room, who, text),
      safetyStop: (who, labels) => stopForSafety(this.rooms, who, labels),
      help: () => this.help(),
      deliverRelay: (who, clientMsgId, text, heat, disclosure) =>
        this.deliver({
          who,
          clientMsgId,
          text,
          heat,
          reworded: false,
          fromPrep: false,
          relayed: true,
          disclosure,
        }),
    });
  }

  async send(who: Identity, clientMsgId: string, rawText: unknown, fromPrep = false): Promise<SendResult> {
    const text = checkRoomText(rawText);
    const key = dedupeKey(who.participantId, clientMsgId);
    // Redis: the room as this process last saw it, where nothing it shows would stop or divert the message,
    // saves the read: the write's compare-and-set checks it (one round trip a message; see deliver's `recent`).
    const recent = this.deps.store.recentRoom?.(who.roomId);
    if (
      recent &&
      !recent.held[key] &&
      !talksOnSide(recent, who.role) &&
      mayDeliver(recent, who.participantId, this.deps.now())
    )
      try {
        return await this.sendIn(recent, who, clientMsgId, text, fromPrep, true);
      } catch (err) {
        if (!(err instanceof StaleRoom)) throw err;
      }
    // The room and the retry check together: one round trip to Redis for both.
    const [room, earlier] = await Promise.all([
      this.rooms.room(who.roomId),
      this.deps.store.findLogByKey(who.roomId, key),
    ]);
    const answered = answeredBefore(room, earlier, key, clientMsgId);
    if (answered) return answered;
    // A separated room: a party writes on their own side; a point crosses only once approved (relay:*).
    if (talksOnSide(room, who.role)) return this.separated.send(room, who, clientMsgId, text);
    return this.sendIn(room, who, clientMsgId, text, fromPrep, false);
  }

  /** Steps floor, analyse, then deliver or hold, in the room as read (`recent`: as this process last saw it). */
  private async sendIn(
    room: RoomRecord,
    who: Identity,
    clientMsgId: string,
    text: string,
    fromPrep: boolean,
    recent: boolean,
  ): Promise<SendResult> {
    const now = this.deps.now();
    // During a pause a message is still read: one that may threaten or speak of self-harm is answered with the
    // safety review and help (someone in crisis who keeps writing is never told only that the room is on a break)
    const pausedRoomOnly = isOnBreak(room, now) && statusOf(room, who.participantId) === undefined;
    if (!pausedRoomOnly) checkMayDeliver(room, who.participantId, now);
    const { analysis, review } = await this.review(room, who, text);
    if (pausedRoomOnly && !(review && !review.originalAllowed)) checkMayDeliver(room, who.participantId, now);
    const disclosure = analysis.disclosure === true;
    // A mediator's words are not held for heat ("let us slow down a little" is their job), nor do they move
    // the room's heat; a threat is still never delivered, whoever writes it.
    const mediator = who.role === 'mediator';
    if (mediator && (!review || review.originalAllowed))
      return this.deliver({
        who,
        clientMsgId,
        text,
        heat: 0,
        reworded: false,
        fromPrep,
        disclosure,
        from: room,
        recent,
        calm: true,
      });
    if (!review)
      return this.deliver({
        who,
        clientMsgId,
        text,
        heat: analysis.heat,
        reworded: false,
        fromPrep,
        disclosure,
        from: room,
        recent,
        verdict: analysis,
      });
    const held: HeldMessage = { clientMsgId, participantId: who.participantId, text, review, heldAt: now, fromPrep };
    const answer = await this.hold(who, held);
    this.suggestLater(room, who, held, analysis);
    return answer;
  }

  /** A model's suggestions, when there is a model, come after the local ones (lateSuggestions.ts). */
  private suggestLater(room: RoomRecord, who: Identity, held: HeldMessage, analysis: Analysis): void {
    const key = dedupeKey(who.participantId, held.clientMsgId);
    const context = this.context(room, who);
    void suggestLater(this.rooms, who, key, held, analysis, room.heatThreshold, context);
  }

  /**
   * Step hold: keep the message for its sender's review. Nothing the others see moves: the room's heat
   * and hot streak count only what is delivered (see deliver). A safety hold still pauses the room.
   */
  private async hold(who: Identity, held: HeldMessage): Promise<SendResult> {
    const key = dedupeKey(who.participantId, held.clientMsgId);
    const safety = !held.review.originalAllowed;
    const now = this.deps.now();
    const minutes = this.deps.config.breakMinutes;
    const { room, result: effects } = await this.rooms.change(who.roomId, (r) => {
      // sinceHeld: no clause offer comes within a few messages of a held one.
      const next = { ...r, held: { ...r.held, [key]: held }, sinceHeld: 0 };
      if (!safety) return { room: next, result: [] };
      const stop = safetyHold(next, who.participantId, held.review.labels, now, minutes, this.help());
      return { room: stop.room, result: stop.effects };
    });
    this.deps.metrics.messagesHeld.inc({ reason: safety ? 'safety' : 'heat' });
    // A safety hold's pause and notices are in place before its sender is answered.
    await this.rooms.carryOutAfter(room, effects);
    return { status: 'held', clientMsgId: held.clientMsgId, review: held.review };
  }

  async resolve(who: Identity, p: MessageResolve): Promise<SendResult> {
    const key = dedupeKey(who.participantId, p.clientMsgId);
    const room = await this.rooms.room(who.roomId);
    const held = room.held[key];
    if (!held) {
      // A retried resolve after delivery answers as the first one did.
      const earlier = await this.deps.store.findLogByKey(who.roomId, key);
      if (earlier?.type === 'message') return { status: 'delivered', seq: earlier.seq, message: earlier };
      throw new AppError('not_found', 'There is no held message with this id.');
    }
    // Once the room is separated, words held before stay with their sender: only an approved point crosses.
    if (p.action !== 'discard' && talksOnSide(room, who.role)) throw new AppError('not_allowed', HELD_BEFORE_SEPARATED);
    switch (p.action) {
      case 'discard':
        return this.discard(who, key, held);
      case 'original':
        return this.sendOriginal(who, held);
      case 'suggestion':
        return this.sendSuggestion(room, who, held, p.index ?? 0, p.text);
      case 'edit':
        return this.sendEdit(room, who, held, p.text);
    }
  }

  private async discard(who: Identity, key: string, held: HeldMessage): Promise<SendResult> {
    await this.rooms.change(who.roomId, (r) => {
      const { [key]: _dropped, ...rest } = r.held;
      return { room: { ...r, held: rest, outcomes: countSuggestion(r, 'discarded') }, result: undefined };
    });
    this.deps.metrics.heldOutcomes.inc({ outcome: 'discarded' });
    // Set aside after a self-harm hold (the review's "Talk privately with the facilitator" does this): their
    // private space opens on a warm word and help, never on a cheerful coaching question.
    if (held.review.labels.includes('self_harm')) {
      const reply: PrepMessage = {
        role: 'facilitator',
        text: prepSelfHarmReply(),
        at: this.deps.now(),
        help: this.help(),
      };
      await this.deps.store.appendPrep(who.roomId, who.participantId, reply);
      this.deps.broadcast.prep(who.roomId, who.participantId, reply);
    }
    return { status: 'discarded' };
  }

  private async sendOriginal(who: Identity, held: HeldMessage): Promise<SendResult> {
    if (!held.review.originalAllowed) {
      throw new AppError('not_allowed', 'This message cannot be sent as it is written, for everyone’s safety.');
    }
    // held for its heat, yet telling of harm done to the sender: delivered as written, it is a disclosure
    const base = { who, clientMsgId: held.clientMsgId, fromPrep: held.fromPrep, disclosure: tellsOfHarm(held.text) };
    return this.deliver({ ...base, text: held.text, heat: held.review.heat, reworded: false, outcome: 'original' });
  }

  private async sendSuggestion(
    room: RoomRecord,
    who: Identity,
    held: HeldMessage,
    index: number,
    seen?: string,
  ): Promise<SendResult> {
    const suggestion = held.review.suggestions[index];
    if (suggestion === undefined) throw new AppError('invalid_payload', 'There is no suggestion with that number.');
    // The suggestions changed (a model's arrived) after the sender chose: nothing is sent they did not see.
    if (seen !== undefined && seen !== suggestion)
      return { status: 'held', clientMsgId: held.clientMsgId, review: held.review };
    const key = dedupeKey(who.participantId, held.clientMsgId);
    const base = { who, clientMsgId: held.clientMsgId, fromPrep: held.fromPrep };
    // A suggestion is judged again as it will be delivered, in the sender's name and in this room: one
    // that would be held (an older review's, a model's that quotes the insult) is withdrawn, and the
    // message stays held with the suggestions that pass, as an edit that is still heated does.
    const context = this.context(room, who);
    const check = judgeSuggestion(suggestion, room.heatThreshold, context);
    const disclosure = check.disclosure === true;
    if (!check.held) {
      const delivery = { ...base, text: suggestion, heat: check.heat, reworded: true, disclosure };
      return this.deliver({ ...delivery, outcome: 'suggestion' });
    }
    const review = withoutHeldSuggestions(held.review, held.text, room.heatThreshold, context);
    await this.rooms.change(who.roomId, (r) => {
      const current = r.held[key];
      if (!current) return { room: r, result: undefined };
      return { room: { ...r, held: { ...r.held, [key]: { ...current, review } } }, result: undefined };
    });
    return { status: 'held', clientMsgId: held.clientMsgId, review };
  }

  private async sendEdit(room: RoomRecord, who: Identity, held: HeldMessage, rawText: unknown): Promise<SendResult> {
    const text = checkRoomText(rawText);
    const key = dedupeKey(who.participantId, held.clientMsgId);
    const base = { who, clientMsgId: held.clientMsgId, fromPrep: held.fromPrep };
    const { analysis, review } = await this.review(room, who, text);
    const disclosure = analysis.disclosure === true;
    if (!review)
      return this.deliver({ ...base, text, heat: analysis.heat, reworded: true, disclosure, outcome: 'edited' });
    // Still heated: the edit replaces the held text and is reviewed again.
    const now = this.deps.now();
    const minutes = this.deps.config.breakMinutes;
    const changed = await this.rooms.change(who.roomId, (r) => {
      const next = { ...r, held: { ...r.held, [key]: { ...held, text, review } }, sinceHeld: 0 };
      if (review.originalAllowed) return { room: next, result: [] as RoomEffect[] };
      const stop = safetyHold(next, who.participantId, review.labels, now, minutes, this.help());
      return { room: stop.room, result: stop.effects };
    });
    await this.rooms.carryOutAfter(changed.room, changed.result);
    this.suggestLater(room, who, { ...held, text, review }, analysis);
    return { status: 'held', clientMsgId: held.clientMsgId, review };
  }

  /**
   * Step deliver: count it, move the floor and the heat (of the text delivered: the original, the chosen
   * suggestion or the edit), store it numbered, broadcast it, then the effects.
   */
  private async deliver(d: Delivery): Promise<SendResult> {
    const now = this.deps.now();
    const key = dedupeKey(d.who.participantId, d.clientMsgId);
    const floorMs = this.deps.config.floorSeconds * 1000;
    const entry: Omit<MessageEvent, 'seq'> = {
      type: 'message',
      id: newId('m'),
      clientMsgId: d.clientMsgId,
      from: d.who.participantId,
      text: d.text,
      at: now,
      reworded: d.reworded,
      ...(d.fromPrep ? { fromPrep: true } : {}),
      ...(d.relayed ? { relayed: true } : {}),
    };
    // The room's counters and the numbered entry in one atomic write (dedupe included).
    const update = (r: RoomRecord) => {
      if (d.recent && (r.held[key] || talksOnSide(r, d.who.role))) throw new StaleRoom();
      checkMayDeliver(r, d.who.participantId, now);
      const spoke = { type: 'spoke' as const, participantId: d.who.participantId, text: d.text };
      const floor = applyFloor(r, spoke, now, { floorMs });
      const heat = d.calm ? { heat: r.heat, hotStreak: r.hotStreak, callBreak: false } : applyHeat(r, d.heat);
      const { [key]: _delivered, ...held } = r.held;
      const sender = d.who.participantId;
      const participants = r.participants.map((p) =>
        p.participantId === sender ? { ...p, delivered: p.delivered + 1, chars: p.chars + d.text.length } : p,
      );
      const shared = { participantId: sender, text: d.text };
      const sharedPoints = d.fromPrep ? [...r.sharedPoints, shared] : r.sharedPoints;
      const next: RoomRecord = {
        ...r,
        participants,
        held,
        heat: heat.heat,
        hotStreak: heat.hotStreak,
        floor: floor.ok ? floor.floor : r.floor,
        sharedPoints,
        speakerWords: speakerWordsAfter(r, sender, d.text),
        // A held message's own delivery (reworded or not) is where the calm gap before an offer starts.
        ...(r.held[key] ? { sinceHeld: -1 } : {}),
        outcomes: sampleHeat(d.outcome ? { ...r, outcomes: countSuggestion(r, d.outcome) } : r, heat.heat, now),
      };
      // Before the facilitation policies: they read whether this message, or one shortly before, disclosed.
      const told = afterDisclosure(next, sender, d.disclosure);
      next.disclosedBy = told.disclosedBy;
      next.sinceDisclosure = told.sinceDisclosure;
      const facilitation = afterDelivered(next, d.who.participantId, d.text, d.verdict);
      const { recentSpeakers, sinceNudge, sinceOffer, quietFor, invited, listening } = facilitation;
      const effects: RoomEffect[] = told.checkIn ? checkInEffects(sender, this.help()) : [];
      effects.push(...facilitation.actions.map((action) => facilitator({ say: 'action' as const, action })));
      effects.push(...this.coercionFlag(next, sender, d.text));
      if (heat.callBreak) effects.push(BREAK);
      const after = {
        ...next,
        ...facilitation.offerCounters,
        recentSpeakers,
        sinceNudge,
        sinceOffer,
        quietFor,
        invited,
        listening,
      };
      return { room: after, result: effects };
    };
    // The message goes to the whole room with the room's shown heat: a heat step alone sends no room:state.
    const out = await this.rooms.changeAndAppend(d.who.roomId, update, entry, key, d.from, true);
    const message = out.entry as MessageEvent;
    if (!out.duplicate) {
      const { room, result: effects } = out;
      // Its sender's socket gets it in the answer below (other sockets of theirs, another tab, get it here).
      this.deps.broadcast.entry(d.who.roomId, message, d.who.socketId, room);
      this.deps.metrics.messagesDelivered.inc();
      this.deps.metrics.deliveredHeat?.observe(d.heat);
      if (d.outcome) this.deps.metrics.heldOutcomes.inc({ outcome: d.outcome });
      // The sender is answered once the message is stored and sent; the facilitator follows, in order.
      // A break stops the room, so its sender hears of it in the same answer.
      const after = this.rooms.carryOutAfter(room, effects);
      if (effects.some((e) => e.kind === 'break')) await after;
      else after.catch(() => undefined);
      return { status: 'delivered', seq: message.seq, message, heat: roundHeat(room.heat) };
    }
    return { status: 'delivered', seq: message.seq, message };
  }

  /**
   * Scores a text in its room: the others' names ("Sam", "my husband") count as addressing them, like "you".
   * A safety hold carries where to get help, as links (the deployment's list, SAFETY_HELP_FILE).
   */
  private async review(room: RoomRecord, who: Identity, text: string) {
    const timeAnalyzer = (s: number) => this.deps.metrics.analyzerSeconds.observe(s);
    const out = await reviewText(text, room.heatThreshold, this.deps.engine, timeAnalyzer, this.context(room, who));
    if (!out.review || out.review.originalAllowed) return out;
    return { ...out, review: { ...out.review, help: this.help() } };
  }

  /** Where to get help, for this deployment (English for now: rooms have no language yet). */
  private help() {
    return helpFor(this.deps.config.safetyHelp);
  }

  /** A delivered demand to control someone: the mediators (if any) are told privately, never the words. */
  private coercionFlag(room: RoomRecord, sender: string, text: string): RoomEffect[] {
    const mediators = room.participants.filter((p) => p.role === 'mediator' && p.participantId !== sender);
    if (mediators.length === 0 || !isCoerciveDemand(text)) return [];
    const name = room.participants.find((p) => p.participantId === sender)?.name ?? 'Someone';
    const visibleTo = mediators.map((p) => p.participantId);
    return [facilitator({ say: 'text', kind: 'safety', text: coercionNote(name), visibleTo })];
  }

  private context(room: RoomRecord, who: Identity): AnalyzeContext {
    const others = room.participants.filter((p) => p.participantId !== who.participantId).map((p) => p.name);
    return { otherNames: addressees(room.kind, others) };
  }

  /** The log from `sinceSeq`; someone no longer in the joint session gets only what was said to them alone. */
  async history(who: Identity, sinceSeq: number): Promise<LogEntry[]> {
    const room = await this.rooms.room(who.roomId);
    const removed = room.participants.find((p) => p.participantId === who.participantId)?.status === 'removed';
    const entries = await this.deps.store.listLog(who.roomId, sinceSeq, HISTORY_PAGE);
    const mine = (e: LogEntry) => e.type === 'facilitator' && e.visibleTo?.includes(who.participantId) === true;
    if (removed) return entries.filter(mine);
    // a mediator reads every side, including what was written there before they joined
    const mediator = who.role === 'mediator';
    return entries.filter((e) => mayRead(e, who.participantId) || (mediator && isSideEntry(e, room)));
  }
}
