import { describe, expect, it } from 'vitest';
import { afterDelivered } from '../../../../server/rooms/policies/facilitation.js';
import {
  ACK_GAP,
  type ListeningAction,
  listeningAfter,
  FEELING_GAP,
  PERSON_GAP,
} from '../../../../server/rooms/policies/reflection.js';
import type { RoomRecord } from '../../../../server/rooms/model.js';
import type { TurnMode } from '../../../../shared/protocol.js';
import { roomWith } from '../../../helpers/roomFixture.js';
import { rulesAlone } from '../../../helpers/rulesAlone.js';

rulesAlone();

function couple(mode: TurnMode = 'open'): RoomRecord {
  const room = roomWith(
    [
      ['maya', 'host'],
      ['sam', 'participant'],
    ],
    mode,
  );
  room.heat = 0.9; // not settled: no clause offers in these cases
  return room;
}

/** Messages delivered in order; the facilitator's listening actions after each, with its index. */
function deliver(room: RoomRecord, said: [string, string][]): { at: number; action: ListeningAction }[] {
  const out: { at: number; action: ListeningAction }[] = [];
  said.forEach(([speaker, text], at) => {
    const outcome = listeningAfter(room, speaker, text);
    room = { ...room, listening: outcome.listening };
    if (outcome.action) out.push({ at, action: outcome.action });
  });
  return out;
}

const FEELING = 'I felt invisible at the party, and being included matters to me.';

