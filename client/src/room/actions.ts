import type { Ack, ClientToServerEvents } from '../../../shared/protocol.js';

export type RoomEvent = keyof ClientToServerEvents;
export type Payload<E extends RoomEvent> = Parameters<ClientToServerEvents[E]>[0];
export type AckOf<E extends RoomEvent> = Parameters<Parameters<ClientToServerEvents[E]>[1]>[0];

/**
 * The one place that says which socket event each room action emits. Payloads and acks come from
 * ClientToServerEvents, so a wrong payload or a misread ack is a type error at the call site.
 */
export const ACTION_EVENTS = {
  sendMessage: 'message:send',
  resolveHeld: 'message:resolve',
  history: 'history',
  requestFloor: 'floor:request',
  yieldFloor: 'floor:yield',
  grantFloor: 'floor:grant',
  confirmParaphrase: 'floor:confirm',
  setMode: 'room:mode',
  roomState: 'room:state',
  requestBreak: 'break:request',
  endBreak: 'break:end',
  sendPrep: 'prep:send',
  prepHistory: 'prep:history',
  shareFromPrep: 'prep:share',
  propose: 'agreement:propose',
  accept: 'agreement:accept',
  sign: 'agreement:sign',
  addTopic: 'agenda:add',
  moveTopic: 'agenda:move',
  closeTopic: 'agenda:close',
  chooseTopic: 'agenda:current',
  screening: 'screening:get',
  submitScreening: 'screening:submit',
  skipScreening: 'screening:skip',
  askSeparated: 'room:separate',
  proposeRelay: 'relay:propose',
  approveRelay: 'relay:approve',
  cancelRelay: 'relay:cancel',
  pauseParticipant: 'participant:pause',
  resumeParticipant: 'participant:resume',
  removeParticipant: 'participant:remove',
  askForSeparatedRoom: 'safety:separate',
  enter: 'room:enter',
  reviewClause: 'agreement:review',
  deletePrep: 'prep:delete',
  consoleState: 'console:state',
  sendCaucus: 'caucus:send',
  caucusHistory: 'caucus:history',
} as const satisfies Record<string, RoomEvent>;

export type ActionName = keyof typeof ACTION_EVENTS;
type EventOf<A extends ActionName> = (typeof ACTION_EVENTS)[A];

// Every client event has an action: a new event in the protocol fails here until it is mapped.
type Unmapped = Exclude<RoomEvent, EventOf<ActionName>>;
const everyEventMapped: [Unmapped] extends [never] ? true : Unmapped = true;
void everyEventMapped;

/** Events whose payload has no required field (floor:request, break:end…) may be called without one. */
type Action<E extends RoomEvent> =
  object extends Payload<E> ? (payload?: Payload<E>) => Promise<AckOf<E>> : (payload: Payload<E>) => Promise<AckOf<E>>;

export type RoomActions = { readonly [A in ActionName]: Action<EventOf<A>> };

/** Sends one event and resolves with its acknowledgement (a failure Ack when there is no answer). */
export type Emit = <E extends RoomEvent>(event: E, payload: Payload<E>) => Promise<AckOf<E>>;

export function createActions(emit: Emit): RoomActions {
  const actions: Record<string, (payload?: object) => Promise<unknown>> = {};
  for (const [name, event] of Object.entries(ACTION_EVENTS) as [ActionName, RoomEvent][]) {
    actions[name] = (payload = {}) => emit(event, payload as Payload<RoomEvent>);
  }
  return actions as unknown as RoomActions;
}

/** The failure every action resolves with while no connection exists (before the first connect). */
export const NOT_CONNECTED: Ack = {
  ok: false,
  error: { code: 'unavailable', message: 'You are not connected to the room yet. Please try again in a moment.' },
};
