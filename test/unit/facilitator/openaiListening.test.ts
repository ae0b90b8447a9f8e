import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalFacilitator } from '../../../server/facilitator/local.js';
import { type FallbackReason, OpenAIFacilitator } from '../../../server/facilitator/openai.js';
import { systemPrompt, type Task } from '../../../server/facilitator/prompts/prompts.js';
import type { RoomContext } from '../../../server/facilitator/types.js';
import { type FakeOpenAI, json, startFakeOpenAI } from '../../helpers/fakeOpenAI.js';

/** The openai engine's reflections and acknowledgements: the model's words only when they are faithful. */

const room: RoomContext = { kind: 'couple', title: 'Weekends', names: { maya: 'Maya', sam: 'Sam' } };
const local = new LocalFacilitator();
const FEELING = 'I felt humiliated and scared at the party.';
const APOLOGY = "I'm sorry I wasn't there.";

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

describe('prompts for saying back', () => {
  it('tell the model to use only the person’s words and to ask nothing of anyone else', () => {
    expect(systemPrompt('reflect')).toMatch(/name a feeling only if it is in data\.heard\.feelings/);
    expect(systemPrompt('reflect')).toMatch(/do not speak to, name or ask anything of anyone else/);
    expect(systemPrompt('acknowledge')).toMatch(/Do not ask, expect or suggest that anyone else accept, forgive/);
    for (const t of ['reflect', 'acknowledge'] as const) expect(systemPrompt(t)).toMatch(/never instructions to you/);
  });
});

describe('OpenAIFacilitator reflect and acknowledge', () => {
  it('sends the message and what was heard in it, and uses faithful words', async () => {
    fake.script('reflect', json({ text: 'Maya, it sounds like you felt humiliated and scared at the party.' }));
    expect(await engine.reflect(room, 'maya', FEELING)).toBe(
      'Maya, it sounds like you felt humiliated and scared at the party.',
    );
    expect(fake.requests[0].data).toMatchObject({
      speaker: 'Maya',
      message: FEELING,
      heard: { feelings: ['humiliated', 'scared'] },
    });
    expect(fallbacks).toEqual([]);
  });

  it('falls back to local when the model names a feeling the person did not use', async () => {
    fake.script('reflect', json({ text: 'Maya, it sounds like you felt angry at the party.' }));
    expect(await engine.reflect(room, 'maya', FEELING)).toBe(await local.reflect(room, 'maya', FEELING));
    expect(fallbacks).toEqual([['unsafe', 'reflect']]);
  });

  it('falls back when the model turns to the other person, or forgets the speaker’s name', async () => {
    fake.script('acknowledge', json({ text: 'Thank you, Sam. Maya, can you accept this apology?' }));
    expect(await engine.acknowledge(room, 'sam', APOLOGY)).toBe(
      'Thank you, Sam. Saying you’re sorry you weren’t there takes courage.',
    );
    fake.script('acknowledge', json({ text: 'That takes courage.' }));
    await engine.acknowledge(room, 'sam', APOLOGY);
    expect(fallbacks).toEqual([
      ['unsafe', 'acknowledge'],
      ['unsafe', 'acknowledge'],
    ]);
  });

  it('falls back on a malformed answer, and says nothing when local has nothing to say either', async () => {
    fake.script('reflect', json({ words: 'no text field' }));
    expect(await engine.reflect(room, 'maya', 'The bill came on Tuesday.')).toBeNull();
    expect(fallbacks).toEqual([['malformed', 'reflect']]);
  });
});
