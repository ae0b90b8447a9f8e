import { describe, expect, it } from 'vitest';
import {
  agendaHears,
  clauseMatch,
  duplicateOf,
  emptyAgenda,
  fewTopics,
  newTopic,
  openAgenda,
  openingDue,
  settleByClauses,
  similarWords,
  takeWords,
} from '../../../../server/rooms/policies/agenda.js';
import { contentWords, sharedTitle, stem, topicTitle } from '../../../../server/rooms/policies/topicTitle.js';
import type { AgendaRecord, RoomRecord } from '../../../../server/rooms/model.js';
import { roomWith } from '../../../helpers/roomFixture.js';

const calm = () => true;

/** Ann and Ben in a joint session, with the points given shared from preparation. */
function couple(shared: [string, string][] = []): RoomRecord {
  const room = roomWith([
    ['ann', 'host'],
    ['ben', 'participant'],
  ]);
  room.participants[0].name = 'Ann';
  room.participants[1].name = 'Ben';
  room.phase = 'joint';
  room.sharedPoints = shared.map(([participantId, text]) => ({ participantId, text }));
  return room;
}

describe('a topic title from a person’s own words', () => {
  const cases: [string, string | null][] = [
    [
      'When the $800 chair went on the card without us talking, I felt anxious about the electric bill.',
      'the $800 chair',
    ],
    ["I'm tired of weekend plans with my parents being made without me.", 'weekend plans with my parents'],
    ['I need more time together on weekends.', 'more time together on weekends'],
    ["I'm not doing your share of the on-call rota anymore", 'your share of the on-call rota'],
    ['Your comments about my weight at every dinner have to stop.', 'your comments about my weight at every dinner'],
    ['Nobody else will cover the Saturday shift.', 'the Saturday shift'],
    ["I'm not covering anyone else's on-call weekends without a swap back.", 'on-call weekends without a swap'],
    ['I would like us to plan some of our weekends together.', 'our weekends together'],
    ["I sat alone at Maya's birthday dinner, three times.", "Maya's birthday dinner"],
    ['We need to talk about the chores.', 'the chores'],
    ['You never help with the kids at bedtime.', 'the kids at bedtime'],
    ['Please stop making plans for both of us without asking.', 'plans for both of us'],
    // Nothing to name: an apology, a feeling, "I hear you".
    ["I'm sorry I wasn't there. I felt awful.", null],
    ['I hear you.', null],
    ['I hear you. I want that too, I just get anxious when nothing is planned.', null],
  ];
  it.each(cases)('%s -> %s', (text, title) => {
    expect(topicTitle(text, { names: ['Maya'] })).toBe(title);
  });

  it('is never the whole message, and stays within the bound', () => {
    const long =
      'When you booked the expensive weekend away with your old university friends from the rugby club without ' +
      'asking me first, I felt left out.';
    const title = topicTitle(long) ?? '';
    expect(title.length).toBeGreaterThan(0);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.split(' ').length).toBeLessThanOrEqual(8);
    expect(long).toContain(title); // the person's own words
  });

  it('a lone weak word is no topic for first words, but a shared point always gets a title', () => {
    expect(topicTitle('Text me if plans change.', { minScore: 0 })).toBeNull();
    expect(sharedTitle('Text me if plans change.')).toBe('text me if plans change');
    expect(sharedTitle('I would like us to text each other when plans change, before the time we said.')).toBe(
      'text each other when plans change',
    );
    expect(sharedTitle("I'm sorry I wasn't there. I felt awful.")).toBe("I'm sorry I wasn't there");
    expect(sharedTitle('I need to know Asha is safe when she is out late.')).toBe('I need to know Asha is safe');
  });

  it('matches words by a crude stem', () => {
    expect(stem('planning')).toBe(stem('plans'));
    expect(stem('planned')).toBe(stem('plan'));
    expect(stem('weekends')).toBe(stem('weekend'));
    expect(contentWords('the $800 chair')).toEqual(['800', 'chair']);
    expect(contentWords('I felt so anxious about it')).toEqual([]);
  });
});

describe('similar topics once', () => {
  it('the same thing in other words is a duplicate; a different thing is not', () => {
    expect(similarWords(contentWords('the $800 chair'), contentWords('the chair'))).toBe(true);
    expect(similarWords(contentWords('weekend plans with my parents'), contentWords('our weekends together'))).toBe(
      false,
    );
    let agenda: AgendaRecord = emptyAgenda();
    agenda = { ...agenda, topics: [newTopic(agenda, 'the $800 chair', 'ann')] };
    expect(duplicateOf(agenda, 'that chair')?.id).toBe('t1');
    expect(duplicateOf(agenda, 'the electric bill')).toBeUndefined();
  });
});

describe('opening the agenda', () => {
  it('a topic per shared point, similar ones once, the first current, read out at once', () => {
    const room = couple([
      ['ann', 'When the $800 chair went on the card without us talking, I felt anxious.'],
      ['ann', 'That chair is still on the card.'],
      ['ben', 'I need more time together on weekends.'],
    ]);
    const { agenda, announce } = openAgenda(room, calm);
    expect(agenda.topics.map((t) => [t.id, t.title, t.by])).toEqual([
      ['t1', 'the $800 chair', 'ann'],
      ['t2', 'more time together on weekends', 'ben'],
    ]);
    expect(agenda.current).toBe('t1');
    expect(announce).toBe(true);
    expect(agenda.announced).toBe(true);
  });

  it('nothing shared: an empty agenda, read out later', () => {
    expect(openAgenda(couple(), calm)).toEqual({ agenda: emptyAgenda(), announce: false });
  });

  it('leaves out titles the analyzer would hold', () => {
    const room = couple([['ann', 'I need more time together on weekends.']]);
    expect(openAgenda(room, () => false).agenda.topics).toEqual([]);
  });
});

