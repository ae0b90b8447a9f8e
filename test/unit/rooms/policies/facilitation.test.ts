import { describe, expect, it } from 'vitest';
import { NUDGE_RUN, OFFER_EVERY, afterDelivered } from '../../../../server/rooms/policies/facilitation.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import { roomWith } from '../../../helpers/roomFixture.js';

function speak(room: RoomRecord, speakers: string[]) {
  const actions = [];
  for (const s of speakers) {
    const out = afterDelivered(room, s);
    room = { ...room, recentSpeakers: out.recentSpeakers, sinceNudge: out.sinceNudge, sinceOffer: out.sinceOffer };
    actions.push(...out.actions.map((a) => ({ after: s, ...a })));
  }
  return actions;
}

describe('fairness nudges (open mode)', () => {
  const room = roomWith(
    [
      ['ann', 'host'],
      ['ben', 'participant'],
      ['cat', 'participant'],
    ],
    'open',
  );
  room.heat = 0.9; // not settled: keeps clause offers out of these cases
  room.participants = room.participants.map((p) =>
    p.participantId === 'cat' ? { ...p, chars: 0 } : { ...p, chars: 200 },
  );

  it(`invites the quietest after ${NUDGE_RUN} messages in a row from one person`, () => {
    const actions = speak(room, Array(NUDGE_RUN).fill('ann'));
    expect(actions).toEqual([{ after: 'ann', kind: 'nudge', dominant: 'ann', quiet: 'cat' }]);
  });

  it('says nothing while people take turns', () => {
    expect(speak(room, ['ann', 'ben', 'ann', 'ben', 'ann', 'cat', 'ann'])).toEqual([]);
  });

  it('does not nudge again straight away', () => {
    expect(speak(room, Array(NUDGE_RUN + 2).fill('ann')).filter((a) => a.kind === 'nudge')).toHaveLength(1);
  });

  it('does not nudge in other modes', () => {
    expect(speak({ ...room, mode: 'round' }, Array(NUDGE_RUN).fill('ann'))).toEqual([]);
  });
});

describe('clause offers', () => {
  const calm = roomWith(
    [
      ['ann', 'host'],
      ['ben', 'participant'],
    ],
    'round',
  );

  it(`offers drafts once the room is calm, every ${OFFER_EVERY} messages`, () => {
    const actions = speak(
      calm,
      Array.from({ length: OFFER_EVERY * 2 }, (_, i) => (i % 2 ? 'ann' : 'ben')),
    );
    expect(actions.filter((a) => a.kind === 'clause-offer')).toHaveLength(2);
  });

  it('does not offer while the room is heated', () => {
    expect(
      speak(
        { ...calm, heat: 0.45 },
        Array.from({ length: OFFER_EVERY }, (_, i) => (i % 2 ? 'ann' : 'ben')),
      ),
    ).toEqual([]);
  });

  it('does not offer when only one person has spoken', () => {
    expect(speak(calm, Array(OFFER_EVERY).fill('ann')).filter((a) => a.kind === 'clause-offer')).toEqual([]);
  });
});
