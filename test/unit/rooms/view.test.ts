import { describe, expect, it } from 'vitest';
import { newParticipant, newRoom } from '../../../server/rooms/newRoom.js';
import type { RoomRecord } from '../../../server/rooms/model.js';
import { sameJson, viewChange, viewChangeByViews, visiblyChanged } from '../../../server/rooms/view.js';

const room = newRoom({
  roomId: 'r1',
  kind: 'couple',
  host: newParticipant('p1', 'Ann', 'host', 1),
  now: 0,
  retentionMs: 1,
  heatThreshold: 0.5,
});

describe('visiblyChanged', () => {
  it('sees what people see change, and not what they do not', () => {
    expect(visiblyChanged(room, { ...room, heat: room.heat + 0.01 })).toBe(false);
    expect(visiblyChanged(room, { ...room, heat: room.heat + 0.2 })).toBe(true);
    expect(visiblyChanged(room, { ...room, sinceOffer: 5, recentSpeakers: ['p1'] })).toBe(false);
    const paused = room.participants.map((p) => ({ ...p, status: 'paused' as const }));
    expect(visiblyChanged(room, { ...room, participants: paused })).toBe(true);
    expect(visiblyChanged(room, { ...room, floor: { ...room.floor, queue: ['p1'] } })).toBe(true);
  });
});

describe('sameJson', () => {
  it('compares as JSON.stringify would, key order aside', () => {
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: [1, { c: 'x' }] }, { a: [1, { c: 'x' }] })).toBe(true);
    expect(sameJson({ a: [1, 2] }, { a: [1] })).toBe(false);
    expect(sameJson({ a: null }, { a: undefined })).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson({ a: 1 }, { b: 1 })).toBe(false);
  });
});

describe('viewChange (issue 13: field by field, without building the views)', () => {
  const base: RoomRecord = {
    ...room,
    participants: [...room.participants, { ...newParticipant('p2', 'Ben', 'participant', 2), stage: 'joint' }],
  };
  const people = base.participants;
  const variants: [string, RoomRecord][] = [
    ['as it is', base],
    ['a copy', { ...base, participants: people.map((p) => ({ ...p })), floor: { ...base.floor } }],
    ['heat within a step', { ...base, heat: base.heat + 0.01 }],
    ['heat a step up', { ...base, heat: base.heat + 0.2 }],
    ['heat two steps up', { ...base, heat: base.heat + 0.31 }],
    ['counters only', { ...base, sinceOffer: 9, recentSpeakers: ['p1'], hotStreak: 2 }],
    ['delivered counted', { ...base, participants: people.map((p) => ({ ...p, delivered: p.delivered + 1 })) }],
    ['paused', { ...base, participants: people.map((p, i) => (i ? { ...p, status: 'paused' as const } : p)) }],
    ['stage prep', { ...base, participants: people.map((p, i) => (i ? { ...p, stage: 'prep' as const } : p)) }],
    ['stage missing', { ...base, participants: people.map(({ stage: _s, ...p }) => p) }],
    ['renamed', { ...base, participants: people.map((p, i) => (i ? { ...p, name: 'Bea' } : p)) }],
    ['one more', { ...base, participants: [...people, newParticipant('p3', 'Cy', 'observer', 3)] }],
    ['queue', { ...base, floor: { ...base.floor, queue: ['p1'] } }],
    ['floor stage null', { ...base, floor: { ...base.floor, stage: null } }],
    ['floor stage', { ...base, floor: { ...base.floor, stage: 'speaking' as const } }],
    ['break', { ...base, break: { startedAt: 1, endsAt: 2, requestedBy: 'p1' } }],
    ['break, a copy', { ...base, break: { startedAt: 1, endsAt: 2, requestedBy: 'p1' } }],
    ['agenda', { ...base, agenda: { topics: [], current: null, added: 0, announced: false, heard: [] } }],
    ['agenda heard', { ...base, agenda: { topics: [], current: null, added: 0, announced: true, heard: ['p1'] } }],
    ['separated', { ...base, separated: { since: 1, by: 'host' as const } }],
    ['record', { ...base, recordMode: 'record' as const }],
    ['confidential said', { ...base, recordMode: 'confidential' as const }],
    ['deletion', { ...base, deletionNotice: { at: 1, by: 'p1', deletableAt: 2 } }],
    ['expires later', { ...base, expiresAt: base.expiresAt + 1 }],
    ['renamed room', { ...base, title: 'Other' }],
    ['mode', { ...base, mode: 'round' as const }],
  ];

  it('answers as comparing the two roomViews does, for every pair of these rooms', () => {
    for (const [x, a] of variants)
      for (const [y, b] of variants) expect([x, y, viewChange(a, b)]).toEqual([x, y, viewChangeByViews(a, b)]);
  });

  it('tells a heat step alone from a change with more in it', () => {
    expect(viewChange(base, { ...base, heat: base.heat + 0.2 })).toBe('heat');
    expect(viewChange(base, { ...base, heat: base.heat + 0.2, mode: 'round' })).toBe('more');
    expect(viewChange(base, { ...base, heat: base.heat + 0.01 })).toBe('none');
  });
});
