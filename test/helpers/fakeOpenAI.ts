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
  | { kind: 'status'; status: number }
  | { kind: 'slow'; ms: number; then: Reply };

export const json = (value: unknown): Reply => ({ kind: 'json', value });
export const raw = (content: string): Reply => ({ kind: 'raw', content });
export const status = (code: number): Reply => ({ kind: 'status', status: code });
export const slow = (ms: number, then: Reply): Reply => ({ kind: 'slow', ms, then });

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
  const pending = new Set<NodeJS.Timeout>();

  const send = (res: http.ServerResponse, reply: Reply): void => {
    if (res.destroyed) return;
    if (reply.kind === 'slow') {
      const timer = setTimeout(() => {
        pending.delete(timer);
        send(res, reply.then);
      }, reply.ms);
      pending.add(timer);
      res.once('close', () => {
        clearTimeout(timer);
        pending.delete(timer);
      });
      return;
    }
    if (reply.kind === 'status') {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({ error: { message: 'scripted failure', type: 'server_error', code: null, param: null } }),
      );
      return;
    }
    const content = reply.kind === 'json' ? JSON.stringify(reply.value) : reply.content;
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
      const queued = task ? scripts.get(task)?.shift() : undefined;
      send(res, queued ?? responder?.(recorded) ?? defaultReply(task));
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
    reset() {
      requests.length = 0;
      scripts.clear();
      responder = null;
    },
    close: async () => {
      for (const t of pending) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
