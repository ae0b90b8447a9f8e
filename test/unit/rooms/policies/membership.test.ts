import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../shared/protocol.js';
import { newParticipant, newRoom } from '../../../../server/rooms/newRoom.js';
import { mayJoin } from '../../../../shared/rules/membership.js';
import type { RoomKind, Role } from '../../../../shared/protocol.js';

function roomWith(kind: RoomKind, roles: Role[]) {
  const host = newParticipant('p0', 'Host', 'host', 0);
  const r = newRoom({ roomId: 'r', kind, host, now: 0, retentionMs: 1, heatThreshold: 0.5 });
  return {
    ...r,
    participants: [host, ...roles.map((role, i) => newParticipant(`p${i + 1}`, `P${i + 1}`, role, i + 1))],
  };
}

describe('mayJoin', () => {
  it('lets a second person into a couple room, and no third', () => {
    expect(mayJoin(roomWith('couple', []), 'participant')).toEqual({ ok: true });
    expect(mayJoin(roomWith('couple', ['participant']), 'participant')).toMatchObject({
      ok: false,
      code: 'conflict',
      message: expect.stringMatching(/for two people/),
    });
  });

  it('still lets a mediator or an observer into a full couple room', () => {
    expect(mayJoin(roomWith('couple', ['participant']), 'mediator')).toEqual({ ok: true });
    expect(mayJoin(roomWith('couple', ['participant']), 'observer')).toEqual({ ok: true });
  });

  it('caps family and workplace rooms at their size', () => {
    const full = Array.from({ length: LIMITS.partiesPerKind.family - 1 }, () => 'participant' as const);
    expect(mayJoin(roomWith('family', full.slice(1)), 'participant')).toEqual({ ok: true });
    expect(mayJoin(roomWith('family', full), 'participant')).toMatchObject({ ok: false, code: 'conflict' });
    expect(mayJoin(roomWith('workplace', full), 'participant')).toMatchObject({ ok: false, code: 'conflict' });
  });

  it('caps observers and mediators together', () => {
    const supporters = Array.from(
      { length: LIMITS.supportersPerRoom },
      (_, i) => (i % 2 ? 'observer' : 'mediator') as Role,
    );
    expect(mayJoin(roomWith('family', supporters.slice(1)), 'observer')).toEqual({ ok: true });
    expect(mayJoin(roomWith('family', supporters), 'mediator')).toMatchObject({ ok: false, code: 'conflict' });
    expect(mayJoin(roomWith('family', supporters), 'participant')).toEqual({ ok: true });
  });
});
