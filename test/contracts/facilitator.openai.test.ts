import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { OpenAIFacilitator, type FallbackReason } from '../../server/facilitator/openai.js';
import type { Task } from '../../server/facilitator/prompts/prompts.js';
import { json, startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../helpers/fakeOpenAI.js';
import { facilitatorContract } from './facilitator.contract.js';

/**
 * The `openai` engine against a fake OpenAI-compatible server on 127.0.0.1 that answers each task
 * plausibly from the data it is sent. Every test also checks that no answer fell back to `local`,
 * so the contract holds for the model's words, not the fallback's.
 */

let fake: FakeOpenAI;
let fallbacks: [FallbackReason, Task][] = [];

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const REWRITES: [RegExp, string[]][] = [
  [
    /listen/i,
    [
      'When I talk and get no answer, I feel unheard, because I need to be listened to. ' +
        'Would you be willing to listen for a few minutes?',
      'I would really like you to listen to me for a moment.',
    ],
  ],
  [/weekend/i, ['When every weekend is planned without me, I feel left out. Could we plan our weekends together?']],
  [
    /money/i,
    [
      'I feel worried when we talk about money. Could we go through it calmly together?',
      'Money is a hard topic for me. Can we take it one step at a time?',
    ],
  ],
];

function answer(r: RecordedRequest) {
  const d = r.data ?? {};
  const people: string[] = d.room?.people ?? [];
  switch (r.task) {
    case 'welcome':
      return json({ text: `Welcome, ${list(people)}. Thank you for being here. ${d.howTurnsWork}`.trim() });
    case 'modeChanged':
      return json({ text: `We are changing how turns work. ${d.howTurnsWork}`.trim() });
    case 'nudge':
      return json({ text: `Thank you, ${d.dominant}. ${d.quiet}, would you like to share how this lands for you?` });
    case 'breakStarted':
      return json({
        text:
          d.calledBy === 'facilitator'
            ? `Let’s pause for ${d.minutes} minutes and breathe. The room will be here when you come back.`
            : `${d.calledBy} asked for a break, and that is a good call. Let’s pause for ${d.minutes} minutes.`,
      });
    case 'summary': {
      const heard = [...new Set((d.messages ?? []).map((m: { from: string }) => m.from))] as string[];
      const opening = d.occasion === 'end' ? 'Thank you all.' : 'Here is where we are.';
      return json({
        text: heard.length
          ? `${opening} We heard what matters to ${list(heard)}. Let’s pick up one point at a time.`
          : `${opening} Whenever you are ready, let’s pick up gently.`,
      });
    }
    case 'agendaOpened': {
      const topics = (d.topics ?? []).map((t: { title: string }) => `“${t.title}”`);
      return json({ text: `You brought ${list(topics)}. Let’s start with “${d.current?.title}”.` });
    }
    case 'topicChanged':
      return json({
        text: d.next ? `Let’s turn to “${d.next.title}” now.` : 'That was the last topic on the agenda for now.',
      });
    case 'paraphraseFirst':
      return json({ text: `${d.listener}, could you first say back what you heard ${d.speaker} say?` });
    case 'clauseOffer': {
      const material = (d.sharedPoints?.length ?? 0) + (d.messages?.length ?? 0);
      return json({
        text: material ? 'It feels calmer now. Here are drafts you could start from together.' : 'It feels calmer now.',
        drafts: material
          ? ['We plan our weekends together on Sunday evenings.', 'We each keep one quiet evening a week.']
          : [],
      });
    }
    case 'rewrite': {
      const found = REWRITES.find(([re]) => re.test(String(d.message)));
      return found ? json({ suggestions: found[1] }) : undefined;
    }
    case 'reflect': {
      const feelings: string[] = d.heard?.feelings ?? [];
      const needs: string[] = d.heard?.needs ?? [];
      const parts = [
        ...(feelings.length ? [`you felt ${feelings.join(' and ')}`] : []),
        ...(needs.length ? [`you need ${String(needs[0]).replace(/\bmy\b/g, 'your')}`] : []),
      ];
      return json({
        text: `${d.speaker}, it sounds like ${parts.length ? parts.join(', and ') : 'this matters to you'}.`,
      });
    }
    case 'acknowledge':
      return json({ text: `Thank you, ${d.speaker}. What you just said takes courage.` });
    case 'prepReply':
      return json({ text: `Thank you, ${d.name}. What do you need most, underneath all of this?` });
    default:
      return undefined;
  }
}

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
beforeEach(() => {
  fake.reset();
  fake.respond(answer);
  fallbacks = [];
});
afterEach(() => {
  expect(fallbacks, 'every answer was the model’s, none fell back to local').toEqual([]);
  expect(fake.requests.length).toBeGreaterThan(0);
});
afterAll(() => fake.close());

facilitatorContract(
  'openai',
  async () =>
    new OpenAIFacilitator({
      model: 'fake-model',
      apiKey: 'test-key',
      baseURL: fake.baseURL,
      rewriteTimeoutMs: 1500,
      timeoutMs: 4000,
      heatThreshold: 0.5,
      onFallback: (reason, task) => fallbacks.push([reason, task]),
    }),
  { modelRequests: () => fake.requests.map((r) => ({ task: r.task, body: JSON.stringify(r.body) })) },
);
