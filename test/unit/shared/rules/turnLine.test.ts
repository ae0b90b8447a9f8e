import { describe, expect, it } from 'vitest';
import type { TurnMode } from '../../../../shared/protocol.js';
import { turnLine, type TurnLineRoom } from '../../../../shared/rules/turnLine.js';

const people = [
  { participantId: 'ann', role: 'host' as const, name: 'Ann' },
  { participantId: 'ben', role: 'participant' as const, name: 'Ben' },
  { participantId: 'cleo', role: 'participant' as const, name: 'Cleo' },
  { participantId: 'mo', role: 'mediator' as const, name: 'Mo' },
];

function room(mode: TurnMode, floor: Partial<TurnLineRoom['floor']>, stages: Record<string, 'prep'> = {}) {
  return {
    mode,
    floor: { holder: null, queue: [], ...floor },
    participants: people.map((p) => ({ ...p, stage: stages[p.participantId] ?? ('joint' as const) })),
  };
}

describe('the one line about turns', () => {
  it('says nothing in an open room', () => {
    expect(turnLine(room('open', {}), 'ann')).toBeNull();
  });

  it('round: whose turn, the order, and "you are next" for the next person', () => {
    const r = room('round', { holder: 'ann' });
    expect(turnLine(r, 'ann')).toEqual({
      now: 'It is your turn. Write when you are ready, then pass it on.',
      order: 'Order: you → Ben → Cleo.',
      yours: true,
    });
    expect(turnLine(r, 'ben')).toEqual({
      now: 'It is Ann’s turn. You are next.',
      order: 'Order: Ann → you → Cleo.',
      yours: false,
    });
    expect(turnLine(r, 'cleo')?.now).toBe('It is Ann’s turn. Your turn comes in order.');
    expect(turnLine(r, 'mo')).toEqual({ now: 'It is Ann’s turn.', order: 'Order: Ann → Ben → Cleo.', yours: false });
  });

  it('round: someone still preparing is not in the order, and is told so', () => {
    const r = room('round', { holder: 'ben' }, { ann: 'prep' });
    expect(turnLine(r, 'ben')?.order).toBe('Order: you → Cleo.');
    expect(turnLine(r, 'ann')).toEqual({
      now: 'You are still preparing. Turns start for you when you enter the conversation.',
      yours: false,
    });
  });

  it('hand-raise: one answer for the holder, a raised hand, and everyone else', () => {
    const r = room('hand-raise', { holder: 'ann', queue: ['ben'] });
    expect(turnLine(r, 'ann')).toEqual({
      now: 'You have the floor. Write, then pass it on when you are done.',
      order: 'Hands raised: Ben.',
      yours: true,
    });
    expect(turnLine(r, 'ben')?.now).toBe('Ann has the floor. Your hand is raised, and the floor will come to you.');
    expect(turnLine(r, 'cleo')?.now).toBe('Ann has the floor. Raise your hand to speak next.');
    expect(turnLine(room('hand-raise', {}), 'cleo')?.now).toBe('No one has the floor. Raise your hand to speak.');
  });

  it('speaker-listener: whose move it is, for the pair and for others', () => {
    const r = (stage: 'speaking' | 'paraphrasing' | 'confirming') =>
      room('speaker-listener', { holder: 'ann', listener: 'ben', stage });
    expect(turnLine(r('speaking'), 'ann')).toMatchObject({ yours: true });
    expect(turnLine(r('speaking'), 'ben')).toEqual({ now: 'Ann is speaking; you are listening.', yours: false });
    expect(turnLine(r('paraphrasing'), 'ben')).toEqual({
      now: 'Your turn to say back what you heard Ann say, in your own words.',
      yours: true,
    });
    expect(turnLine(r('confirming'), 'ann')?.now).toBe(
      'Ben said back what they heard: your turn to say whether it is right.',
    );
    expect(turnLine(r('speaking'), 'cleo')?.now).toBe('Ann is speaking and Ben is listening.');
  });
});
