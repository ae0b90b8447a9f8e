import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agendaOpenedWords, topicChangedWords } from '../../../server/facilitator/agendaWords.js';
import { LocalFacilitator } from '../../../server/facilitator/local.js';
import { OpenAIFacilitator, type FallbackReason } from '../../../server/facilitator/openai.js';
import { systemPrompt, type Task } from '../../../server/facilitator/prompts/prompts.js';
import type { RoomContext } from '../../../server/facilitator/types.js';
import { json, startFakeOpenAI, type FakeOpenAI } from '../../helpers/fakeOpenAI.js';

const couple: RoomContext = { kind: 'couple', title: 'Us', names: { a: 'Maya', b: 'Jordan' }, parties: ['a', 'b'] };
const family: RoomContext = {
  kind: 'family',
  title: 'Sundays',
  names: { m: 'Mum', k: 'Kai', l: 'Lea', o: 'Olive' },
  parties: ['m', 'k', 'l'],
};
const chair = { title: 'the $800 chair', by: 'a' };
const parents = { title: 'weekend plans with my parents', by: 'b' };

describe('the local engine reads the agenda out', () => {
  it('what each brought, quoted in their words, and where the room starts', () => {
    expect(agendaOpenedWords(couple, [chair, parents], chair)).toBe(
      'Here is what you each brought: “the $800 chair” from Maya and “weekend plans with my parents” from ' +
        'Jordan. Let’s start with “the $800 chair”, which Maya brought. We will take one topic at a time, and ' +
        'move on when it feels settled or becomes part of the agreement.',
    );
  });

  it('one person’s topics, and a welcome for those who brought none, by name', () => {
    expect(
      agendaOpenedWords(family, [{ title: 'Sunday dinners', by: 'k' }], { title: 'Sunday dinners', by: 'k' }),
    ).toBe(
      'Kai brought “Sunday dinners”, so let’s start there. Mum and Lea, whatever you would like to ' +
        'talk about has a place here too.',
    );
  });

  it('never calls on someone who told of harm, or whose message was held for safety, to bring a topic', () => {
    const one = { title: 'Sunday dinners', by: 'k' };
    expect(agendaOpenedWords({ ...family, unnamed: ['l'] }, [one], one)).toBe(
      'Kai brought “Sunday dinners”, so let’s start there. Mum, whatever you would like to talk about has a place ' +
        'here too.',
    );
    expect(agendaOpenedWords({ ...couple, unnamed: ['b'] }, [chair], chair)).toBe(
      'Maya brought “the $800 chair”, so let’s start there.',
    );
  });

  it('groups: each of you; topics added by hand have no author; long agendas are not read out in full', () => {
    const topics = [
      { title: 'Sunday dinners', by: 'k' },
      { title: 'the car', by: 'l' },
      { title: 'pocket money', by: 'm' },
      { title: 'one', by: null },
      { title: 'two', by: null },
      { title: 'three', by: null },
      { title: 'four', by: null },
    ];
    const text = agendaOpenedWords(family, topics, topics[0]);
    expect(text).toMatch(/^Here is what each of you brought: “Sunday dinners” from Kai, “the car” from Lea, /);
    expect(text).toContain('“one”, “two”, and 2 more.');
    expect(text).not.toContain('Olive'); // an observer brings no topics and is not asked to
    expect(agendaOpenedWords(couple, [{ title: 'Chores', by: null }], { title: 'Chores', by: null })).toBe(
      'Here is the agenda so far: “Chores”, so let’s start there.',
    );
  });

  it('moves on: closed, became a clause, the last one, a chosen one', () => {
    expect(topicChangedWords(couple, { ...chair, how: 'closed' }, parents)).toBe(
      'We will leave “the $800 chair” there for now. Let’s turn to “weekend plans with my parents”, which Jordan ' +
        'brought.',
    );
    expect(topicChangedWords(couple, { ...chair, how: 'clause' }, null)).toBe(
      '“the $800 chair” is now a proposed clause in the agreement, where you can shape it together. That was the ' +
        'last topic on the agenda. If something is still open for either of you, the host or a mediator can add it.',
    );
    expect(topicChangedWords(family, { title: 'the car', by: 'l', how: 'closed' }, null)).toContain('any of you');
    expect(topicChangedWords(couple, null, { title: 'Chores', by: null })).toBe('Let’s turn to “Chores”.');
  });

  it('is what LocalFacilitator says', async () => {
    const local = new LocalFacilitator();
    expect(await local.agendaOpened(couple, [chair], chair)).toBe(agendaOpenedWords(couple, [chair], chair));
    expect(await local.topicChanged(couple, null, parents)).toBe(topicChangedWords(couple, null, parents));
  });
});

describe('the openai engine reads the agenda out', () => {
  let fake: FakeOpenAI;
  let fallbacks: [FallbackReason, Task][];
  let engine: OpenAIFacilitator;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.reset();
    fallbacks = [];
    engine = new OpenAIFacilitator({
      model: 'm',
      baseURL: fake.baseURL,
      rewriteTimeoutMs: 300,
      timeoutMs: 300,
      heatThreshold: 0.5,
      onFallback: (reason, task) => fallbacks.push([reason, task]),
    });
  });

  it('sends the topics with names, not ids, and uses words that name the current topic', async () => {
    const said = 'Maya brought “the $800 chair”, Jordan “weekend plans with my parents”. We start with the $800 chair.';
    fake.script('agendaOpened', json({ text: said }));
    expect(await engine.agendaOpened(couple, [chair, parents], chair)).toBe(said);
    expect(fake.requests[0].data).toMatchObject({
      topics: [
        { title: 'the $800 chair', broughtBy: 'Maya' },
        { title: 'weekend plans with my parents', broughtBy: 'Jordan' },
      ],
      current: { title: 'the $800 chair', broughtBy: 'Maya' },
    });
    expect(systemPrompt('agendaOpened')).toMatch(/exactly as written/);
    expect(fallbacks).toEqual([]);
  });

  it('falls back to the local words when the model does not name the next topic, or is heated', async () => {
    fake.script('topicChanged', json({ text: 'Let us move on to the next thing.' }));
    const settled = { ...chair, how: 'closed' as const };
    expect(await engine.topicChanged(couple, settled, parents)).toBe(topicChangedWords(couple, settled, parents));
    fake.script('topicChanged', json({ text: 'Jordan, you idiot, weekend plans with my parents is next.' }));
    expect(await engine.topicChanged(couple, settled, parents)).toBe(topicChangedWords(couple, settled, parents));
    expect(fallbacks).toEqual([
      ['malformed', 'topicChanged'],
      ['unsafe', 'topicChanged'],
    ]);
    expect(fake.requests[0].data).toMatchObject({ settled: { title: 'the $800 chair', how: 'closed' } });
  });
});
