import type { AgendaView } from '../../shared/protocol.js';
import { addTopic, checkAdd, chooseTopic, mayChangeAgenda, moveTopic, settleTopic } from '../../shared/rules/agenda.js';
import { analyze } from '../analysis/index.js';
import { AppError } from '../errors.js';
import { facilitator, type RoomEffect } from './effects.js';
import type { AgendaRecord, Identity, RoomRecord } from './model.js';
import { emptyAgenda, newTopic, openAgenda, settleByClauses, takeWords, type Calm } from './policies/agenda.js';
import { agendaView } from './view.js';
import type { RoomWork } from './work.js';

/**
 * The room's agenda: opened with the joint session from what people shared, fed by their first words,
 * shaped by the host or a mediator (add, move, close, choose), and moved on when a topic is closed or
 * becomes a clause. Every change is one atomic update of the room (RoomWork.change) with the pure rules
 * of shared/rules/agenda.ts and policies/agenda.ts; what the facilitator says follows as effects.
 */

/**
 * Words go on the agenda, for everyone to read, only as calm as a message would have to be. A title is
 * judged as it is read, inside a sentence: alone, a word like "Chores" looks to the analyzer like a name
 * called at someone.
 */
function calmIn(room: RoomRecord): Calm {
  return (title) =>
    !analyze(`We need to talk about ${title}.`, { threshold: room.heatThreshold, safetyModel: false }).held;
}

const opened = (): RoomEffect => facilitator({ say: 'agendaOpened' });

/** The joint session has started: the agenda opens from the points people shared, read out when it has any. */
export async function open(work: RoomWork, roomId: string): Promise<void> {
  const { room, result: announce } = await work.change(roomId, (r) => {
    if (r.agenda || r.phase !== 'joint') return { result: false };
    const out = openAgenda(r, calmIn(r));
    return { room: { ...r, agenda: out.agenda }, result: out.announce };
  });
  if (announce) await work.carryOut(room, [opened()]);
}

/** `from`'s words were delivered and may bring a topic (policies/agenda.ts agendaHears decided so). */
export async function hear(work: RoomWork, roomId: string, from: string, text: string, shared: boolean) {
  const { room, result: announce } = await work.change(roomId, (r) => {
    if (!r.agenda) return { result: false };
    const out = takeWords(r, from, text, shared, calmIn(r));
    return { room: { ...r, agenda: out.agenda }, result: out.announce };
  });
  if (announce) await work.carryOut(room, [opened()]);
}

function mustShape(who: Identity): void {
  const may = mayChangeAgenda(who.role);
  if (!may.ok) throw new AppError(may.code, may.message);
}

/** The agenda the host or a mediator may change: from the joint session until the agreement is final. */
function shapeable(room: RoomRecord): AgendaRecord {
  if (room.phase === 'prep') throw new AppError('not_allowed', 'The agenda opens when the joint conversation starts.');
  if (room.phase === 'final') throw new AppError('not_allowed', 'The agreement is signed; the agenda is closed.');
  return room.agenda ?? emptyAgenda();
}

function fail(refusal: { code: AppError['code']; message: string }): never {
  throw new AppError(refusal.code, refusal.message);
}

type Outcome<T> = { agenda: AgendaRecord; effects: RoomEffect[]; value: T } | null;

/** One change of the agenda by the host or a mediator; null from `decide`: nothing changed. */
async function shape<T>(
  work: RoomWork,
  who: Identity,
  decide: (agenda: AgendaRecord, room: RoomRecord) => Outcome<T>,
  unchanged: T,
): Promise<T & { agenda: AgendaView }> {
  mustShape(who);
  const { room, result } = await work.change(who.roomId, (r) => {
    const out = decide(shapeable(r), r);
    if (!out) return { result: { effects: [] as RoomEffect[], value: unchanged } };
    return { room: { ...r, agenda: out.agenda }, result: { effects: out.effects, value: out.value } };
  });
  await work.carryOut(room, result.effects);
  return { ...result.value, agenda: agendaView(room.agenda ?? emptyAgenda()) };
}

const topicChanged = (settled: string | null, next: string | null, how: 'closed' | 'clause' = 'closed') =>
  facilitator({ say: 'topicChanged', settled, how, next });

/** Adds a topic by hand (at the end). The first one read out opens the agenda; one alone becomes current. */
export function add(work: RoomWork, who: Identity, title: string): Promise<{ topicId: string; agenda: AgendaView }> {
  return shape(
    work,
    who,
    (agenda, room) => {
      const checked = checkAdd(agenda, title);
      if (!checked.ok) fail(checked);
      if (!calmIn(room)(checked.title)) {
        fail({
          code: 'not_allowed',
          message: 'That topic could land hard as it is written. Could you name the situation in a few calm words?',
        });
      }
      const topic = newTopic(agenda, checked.title, null);
      const next: AgendaRecord = { ...addTopic(agenda, topic), added: agenda.added + 1, announced: true };
      const effects = !agenda.announced ? [opened()] : agenda.current === null ? [topicChanged(null, topic.id)] : [];
      return { agenda: next, effects, value: { topicId: topic.id } };
    },
    { topicId: '' },
  );
}

/** Moves a topic to another place in the order; the current topic stays current. */
export function move(work: RoomWork, who: Identity, topicId: string, toIndex: number): Promise<{ agenda: AgendaView }> {
  return shape(
    work,
    who,
    (agenda) => {
      const out = moveTopic(agenda, topicId, toIndex);
      if (!out.ok) fail(out);
      return out.changed ? { agenda: out.agenda, effects: [], value: {} } : null;
    },
    {},
  );
}

/** Closes a topic; when it was the current one, the facilitator names the next (or says the agenda is done). */
export function close(work: RoomWork, who: Identity, topicId: string): Promise<{ agenda: AgendaView }> {
  return shape(
    work,
    who,
    (agenda) => {
      const out = settleTopic(agenda, topicId, 'closed');
      if (!out.ok) fail(out);
      if (!out.changed) return null;
      const wasCurrent = agenda.current === topicId;
      const effects = wasCurrent && agenda.announced ? [topicChanged(topicId, out.agenda.current)] : [];
      return { agenda: out.agenda, effects, value: {} };
    },
    {},
  );
}

/** Makes an open topic the current one; the facilitator turns the room to it. */
export function choose(work: RoomWork, who: Identity, topicId: string): Promise<{ agenda: AgendaView }> {
  return shape(
    work,
    who,
    (agenda) => {
      const out = chooseTopic(agenda, topicId);
      if (!out.ok) fail(out);
      if (!out.changed) return null;
      return { agenda: { ...out.agenda, announced: true }, effects: [topicChanged(null, topicId)], value: {} };
    },
    {},
  );
}

/**
 * The agenda after the agreement's clauses changed (pure; called inside agreementPhase's update): topics a
 * clause now covers become `clause`, and when the current one did, the facilitator names the next.
 */
export function afterClauses(
  room: RoomRecord,
  clauses: readonly { id: string; text: string }[],
): { agenda: AgendaRecord; effects: RoomEffect[] } | null {
  if (!room.agenda || room.phase === 'final') return null;
  const out = settleByClauses(room.agenda, clauses);
  if (!out) return null;
  const effects =
    out.moved && room.agenda.announced ? [topicChanged(out.moved.closed.id, out.moved.next?.id ?? null, 'clause')] : [];
  return { agenda: out.agenda, effects };
}
