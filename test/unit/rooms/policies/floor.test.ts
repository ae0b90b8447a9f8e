import { describe, expect, it } from 'vitest';
import { canSpeak } from '../../../../shared/rules/floor.js';
import { applyFloor, initialFloor, type FloorEvent } from '../../../../server/rooms/policies/floor.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import type { TurnMode } from '../../../../shared/protocol.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const settings = { floorMs: 60_000 };

function room(mode: TurnMode): RoomRecord {
  const r = roomWith(
    [
      ['ann', 'host'],
      ['ben', 'participant'],
      ['cat', 'participant'],
      ['obs', 'observer'],
      ['med', 'mediator'],
    ],
    mode,
  );
  r.floor = initialFloor(r, mode, 0, settings);
  return r;
}

/** Applies events in order, failing the test on any refusal. */
function run(r: RoomRecord, ...events: FloorEvent[]): RoomRecord {
  let now = 0;
  for (const event of events) {
    const out = applyFloor(r, event, (now += 1000), settings);
    if (!out.ok) throw new Error(`${event.type} refused: ${out.code}`);
    r = { ...r, floor: out.floor, mode: out.mode };
  }
  return r;
}

function refusal(r: RoomRecord, event: FloorEvent) {
  const out = applyFloor(r, event, 5000, settings);
  return out.ok ? null : out.code;
}

