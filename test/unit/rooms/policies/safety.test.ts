import { describe, expect, it } from 'vitest';
import type { RoomEffect } from '../../../../server/rooms/effects.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import { afterDelivered } from '../../../../server/rooms/policies/facilitation.js';
import { offerAfter } from '../../../../server/rooms/policies/offers.js';
import { afterDisclosure, moderate, quietPause, safetyHold } from '../../../../server/rooms/policies/safety.js';
import { hushed, HUSH_AFTER_DISCLOSURE } from '../../../../server/rooms/policies/safetyState.js';
import { endBreak } from '../../../../server/rooms/policies/breaks.js';
import { helpFor } from '../../../../shared/help.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const HELP = helpFor(undefined);
const NOW = 1_000_000;

/** The private notices among the effects: to whom, and what. */
const notices = (effects: RoomEffect[]) =>
  effects.flatMap((e) =>
    e.kind === 'facilitator' && e.line.say === 'text' ? [{ to: e.line.visibleTo, text: e.line.text, e: e.line }] : [],
  );

const couple = (): RoomRecord =>
  roomWith([
    ['ann', 'host'],
    ['ben', 'participant'],
  ]);

describe('safetyHold', () => {
  it('a threat from the host: the other person is told, named sender, help and choices; the room pauses', () => {
    const out = safetyHold(couple(), 'ann', ['threat'], NOW, 20, HELP);
    const told = notices(out.effects);
    expect(told.map((n) => n.to)).toEqual([['ben']]);
    expect(told[0].text).toMatch(/^A message from ann was not delivered/);
    expect(told[0].e).toMatchObject({ choices: ['leave', 'pause', 'separate', 'continue'], help: HELP });
    expect(out.room.break).toMatchObject({ requestedBy: 'facilitator', safetyCausedBy: 'ann' });
  });

  it('in a room already separated, the threatened person is not offered a separated room', () => {
    const room = { ...couple(), separated: { since: NOW, by: 'host' as const } };
    const told = notices(safetyHold(room, 'ann', ['threat'], NOW, 20, HELP).effects);
    expect(told[0].e).toMatchObject({ choices: ['leave', 'pause', 'continue'] });
    expect(told[0].text).not.toMatch(/separated room/);
  });

  it('a host who is threatened is told as the threatened person, with what they can do as host', () => {
    const told = notices(safetyHold(couple(), 'ben', ['threat'], NOW, 20, HELP).effects);
    expect(told.map((n) => n.to)).toEqual([['ann']]);
    expect(told[0].text).toMatch(
      /As the host, you can also pause \S+ messages or take \S+ out of the joint conversation/,
    );
  });

  it('self-harm: only mediators are told, never the other party', () => {
    const room = roomWith([
      ['ann', 'host'],
      ['ben', 'participant'],
      ['mia', 'mediator'],
    ]);
    const told = notices(safetyHold(room, 'ben', ['self_harm'], NOW, 20, HELP).effects);
    expect(told.map((n) => n.to)).toEqual([['mia']]);
    expect(told[0].text).not.toMatch(/threat/);
  });

  it('escalates threats, not self-harm: paused at the second, removed (and off the floor) at the third', () => {
    let room = couple();
    room.floor = { ...room.floor, queue: ['ben'] };
    for (let i = 0; i < 3; i++) room = { ...safetyHold(room, 'ben', ['self_harm'], NOW, 20, HELP).room, break: null };
    expect(room.participants[1].status).toBeUndefined();
    expect(room.safetyHeldBy).toEqual(['ben']); // once, however many holds: never called on by name
    const statuses: (string | undefined)[] = [];
    for (let i = 0; i < 3; i++) {
      room = { ...safetyHold(room, 'ben', ['threat'], NOW, 20, HELP).room, break: null };
      statuses.push(room.participants[1].status);
    }
    expect(statuses).toEqual([undefined, 'paused', 'removed']);
    expect(room.floor.queue).toEqual([]);
  });

  it('someone already out of the session: an edit that is still a threat tells no one and pauses nothing', () => {
    const room = couple();
    room.participants[1] = { ...room.participants[1], status: 'removed', threatHolds: 3 };
    expect(safetyHold(room, 'ben', ['threat'], NOW, 20, HELP)).toEqual({ room, effects: [] });
  });

  it('one pause per episode: a second hold during the sender’s own pause tells no one again', () => {
    const first = safetyHold(couple(), 'ben', ['self_harm'], NOW, 20, HELP);
    const again = safetyHold(first.room, 'ben', ['self_harm'], NOW + 1000, 20, HELP);
    expect(again.effects).toEqual([]);
    expect(again.room.break).toEqual(first.room.break);
  });
});

