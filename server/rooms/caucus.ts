import type { CaucusMessage } from '../../shared/protocol.js';
import { AppError } from '../errors.js';
import { newId } from './ids.js';
import type { Identity } from './model.js';
import { caucusKey, caucusPair, withCaucusLine } from './policies/caucus.js';
import type { RoomWork } from './work.js';

/**
 * A caucus: a mediator talks privately with one person, as mediators hold them. The lines stay on the room
 * record (never its log), go to those two people's connections only, and are not tone-checked: the
 * mediator is there to hear what the person cannot say in the room yet.
 */
export async function sendCaucus(
  work: RoomWork,
  who: Identity,
  toId: string,
  text: string,
): Promise<{ message: CaucusMessage }> {
  const at = work.deps.now();
  const { result: message } = await work.change(who.roomId, (r) => {
    const pair = caucusPair(r, who.participantId, toId);
    if (!pair.ok) throw new AppError(pair.code, pair.message);
    const line: CaucusMessage = {
      id: newId('c'),
      mediator: pair.mediator,
      with: pair.with,
      from: who.participantId,
      text,
      at,
    };
    return { room: withCaucusLine(r, line), result: line };
  });
  work.deps.broadcast.caucus?.(who.roomId, message);
  return { message };
}

/** The caucus between the asker and one other person (either end may read it; nobody else). */
export async function caucusHistory(
  work: RoomWork,
  who: Identity,
  otherId: string,
): Promise<{ messages: CaucusMessage[] }> {
  const room = await work.room(who.roomId);
  const pair = caucusPair(room, who.participantId, otherId);
  if (!pair.ok) throw new AppError(pair.code, pair.message);
  return { messages: room.caucus?.[caucusKey(pair.mediator, pair.with)] ?? [] };
}
