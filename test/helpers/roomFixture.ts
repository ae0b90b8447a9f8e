import { newParticipant, newRoom } from '../../server/rooms/newRoom.js';
import type { RoomRecord } from '../../server/rooms/model.js';
import type { Role, TurnMode } from '../../shared/protocol.js';

/**
 * A room record with the people named, joined one millisecond apart in the order given, every one of them in
 * the joint conversation already (out of preparation).
 */
export function roomWith(people: [id: string, role: Role][], mode: TurnMode = 'open'): RoomRecord {
  const [first, ...rest] = people;
  const room = newRoom({
    roomId: 'r_test',
    kind: 'family',
    mode,
    host: newParticipant(first[0], first[0], first[1], 1),
    now: 0,
    retentionMs: 1_000_000,
    heatThreshold: 0.5,
  });
  rest.forEach(([id, role], i) => room.participants.push(newParticipant(id, id, role, i + 2)));
  room.participants = room.participants.map((p) => ({ ...p, stage: 'joint' }));
  return room;
}