describe('disclosures', () => {
  it('check in once per account, hush the room for a while, and stop clause offers for good', () => {
    let room = couple();
    const first = afterDisclosure(room, 'ann', true);
    expect(first).toEqual({ disclosedBy: ['ann'], sinceDisclosure: 0, checkIn: true });
    room = { ...room, ...first };
    expect(afterDisclosure(room, 'ann', true).checkIn).toBe(false);
    expect(hushed(room)).toBe(true);
    for (let i = 0; i < HUSH_AFTER_DISCLOSURE; i++) room = { ...room, ...afterDisclosure(room, 'ben', false) };
    expect(hushed(room)).toBe(false);
    expect(afterDisclosure(room, 'ann', true).checkIn).toBe(true);
    const ready = { ...room, sinceOffer: 10, asksSinceOffer: 3, recentSpeakers: ['ann', 'ben'] };
    expect(offerAfter(ready, 'Could you text me if plans change?', ['ann', 'ben']).offer).toBe(false);
    expect(offerAfter({ ...ready, disclosedBy: [] }, 'Could you text me if plans change?', ['ann', 'ben']).offer).toBe(
      true,
    );
  });

  it('while hushed, no nudge, no invitation, and the disclosure is not taken up on the agenda', () => {
    const base = { ...couple(), recentSpeakers: ['ben', 'ben', 'ben'], sinceNudge: 10, quietFor: { ann: 9, ben: 0 } };
    expect(afterDelivered(base, 'ben', 'One more thing.').actions.map((a) => a.kind)).toContain('nudge');
    const hush = { ...base, sinceDisclosure: 2, disclosedBy: ['ann'] };
    expect(afterDelivered(hush, 'ben', 'One more thing.').actions.map((a) => a.kind)).not.toContain('nudge');
    const told = { ...couple(), sinceDisclosure: 0, disclosedBy: ['ann'], agenda: undefined };
    const words = afterDelivered(told, 'ann', 'He hit me last year and I am still afraid of him.').actions;
    expect(words.map((a) => a.kind)).not.toContain('agenda-words');
  });
});

