import { describe, expect, it } from 'vitest';
import type { RoomView, TurnMode } from '../../../../shared/protocol.js';
import { canSpeak, isModerator, isParty, parties, type TurnRoom } from '../../../../shared/rules/floor.js';

const people = [
  { participantId: 'ann', role: 'host' as const },
  { participantId: 'ben', role: 'participant' as const },
  { participantId: 'obs', role: 'observer' as const },
  { participantId: 'med', role: 'mediator' as const },
];

/** The client's shape: a RoomView, whose floor may leave listener and stage out. */
function view(mode: TurnMode, floor: RoomView['floor']): RoomView {
  return {
    roomId: 'r',
    title: '',
    kind: 'couple',
    mode,
    phase: 'joint',
    participants: people.map((p) => ({ ...p, name: p.participantId, online: true })),
    floor,
    break: null,
    heat: 0,
  };
}

/** The server's shape: every floor field present, null when unused. */
function record(mode: TurnMode, floor: Partial<TurnRoom['floor']>): TurnRoom {
  return { mode, participants: people, floor: { holder: null, listener: null, stage: null, ...floor } };
}

describe('shared turn rules', () => {
  it('lets anyone taking part speak in open mode, never an observer, always a mediator', () => {
    const v = view('open', { holder: null, queue: [] });
    expect(canSpeak(v, 'ann').ok).toBe(true);
    expect(canSpeak(v, 'obs')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canSpeak(view('round', { holder: 'ann', queue: [] }), 'med').ok).toBe(true);
    expect(canSpeak(v, 'stranger')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('gives the floor holder the word in round and hand-raise, with the reason for the others', () => {
    expect(canSpeak(view('round', { holder: 'ann', queue: [] }), 'ann').ok).toBe(true);
    expect(canSpeak(view('round', { holder: 'ann', queue: [] }), 'ben')).toMatchObject({
      ok: false,
      code: 'not_your_turn',
      message: expect.stringMatching(/in order/),
    });
    expect(canSpeak(view('hand-raise', { holder: 'ann', queue: [] }), 'ben')).toMatchObject({
      message: expect.stringMatching(/Raise your hand and the floor will come to you/),
    });
    expect(canSpeak(view('hand-raise', { holder: null, queue: [] }), 'ben')).toMatchObject({
      message: expect.stringMatching(/No one has the floor yet/),
    });
  });

  it('follows speaker-listener stages', () => {
    const speaking = { holder: 'ann', listener: 'ben', stage: 'speaking' as const };
    const paraphrasing = { ...speaking, stage: 'paraphrasing' as const };
    expect(canSpeak(record('speaker-listener', speaking), 'ann').ok).toBe(true);
    expect(canSpeak(record('speaker-listener', speaking), 'ben')).toMatchObject({ code: 'not_your_turn' });
    expect(canSpeak(record('speaker-listener', paraphrasing), 'ben').ok).toBe(true);
    expect(canSpeak(record('speaker-listener', paraphrasing), 'ann')).toMatchObject({ code: 'not_your_turn' });
    // Alone in the room, the speaker needs no listener yet.
    expect(canSpeak(record('speaker-listener', { holder: 'ann' }), 'ann').ok).toBe(true);
  });

  it('answers the same for the view and for the record', () => {
    const floors = [
      { holder: null },
      { holder: 'ann' },
      { holder: 'ann', listener: 'ben', stage: 'speaking' as const },
      { holder: 'ann', listener: 'ben', stage: 'paraphrasing' as const },
      { holder: 'ann', listener: 'ben', stage: 'confirming' as const },
    ];
    for (const mode of ['open', 'round', 'hand-raise', 'speaker-listener'] as const) {
      for (const floor of floors) {
        for (const p of people) {
          // The view omits what the record keeps as null.
          const v = view(mode, { queue: [], ...floor });
          expect(canSpeak(v, p.participantId), `${mode} ${JSON.stringify(floor)} ${p.participantId}`).toEqual(
            canSpeak(record(mode, floor), p.participantId),
          );
        }
      }
    }
  });

  it('says who takes part and who guides, parties in the order they joined', () => {
    expect(people.filter((p) => isParty(p.role)).map((p) => p.participantId)).toEqual(['ann', 'ben']);
    expect(people.filter((p) => isModerator(p.role)).map((p) => p.participantId)).toEqual(['ann', 'med']);
    const joined = [
      { participantId: 'late', role: 'participant' as const, joinedAt: 3 },
      { participantId: 'obs', role: 'observer' as const, joinedAt: 2 },
      { participantId: 'host', role: 'host' as const, joinedAt: 1 },
    ];
    expect(parties({ participants: joined }).map((p) => p.participantId)).toEqual(['host', 'late']);
    // Without joinedAt (the client's view) the listed order stays.
    expect(parties({ participants: people }).map((p) => p.participantId)).toEqual(['ann', 'ben']);
  });
});
