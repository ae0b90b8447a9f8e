import { isSafetyLabel, type Analysis } from '../../../shared/analysis.js';
import { parties } from '../../../shared/rules/floor.js';
import { analyze } from '../../analysis/index.js';
import { type Heard, listen } from '../../analysis/listening/index.js';
import { addressees } from '../messages/addressees.js';
import type { ListeningState, RoomRecord } from '../model.js';

/**
 * When the facilitator says back what someone said (a reflection) or thanks them for a repair attempt
 * (an acknowledgement), as a pure function of the room and the message just delivered. What it says is
 * the engine's job; this decides whether, and for whom.
 *
 * - Only for a message that carries a feeling, a need or a request (reflection) or an apology, taking
 *   responsibility or appreciation (acknowledgement).
 * - A reflection at most once per person every PERSON_GAP messages (FEELING_GAP for a feeling not yet said
 *   back), not right after another unless it carries a feeling, never twice for one thing said. A repair
 *   attempt is rarer and matters more: acknowledged even right after someone else was heard, once per
 *   person every ACK_GAP messages.
 * - Never for a message the analyzer would hold (one sent as written anyway), a threat or self-harm, or a
 *   disclosure of being hurt by or afraid of someone: safety comes first there, and a reflection would
 *   turn the room towards the other person's reply.
 * - No reflections in speaker-listener: saying back what the speaker said is the listener's part.
 */

/** Room messages between two reflections or acknowledgements of the same person. */
export const PERSON_GAP = 4;
/**
 * A feeling not yet said back is what people most need heard: it waits only FEELING_GAP messages after the
 * same person was last heard, and may follow someone else's reflection at once.
 */
export const FEELING_GAP = 2;
/** An acknowledgement needs fewer: a repair attempt is rare and worth answering. */
export const ACK_GAP = 2;
/** Room messages between any two (the facilitator does not answer every message). */
export const ROOM_GAP = 2;
/** How many things said back the room remembers per person. */
const REMEMBERED = 30;
/** Counters for a record that has none yet: everyone may be heard. */
const FRESH = 1_000;

export type ListeningAction =
  /** Say back `speaker`'s feeling, need or request from `text`, in their words. */
  | { kind: 'reflect'; speaker: string; text: string }
  /** Acknowledge the repair attempt in `speaker`'s `text`. */
  | { kind: 'acknowledge'; speaker: string; text: string };

export interface ListeningOutcome {
  listening: ListeningState;
  action: ListeningAction | null;
  /** The message discloses being hurt by or afraid of someone: nobody is invited to answer it. */
  disclosure: boolean;
  /** What was heard in the message (listen()), for the other policies that read it (offers: pain). */
  heard: Heard;
}

/**
 * What listen() heard in the text an action says back, kept by the action object for as long as it lives,
 * so that the engine wording the reflection or acknowledgement need not listen to the same text again.
 */
const heardFor = new WeakMap<ListeningAction, Heard>();

/** What the listening policy heard in the text of `action`, when it decided on it. */
export function heardIn(action: ListeningAction): Heard | undefined {
  return heardFor.get(action);
}

function saying(action: ListeningAction, heard: Heard): ListeningAction {
  heardFor.set(action, heard);
  return action;
}

/** What a reflection of `heard` would say back: the feelings, the first need, the first request. */
function reflectionKeys(heard: Heard): string[] {
  const keys = [
    ...heard.feelings.map((f) => `felt:${f.word}`),
    ...heard.needs.slice(0, 1).map((n) => `need:${n.need.toLowerCase()}`),
    ...heard.asks
      .filter((a) => a.who !== 'they')
      .slice(0, 1)
      .map((a) => `ask:${a.ask.toLowerCase()}`),
  ];
  // A painful moment told without a feeling word is said back too ("what I hear is that…").
  if (keys.length === 0 && heard.painSaid) keys.push(`pain:${heard.painSaid.toLowerCase()}`);
  return keys;
}

function repairKeys(heard: Heard): string[] {
  return heard.repairs.map((r) => `${r.kind}:${r.about.toLowerCase()}`);
}

/** What the analyzer said of the delivered text in its room, when the caller has it already. */
export type Verdict = Pick<Analysis, 'held' | 'labels'>;

/** Would the analyzer hold it, or does it carry a safety label (threat, self-harm) at any heat? */
function notToBeSaidBack(room: RoomRecord, speaker: string, text: string, known?: Verdict): boolean {
  if (known) return known.held || known.labels.some(isSafetyLabel);
  const others = room.participants.filter((p) => p.participantId !== speaker).map((p) => p.name);
  const analysis = analyze(text, {
    threshold: room.heatThreshold,
    context: { otherNames: addressees(room.kind, others) },
  });
  return analysis.held || analysis.labels.some(isSafetyLabel);
}

/** The counters after `speaker`'s message, before any action. */
function counted(room: RoomRecord, speaker: string): ListeningState {
  const before = room.listening;
  const sinceFor: Record<string, number> = {};
  for (const p of parties(room)) sinceFor[p.participantId] = (before?.sinceFor[p.participantId] ?? FRESH) + 1;
  if (!(speaker in sinceFor)) sinceFor[speaker] = (before?.sinceFor[speaker] ?? FRESH) + 1;
  return { since: (before?.since ?? FRESH) + 1, sinceFor, said: before?.said ?? {} };
}

function spoken(state: ListeningState, speaker: string, keys: string[]): ListeningState {
  const said = [...(state.said[speaker] ?? []), ...keys].slice(-REMEMBERED);
  return {
    since: 0,
    sinceFor: { ...state.sinceFor, [speaker]: 0 },
    said: { ...state.said, [speaker]: said },
  };
}

/**
 * Whether, after `speaker`'s message `text` was delivered to `room`, the facilitator reflects or acknowledges.
 * `known`: the analyzer's verdict on exactly this text with this room's threshold and names, when the
 * pipeline has it (it is not analysed twice).
 */
export function listeningAfter(room: RoomRecord, speaker: string, text: string, known?: Verdict): ListeningOutcome {
  const state = counted(room, speaker);
  const heard = listen(text);
  const none = { listening: state, action: null, disclosure: heard.disclosure, heard };
  if (room.break !== null || heard.disclosure) return none;
  const already = new Set(state.said[speaker] ?? []);
  const gap = state.sinceFor[speaker];

  const repairs = repairKeys(heard).filter((k) => !already.has(k));
  const reflect = reflectionKeys(heard).filter((k) => !already.has(k));
  const wantsAck = repairs.length > 0 && gap >= ACK_GAP;
  const newFeeling = reflect.some((k) => k.startsWith('felt:') || k.startsWith('pain:'));
  const wantsReflection =
    reflect.length > 0 &&
    room.mode !== 'speaker-listener' &&
    (newFeeling ? gap >= FEELING_GAP : gap >= PERSON_GAP && state.since >= ROOM_GAP);
  if (!wantsAck && !wantsReflection) return none;
  // The analyzer runs only when there is something to say back: most messages stop above.
  if (notToBeSaidBack(room, speaker, text, known)) return none;
  if (wantsAck)
    return {
      listening: spoken(state, speaker, repairs),
      action: saying({ kind: 'acknowledge', speaker, text }, heard),
      disclosure: false,
      heard,
    };
  return {
    listening: spoken(state, speaker, reflect),
    action: saying({ kind: 'reflect', speaker, text }, heard),
    disclosure: false,
    heard,
  };
}
