import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible server for tests: POST /v1/chat/completions on 127.0.0.1, every
 * request recorded, replies scripted per task (the `task` field of the JSON user message the
 * `openai` engine sends). Unscripted requests get a calm, valid answer for their task.
 */

export type Reply =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; content: string }
  | { kind: 'status'; status: number; message?: string }
  | { kind: 'slow'; ms: number; then: Reply }
  /** Streamed (the request asked for `stream: true`): these pieces of content, `gapMs` apart. */
  | { kind: 'parts'; parts: string[]; gapMs: number };

export const json = (value: unknown): Reply => ({ kind: 'json', value });
export const raw = (content: string): Reply => ({ kind: 'raw', content });
export const status = (code: number, message?: string): Reply => ({ kind: 'status', status: code, message });
export const slow = (ms: number, then: Reply): Reply => ({ kind: 'slow', ms, then });
export const parts = (pieces: string[], gapMs = 30): Reply => ({ kind: 'parts', parts: pieces, gapMs });

export interface RecordedRequest {
  headers: http.IncomingHttpHeaders;
  body: any;
  /** The system prompt and the user message, as sent. */
  system: string;
  user: string;
  /** From the user message's JSON, when it is JSON. */
  task: string | null;
  data: any;
}

export interface FakeOpenAI {
  /** For the client's baseURL (ends in /v1). */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies for the next requests of `task`, in order. */
  script(task: string, ...replies: Reply[]): void;
  /**
   * Answers computed from the request (its task and data) for requests with no scripted reply;
   * `undefined` from `answer` falls through to the default reply. Cleared by `reset`.
   */
  respond(answer: (request: RecordedRequest) => Reply | undefined): void;
  /**
   * Answers 400 to requests whose `response_format.type` is one of `formats` ('text' for none), as
   * servers that do not support a format do. Cleared by `reset`.
   */
  refuse(...formats: string[]): void;
  reset(): void;
  close(): Promise<void>;
}

export function defaultReply(task: string | null): Reply {
  if (task === 'rewrite') {
    return json({
      suggestions: [
        'When I talk and get no answer, I feel hurt, because I need to be heard. Would you be willing to ' +
          'listen for a few minutes?',
      ],
    });
  }
  if (task === 'clauseOffer') {
    return json({
      text: 'It feels calmer now. Here is a draft you could start from together.',
      drafts: ['We plan our weekends together on Sunday evenings.'],
    });
  }
  return json({ text: `Model words for ${task ?? 'this'}: thank you all for being here.` });
}

function completion(content: string) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [
      { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

function chunk(content: string, finish: string | null) {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: 'fake-model',
    choices: [{ index: 0, delta: finish ? {} : { content }, finish_reason: finish, logprobs: null }],
  };
}

/** A whole answer in about four pieces, for a streamed request with an unstreamed reply. */
function pieces(content: string): string[] {
  const size = Math.max(1, Math.ceil(content.length / 4));
  return content.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [content];
}

function parseUser(user: string): { task: string | null; data: any } {
  try {
    const parsed = JSON.parse(user);
    return { task: typeof parsed?.task === 'string' ? parsed.task : null, data: parsed?.data };
  } catch {
    return { task: null, data: undefined };
  }
}

/** App settings that point the openai engine at a fake server, with the budgets the tests expect. */
export function openaiSettings(fake: FakeOpenAI) {
  return {
    facilitator: 'openai' as const,
    openaiBaseUrl: fake.baseURL,
    openaiApiKey: 'test-key',
    openaiModel: 'fake-model',
    openaiTimeoutMs: 1500,
    openaiRoomTimeoutMs: 1000,
  };
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, Reply[]>();
  let responder: ((request: RecordedRequest) => Reply | undefined) | null = null;
  let refused = new Set<string>();
  const pending = new Set<NodeJS.Timeout>();

  const later = (res: http.ServerResponse, ms: number, then: () => void): void => {
    const timer = setTimeout(() => {
      pending.delete(timer);
      then();
    }, ms);
    pending.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      pending.delete(timer);
    });
  };

  const stream = (res: http.ServerResponse, chunks: string[], gapMs: number): void => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const step = (i: number): void => {
      if (res.destroyed) return;
      if (i === chunks.length) {
        res.write(`data: ${JSON.stringify(chunk('', 'stop'))}\n\n`);
        res.end('data: [DONE]\n\n');
        return;
      }
      res.write(`data: ${JSON.stringify(chunk(chunks[i], null))}\n\n`);
      later(res, gapMs, () => step(i + 1));
    };
    step(0);
  };

  const send = (res: http.ServerResponse, reply: Reply, streamed = false): void => {
    if (res.destroyed) return;
    if (reply.kind === 'slow') {
      later(res, reply.ms, () => send(res, reply.then, streamed));
      return;
    }
    if (reply.kind === 'status') {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          error: { message: reply.message ?? 'scripted failure', type: 'server_error', code: null, param: null },
        }),
      );
      return;
    }
    if (reply.kind === 'parts') {
      if (streamed) stream(res, reply.parts, reply.gapMs);
      else send(res, { kind: 'raw', content: reply.parts.join('') });
      return;
    }
    const content = reply.kind === 'json' ? JSON.stringify(reply.value) : reply.content;
    if (streamed) {
      stream(res, pieces(content), 5);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(completion(content)));
  };

  const server = http.createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'not found' } }));
        return;
      }
      let body: any = null;
      try {
        body = JSON.parse(text);
      } catch {
        /* recorded as null */
      }
      const messages: { role: string; content: string }[] = Array.isArray(body?.messages) ? body.messages : [];
      const system = messages
        .filter((m) => m.role === 'system')
        .map((m) => m.content)
        .join('\n');
      const user = messages
        .filter((m) => m.role === 'user')
        .map((m) => m.content)
        .join('\n');
      const { task, data } = parseUser(user);
      const recorded: RecordedRequest = { headers: req.headers, body, system, user, task, data };
      requests.push(recorded);
      const format = body?.response_format?.type ?? 'text';
      if (refused.has(format)) {
        res.writeHead(400, { 'content-type': 'application/json' });
        const message = `response_format type "${format}" is not supported by this server`;
        res.end(JSON.stringify({ error: { message, type: 'invalid_request_error', code: null, param: null } }));
        return;
      }
      const queued = task ? scripts.get(task)?.shift() : undefined;
      send(res, queued ?? responder?.(recorded) ?? defaultReply(task), body?.stream === true);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(task, ...replies) {
      scripts.set(task, [...(scripts.get(task) ?? []), ...replies]);
    },
    respond(answer) {
      responder = answer;
    },
    refuse(...formats) {
      refused = new Set(formats);
    },
    reset() {
      requests.length = 0;
      scripts.clear();
      responder = null;
      refused = new Set();
    },
    close: async () => {
      for (const t of pending) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
