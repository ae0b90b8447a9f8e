import { describe, expect, it } from 'vitest';
import { newParticipant, newRoom } from '../../../../server/rooms/newRoom.js';
import { screeningChoices, screeningRisk } from '../../../../server/rooms/policies/screening.js';
import {
  announceSeparated,
  PENDING_PER_PERSON,
  separateRoom,
  withPending,
} from '../../../../server/rooms/policies/separated.js';
import { screeningQuestions, screeningReply } from '../../../../server/rooms/screening.js';
import { sideReply } from '../../../../server/rooms/separated.js';

const base = () =>
  newRoom({
    roomId: 'r',
    kind: 'family',
    mode: 'speaker-listener',
    host: newParticipant('ann', 'Ann', 'host', 0),
    now: 0,
    retentionMs: 1000,
    heatThreshold: 0.6,
  });

describe('switching to a separated room', () => {
  it('drops turns: the mode opens and the floor empties', () => {
    const room = {
      ...base(),
      floor: { holder: 'ann', queue: ['ben'], listener: 'ben', stage: 'speaking' as const, expiresAt: 5 },
    };
    const next = separateRoom(room, 10);
    expect(next).toMatchObject({
      separated: { since: 10, by: 'request' },
      mode: 'open',
      floor: { holder: null, queue: [] },
    });
  });

  it('is a no-op once separated (nobody switches it back)', () => {
    const once = separateRoom(base(), 10);
    expect(once && separateRoom(once, 20)).toBeNull();
  });

  it('is open from creation when the host chooses it, whatever mode was asked for', () => {
    const room = newRoom({
      ...{ roomId: 'r', kind: 'family' as const, mode: 'round' as const },
      separated: true,
      host: newParticipant('ann', 'Ann', 'host', 0),
      now: 3,
      retentionMs: 1,
      heatThreshold: 0.6,
    });
    expect(room).toMatchObject({ separated: { since: 3, by: 'host' }, mode: 'open' });
  });
});

describe('points waiting for approval', () => {
  const point = (participantId: string, clientMsgId: string, at: number) => ({
    clientMsgId,
    participantId,
    text: `${clientMsgId} words`,
    heat: 0,
    review: null,
    at,
  });

  it("keeps a few per person, dropping that person's oldest, never someone else's", () => {
    let relays = withPending(undefined, point('ben', 'b0', 0));
    for (let i = 1; i <= 9; i++) relays = withPending(relays, point('ann', `a${i}`, i));
    const ann = Object.values(relays).filter((r) => r.participantId === 'ann');
    expect(ann.map((r) => r.clientMsgId)).toEqual(['a5', 'a6', 'a7', 'a8', 'a9']);
    expect(ann).toHaveLength(PENDING_PER_PERSON);
    expect(relays['ben:b0']).toBeDefined();
  });

  it('replaces the words of a point checked again under the same id', () => {
    const relays = withPending(withPending(undefined, point('ann', 'a1', 1)), {
      ...point('ann', 'a1', 2),
      text: 'new',
    });
    expect(Object.values(relays)).toEqual([expect.objectContaining({ text: 'new' })]);
  });
});

describe('telling the room it is separated', () => {
  it('once, when the joint session opens in a room chosen as separated', () => {
    const chosen = { ...base(), separated: { since: 0, by: 'host' as const } };
    expect(announceSeparated(chosen)).toBeNull(); // still preparing alone
    const joint = announceSeparated({ ...chosen, phase: 'joint' });
    expect(joint?.separated?.announced).toBe(true);
    expect(joint && announceSeparated(joint)).toBeNull();
    expect(announceSeparated({ ...base(), phase: 'joint' })).toBeNull();
    // A switch is announced as it happens.
    const switched = separateRoom({ ...base(), phase: 'joint' }, 1);
    expect(switched && announceSeparated(switched)).toBeNull();
  });
});

describe('reading screening answers', () => {
  it('takes any yes as a sign, "rather not say" alone as unsure', () => {
    expect(
      screeningRisk([
        { topic: 'harm', answer: 'no' },
        { topic: 'control', answer: 'yes' },
      ]),
    ).toBe('signs');
    expect(
      screeningRisk([
        { topic: 'fear', answer: 'rather-not-say' },
        { topic: 'harm', answer: 'no' },
      ]),
    ).toBe('unsure');
    expect(screeningRisk([{ topic: 'harm', answer: 'no' }])).toBe('none');
    expect(screeningRisk([])).toBe('none');
  });

  it('offers a separated room only where the room is not one already', () => {
    expect(screeningChoices('signs', false)).toEqual(['leave', 'separated', 'support']);
    expect(screeningChoices('unsure', true)).toEqual(['leave', 'support']);
    expect(screeningChoices('none', false)).toEqual([]);
  });

  it('asks questions that point at no one and leave children out for coworkers', () => {
    const couple = screeningQuestions('couple');
    expect(couple.map((q) => q.topic)).toContain('children');
    expect(screeningQuestions('workplace').map((q) => q.topic)).not.toContain('children');
    for (const q of couple) expect(q.text).not.toMatch(/\b(he|she|his|her|abuser|partner)\b/i);
  });

  it('words each choice for the host and for a participant', () => {
    const all = ['leave', 'separated', 'support'] as const;
    const host = screeningReply('signs', [...all], true);
    const guest = screeningReply('signs', [...all], false);
    expect(host).toMatch(/Delete this room/);
    expect(guest).not.toMatch(/Delete this room/);
    expect(guest).toMatch(
      /A mediator can send them an observer invite; asking the person who started this room would tell them/,
    );
    expect(screeningReply('signs', ['leave', 'support'], true)).not.toMatch(/separated room/);
    // coworkers are not sent to a domestic abuse service
    const work = screeningReply('signs', ['leave'], false, 'workplace');
    expect(work).not.toMatch(/domestic abuse/);
    expect(work).toMatch(/harassment/);
    for (const text of [host, guest]) expect(text).toMatch(/emergency number/);
  });
});

describe("the facilitator's answer on a side", () => {
  it('puts safety first, then explains how a point crosses, in full only the first time', () => {
    expect(sideReply('I just want to kill myself', 'Ben', true)).toMatch(/You matter/);
    expect(sideReply("I'm scared of him", 'Ben', true)).toMatch(/safety comes first/);
    expect(sideReply('I will hurt you if you take the kids', 'Ben', false)).toMatch(/hurting someone is not OK/);
    expect(sideReply('The weekends are hard.', 'Ben', true)).toMatch(/Ben cannot see it/);
    expect(sideReply('The weekends are hard.', 'Ben and Cy', false)).toBeNull();
  });
});
