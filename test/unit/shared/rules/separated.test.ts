import { describe, expect, it } from 'vitest';
import { isPublicEntry, isSeparated, mayRead, sideAudience, talksOnSide } from '../../../../shared/rules/separated.js';

const room = {
  separated: { since: 1, by: 'host' },
  participants: [
    { participantId: 'ann', role: 'host' as const },
    { participantId: 'ben', role: 'participant' as const },
    { participantId: 'olive', role: 'observer' as const },
    { participantId: 'mo', role: 'mediator' as const },
    { participantId: 'max', role: 'mediator' as const },
  ],
};

describe('who sees what in a separated room', () => {
  it('knows a separated room from its record and from its view', () => {
    expect(isSeparated(room)).toBe(true);
    expect(isSeparated({ separated: true })).toBe(true);
    expect(isSeparated({})).toBe(false);
  });

  it('puts the people taking part on their own side; observers and mediators are not on a side', () => {
    expect(talksOnSide(room, 'host')).toBe(true);
    expect(talksOnSide(room, 'participant')).toBe(true);
    expect(talksOnSide(room, 'mediator')).toBe(false);
    expect(talksOnSide(room, 'observer')).toBe(false);
    expect(talksOnSide({}, 'participant')).toBe(false);
  });

  it("shows a party's side to them and the mediators only: never the other party or an observer", () => {
    const side = sideAudience(room, 'ben');
    expect(side).toEqual(['ben', 'mo', 'max']);
    expect(side).not.toContain('ann');
    expect(side).not.toContain('olive');
    expect(mayRead({ visibleTo: side }, 'ann')).toBe(false);
    expect(mayRead({ visibleTo: side }, 'olive')).toBe(false);
    expect(mayRead({ visibleTo: side }, 'mo')).toBe(true);
    expect(mayRead({}, 'olive')).toBe(true);
  });

  it('lets only what everyone saw feed the room', () => {
    expect(isPublicEntry({})).toBe(true);
    expect(isPublicEntry({ visibleTo: ['ben'] })).toBe(false);
  });
});
