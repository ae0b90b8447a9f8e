import { describe, expect, it } from 'vitest';
import type { RoomView, TurnMode } from '../../../../shared/protocol.js';
import { canSpeak, isModerator, isParty, parties, type TurnRoom } from '../../../../shared/rules/floor.js';

/** Named as the server's record and the client's view both name people. */
const people = [
  { participantId: 'ann', role: 'host' as const, name: 'ann' },
  { participantId: 'ben', role: 'participant' as const, name: 'ben' },
  { participantId: 'obs', role: 'observer' as const, name: 'obs' },
  { participantId: 'med', role: 'mediator' as const, name: 'med' },
];

/** The client's shape: a RoomView, whose floor may leave listener and stage out. */
function view(mode: TurnMode, floor: RoomView['floor']): RoomView {
  return {
    roomId: 'r',
    title: '',
    kind: 'couple',
    mode,
    phase: 'joint',
    participants: people.map((p) => ({ ...p, name: p.participantId, online: true, stage: 'joint' as const })),
    floor,
    break: null,
    heat: 0,
    recordMode: 'confidential',
    expiresAt: 0,
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

describe('speaker-listener with three or more people', () => {
  const family = [
    { participantId: 'mum', role: 'host' as const, name: 'Mum' },
    { participantId: 'kai', role: 'participant' as const, name: 'Kai' },
    { participantId: 'lea', role: 'participant' as const, name: 'Lea' },
  ];
  const floor = { holder: 'mum', listener: 'kai', stage: 'speaking' as const };

  it('tells the others, by name, who speaks and who listens, and how their turn comes', () => {
    const v = canSpeak({ mode: 'speaker-listener', participants: family, floor }, 'lea');
    expect(v).toMatchObject({ ok: false, code: 'not_your_turn' });
    const text = (v as { message: string }).message;
    expect(text).toContain('Mum is speaking and Kai is listening');
    expect(text).toMatch(/wait for your turn/);
    expect(text).not.toMatch(/Two people/);
  });

  it('without names, still says one speaks and one listens', () => {
    const anonymous = family.map(({ participantId, role }) => ({ participantId, role }));
    const v = canSpeak({ mode: 'speaker-listener', participants: anonymous, floor }, 'lea');
    expect((v as { message: string }).message).toMatch(/^One person is speaking and another is listening/);
  });
});
