import { describe, expect, it } from 'vitest';
import {
  NUDGE_RUN,
  OFFER_EVERY,
  afterDelivered,
  silenceThreshold,
} from '../../../../server/rooms/policies/facilitation.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import { roomWith } from '../../../helpers/roomFixture.js';

function speak(room: RoomRecord, speakers: string[], text = 'a calm message') {
  const actions = [];
  for (const s of speakers) {
    const out = afterDelivered(room, s, text);
    const { recentSpeakers, sinceNudge, sinceOffer, quietFor, invited } = out;
    room = { ...room, ...out.offerCounters, recentSpeakers, sinceNudge, sinceOffer, quietFor, invited };
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

  it('does not count someone still preparing as quiet: they have not entered the conversation', () => {
    const preparing = {
      ...room,
      participants: room.participants.map((p) => (p.participantId === 'cat' ? { ...p, stage: 'prep' as const } : p)),
    };
    const actions = speak(preparing, Array(NUDGE_RUN).fill('ann'));
    expect(actions.map((a) => ('quiet' in a ? a.quiet : null))).not.toContain('cat');
    expect(afterDelivered(preparing, 'ann', 'a calm message').quietFor).not.toHaveProperty('cat');
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

describe('inviting in whoever has been silent for a while (every mode)', () => {
  const family = roomWith(
    [
      ['mum', 'host'],
      ['kai', 'participant'],
      ['lea', 'participant'],
      ['obs', 'observer'],
      ['med', 'mediator'],
    ],
    'round',
  );
  family.heat = 0.9; // not settled: keeps clause offers out of these cases
  const invites = (actions: { kind: string; quiet?: string }[]) => actions.filter((a) => a.kind === 'invite');
  /** Mum and Kai taking turns, Lea silent. */
  const talk = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? 'kai' : 'mum'));

  it('scales with the number of parties: twice as many, at least six', () => {
    expect(silenceThreshold(2)).toBe(6);
    expect(silenceThreshold(3)).toBe(6);
    expect(silenceThreshold(8)).toBe(16);
  });

  for (const mode of ['open', 'round', 'hand-raise', 'speaker-listener'] as const) {
    it(`${mode}: invites a sibling silent for ${silenceThreshold(3)} messages, by id, with the mode`, () => {
      const room = { ...family, mode, floor: { ...family.floor, holder: null, listener: null } };
      const actions = speak(room, talk(10));
      expect(invites(actions)).toEqual([{ after: 'kai', kind: 'invite', quiet: 'lea', mode }]);
    });
  }

  it('invites once per silence, and again after the person has spoken and gone quiet again', () => {
    const actions = speak(family, [...talk(10), 'lea', ...talk(10)]);
    expect(invites(actions).map((a) => a.quiet)).toEqual(['lea', 'lea']);
  });

  it('invites the one silent longest first', () => {
    // Kai spoke once, early; Lea never: Lea first, Kai once he is due and the room has had room to answer.
    const actions = speak(family, ['kai', ...Array(8).fill('mum')]);
    expect(invites(actions).map((a) => a.quiet)).toEqual(['lea', 'kai']);
  });

  it('never invites observers or mediators, however silent', () => {
    const actions = speak(family, Array(30).fill('mum'));
    for (const a of invites(actions)) expect(['kai', 'lea']).toContain(a.quiet);
  });

  it('counts a mediator’s messages as messages without the silent person', () => {
    expect(invites(speak(family, Array(6).fill('med')))).toHaveLength(1);
  });

  it('does not invite during a break', () => {
    const onBreak = { ...family, break: { startedAt: 0, endsAt: 1, requestedBy: 'mum' } };
    expect(invites(speak(onBreak, talk(12)))).toEqual([]);
  });

  it('does not invite the person who holds the floor', () => {
    const room = { ...family, floor: { ...family.floor, holder: 'lea' } };
    expect(invites(speak(room, talk(12)))).toEqual([]);
  });

  it('does not invite someone straight after a nudge named them (open mode)', () => {
    const open = { ...family, mode: 'open' as const };
    const actions = speak(open, Array(6).fill('mum'));
    expect(actions.map((a) => a.kind)).toEqual(['nudge']);
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

  const ask = 'Could you text me if plans change?';

  it(`offers drafts once the room is calm and someone asked for something, every ${OFFER_EVERY} messages`, () => {
    const actions = speak(
      calm,
      Array.from({ length: OFFER_EVERY * 2 }, (_, i) => (i % 2 ? 'ann' : 'ben')),
      ask,
    );
    expect(actions.filter((a) => a.kind === 'clause-offer')).toHaveLength(2);
  });

  it('does not offer when nobody has asked for anything concrete', () => {
    const actions = speak(
      calm,
      Array.from({ length: OFFER_EVERY * 2 }, (_, i) => (i % 2 ? 'ann' : 'ben')),
    );
    expect(actions.filter((a) => a.kind === 'clause-offer')).toEqual([]);
  });

  it('does not offer while the room is heated', () => {
    expect(
      speak(
        { ...calm, heat: 0.45 },
        Array.from({ length: OFFER_EVERY }, (_, i) => (i % 2 ? 'ann' : 'ben')),
        ask,
      ).filter((a) => a.kind === 'clause-offer'),
    ).toEqual([]);
  });

  it('does not offer when only one person has spoken', () => {
    expect(speak(calm, Array(OFFER_EVERY).fill('ann'), ask).filter((a) => a.kind === 'clause-offer')).toEqual([]);
  });
});
