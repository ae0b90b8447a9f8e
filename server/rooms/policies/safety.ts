import type { HeatLabel } from '../../../shared/analysis.js';
import type { HelpLink } from '../../../shared/help.js';
import type { ErrorCode, ParticipantStatus, SafetyChoice } from '../../../shared/protocol.js';
import { isModerator, isParty } from '../../../shared/rules/floor.js';
import { SAFETY_PAUSE } from '../../facilitator/types.js';
import type { RoomEffect } from '../effects.js';
import { facilitator } from '../effects.js';
import type { BreakRecord, Participant, RoomRecord } from '../model.js';
import * as words from '../messages/safety.js';
import { isOnBreak, startBreak } from './breaks.js';
import { hushed } from './safetyState.js';

/**
 * The room's safety flows as pure functions (docs/SAFETY.md): who is told what after a message is held for
 * safety, when repeated threats pause or remove their sender, the check-in after a disclosure, a quiet pause,
 * and what the host and mediators may change. Every notice is private (visibleTo) and never quotes the message.
 */

/** The threat holds of one sender, in a session, that pause their room messages, and that remove them. */
export const PAUSE_AT = 2;
export const REMOVE_AT = 3;

/** Choices on a notice to someone who may have been threatened, and on a disclosure check-in. */
const THREATENED_CHOICES: SafetyChoice[] = ['leave', 'pause', 'separate', 'continue'];
/** In a room already separated there is nothing to switch to. */
const APART_CHOICES: SafetyChoice[] = ['leave', 'pause', 'continue'];
const CHECK_IN_CHOICES: SafetyChoice[] = ['pause', 'leave', 'separate', 'continue'];

const notice = (text: string, visibleTo: string[], help?: HelpLink[], choices?: SafetyChoice[]): RoomEffect[] =>
  visibleTo.length === 0
    ? []
    : [
        facilitator({
          say: 'text',
          kind: 'safety',
          text,
          visibleTo,
          ...(help ? { help } : {}),
          ...(choices ? { choices } : {}),
        }),
      ];

export interface DisclosureOutcome {
  disclosedBy?: string[];
  sinceDisclosure?: number;
  /** Whether the sender gets a private check-in now (not again for each message of one account). */
  checkIn: boolean;
}

/** The disclosure counters after `sender`'s delivered message; `disclosure` is the analyzer's verdict on it. */
export function afterDisclosure(room: RoomRecord, sender: string, disclosure: boolean): DisclosureOutcome {
  if (!disclosure) {
    const since = room.sinceDisclosure === undefined ? undefined : room.sinceDisclosure + 1;
    return { disclosedBy: room.disclosedBy, sinceDisclosure: since, checkIn: false };
  }
  const before = room.disclosedBy ?? [];
  const checkedRecently = before.includes(sender) && hushed(room);
  const disclosedBy = before.includes(sender) ? before : [...before, sender];
  return { disclosedBy, sinceDisclosure: 0, checkIn: !checkedRecently };
}

export function checkInEffects(sender: string, help: HelpLink[]): RoomEffect[] {
  return notice(words.disclosureCheckIn(), [sender], help, CHECK_IN_CHOICES);
}

const nameOf = (room: RoomRecord, id: string) =>
  room.participants.find((p) => p.participantId === id)?.name ?? 'someone';

const withParticipant = (room: RoomRecord, id: string, change: Partial<Participant>): RoomRecord => ({
  ...room,
  participants: room.participants.map((p) => (p.participantId === id ? { ...p, ...change } : p)),
});

/** Takes `id` off the floor (holder, listener, queue): someone out of the joint session holds no turn. */
export function offTheFloor(room: RoomRecord, id: string): RoomRecord {
  const f = room.floor;
  const holds = f.holder === id || f.listener === id;
  const floor = holds
    ? { ...f, holder: null, listener: null, stage: null, expiresAt: null, queue: f.queue.filter((q) => q !== id) }
    : { ...f, queue: f.queue.filter((q) => q !== id) };
  return { ...room, floor };
}

/** A status change and its floor consequence, as one record. */
export function withStatus(room: RoomRecord, id: string, status: ParticipantStatus | undefined): RoomRecord {
  const changed = withParticipant(room, id, { status });
  return status === 'removed' ? offTheFloor(changed, id) : changed;
}

export interface SafetyOutcome {
  room: RoomRecord;
  effects: RoomEffect[];
}

/**
 * A message from `senderId` was held for safety (`labels` include threat or self_harm). In one atomic change:
 * - a threat: every other party who is still in the session is told privately, named sender, help and
 *   choices; the host and mediators who are not parties are told too (whoever the sender is). The sender's
 *   second threat pauses their room messages, the third removes them from the joint session.
 * - self-harm: the mediators only are told; the room is told nothing about whom.
 * - the joint flow pauses, once per episode: a hold while the sender's own safety pause runs tells no one again.
 */
