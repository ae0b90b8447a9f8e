import { describe, expect, it } from 'vitest';
import {
  applyFloor,
  initialFloor,
  paraphraseMissed,
  speakerWordsAfter,
} from '../../../../server/rooms/policies/floor.js';
import { afterDelivered } from '../../../../server/rooms/policies/facilitation.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const settings = { floorMs: 60_000 };

function pair(): RoomRecord {
  const r = roomWith(
    [
      ['maya', 'host'],
      ['jordan', 'participant'],
      ['sam', 'participant'],
    ],
    'speaker-listener',
  );
  r.floor = initialFloor(r, 'speaker-listener', 0, settings);
  r.heat = 0.9; // keeps clause offers out of these cases
  return r;
}

/** A delivered message as the pipeline applies it: speaker's words, the floor, then the facilitation policy. */
function deliver(r: RoomRecord, from: string, text: string) {
  const out = applyFloor(r, { type: 'spoke', participantId: from, text }, 1000, settings);
  if (!out.ok) throw new Error(out.code);
  const next: RoomRecord = { ...r, floor: out.floor, speakerWords: speakerWordsAfter(r, from, text) };
  return { room: next, actions: afterDelivered(next, from, text).actions };
}

function yieldTo(r: RoomRecord): RoomRecord {
  const out = applyFloor(r, { type: 'yield', participantId: r.floor.holder as string }, 1000, settings);
  if (!out.ok) throw new Error(out.code);
  return { ...r, floor: out.floor };
}

describe('speaker-listener: a rebuttal is not the paraphrase', () => {
  it('keeps the speaker’s words of this turn, newest last, and starts afresh with a new speaker', () => {
    let r = pair();
    r = deliver(r, 'maya', 'I felt alone at dinner.').room;
    r = deliver(r, 'maya', 'Nobody called.').room;
    expect(r.speakerWords).toEqual({ speaker: 'maya', texts: ['I felt alone at dinner.', 'Nobody called.'] });
    r = { ...r, floor: { ...r.floor, holder: 'jordan', listener: 'maya', stage: 'speaking' } };
    r = deliver(r, 'jordan', 'I was stuck at work.').room;
    expect(r.speakerWords).toEqual({ speaker: 'jordan', texts: ['I was stuck at work.'] });
  });

  it('a rebuttal leaves the floor with the listener, and the facilitator asks them to say back what they heard', () => {
    let r = deliver(pair(), 'maya', 'I felt so alone at dinner when you stayed at work.').room;
    r = yieldTo(r);
    expect(r.floor.stage).toBe('paraphrasing');
    const rebuttal = deliver(r, 'jordan', "That's not true, I was working late.");
    expect(rebuttal.room.floor).toMatchObject({ holder: 'maya', listener: 'jordan', stage: 'paraphrasing' });
    expect(paraphraseMissed(rebuttal.room, 'jordan')).toBe(true);
    expect(rebuttal.actions).toContainEqual({ kind: 'paraphrase-first', listener: 'jordan', speaker: 'maya' });

    const paraphrase = deliver(rebuttal.room, 'jordan', 'What I hear is you felt alone at dinner.');
    expect(paraphrase.room.floor.stage).toBe('confirming');
    expect(paraphrase.actions.filter((a) => a.kind === 'paraphrase-first')).toEqual([]);
  });

  it('without the text (older callers), the listener’s message still moves the stage as before', () => {
    const r = yieldTo(deliver(pair(), 'maya', 'I felt alone.').room);
    const out = applyFloor(r, { type: 'spoke', participantId: 'jordan' }, 1000, settings);
    expect(out.ok && out.floor.stage).toBe('confirming');
  });

  it('a message outside the paraphrasing stage never asks for a paraphrase', () => {
    const out = deliver(pair(), 'maya', "That's not true, you always do this.");
    expect(out.actions.filter((a) => a.kind === 'paraphrase-first')).toEqual([]);
  });
});