describe('quietPause', () => {
  it('names no one, extends a running pause, and belongs to its asker', () => {
    const started = quietPause(couple(), 'ben', 10, NOW);
    expect(started).toMatchObject({
      ok: true,
      started: true,
      break: { requestedBy: 'facilitator', askedQuietlyBy: 'ben' },
    });
    if (!started.ok) return;
    const room = { ...couple(), break: started.break };
    expect(endBreak(room, 'ann')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(endBreak(room, 'ben')).toMatchObject({ ok: true });
    const longer = quietPause({ ...couple(), break: { ...started.break, askedQuietlyBy: undefined } }, 'ann', 30, NOW);
    expect(longer).toMatchObject({
      ok: true,
      started: false,
      break: { endsAt: NOW + 30 * 60_000, askedQuietlyBy: 'ann' },
    });
    // the asker's own pause made longer stays theirs
    const own = quietPause(room, 'ben', 30, NOW);
    expect(own.ok && endBreak({ ...couple(), break: own.break }, 'ben')).toMatchObject({ ok: true });
    expect(
      quietPause(
        roomWith([
          ['ann', 'host'],
          ['obs', 'observer'],
        ]),
        'obs',
        5,
        NOW,
      ),
    ).toMatchObject({ ok: false });
  });
});

describe('quietPause is never a way to end a pause that is not yours', () => {
  const minute = (r: ReturnType<typeof couple>, by: string) => {
    const out = quietPause(r, by, 1, NOW);
    return out.ok ? { ...r, break: out.break } : r;
  };
  it('a one-minute quiet pause asked during someone else’s break, or their quiet pause, does not let you end it', () => {
    const theirs = { ...couple(), break: { startedAt: NOW, endsAt: NOW + 20 * 60_000, requestedBy: 'ann' } };
    const taken = minute(theirs, 'ben');
    expect(taken.break?.endsAt).toBe(NOW + 20 * 60_000);
    expect(endBreak(taken, 'ben')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(endBreak(taken, 'ann')).toMatchObject({ ok: false, code: 'forbidden' });
    const quiet = quietPause(couple(), 'ann', 20, NOW);
    if (!quiet.ok) throw new Error('refused');
    expect(endBreak(minute({ ...couple(), break: quiet.break }, 'ben'), 'ben')).toMatchObject({ ok: false });
  });
  it('nor the safety pause one’s own message caused; and a threat’s sender or someone paused cannot ask at all', () => {
    const pause = { startedAt: NOW, endsAt: NOW + 20 * 60_000, requestedBy: 'facilitator', safetyCausedBy: 'ben' };
    const safety = { ...couple(), break: pause };
    expect(endBreak(minute(safety, 'ann'), 'ann')).toMatchObject({ ok: false, code: 'forbidden' });
    const sender = {
      ...safety,
      participants: safety.participants.map((p) => (p.participantId === 'ben' ? { ...p, threatHolds: 1 } : p)),
    };
    expect(quietPause(sender, 'ben', 60, NOW)).toMatchObject({ ok: false, code: 'forbidden' });
    const paused = {
      ...couple(),
      participants: couple().participants.map((p) =>
        p.participantId === 'ben' ? { ...p, status: 'paused' as const } : p,
      ),
    };
    expect(quietPause(paused, 'ben', 60, NOW)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('moderate', () => {
  it('host or mediator only, never oneself, parties only; someone removed can only be welcomed back', () => {
    const room = roomWith([
      ['ann', 'host'],
      ['ben', 'participant'],
      ['obs', 'observer'],
    ]);
    expect(moderate(room, 'ben', 'ann', 'pause', HELP)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(moderate(room, 'ann', 'ann', 'pause', HELP)).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(moderate(room, 'ann', 'obs', 'pause', HELP)).toMatchObject({ ok: false, code: 'not_allowed' });
    const removed = moderate(room, 'ann', 'ben', 'remove', HELP);
    expect(removed).toMatchObject({ ok: true, status: 'removed' });
    if (!removed.ok) return;
    expect(removed.effects).toContainEqual({ kind: 'removed', participantId: 'ben' });
    expect(moderate(removed.room, 'ann', 'ben', 'pause', HELP)).toMatchObject({ ok: false, code: 'not_allowed' });
    const back = moderate(removed.room, 'ann', 'ben', 'resume', HELP);
    expect(back).toMatchObject({ ok: true, status: undefined });
    if (!back.ok) return;
    expect(back.effects).toContainEqual({ kind: 'readmitted', participantId: 'ben' });
    expect(back.room.participants.find((p) => p.participantId === 'ben')?.status).toBeUndefined();
  });

  it('someone welcomed back: the other parties and mediators are told, never surprised by their return', () => {
    const room = roomWith([
      ['ann', 'host'],
      ['ben', 'participant'],
      ['cy', 'participant'],
      ['mo', 'mediator'],
      ['obs', 'observer'],
    ]);
    const removed = moderate(room, 'mo', 'ben', 'remove', HELP);
    if (!removed.ok) throw new Error('refused');
    const back = moderate(removed.room, 'mo', 'ben', 'resume', HELP);
    if (!back.ok) throw new Error('refused');
    const told = notices(back.effects);
    expect(told.map((n) => n.to)).toEqual([['ben'], ['ann', 'cy']]);
    expect(told[1].text).toBe('ben is back in the joint conversation and can write to the room again.');
  });
});