export function safetyHold(
  room: RoomRecord,
  senderId: string,
  labels: readonly HeatLabel[],
  now: number,
  minutes: number,
  help: HelpLink[],
): SafetyOutcome {
  const threat = labels.includes('threat');
  const running = isOnBreak(room, now) ? room.break : null;
  const sameEpisode = running?.safetyCausedBy === senderId;
  const senderName = nameOf(room, senderId);
  const others = room.participants.filter((p) => p.participantId !== senderId && p.status !== 'removed');
  const threatened = others.filter((p) => isParty(p.role));
  const moderatorsOnly = others.filter((p) => isModerator(p.role) && !isParty(p.role));
  const mediators = others.filter((p) => p.role === 'mediator');
  const effects: RoomEffect[] = [];
  let next = room;
  // Out of the joint session already (an edit of an older held message): no one is told again, nothing pauses.
  const sender = room.participants.find((p) => p.participantId === senderId);
  if (sender?.status === 'removed') return { room, effects };

  // What this hold does to the sender's part, said inside a new notice rather than after it: a second note
  // would cover the notice's choices and help on the threatened person's screen.
  const holds = (sender?.threatHolds ?? 0) + 1;
  const escalation =
    threat && sender
      ? holds >= REMOVE_AT
        ? words.othersRemoved(senderName)
        : sender.status === undefined && holds >= PAUSE_AT
          ? words.othersPaused(senderName)
          : null
      : null;
  const separated = room.separated !== undefined;
  const withEscalation = (text: string) => (escalation ? `${text} ${escalation}` : text);
  if (!sameEpisode) {
    if (threat) {
      for (const p of threatened) {
        const text = withEscalation(words.threatNotice(senderName, isModerator(p.role), separated));
        effects.push(...notice(text, [p.participantId], help, separated ? APART_CHOICES : THREATENED_CHOICES));
      }
      effects.push(...notice(withEscalation(words.threatModeratorNote(senderName)), ids(moderatorsOnly)));
    } else {
      effects.push(...notice(words.selfHarmModeratorNote(senderName), ids(mediators)));
    }
  }

  if (!room.safetyHeldBy?.includes(senderId))
    next = { ...next, safetyHeldBy: [...(room.safetyHeldBy ?? []), senderId] };
  if (threat) {
    next = withParticipant(next, senderId, { threatHolds: holds });
    // told already, inside the new notice, unless this hold belongs to an episode they were told of before
    const told = sameEpisode ? ids([...threatened, ...moderatorsOnly]) : [];
    if (sender && holds >= REMOVE_AT) {
      next = withStatus(next, senderId, 'removed');
      effects.push(...notice(words.removedAfterHolds(), [senderId], help, ['talk']));
      effects.push(...notice(words.othersRemoved(senderName), told));
      effects.push({ kind: 'removed', participantId: senderId });
    } else if (sender && sender.status === undefined && holds >= PAUSE_AT) {
      next = withStatus(next, senderId, 'paused');
      effects.push(...notice(words.pausedAfterHolds(), [senderId], help, ['talk']));
      effects.push(...notice(words.othersPaused(senderName), told));
    }
  }

  // Any running break is already a pause: it stands.
  if (running) return { room: next, effects };
  const pause = startBreak(next, 'facilitator', minutes, now, senderId);
  if (!pause.ok || !pause.changed) return { room: next, effects };
  effects.push(facilitator({ say: 'breakStarted', minutes, by: SAFETY_PAUSE }));
  return { room: { ...next, break: pause.break, heat: 0, hotStreak: 0 }, effects };
}

const ids = (people: readonly Participant[]) => people.map((p) => p.participantId);

export type QuietPauseOutcome =
  | { ok: true; break: BreakRecord; started: boolean }
  | { ok: false; code: ErrorCode; message: string };

/**
 * A quiet pause: the room sees the facilitator's pause and never who asked; it belongs to the asker (and the
 * mediators), so no one else ends it early. Asked during a running break, it keeps the room paused at least
 * `minutes` from now, and from then on only a mediator ends it early: asking must never be a way to end someone
 * else's break or a safety pause. Someone whose message was held as a threat this session, or who is paused,
 * cannot ask for one (it would let them keep the room shut).
 */
export function quietPause(room: RoomRecord, by: string, minutes: number, now: number): QuietPauseOutcome {
  const who = room.participants.find((p) => p.participantId === by);
  if (!who || !isParty(who.role) || who.status === 'removed') {
    return { ok: false, code: 'forbidden', message: 'Only people in the conversation can pause it.' };
  }
  if (who.status === 'paused' || (who.threatHolds ?? 0) > 0) {
    return { ok: false, code: 'forbidden', message: QUIET_PAUSE_REFUSED };
  }
  const until = now + minutes * 60_000;
  if (room.break && room.break.endsAt > now) {
    const endsAt = Math.max(room.break.endsAt, until);
    // the asker's own quiet pause, made longer, stays theirs
    const own = room.break.askedQuietlyBy === by && !room.break.sharedQuietly;
    const brk: BreakRecord = { ...room.break, requestedBy: 'facilitator', endsAt, askedQuietlyBy: by };
    return { ok: true, started: false, break: own ? brk : { ...brk, sharedQuietly: true } };
  }
  return {
    ok: true,
    started: true,
    break: { startedAt: now, endsAt: until, requestedBy: 'facilitator', askedQuietlyBy: by },
  };
}

