import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LocalFacilitator } from '../../server/facilitator/local.js';
import { maxTokensFor } from '../../server/facilitator/modelClient.js';
import { z } from 'zod';
import { isStrictable, modelSchema, partialText, RewriteOut, TextOut } from '../../server/facilitator/modelOutput.js';
import { OpenAIFacilitator, type FallbackReason } from '../../server/facilitator/openai.js';
import type { Task } from '../../server/facilitator/prompts/prompts.js';
import type { FacilitatorEngine } from '../../server/facilitator/types.js';
import { analyze } from '../../server/analysis/index.js';
import type { PrepMessage } from '../../shared/protocol.js';
import { json, parts, raw, slow, startFakeOpenAI, status, type FakeOpenAI } from '../helpers/fakeOpenAI.js';

/**
 * The `openai` engine's transport against a fake OpenAI-compatible server on 127.0.0.1: the answer's
 * shape asked for as strictly as the server allows, a length bound per task, the time budget, and
 * streamed preparation replies.
 */

const room = { kind: 'couple' as const, title: 'Weekends', names: { a: 'Ann', b: 'Ben' } };
const local: FacilitatorEngine = new LocalFacilitator();
const HEATED = 'You are such an idiot, you never listen to anything I say';
const CALM = 'When I talk and get no reply, I feel hurt. Would you be willing to listen for a few minutes?';
const history: PrepMessage[] = [
  { role: 'facilitator', text: 'What happened?', at: 0 },
  { role: 'you', text: 'He forgot my birthday dinner again.', at: 1 },
];

let fake: FakeOpenAI;
let fallbacks: [FallbackReason, Task][];

function engine(options: Partial<ConstructorParameters<typeof OpenAIFacilitator>[0]> = {}) {
  return new OpenAIFacilitator({
    model: 'm',
    baseURL: fake.baseURL,
    rewriteTimeoutMs: 1000,
    timeoutMs: 1000,
    heatThreshold: 0.5,
    onFallback: (reason, task) => fallbacks.push([reason, task]),
    ...options,
  });
}

const formats = () => fake.requests.map((r) => r.body.response_format?.type ?? 'text');

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fallbacks = [];
});

describe('the answer’s shape', () => {
  it('asks for a strict JSON schema built from the task’s zod shape, and uses the answer', async () => {
    fake.script('nudge', json({ text: 'Thank you, Ann. Ben, how does this land for you?' }));
    expect(await engine().nudge(room, 'a', 'b')).toBe('Thank you, Ann. Ben, how does this land for you?');
    const format = fake.requests[0].body.response_format;
    expect(format).toEqual({
      type: 'json_schema',
      json_schema: {
        name: 'nudge',
        strict: true,
        schema: {
          type: 'object',
          properties: { text: { type: 'string' } },
          required: ['text'],
          additionalProperties: false,
        },
      },
    });
    expect(fallbacks).toEqual([]);
  });

  it('the schema keeps what strict mode takes (required, item counts) and drops what it refuses', () => {
    expect(modelSchema(RewriteOut)).toEqual({
      type: 'object',
      properties: { suggestions: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 10 } },
      required: ['suggestions'],
      additionalProperties: false,
    });
    expect(JSON.stringify(modelSchema(TextOut))).not.toMatch(/minLength|maxLength|\$schema/);
    expect(isStrictable(modelSchema(RewriteOut))).toBe(true);
    expect(isStrictable(modelSchema(z.object({ text: z.string(), note: z.string().optional() })))).toBe(false);
    expect(isStrictable(modelSchema(z.object({ items: z.array(z.object({ a: z.string() }).loose()) })))).toBe(false);
  });

  it('a server that refuses a schema is asked for a JSON object, then for plain text; it is remembered', async () => {
    const e = engine();
    fake.refuse('json_schema');
    fake.script('welcome', json({ text: 'Welcome, Ann and Ben.' }), json({ text: 'Welcome back.' }));
    expect(await e.welcome(room, 'open')).toBe('Welcome, Ann and Ben.');
    expect(await e.welcome(room, 'open')).toBe('Welcome back.');
    expect(formats()).toEqual(['json_schema', 'json_object', 'json_object']);

    fake.reset();
    fake.refuse('json_schema', 'json_object');
    // No format at all: an answer in plain words counts as the text of a text-only task.
    fake.script('summary', raw('Welcome back, Ann and Ben. Let’s pick up one point at a time.'));
    fake.script('rewrite', raw(`Sure: {"suggestions": [${JSON.stringify(CALM)}]}`));
    expect(await e.summary(room, [], { occasion: 'break' })).toBe(
      'Welcome back, Ann and Ben. Let’s pick up one point at a time.',
    );
    expect(await e.rewrite(HEATED, analyze(HEATED, { threshold: 0.5 }))).toEqual([CALM]);
    expect(formats()).toEqual(['json_object', 'text', 'text']);
    expect(fake.requests[1].body).not.toHaveProperty('response_format');
    expect(fallbacks).toEqual([]);
  });

  it('a plain-word answer is not taken as a text while the server was asked for JSON', async () => {
    fake.script('summary', raw('Welcome back, everyone!'));
    expect(await engine().summary(room, [], { occasion: 'break' })).toBe(
      await local.summary(room, [], { occasion: 'break' }),
    );
    expect(fallbacks).toEqual([['malformed', 'summary']]);
  });

  it('a server error is not a refusal: the format stays, the call falls back', async () => {
    const e = engine();
    fake.script('welcome', status(500), json({ text: 'Welcome, both of you.' }));
    expect(await e.welcome(room, 'open')).toBe(await local.welcome(room, 'open'));
    expect(await e.welcome(room, 'open')).toBe('Welcome, both of you.');
    expect(formats()).toEqual(['json_schema', 'json_schema']);
    expect(fallbacks).toEqual([['error', 'welcome']]);
  });
});