describe('first words', () => {
  it('are heard once per party, while the agenda is thin; a shared point always', () => {
    const room = couple();
    room.agenda = emptyAgenda();
    expect(agendaHears(room, 'ann', 'Hello')).toEqual({ shared: false });
    room.agenda = { ...room.agenda, heard: ['ann'] };
    expect(agendaHears(room, 'ann', 'Hello again')).toBeNull();
    room.sharedPoints = [{ participantId: 'ann', text: 'The chores.' }];
    expect(agendaHears(room, 'ann', 'The chores.')).toEqual({ shared: true });
    room.phase = 'prep';
    expect(agendaHears(room, 'ben', 'Hello')).toBeNull();
  });

  it('make topics until each party has one; the agenda is read out once everyone was heard', () => {
    const room = couple();
    room.agenda = emptyAgenda();
    const first = takeWords(room, 'ann', 'I am upset about the $800 chair you bought.', false, calm);
    expect(first.added?.title).toBe('the $800 chair');
    expect(first.announce).toBe(false); // Ben has not spoken yet
    room.agenda = first.agenda;
    const second = takeWords(room, 'ben', 'I hear you.', false, calm);
    expect(second.added).toBeNull();
    expect(second.announce).toBe(true);
    expect(second.agenda.heard).toEqual(['ann', 'ben']);
  });

  it('stop once there are enough topics', () => {
    const room = couple([
      ['ann', 'The $800 chair.'],
      ['ann', 'The electric bill.'],
    ]);
    room.agenda = openAgenda(room, calm).agenda;
    expect(room.agenda.topics).toHaveLength(fewTopics(2));
    const out = takeWords(room, 'ben', 'My parents keep making weekend plans for us.', false, calm);
    expect(out.added).toBeNull();
    expect(out.agenda.heard).toEqual(['ben']);
  });

  it('is due to be read out once, when there is something open and everyone brought or said something', () => {
    const agenda = { ...emptyAgenda(), topics: [newTopic(emptyAgenda(), 'the chores', 'ann')] };
    expect(openingDue(agenda, ['ann', 'ben'])).toBe(false);
    expect(openingDue({ ...agenda, heard: ['ben'] }, ['ann', 'ben'])).toBe(true);
    expect(openingDue({ ...agenda, heard: ['ben'], announced: true }, ['ann', 'ben'])).toBe(false);
    // A group: two topics are enough to start with while Lea has not spoken; the reading invites her.
    const two = { ...agenda, topics: [...agenda.topics, { ...newTopic(agenda, 'the car', 'kai'), id: 't2' }] };
    expect(openingDue(two, ['ann', 'kai', 'lea'])).toBe(true);
    expect(openingDue({ ...two, topics: two.topics.slice(0, 1) }, ['ann', 'kai', 'lea'])).toBe(false);
  });
});

describe('clauses settle topics', () => {
  function twoTopics(): AgendaRecord {
    let agenda = emptyAgenda();
    const t1 = newTopic(agenda, 'the $800 chair', 'ann', 'When the $800 chair went on the card without us talking');
    agenda = { ...agenda, topics: [t1], current: 't1', added: 1, announced: true };
    const t2 = newTopic(agenda, 'weekend plans with my parents', 'ben');
    return { ...agenda, topics: [t1, t2], added: 2 };
  }

  it('a clause matching the current topic settles it and the room moves on', () => {
    const out = settleByClauses(twoTopics(), [
      { id: 'c1', text: 'We talk before buying anything over $200, like the chair.' },
    ]);
    expect(out?.agenda.topics.map((t) => t.status)).toEqual(['clause', 'open']);
    expect(out?.agenda.topics[0].clauseId).toBe('c1');
    expect(out?.moved?.closed.id).toBe('t1');
    expect(out?.moved?.next?.id).toBe('t2');
  });

  it('a clause matching another topic settles it without moving the room', () => {
    const out = settleByClauses(twoTopics(), [
      { id: 'c1', text: 'We check with each other before making weekend plans with parents.' },
    ]);
    expect(out?.agenda.topics.map((t) => t.status)).toEqual(['open', 'clause']);
    expect(out?.moved).toBeNull();
    expect(out?.agenda.current).toBe('t1');
  });

  it('an unrelated, empty or already counted clause changes nothing', () => {
    const agenda = twoTopics();
    expect(settleByClauses(agenda, [{ id: 'c1', text: 'We take turns choosing the film on Fridays.' }])).toBeNull();
    expect(settleByClauses(agenda, [{ id: 'c2', text: '' }])).toBeNull();
    const settled = settleByClauses(agenda, [{ id: 'c3', text: 'The chair goes back to the shop.' }])
      ?.agenda as AgendaRecord;
    expect(
      settleByClauses(settled, [{ id: 'c3', text: 'We agree on the chair and weekend plans with parents.' }]),
    ).toBeNull();
  });

  it('scores by the title’s words first', () => {
    const [chair] = twoTopics().topics;
    expect(clauseMatch(chair, contentWords('the chair goes back'))).toBeGreaterThan(0);
    expect(clauseMatch(chair, contentWords('we talk about money'))).toBe(0);
  });
});

describe('what is not a topic', () => {
  it('"each other", or the person an amends is made to', () => {
    expect(topicTitle('I would like us to text each other when plans change.', { minScore: 0 })).toBeNull();
    expect(topicTitle('I want to make it up to Maya for the birthday dinner.')).toBe('the birthday dinner');
  });
});
