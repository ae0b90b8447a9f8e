import type OpenAI from 'openai';
import { openaiPackage } from './openaiPackage.js';
import type { z } from 'zod';
import { isStrictable, modelSchema } from './modelOutput.js';

/**
 * The transport to an OpenAI-compatible server: one chat completion within a time budget, bounded in
 * length, asking for the answer's shape as strictly as the server allows. It learns what the server
 * accepts (a JSON schema, a JSON object, or neither; `max_tokens` or `max_completion_tokens`) from
 * its refusals and remembers it, so a refusal costs one extra request per engine, not one per call.
 */

/** How the answer's shape is asked for, strictest first. */
export type OutputFormat = 'json_schema' | 'json_object' | 'text';
export type TokenParam = 'max_tokens' | 'max_completion_tokens';

/** Why no answer came: the budget ran out, or the server failed. */
export class ModelError extends Error {
  constructor(readonly reason: 'timeout' | 'error') {
    super(reason);
  }
}

/** The longest answer each task needs (tokens): a runaway answer is cut, not waited for. */
const MAX_TOKENS: Record<string, number> = {
  // up to three suggestions of at most 80 words each, as JSON
  rewrite: 350,
  clauseOffer: 400,
  prepReply: 400,
};
const ROOM_TEXT_TOKENS = 300;

/** The bound for `task`: `override` (FACILITATOR_MAX_TOKENS) for every task when set. */
export function maxTokensFor(task: string, override?: number): number {
  return override ?? MAX_TOKENS[task] ?? ROOM_TEXT_TOKENS;
}

export interface ModelCall {
  /** Names the schema sent (letters, digits, _ and -). */
  name: string;
  system: string;
  user: string;
  schema: z.ZodType;
  maxTokens: number;
  budgetMs: number;
  /** Streams the answer: called with everything written so far, as it grows. */
  onPartial?: (content: string) => void;
}

export interface ModelAnswer {
  content: string;
  /** How the shape was asked for: plain text answers may be prose. */
  format: OutputFormat;
}

/** Statuses with which servers refuse a request they do not support (not a failure to retry later). */
const REFUSED = new Set([400, 415, 422, 501]);
const NEXT_FORMAT: Record<OutputFormat, OutputFormat | null> = {
  json_schema: 'json_object',
  json_object: 'text',
  text: null,
};

function responseFormat(call: ModelCall, format: OutputFormat) {
  if (format === 'json_schema') {
    const schema = schemaOf(call.schema);
    const name = call.name.replace(/[^\w-]/g, '_').slice(0, 64) || 'answer';
    // A shape that cannot be written as JSON Schema is asked for as a JSON object, this time only.
    if (schema) return { type: 'json_schema' as const, json_schema: { name, schema, strict: isStrictable(schema) } };
  }
  if (format !== 'text') return { type: 'json_object' as const };
  return undefined;
}

function schemaOf(schema: z.ZodType): Record<string, unknown> | null {
  try {
    return modelSchema(schema);
  } catch {
    return null;
  }
}

/** A refusal that is about the length parameter's name (newer OpenAI models take only one of them). */
function refusesTokenParam(err: InstanceType<typeof OpenAI.APIError>, param: TokenParam): boolean {
  return new RegExp(`\\b${param}\\b`).test(err.message) && /not supported|unsupported|use /i.test(err.message);
}

export class ModelClient {
  /** What the server is believed to accept; lowered by its refusals. */
  format: OutputFormat = 'json_schema';
  tokenParam: TokenParam;

  constructor(
    /** the client, or its making while the package loads (openaiPackage.ts) */
    private readonly client: OpenAI | Promise<OpenAI>,
    private readonly model: string,
    /** The official API names the bound `max_completion_tokens`; other servers know `max_tokens`. */
    official: boolean,
  ) {
    this.tokenParam = official ? 'max_completion_tokens' : 'max_tokens';
  }

  /** One answer within `call.budgetMs` (refusals and the retries they cause included), or a ModelError. */
  async complete(call: ModelCall): Promise<ModelAnswer> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    // The race makes the budget hold even if the server stalls mid-body.
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new ModelError('timeout'));
      }, call.budgetMs);
    });
    try {
      return await Promise.race([this.attempt(call, controller.signal), expired]);
    } catch (err) {
      if (err instanceof ModelError) throw err;
      const timedOut = controller.signal.aborted || err instanceof (await openaiPackage()).APIConnectionTimeoutError;
      throw new ModelError(timedOut ? 'timeout' : 'error');
    } finally {
      clearTimeout(timer);
    }
  }

  private async attempt(call: ModelCall, signal: AbortSignal): Promise<ModelAnswer> {
    // At most: one length-parameter switch and two format steps down.
    for (let tries = 0; ; tries++) {
      const { format, tokenParam } = this;
      try {
        return { content: await this.request(call, format, tokenParam, signal), format };
      } catch (err) {
        if (tries >= 3 || !(err instanceof (await openaiPackage()).APIError) || !REFUSED.has(err.status ?? 0))
          throw err;
        if (refusesTokenParam(err, tokenParam)) {
          if (this.tokenParam === tokenParam)
            this.tokenParam = tokenParam === 'max_tokens' ? 'max_completion_tokens' : 'max_tokens';
          continue;
        }
        const lower = NEXT_FORMAT[format];
        if (lower === null) throw err;
        // Another call may have stepped down already; never step back up.
        if (this.format === format) this.format = lower;
      }
    }
  }

  private async request(call: ModelCall, format: OutputFormat, tokenParam: TokenParam, signal: AbortSignal) {
    const body = {
      model: this.model,
      messages: [
        { role: 'system' as const, content: call.system },
        { role: 'user' as const, content: call.user },
      ],
      [tokenParam]: call.maxTokens,
      ...(format === 'text' ? {} : { response_format: responseFormat(call, format) }),
    };
    const options = { signal, maxRetries: 0, timeout: call.budgetMs + 1000 };
    if (!call.onPartial) {
      const completion = await (await this.client).chat.completions.create({ ...body, stream: false }, options);
      return completion.choices[0]?.message?.content ?? '';
    }
    const stream = await (await this.client).chat.completions.create({ ...body, stream: true }, options);
    let content = '';
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta?.content;
      if (!delta) continue;
      content += delta;
      call.onPartial(content);
    }
    return content;
  }
}
