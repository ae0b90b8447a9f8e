import { describe, expect, it } from 'vitest';
import {
  addTopic,
  checkAdd,
  chooseTopic,
  MAX_TOPICS,
  mayChangeAgenda,
  moveTopic,
  nextOpenAfter,
  settleTopic,
  topicId,
  type AgendaLike,
  type TopicLike,
} from '../../../../shared/rules/agenda.js';

const topic = (n: number, status: TopicLike['status'] = 'open'): TopicLike => ({
  id: topicId(n),
  title: `topic ${n}`,
  status,
});
const agenda = (topics: TopicLike[], current: string | null = topics[0]?.id ?? null): AgendaLike => ({
  topics,
  current,
});
const ids = (a: AgendaLike) => a.topics.map((t) => t.id);

describe('who shapes the agenda', () => {
  it('the host and mediators may; participants and observers may not', () => {
    expect(mayChangeAgenda('host').ok).toBe(true);
    expect(mayChangeAgenda('mediator').ok).toBe(true);
    expect(mayChangeAgenda('participant')).toMatchObject({ ok: false, code: 'forbidden' });
    expect(mayChangeAgenda('observer')).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('adding', () => {
  it('checks the title and the room left', () => {
    expect(checkAdd(agenda([]), '  Chores ')).toEqual({ ok: true, title: 'Chores' });
    expect(checkAdd(agenda([]), '   ')).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(checkAdd(agenda([]), 'x'.repeat(81))).toMatchObject({ ok: false, code: 'too_long' });
    expect(checkAdd(agenda([]), 'x'.repeat(80))).toMatchObject({ ok: true });
    expect(checkAdd(agenda([topic(1)]), 'TOPIC 1')).toMatchObject({ ok: false, code: 'conflict' });
    // A settled topic may come back under the same words.
    expect(checkAdd(agenda([topic(1, 'closed')]), 'topic 1')).toMatchObject({ ok: true });
    const full = agenda(Array.from({ length: MAX_TOPICS }, (_, i) => topic(i + 1, 'closed')));
    expect(checkAdd(full, 'one more')).toMatchObject({ ok: false, code: 'not_allowed' });
  });

  it('adds at the end; the first topic becomes current', () => {
    const first = addTopic(agenda([], null), topic(1));
    expect(first.current).toBe('t1');
    const second = addTopic(first, topic(2));
    expect(ids(second)).toEqual(['t1', 't2']);
    expect(second.current).toBe('t1');
  });
});

describe('moving', () => {
  it('moves a topic to a place, keeps the current one', () => {
    const a = agenda([topic(1), topic(2), topic(3)]);
    const out = moveTopic(a, 't3', 0);
    expect(out.ok && ids(out.agenda)).toEqual(['t3', 't1', 't2']);
    expect(out.ok && out.agenda.current).toBe('t1');
    const down = moveTopic(a, 't1', 2);
    expect(down.ok && ids(down.agenda)).toEqual(['t2', 't3', 't1']);
    expect(moveTopic(a, 't2', 1)).toMatchObject({ ok: true, changed: false });
  });

  it('refuses an unknown topic and a place outside the agenda', () => {
    const a = agenda([topic(1), topic(2)]);
    expect(moveTopic(a, 't9', 0)).toMatchObject({ ok: false, code: 'not_found' });
    expect(moveTopic(a, 't1', 2)).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(moveTopic(a, 't1', -1)).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(moveTopic(a, 't1', 0.5)).toMatchObject({ ok: false, code: 'invalid_payload' });
  });
});

describe('settling and moving on', () => {
  it('the next open topic below, else the first open one above, else none', () => {
    const a = agenda([topic(1), topic(2, 'closed'), topic(3), topic(4)]);
    expect(nextOpenAfter(a, 't1')?.id).toBe('t3');
    expect(nextOpenAfter(a, 't4')?.id).toBe('t1');
    expect(nextOpenAfter(agenda([topic(1)]), 't1')).toBeNull();
  });

  it('closing the current topic moves the room on; closing another does not', () => {
    const a = agenda([topic(1), topic(2), topic(3)], 't2');
    const closed = settleTopic(a, 't2');
    expect(closed).toMatchObject({ ok: true, changed: true, agenda: { current: 't3' } });
    const other = settleTopic(a, 't1', 'clause');
    expect(other).toMatchObject({ ok: true, agenda: { current: 't2' } });
    expect(other.ok && other.agenda.topics[0].status).toBe('clause');
    const last = settleTopic(agenda([topic(1)]), 't1');
    expect(last).toMatchObject({ ok: true, agenda: { current: null } });
  });

  it('settling a settled topic changes nothing; an unknown one is not found', () => {
    const a = agenda([topic(1, 'closed'), topic(2)], 't2');
    expect(settleTopic(a, 't1')).toMatchObject({ ok: true, changed: false, agenda: a });
    expect(settleTopic(a, 'nope')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('choosing makes an open topic current, never a settled one', () => {
    const a = agenda([topic(1), topic(2), topic(3, 'clause')]);
    expect(chooseTopic(a, 't2')).toMatchObject({ ok: true, changed: true, agenda: { current: 't2' } });
    expect(chooseTopic(a, 't1')).toMatchObject({ ok: true, changed: false });
    expect(chooseTopic(a, 't3')).toMatchObject({ ok: false, code: 'not_allowed' });
    expect(chooseTopic(a, 't4')).toMatchObject({ ok: false, code: 'not_found' });
  });
});
