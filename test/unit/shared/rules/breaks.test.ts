import { describe, expect, it } from 'vitest';
import { mayEndBreak, pauseFollowsMyHold } from '../../../../shared/rules/breaks.js';

const ann = { participantId: 'ann', role: 'host' as const };
const ben = { participantId: 'ben', role: 'participant' as const };
const med = { participantId: 'med', role: 'mediator' as const };
const obs = { participantId: 'obs', role: 'observer' as const };

describe('who may end a break early', () => {
  it('a break a person asked for: that person or a mediator', () => {
    const bens = { requestedBy: 'ben' };
    expect([ann, ben, med, obs].map((w) => mayEndBreak(bens, w))).toEqual([false, true, true, false]);
    const anns = { requestedBy: 'ann' };
    expect([ann, ben, med, obs].map((w) => mayEndBreak(anns, w))).toEqual([true, false, true, false]);
  });

  it('a break the facilitator called for heat: the host or a mediator', () => {
    const heat = { requestedBy: 'facilitator' };
    expect([ann, ben, med, obs].map((w) => mayEndBreak(heat, w))).toEqual([true, false, true, false]);
  });

  it('a safety pause: a mediator, or the host when the host’s message did not cause it', () => {
    const byAnn = { requestedBy: 'facilitator', safetyCausedBy: 'ann' };
    expect([ann, ben, med, obs].map((w) => mayEndBreak(byAnn, w))).toEqual([false, false, true, false]);
    const byBen = { requestedBy: 'facilitator', safetyCausedBy: 'ben' };
    expect([ann, ben, med, obs].map((w) => mayEndBreak(byBen, w))).toEqual([true, false, true, false]);
    const byMed = { requestedBy: 'facilitator', safetyCausedBy: 'med' };
    expect(mayEndBreak(byMed, med)).toBe(true);
  });

  it('a client knows a pause follows its own safety hold when it started within a minute of it', () => {
    const pause = { startedAt: 100_000, endsAt: 1_300_000, requestedBy: 'facilitator' };
    expect(pauseFollowsMyHold(pause, null)).toBe(false);
    expect(pauseFollowsMyHold(pause, 100_400)).toBe(true);
    expect(pauseFollowsMyHold(pause, 99_000)).toBe(true);
    expect(pauseFollowsMyHold(pause, 300_000)).toBe(false);
    expect(pauseFollowsMyHold({ ...pause, requestedBy: 'ben' }, 100_400)).toBe(false);
  });
});