describe('reflection policy: when the facilitator says back what someone said', () => {
  it('reflects a message that carries a feeling, naming its speaker', () => {
    expect(deliver(couple(), [['maya', FEELING]])).toEqual([
      { at: 0, action: { kind: 'reflect', speaker: 'maya', text: FEELING } },
    ]);
  });

  it('says back a painful moment told without a feeling word', () => {
    const text = 'I sat alone at my birthday dinner, three times.';
    expect(deliver(couple(), [['maya', text]])).toEqual([
      { at: 0, action: { kind: 'reflect', speaker: 'maya', text } },
    ]);
  });

  it('says nothing after a run of plain messages', () => {
    const plain: [string, string][] = [
      ['maya', 'The bill came on Tuesday.'],
      ['sam', 'I saw it.'],
      ['maya', 'It was higher than last month.'],
      ['sam', 'The heating was on more.'],
      ['maya', 'That makes sense.'],
      ['sam', 'We can look at it on Sunday.'],
    ];
    expect(deliver(couple(), plain)).toEqual([]);
  });

  it(`a new feeling waits ${FEELING_GAP} messages after the same person was heard; nothing is said back twice`, () => {
    const actions = deliver(couple(), [
      ['maya', 'I felt hurt when you left early.'],
      ['maya', 'I felt lonely all evening.'],
      ['sam', 'I hear that.'],
      ['maya', 'I felt lonely again on Sunday.'],
      ['sam', 'Okay.'],
      ['maya', 'I felt hurt, honestly.'],
      ['sam', 'I know.'],
      ['maya', 'And I felt lonely.'],
      ['sam', 'Right.'],
      ['maya', 'I felt tired of asking.'],
    ]);
    // 0: hurt. 1: too soon. 3: lonely, new. 5: hurt, said back already. 7: lonely, said back. 9: tired, new.
    expect(actions.map((a) => a.at)).toEqual([0, 3, 9]);
    expect(actions.every((a) => a.action.kind === 'reflect' && a.action.speaker === 'maya')).toBe(true);
  });

  it('hears two people’s feelings one after the other, but not needs two messages in a row', () => {
    const actions = deliver(couple(), [
      ['maya', 'I felt hurt.'],
      ['sam', 'I felt scared.'],
      ['maya', 'I need time to think.'],
      ['sam', 'I need some rest.'],
    ]);
    // 0, 1: each person's feeling. 2, 3: a need only, too soon after each was heard.
    expect(actions.map((a) => a.at)).toEqual([0, 1]);
  });

  it(`a need or a request alone waits ${PERSON_GAP} messages for the same person`, () => {
    const actions = deliver(couple(), [
      ['maya', 'I need time to think.'],
      ['sam', 'Okay.'],
      ['maya', 'I need some help with the dishes.'],
      ['sam', 'Sure.'],
      ['maya', 'Could you text me if plans change?'],
    ]);
    expect(actions.map((a) => a.at)).toEqual([0, 4]);
  });

  it('acknowledges a repair attempt, before and instead of a reflection', () => {
    const text = "I'm sorry I wasn't there. I felt awful.";
    expect(deliver(couple(), [['sam', text]])).toEqual([
      { at: 0, action: { kind: 'acknowledge', speaker: 'sam', text } },
    ]);
  });

  it(`acknowledges again after ${ACK_GAP} messages, but not the same words twice`, () => {
    const actions = deliver(couple(), [
      ['sam', 'That was on me.'],
      ['maya', 'Okay.'],
      ['sam', 'That was on me.'],
      ['maya', 'Thanks.'],
      ['sam', 'Thank you for listening.'],
    ]);
    expect(actions.map((a) => [a.at, a.action.kind])).toEqual([
      [0, 'acknowledge'],
      [4, 'acknowledge'],
    ]);
  });

  it('never reflects or acknowledges a message the analyzer would hold, or a threat', () => {
    expect(deliver(couple(), [['maya', 'I feel hurt because you are a useless selfish idiot.']])).toEqual([]);
    expect(deliver(couple(), [['sam', "I'm sorry, I'm so angry I could kill you."]])).toEqual([]);
  });

  it('does not reflect a disclosure of fear or harm, and nobody is invited to answer it', () => {
    const room = couple();
    const disclosure = "I'm scared of what you'll do when we get home. I felt so alone.";
    expect(listeningAfter(room, 'maya', disclosure)).toMatchObject({ action: null, disclosure: true });
    // Sam has been quiet a long time: after the disclosure, he is still not invited in.
    const quiet = { ...room, quietFor: { maya: 0, sam: 20 }, sinceNudge: 10 };
    expect(afterDelivered(quiet, 'maya', disclosure).actions).toEqual([]);
    expect(afterDelivered(quiet, 'maya', 'The bill came on Tuesday.').actions).toEqual([
      { kind: 'invite', quiet: 'sam', mode: 'open' },
    ]);
  });

  it('leaves saying back to the listener in speaker-listener, but still acknowledges', () => {
    const room = couple('speaker-listener');
    expect(listeningAfter(room, 'maya', FEELING).action).toBeNull();
    expect(listeningAfter(room, 'sam', 'I apologise for the comment about your cooking.').action?.kind).toBe(
      'acknowledge',
    );
  });

  it('takes the pipeline’s verdict on the message when it has one, as it would its own analysis', () => {
    const room = couple();
    expect(listeningAfter(room, 'maya', FEELING, { held: false, labels: [] }).action?.kind).toBe('reflect');
    // Sent as written after a hold, or carrying a safety label: never said back.
    expect(listeningAfter(room, 'maya', FEELING, { held: true, labels: ['insult'] }).action).toBeNull();
    expect(listeningAfter(room, 'maya', FEELING, { held: false, labels: ['threat'] }).action).toBeNull();
  });

  it('says nothing during a break', () => {
    const room = { ...couple(), break: { startedAt: 0, endsAt: 10_000, requestedBy: 'maya' } } as RoomRecord;
    expect(listeningAfter(room, 'maya', FEELING).action).toBeNull();
  });

  it('comes first among the facilitator’s actions after the message', () => {
    const room = { ...couple(), quietFor: { maya: 0, sam: 20 }, sinceNudge: 10 };
    expect(afterDelivered(room, 'maya', FEELING).actions.map((a) => a.kind)).toEqual(['reflect', 'invite']);
  });
});

describe('a repair attempt right after someone else was heard', () => {
  it('is still acknowledged', () => {
    const actions = deliver(couple(), [
      ['maya', FEELING],
      ['sam', "I'm sorry I wasn't there."],
    ]);
    expect(actions.map((a) => [a.at, a.action.kind])).toEqual([
      [0, 'reflect'],
      [1, 'acknowledge'],
    ]);
  });
});