describe('the length bound', () => {
  it('sends max_tokens per task', async () => {
    const e = engine();
    await e.welcome(room, 'open');
    await e.rewrite(HEATED, analyze(HEATED, { threshold: 0.5 }));
    await e.prepReply(history, 'Ann');
    const bounds = Object.fromEntries(fake.requests.map((r) => [r.task, r.body.max_tokens]));
    expect(bounds).toEqual({ welcome: 300, rewrite: 350, prepReply: 400 });
    expect(maxTokensFor('clauseOffer')).toBe(400);
    expect(fake.requests.every((r) => !('max_completion_tokens' in r.body))).toBe(true);
  });

  it('FACILITATOR_MAX_TOKENS bounds every task alike', async () => {
    const e = engine({ maxTokens: 120 });
    await e.welcome(room, 'open');
    await e.prepReply(history, 'Ann');
    expect(fake.requests.map((r) => r.body.max_tokens)).toEqual([120, 120]);
  });

  it('the official API gets max_completion_tokens; a server that refuses a parameter name gets the other', async () => {
    const client = new OpenAI({ apiKey: 'k', baseURL: fake.baseURL, maxRetries: 0 });
    const official = engine({ baseURL: undefined, client });
    await official.welcome(room, 'open');
    expect(fake.requests[0].body).toMatchObject({ max_completion_tokens: 300 });
    expect(fake.requests[0].body).not.toHaveProperty('max_tokens');

    fake.reset();
    const e = engine();
    const refusal =
      "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens'.";
    fake.respond((r) => ('max_tokens' in r.body ? status(400, refusal) : json({ text: 'Welcome, Ann and Ben.' })));
    expect(await e.welcome(room, 'open')).toBe('Welcome, Ann and Ben.');
    expect(await e.welcome(room, 'open')).toBe('Welcome, Ann and Ben.');
    expect(fake.requests.map((r) => ('max_tokens' in r.body ? 'max_tokens' : 'max_completion_tokens'))).toEqual([
      'max_tokens',
      'max_completion_tokens',
      'max_completion_tokens',
    ]);
    // the format was not lowered for a refusal of the parameter
    expect(formats()).toEqual(['json_schema', 'json_schema', 'json_schema']);
    expect(fallbacks).toEqual([]);
  });
});

describe('the time budget', () => {
  it('a slow server: the local words, within the budget, counted as a timeout', async () => {
    const e = engine({ timeoutMs: 300 });
    fake.script('breakStarted', slow(3000, json({ text: 'Let’s pause.' })));
    const started = Date.now();
    expect(await e.breakStarted(room, 5, 'b')).toBe(await local.breakStarted(room, 5, 'b'));
    expect(Date.now() - started).toBeLessThan(800);
    expect(fallbacks).toEqual([['timeout', 'breakStarted']]);
  });

  it('a server that stalls in the middle of a stream: the local reply, within the budget', async () => {
    const e = engine({ timeoutMs: 300 });
    fake.script('prepReply', parts(['{"text": "That sounds', ' painful.', ' How did it feel?"}'], 400));
    const seen: string[] = [];
    const started = Date.now();
    expect(await e.prepReply(history, 'Ann', (t) => seen.push(t))).toBe(await local.prepReply(history, 'Ann'));
    expect(Date.now() - started).toBeLessThan(800);
    expect(seen).toContain('That sounds');
    expect(fallbacks).toEqual([['timeout', 'prepReply']]);
  });
});

describe('streamed preparation replies', () => {
  it('arrive in parts as they are written; the final reply is the whole, checked text', async () => {
    fake.script(
      'prepReply',
      parts(['{"te', 'xt": "That sounds', ' really painful, Ann.', ' How did it \\"leave\\" you', ' feeling?"}']),
    );
    const seen: string[] = [];
    const reply = await engine().prepReply(history, 'Ann', (t) => seen.push(t));
    expect(reply).toBe('That sounds really painful, Ann. How did it "leave" you feeling?');
    expect(fake.requests[0].body).toMatchObject({ stream: true, max_tokens: 400 });
    expect(seen.filter((t) => t.length > 0)).toEqual([
      'That sounds',
      'That sounds really painful, Ann.',
      'That sounds really painful, Ann. How did it "leave" you',
      reply,
    ]);
  });

  it('a streamed reply that would be held is replaced by the local reply', async () => {
    fake.script(
      'prepReply',
      parts(['{"text": "Honestly he sounds like', ' a stupid, useless idiot and I hate him."}']),
    );
    expect(await engine().prepReply(history, 'Ann', () => undefined)).toBe(await local.prepReply(history, 'Ann'));
    expect(fallbacks).toEqual([['unsafe', 'prepReply']]);
  });

  it('reads the text written so far from unfinished JSON', () => {
    expect(partialText('')).toBe('');
    expect(partialText('{"te')).toBe('');
    expect(partialText('{"text": "Hi\\nthere, \\u00e9')).toBe('Hi\nthere, é');
    expect(partialText('{"text": "Done." }')).toBe('Done.');
    expect(partialText('<think>{"text": "no"}')).toBe('');
    expect(partialText('<think>hm</think>{"text": "yes')).toBe('yes');
  });
});