describe('open mode', () => {
  it('lets every party and the mediator speak, never observers', () => {
    const r = room('open');
    expect(canSpeak(r, 'ann').ok).toBe(true);
    expect(canSpeak(r, 'cat').ok).toBe(true);
    expect(canSpeak(r, 'med').ok).toBe(true);
    expect(canSpeak(r, 'obs')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(canSpeak(r, 'stranger')).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('has no floor to request, grant or yield', () => {
    const r = room('open');
    expect(refusal(r, { type: 'request', participantId: 'ben' })).toBe('not_allowed');
    expect(refusal(r, { type: 'grant', participantId: 'ben', by: 'ann' })).toBe('not_allowed');
    expect(refusal(r, { type: 'yield', participantId: 'ben' })).toBe('not_allowed');
  });
});

describe('round mode', () => {
  it('starts with the first party and passes the floor in join order on yield', () => {
    let r = room('round');
    expect(r.floor.holder).toBe('ann');
    expect(canSpeak(r, 'ben')).toMatchObject({ ok: false, code: 'not_your_turn' });
    r = run(r, { type: 'yield', participantId: 'ann' });
    expect(r.floor.holder).toBe('ben');
    r = run(r, { type: 'yield', participantId: 'ben' }, { type: 'yield', participantId: 'cat' });
    expect(r.floor.holder).toBe('ann'); // wraps around, skipping observer and mediator
  });

  it('passes the floor on when the holder times out', () => {
    const r = room('round');
    const expiresAt = r.floor.expiresAt as number;
    const early = applyFloor(r, { type: 'tick' }, expiresAt - 1, settings);
    expect(early.ok && early.floor.holder).toBe('ann');
    const late = applyFloor(r, { type: 'tick' }, expiresAt, settings);
    expect(late.ok && late.floor.holder).toBe('ben');
    expect(late.ok && late.floor.expiresAt).toBe(expiresAt + settings.floorMs);
  });

  it('refuses a yield from someone without the floor', () => {
    expect(refusal(room('round'), { type: 'yield', participantId: 'cat' })).toBe('not_allowed');
  });

  it('lets the host or mediator grant the floor, nobody else', () => {
    const r = room('round');
    expect(run(r, { type: 'grant', participantId: 'cat', by: 'med' }).floor.holder).toBe('cat');
    expect(refusal(r, { type: 'grant', participantId: 'cat', by: 'ben' })).toBe('forbidden');
    expect(refusal(r, { type: 'grant', participantId: 'obs', by: 'ann' })).toBe('not_allowed');
    expect(refusal(r, { type: 'grant', participantId: 'nobody', by: 'ann' })).toBe('not_found');
  });
});

describe('hand-raise mode', () => {
  it('tells someone who writes while the floor is free to raise a hand, and how that differs when it is taken', () => {
    expect(canSpeak(room('hand-raise'), 'ben')).toMatchObject({
      ok: false,
      code: 'not_your_turn',
      message: expect.stringMatching(/No one has the floor yet/),
    });
    const taken = run(room('hand-raise'), { type: 'request', participantId: 'ann' });
    expect(canSpeak(taken, 'ben')).toMatchObject({
      ok: false,
      code: 'not_your_turn',
      message: expect.stringMatching(/Someone else has the floor/),
    });
  });

  it('gives a free floor to the first raised hand at once', () => {
    const r = run(room('hand-raise'), { type: 'request', participantId: 'ben' });
    expect(r.floor.holder).toBe('ben');
    expect(canSpeak(r, 'ben').ok).toBe(true);
    expect(canSpeak(r, 'ann')).toMatchObject({ ok: false, code: 'not_your_turn' });
  });

  it('grants the next floor to the queued person who has spoken least', () => {
    let r = room('hand-raise');
    r.participants = r.participants.map((p) =>
      p.participantId === 'ann' ? { ...p, chars: 900 } : p.participantId === 'cat' ? { ...p, chars: 10 } : p,
    );
    r = run(
      r,
      { type: 'request', participantId: 'ben' },
      { type: 'request', participantId: 'ann' },
      { type: 'request', participantId: 'cat' },
    );
    expect(r.floor).toMatchObject({ holder: 'ben', queue: ['ann', 'cat'] });
    r = run(r, { type: 'yield', participantId: 'ben' });
    expect(r.floor).toMatchObject({ holder: 'cat', queue: ['ann'] });
  });

  it('ignores a second raise and lets a queued person lower their hand', () => {
    let r = run(
      room('hand-raise'),
      { type: 'request', participantId: 'ben' },
      { type: 'request', participantId: 'ann' },
      { type: 'request', participantId: 'ann' },
    );
    expect(r.floor.queue).toEqual(['ann']);
    r = run(r, { type: 'yield', participantId: 'ann' });
    expect(r.floor.queue).toEqual([]);
  });

  it('frees the floor when the holder times out and hands it to the queue', () => {
    const r = run(
      room('hand-raise'),
      { type: 'request', participantId: 'ben' },
      { type: 'request', participantId: 'cat' },
    );
    const out = applyFloor(r, { type: 'tick' }, (r.floor.expiresAt as number) + 1, settings);
    expect(out.ok && out.floor.holder).toBe('cat');
  });

  it('refuses raised hands from observers and mediators', () => {
    expect(refusal(room('hand-raise'), { type: 'request', participantId: 'obs' })).toBe('forbidden');
    expect(refusal(room('hand-raise'), { type: 'request', participantId: 'med' })).toBe('forbidden');
  });
});

describe('speaker-listener mode', () => {
  it('lets only the speaker talk, then only the listener paraphrase, then swaps on confirmation', () => {
    let r = room('speaker-listener');
    expect(r.floor).toMatchObject({ holder: 'ann', listener: 'ben', stage: 'speaking' });
    expect(canSpeak(r, 'ann').ok).toBe(true);
    expect(canSpeak(r, 'ben')).toMatchObject({ ok: false, code: 'not_your_turn' });

    r = run(r, { type: 'yield', participantId: 'ann' });
    expect(r.floor.stage).toBe('paraphrasing');
    expect(canSpeak(r, 'ann').ok).toBe(false);
    expect(canSpeak(r, 'ben').ok).toBe(true);

    r = run(r, { type: 'spoke', participantId: 'ben' });
    expect(r.floor.stage).toBe('confirming');
    expect(canSpeak(r, 'ben').ok).toBe(false);

    r = run(r, { type: 'confirm', participantId: 'ann', accurate: true });
    expect(r.floor).toMatchObject({ holder: 'ben', listener: 'ann', stage: 'speaking' });
  });

  it('returns to the speaker when the paraphrase missed', () => {
    const r = run(
      room('speaker-listener'),
      { type: 'yield', participantId: 'ann' },
      { type: 'spoke', participantId: 'ben' },
      { type: 'confirm', participantId: 'ann', accurate: false },
    );
    expect(r.floor).toMatchObject({ holder: 'ann', listener: 'ben', stage: 'speaking' });
  });

  it('refuses confirmations out of turn', () => {
    const r = room('speaker-listener');
    expect(refusal(r, { type: 'confirm', participantId: 'ann', accurate: true })).toBe('not_allowed');
    const paraphrasing = run(r, { type: 'yield', participantId: 'ann' });
    expect(refusal(paraphrasing, { type: 'confirm', participantId: 'ben', accurate: true })).toBe('not_allowed');
  });

  it('a grant makes a new speaker with the previous speaker listening', () => {
    const r = run(room('speaker-listener'), { type: 'grant', participantId: 'cat', by: 'ann' });
    expect(r.floor).toMatchObject({ holder: 'cat', listener: 'ann', stage: 'speaking' });
  });

  it('lets a lone speaker talk until a listener joins', () => {
    let r = roomWith([['ann', 'host']], 'speaker-listener');
    r.floor = initialFloor(r, 'speaker-listener', 0, settings);
    expect(canSpeak(r, 'ann').ok).toBe(true);
    r.participants.push({
      participantId: 'ben',
      name: 'ben',
      role: 'participant',
      joinedAt: 9,
      delivered: 0,
      chars: 0,
    });
    r = run(r, { type: 'joined', participantId: 'ben' });
    expect(r.floor).toMatchObject({ holder: 'ann', listener: 'ben', stage: 'speaking' });
  });
});

describe('mode changes', () => {
  it('only the host or a mediator switches modes, and the floor starts fresh', () => {
    const r = room('open');
    expect(refusal(r, { type: 'mode', mode: 'round', by: 'ben' })).toBe('forbidden');
    const round = run(r, { type: 'mode', mode: 'round', by: 'med' });
    expect(round.mode).toBe('round');
    expect(round.floor.holder).toBe('ann');
  });
});
