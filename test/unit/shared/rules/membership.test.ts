import { describe, expect, it } from 'vitest';
import { LIMITS, type Role, type RoomKind } from '../../../../shared/protocol.js';
import { mayInvite, mayJoin } from '../../../../shared/rules/membership.js';

/** The client's RoomView carries only kind and participants' roles for this: that is all the rule needs. */
const room = (kind: RoomKind, roles: Role[]) => ({ kind, participants: roles.map((role) => ({ role })) });

describe('shared room sizes', () => {
  it('offers no participant link once a couple has both joined, still an observer or a mediator', () => {
    expect(mayInvite(room('couple', ['host']), 'participant')).toBe(true);
    expect(mayInvite(room('couple', ['host', 'participant']), 'participant')).toBe(false);
    expect(mayInvite(room('couple', ['host', 'participant']), 'observer')).toBe(true);
    expect(mayInvite(room('couple', ['host', 'participant']), 'mediator')).toBe(true);
  });

  it('counts hosts and participants against the kind of room, and supporters against their own cap', () => {
    const family = Array.from({ length: LIMITS.partiesPerKind.family - 1 }, () => 'participant' as const);
    expect(mayJoin(room('family', ['host', ...family]), 'participant')).toMatchObject({ ok: false, code: 'conflict' });
    expect(mayJoin(room('family', ['host', ...family.slice(1)]), 'participant')).toEqual({ ok: true });
    const supporters = Array.from({ length: LIMITS.supportersPerRoom }, () => 'observer' as const);
    expect(mayJoin(room('workplace', ['host', ...supporters]), 'mediator')).toMatchObject({ ok: false });
    expect(mayJoin(room('workplace', ['host', ...supporters]), 'participant')).toEqual({ ok: true });
  });
});