export type ModeratorAction = 'pause' | 'resume' | 'remove';

const QUIET_PAUSE_REFUSED =
  'A mediator can pause the room for now; you can’t at the moment. You can still take a break from the screen.';

/**
 * Whether a person may switch the room to a separated one for everyone, which cannot be undone: not someone taken
 * out of the joint session or paused, nor a party whose message was held as a threat this session (the choice is the
 * threatened person's; a mediator can still make it).
 */
export function maySeparateNow(me: Pick<Participant, 'role' | 'status' | 'threatHolds'>): boolean {
  return me.status === undefined && (me.role === 'mediator' || (me.threatHolds ?? 0) === 0);
}

export const SEPARATE_REFUSED =
  'You can’t switch the room to a separated one at the moment. A mediator can, and your private preparation is open.';

export const MODERATION_SUSPENDED = 'A mediator can pause or remove people for now; you can’t at the moment.';

/**
 * Whether a host or mediator may act on others now: not while paused or removed themselves, and a host not after
 * one of their own messages was held as a threat this session (otherwise the person who threatened could take the
 * person they threatened out of the room). Every way of pausing or removing someone asks this.
 */
export function mayModerateNow(by: Pick<Participant, 'role' | 'status' | 'threatHolds'>): boolean {
  return by.status === undefined && (by.role === 'mediator' || (by.threatHolds ?? 0) === 0);
}

export type ModerationOutcome =
  | { ok: true; room: RoomRecord; status: ParticipantStatus | undefined; effects: RoomEffect[] }
  | { ok: false; code: ErrorCode; message: string };

const refuse = (code: ErrorCode, message: string): ModerationOutcome => ({ ok: false, code, message });

/**
 * The host or a mediator pauses, resumes or removes a party. Someone whose own message was held as a threat
 * this session, or who is paused themselves, cannot do it to others (a mediator still can); no one does it to
 * themselves; removal is final for the session (the person keeps private preparation).
 */
export function moderate(
  room: RoomRecord,
  byId: string,
  targetId: string,
  action: ModeratorAction,
  help: HelpLink[],
): ModerationOutcome {
  const by = room.participants.find((p) => p.participantId === byId);
  if (!by || !isModerator(by.role)) {
    return refuse('forbidden', 'Only the host or a mediator can pause or remove someone.');
  }
  if (!mayModerateNow(by)) return refuse('forbidden', MODERATION_SUSPENDED);
  const target = room.participants.find((p) => p.participantId === targetId);
  if (!target) return refuse('not_found', 'There is no one with that id in this room.');
  if (target.participantId === byId) {
    return refuse('not_allowed', 'You can’t pause or remove yourself. You can take a break or leave the room instead.');
  }
  if (!isParty(target.role)) {
    return refuse('not_allowed', 'Only people taking part in the conversation can be paused or removed.');
  }
  const role = by.role === 'host' ? 'host' : 'mediator';
  if (target.status === 'removed') {
    if (action === 'remove') return { ok: true, room, status: 'removed', effects: [] };
    if (action === 'pause') {
      return refuse('not_allowed', `${target.name} is not in the joint conversation now; you can welcome them back.`);
    }
    // Re-admitted: back in the joint conversation, and their screens get the room again.
    const back: RoomEffect[] = [
      { kind: 'readmitted', participantId: targetId },
      ...notice(words.readmittedNote(role), [targetId]),
      // whoever may have been threatened is never surprised by their return
      ...notice(
        words.othersReadmitted(target.name),
        ids(
          room.participants.filter(
            (p) =>
              p.participantId !== targetId && p.participantId !== byId && (isParty(p.role) || p.role === 'mediator'),
          ),
        ),
      ),
    ];
    return { ok: true, room: withStatus(room, targetId, undefined), status: undefined, effects: back };
  }
  const wanted: ParticipantStatus | undefined =
    action === 'pause' ? 'paused' : action === 'remove' ? 'removed' : undefined;
  if (target.status === wanted) return { ok: true, room, status: wanted, effects: [] };
  const next = withStatus(room, targetId, wanted);
  const effects: RoomEffect[] =
    action === 'pause'
      ? notice(words.pausedByModerator(role), [targetId])
      : action === 'resume'
        ? notice(words.resumedNote(), [targetId])
        : [
            ...notice(words.removedByModerator(role), [targetId], help, ['talk']),
            { kind: 'removed', participantId: targetId },
          ];
  return { ok: true, room: next, status: wanted, effects };
}
