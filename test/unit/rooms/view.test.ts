import { describe, expect, it } from 'vitest';
import { newParticipant, newRoom } from '../../../server/rooms/newRoom.js';
import { sameJson, visiblyChanged } from '../../../server/rooms/view.js';

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
