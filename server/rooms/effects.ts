import type { FacilitatorKind, HelpLink, SafetyChoice, TurnMode } from '../../shared/protocol.js';
import type { FacilitatorVoice } from './facilitatorVoice.js';
import type { RoomRecord } from './model.js';
import type { RoomBroadcaster, RoomClock } from './ports.js';
import type { FacilitatorAction } from './policies/facilitation.js';

/** What the facilitator says after a change: the words come from the engine when it is carried out. */
export type FacilitatorLine =
  | { say: 'welcome' }
  | { say: 'breakStarted'; minutes: number; by: string }
  | { say: 'recap' }
  | { say: 'modeChanged'; mode: TurnMode }
  | { say: 'action'; action: FacilitatorAction }
  /** The agenda is read out (rooms/agenda.ts). */
  | { say: 'agendaOpened' }
  /** The room moves on from topic `settled` (closed, or turned into a clause) to `next` (ids; null: none). */
  | { say: 'topicChanged'; settled: string | null; how: 'closed' | 'clause'; next: string | null }
  /** Fixed words, e.g. a safety notice to some people only, with where to get help and what they can do. */
  | {
      say: 'text';
      kind: FacilitatorKind;
      text: string;
      visibleTo?: string[];
      help?: HelpLink[];
      choices?: SafetyChoice[];
    };

/**
 * What follows a room's unit of work, as data: the change (a pure function, see RoomService.change)
 * decides what should happen next, and one place (carryOut) does it, in order, with the room as it
 * was after the change.
 */
export type RoomEffect =
  /** Re-arm the room's timer from its stored deadlines. */
  | { kind: 'armClock' }
  /** Publish the room's state (something people see changed). */
  | { kind: 'broadcastState' }
  | { kind: 'facilitator'; line: FacilitatorLine }
  /** The facilitator calls a break: for heat, or a safety pause after `safetyCausedBy`'s message was held. */
  | { kind: 'break'; safetyCausedBy?: string }
  /** `participantId` left the joint session: their screens stop getting the room (they keep preparation). */
  | { kind: 'removed'; participantId: string }
  /** `participantId` is back in the joint session: their screens get the room again. */
  | { kind: 'readmitted'; participantId: string };

/** After a change that wrote the room: re-arm its timer, and publish it when people would see a difference. */
export function stateEffects(visiblyChanged: boolean): RoomEffect[] {
  return visiblyChanged ? [{ kind: 'armClock' }, { kind: 'broadcastState' }] : [{ kind: 'armClock' }];
}

export const facilitator = (line: FacilitatorLine): RoomEffect => ({ kind: 'facilitator', line });

export interface EffectDeps {
  clock: RoomClock;
  broadcast: RoomBroadcaster;
  voice: FacilitatorVoice;
  /** Starts a break called by the facilitator (the room service's break flow, which speaks itself). */
  callBreak: (roomId: string, safetyCausedBy?: string) => Promise<unknown>;
  /** Delivered words that may bring a topic to the agenda (the agenda's own update, rooms/agenda.ts). */
  hearForAgenda: (roomId: string, from: string, text: string, shared: boolean) => Promise<unknown>;
  /** Closes someone's agreement document connections (taken out of the joint session: they may reconnect to read). */
  dropFromAgreement?: (roomId: string, participantId: string) => Promise<void>;
}

/** Carries out effects one after another; the only place that makes the facilitator speak. */
export async function carryOut(deps: EffectDeps, room: RoomRecord, effects: readonly RoomEffect[]): Promise<void> {
  for (const effect of effects) {
    if (effect.kind === 'armClock') deps.clock.sync(room);
    else if (effect.kind === 'broadcastState') deps.broadcast.state(room);
    else if (effect.kind === 'break') await deps.callBreak(room.roomId, effect.safetyCausedBy);
    else if (effect.kind === 'removed') {
      deps.broadcast.removed(room, effect.participantId);
      await deps.dropFromAgreement?.(room.roomId, effect.participantId);
    } else if (effect.kind === 'readmitted') deps.broadcast.readmitted?.(room, effect.participantId);
    else if (effect.line.say === 'action' && effect.line.action.kind === 'agenda-words') {
      const { from, text, shared } = effect.line.action;
      await deps.hearForAgenda(room.roomId, from, text, shared);
    } else await speak(deps.voice, room, effect.line);
  }
}

async function speak(voice: FacilitatorVoice, room: RoomRecord, line: FacilitatorLine): Promise<void> {
  switch (line.say) {
    case 'welcome':
      return voice.welcome(room);
    case 'breakStarted':
      return voice.breakStarted(room, line.minutes, line.by);
    case 'recap':
      return voice.recap(room);
    case 'modeChanged':
      return voice.modeChanged(room, line.mode);
    case 'action':
      return voice.act(room, line.action);
    case 'agendaOpened':
      return voice.agendaOpened(room);
    case 'topicChanged':
      return voice.topicChanged(room, line.settled, line.how, line.next);
    case 'text': {
      const { visibleTo, help, choices } = line;
      return voice.say(room, line.kind, line.text, {
        ...(visibleTo ? { visibleTo } : {}),
        ...(help ? { help } : {}),
        ...(choices ? { choices } : {}),
      });
    }
  }
}
