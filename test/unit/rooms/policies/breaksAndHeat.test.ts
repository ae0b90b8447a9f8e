import { describe, expect, it } from 'vitest';
import { phaseAfterAgreement } from '../../../../server/rooms/policies/phase.js';
import { breakIsOver, breakView, endBreak, isOnBreak, startBreak } from '../../../../server/rooms/policies/breaks.js';
import { HOT_STREAK_FOR_BREAK, applyHeat, isSettled, nextHeat } from '../../../../server/rooms/policies/heat.js';
import { nextDeadline } from '../../../../server/rooms/timers.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const people = roomWith([
  ['ann', 'host'],
  ['ben', 'participant'],
  ['obs', 'observer'],
  ['med', 'mediator'],
]);

describe('breaks', () => {
  it('anyone in the conversation (or the facilitator) starts one; observers cannot', () => {
    expect(startBreak(people, 'ben', 20, 1000)).toMatchObject({
      ok: true,
      changed: true,
      break: { startedAt: 1000, endsAt: 1000 + 20 * 60_000, requestedBy: 'ben' },
    });
    expect(startBreak(people, 'facilitator', 5, 0)).toMatchObject({ ok: true, changed: true });
    expect(startBreak(people, 'obs', 20, 0)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('asking again during a break keeps the running break', () => {
    const running = { ...people, break: { startedAt: 0, endsAt: 60_000, requestedBy: 'ann' } };
    expect(startBreak(running, 'ben', 5, 1000)).toMatchObject({ ok: true, changed: false, break: running.break });
  });

  it('a break someone asked for is ended early only by them or a mediator', () => {
    const bens = { ...people, break: { startedAt: 0, endsAt: 60_000, requestedBy: 'ben' } };
    expect(endBreak(bens, 'ben')).toMatchObject({ ok: true, break: null });
    expect(endBreak(bens, 'med')).toMatchObject({ ok: true });
    const refused = endBreak(bens, 'ann');
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(refused.ok ? '' : refused.message).toMatch(/asked for by ben; they or a mediator can end it early/i);
    expect(endBreak(bens, 'obs')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(endBreak(people, 'ann')).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('a heat break: the host or a mediator; a safety pause: not the host whose message caused it', () => {
    const heat = { ...people, break: { startedAt: 0, endsAt: 60_000, requestedBy: 'facilitator' } };
    expect(endBreak(heat, 'ann')).toMatchObject({ ok: true });
    expect(endBreak(heat, 'med')).toMatchObject({ ok: true });
    expect(endBreak(heat, 'ben')).toMatchObject({ ok: false, code: 'forbidden' });
    const byAnn = { ...people, break: { ...heat.break, safetyCausedBy: 'ann' } };
    const refused = endBreak(byAnn, 'ann');
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(refused.ok ? '' : refused.message).toMatch(/a mediator can end it early/);
    expect(endBreak(byAnn, 'med')).toMatchObject({ ok: true });
    // Ben is told the same words whatever caused the pause: they do not say whose message it was.
    const guestHeat = endBreak(heat, 'ben');
    const guestSafety = endBreak(byAnn, 'ben');
    expect(guestSafety).toEqual(guestHeat);
    const byBen = { ...people, break: { ...heat.break, safetyCausedBy: 'ben' } };
    expect(endBreak(byBen, 'ann')).toMatchObject({ ok: true });
    expect(endBreak(byBen, 'ben')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('a safety pause keeps whose message caused it, and what people see leaves it out', () => {
    const out = startBreak(people, 'facilitator', 20, 0, 'ben');
    expect(out).toMatchObject({ ok: true, break: { requestedBy: 'facilitator', safetyCausedBy: 'ben' } });
    expect(breakView(out.ok ? out.break : null)).toEqual({
      startedAt: 0,
      endsAt: 20 * 60_000,
      requestedBy: 'facilitator',
    });
    // Only a break the facilitator calls can be a safety pause.
    expect(startBreak(people, 'ann', 20, 0, 'ben')).toMatchObject({ ok: true, break: { requestedBy: 'ann' } });
    expect(JSON.stringify(startBreak(people, 'ann', 20, 0, 'ben'))).not.toContain('safetyCausedBy');
  });

  it('is over at its end time', () => {
    const running = { break: { startedAt: 0, endsAt: 60_000, requestedBy: 'ann' } };
    expect(isOnBreak(running, 59_999)).toBe(true);
    expect(breakIsOver(running, 59_999)).toBe(false);
    expect(isOnBreak(running, 60_000)).toBe(false);
    expect(breakIsOver(running, 60_000)).toBe(true);
  });

  it('the next deadline is the earlier of break end and floor expiry', () => {
    expect(nextDeadline({ break: null, floor: { ...people.floor, expiresAt: null } })).toBeNull();
    expect(
      nextDeadline({
        break: { startedAt: 0, endsAt: 500, requestedBy: 'x' },
        floor: { ...people.floor, expiresAt: 900 },
      }),
    ).toBe(500);
    expect(nextDeadline({ break: null, floor: { ...people.floor, expiresAt: 900 } })).toBe(900);
  });
});

describe('room heat', () => {
  it('is a moving average that rises with heated messages and falls with calm ones', () => {
    const up = nextHeat(0, 1);
    expect(up).toBeGreaterThan(0);
    expect(up).toBeLessThan(1);
    expect(nextHeat(up, 0)).toBeLessThan(up);
  });

  it('calls a break after a few heated messages in a row, not after one', () => {
    let room = { heat: 0, hotStreak: 0, heatThreshold: 0.5, break: null };
    const calls: boolean[] = [];
    const streaks: number[] = [];
    for (let i = 0; i < HOT_STREAK_FOR_BREAK + 2; i++) {
      const out = applyHeat(room, 0.9);
      calls.push(out.callBreak);
      streaks.push(out.hotStreak);
      room = { ...room, heat: out.heat, hotStreak: out.hotStreak };
    }
    // A break exactly once the streak of hot messages is long enough (none is running yet), not before.
    expect(calls).toEqual(streaks.map((streak) => streak >= HOT_STREAK_FOR_BREAK));
    expect(calls[0]).toBe(false);
    expect(calls.at(-1)).toBe(true);
  });

  it('resets the streak on a calm message and never calls a break during one', () => {
    const hot = { heat: 0.9, hotStreak: 5, heatThreshold: 0.5, break: null };
    let room = hot;
    for (let i = 0; i < 3; i++) room = { ...room, ...applyHeat(room, 0) };
    expect(room.heat).toBeLessThan(0.4);
    expect(room.hotStreak).toBe(0);
    expect(applyHeat({ ...hot, break: { startedAt: 0, endsAt: 1, requestedBy: 'x' } }, 1).callBreak).toBe(false);
  });

  it('is settled when well below the threshold', () => {
    expect(isSettled({ heat: 0.1, heatThreshold: 0.5 })).toBe(true);
    expect(isSettled({ heat: 0.4, heatThreshold: 0.5 })).toBe(false);
  });
});

describe('room phase from the agreement', () => {
  const clause = { id: 'c', text: 't', proposedBy: 'a', status: 'proposed' as const, acceptedBy: [] };
  it('opens the agreement phase with the first clause and ends with every signature', () => {
    expect(phaseAfterAgreement('joint', { clauses: [], final: false })).toBe('joint');
    expect(phaseAfterAgreement('joint', { clauses: [clause], final: false })).toBe('agreement');
    expect(phaseAfterAgreement('prep', { clauses: [clause], final: false })).toBe('agreement');
    expect(phaseAfterAgreement('agreement', { clauses: [clause], final: true })).toBe('final');
  });
});
