import type OpenAI from 'openai';
import type { z } from 'zod';
import type { Analysis } from '../../shared/analysis.js';
import { LIMITS, type LogEntry, type PrepMessage } from '../../shared/protocol.js';
import { analyze } from '../analysis/index.js';
import { namesOnlyTheirFeelings } from './listening/faithful.js';
import { type Heard, listen } from '../analysis/listening/index.js';
import { LocalFacilitator } from './local.js';
import { maxTokensFor, ModelClient, ModelError, type ModelAnswer } from './modelClient.js';
import { openaiPackage } from './openaiPackage.js';
import { ClauseOfferOut, partialText, plausibleSuggestion, readOutput, RewriteOut, TextOut } from './modelOutput.js';
import { readsWell } from './drafts.js';
import {
  agendaOpenedData,
  clauseOfferData,
  inviteData,
  listeningData,
  messagesData,
  modeData,
  prepData,
  roomData,
  summaryData,
  systemPrompt,
  topicChangedData,
  userMessage,
  type Task,
} from './prompts/prompts.js';
import type { ClauseOffer, FacilitatorEngine, RoomContext, SettledTopic, SummaryRequest, TopicLine } from './types.js';
import { SAFETY_PAUSE } from './types.js';

export type FallbackReason = 'timeout' | 'error' | 'malformed' | 'unsafe';

export interface OpenAIFacilitatorOptions {
  model: string;
  apiKey?: string;
  /** Any OpenAI-compatible server (vLLM, llama.cpp, Ollama); the official API when unset. */
  baseURL?: string;
  /** Budget for a held message's rewrite: the sender is waiting. */
  rewriteTimeoutMs: number;
  /** Budget for everything else (room words, preparation replies). */
  timeoutMs: number;
  /** A model's own words must not be held at this heat. */
  heatThreshold: number;
  /** Told of every fallback to `local` (the app counts them). */
  onFallback?: (reason: FallbackReason, task: Task) => void;
  local?: FacilitatorEngine;
  /** A ready client (tests); otherwise one is built from the options. */
  client?: OpenAI;
  /** The longest answer, in tokens, for every task; unset: each task's own bound (modelClient.ts). */
  maxTokens?: number;
}

/** Why a model answer was not used. */
class Fallback extends Error {
  constructor(readonly reason: FallbackReason) {
    super(reason);
  }
}

/**
 * The `openai` engine: every method asks a model (modelClient.ts: a schema where the server takes one,
 * a bounded length), within a time budget, for JSON checked by zod,
 * and falls back to `local` (counted by reason) on a timeout, an error, a malformed answer, or
 * words that would themselves be held. It keeps no state between calls, so nothing from one
 * person's preparation can reach a room prompt: room methods are only ever given room data.
 */
export class OpenAIFacilitator implements FacilitatorEngine {
  readonly name = 'openai';
  private readonly model: ModelClient;
  private readonly local: FacilitatorEngine;

  constructor(private readonly options: OpenAIFacilitatorOptions) {
    this.local = options.local ?? new LocalFacilitator();
    const client =
      options.client ??
      openaiPackage().then(
        (pkg) =>
          new pkg.OpenAI({
            // Local servers need no key, but the client insists on one.
            apiKey: options.apiKey || 'unused',
            baseURL: options.baseURL,
            maxRetries: 0,
            timeout: Math.max(options.rewriteTimeoutMs, options.timeoutMs) + 1000,
          }),
      );
    this.model = new ModelClient(client, options.model, !options.baseURL);
  }

  async welcome(room: RoomContext, mode: string): Promise<string> {
    return this.say('welcome', { room: roomData(room), ...modeData(mode) }, () => this.local.welcome(room, mode));
  }

  async modeChanged(room: RoomContext, mode: string): Promise<string> {
    return this.say('modeChanged', { room: roomData(room), ...modeData(mode) }, () =>
      this.local.modeChanged(room, mode),
    );
  }

  async nudge(room: RoomContext, dominant: string, quiet: string): Promise<string> {
    const data = {
      room: roomData(room),
      dominant: room.names[dominant] ?? 'someone',
      quiet: room.names[quiet] ?? 'someone',
    };
    return this.say('nudge', data, () => this.local.nudge(room, dominant, quiet));
  }

  async invite(room: RoomContext, quiet: string, mode: string): Promise<string> {
    return this.say('invite', inviteData(room, quiet, mode), () => this.local.invite(room, quiet, mode));
  }

  async breakStarted(room: RoomContext, minutes: number, calledBy: string): Promise<string> {
    // a safety or quiet pause has fixed words: nothing a model writes may hint at why
    if (calledBy === SAFETY_PAUSE) return this.local.breakStarted(room, minutes, calledBy);
    const data = {
      room: roomData(room),
      minutes,
      calledBy: calledBy === 'facilitator' ? 'facilitator' : (room.names[calledBy] ?? 'someone'),
    };
    return this.say('breakStarted', data, () => this.local.breakStarted(room, minutes, calledBy));
  }

  async summary(room: RoomContext, entries: LogEntry[], request: SummaryRequest): Promise<string> {
    return this.say('summary', summaryData(room, entries, request), () => this.local.summary(room, entries, request));
  }

  async paraphraseFirst(room: RoomContext, listener: string, speaker: string): Promise<string> {
    const data = {
      room: roomData(room),
      listener: room.names[listener] ?? 'someone',
      speaker: room.names[speaker] ?? 'someone',
    };
    return this.say('paraphraseFirst', data, () => this.local.paraphraseFirst(room, listener, speaker));
  }

  async clauseOffer(room: RoomContext, sharedPoints: string[], entries: LogEntry[]): Promise<ClauseOffer> {
    const data = clauseOfferData(room, sharedPoints, entries);
    return this.guard(
      'clauseOffer',
      async () => {
        const out = await this.ask('clauseOffer', data, ClauseOfferOut, this.options.timeoutMs);
        this.mustBeCalm(out.text);
        const drafts = out.drafts
          .map((d) => d.trim())
          .filter((d) => d.length > 0 && d.length <= LIMITS.clauseChars && readsWell(d) && this.calm(d));
        if (out.drafts.length > 0 && drafts.length === 0) throw new Fallback('unsafe');
        return { text: out.text, drafts: [...new Set(drafts)].slice(0, 3) };
      },
      () => this.local.clauseOffer(room, sharedPoints, entries),
    );
  }

  /** The model must name the topic the room starts with, as written; otherwise the local words are used. */
  async agendaOpened(room: RoomContext, topics: TopicLine[], current: TopicLine): Promise<string> {
    return this.sayNaming('agendaOpened', agendaOpenedData(room, topics, current), current.title, () =>
      this.local.agendaOpened(room, topics, current),
    );
  }

  async topicChanged(room: RoomContext, settled: SettledTopic | null, next: TopicLine | null): Promise<string> {
    return this.sayNaming('topicChanged', topicChangedData(room, settled, next), next?.title ?? null, () =>
      this.local.topicChanged(room, settled, next),
    );
  }

  async reflect(room: RoomContext, speaker: string, text: string, heard = listen(text)): Promise<string | null> {
    return this.sayBack('reflect', room, speaker, text, heard, () => this.local.reflect(room, speaker, text, heard));
  }

  async acknowledge(room: RoomContext, speaker: string, text: string, heard = listen(text)): Promise<string | null> {
    return this.sayBack('acknowledge', room, speaker, text, heard, () =>
      this.local.acknowledge(room, speaker, text, heard),
    );
  }

  /**
   * A reflection or an acknowledgement from the model, used only when it is calm, names the speaker, names
   * nobody else (no one is asked to answer), and names no feeling the speaker did not say.
   */
  private sayBack(
    task: 'reflect' | 'acknowledge',
    room: RoomContext,
    speaker: string,
    text: string,
    heard: Heard,
    fallback: () => Promise<string | null>,
  ): Promise<string | null> {
    return this.guard(
      task,
      async () => {
        const out = await this.ask(task, listeningData(room, speaker, text, heard), TextOut, this.options.timeoutMs);
        this.mustBeCalm(out.text);
        const name = room.names[speaker] ?? '';
        const others = Object.entries(room.names).filter(([id, n]) => id !== speaker && n !== name);
        const faithful =
          name.length > 0 &&
          out.text.includes(name) &&
          out.text.length <= LIMITS.messageChars / 4 &&
          !others.some(([, n]) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(out.text)) &&
          namesOnlyTheirFeelings(out.text, text);
        if (!faithful) throw new Fallback('unsafe');
        return out.text;
      },
      fallback,
    );
  }

  async rewrite(text: string, analysis: Analysis): Promise<string[]> {
    return this.guard(
      'rewrite',
      async () => {
        const out = await this.ask('rewrite', { message: text }, RewriteOut, this.options.rewriteTimeoutMs);
        const usable = [...new Set(out.suggestions.map((s) => s.trim()))].filter(
          (s) => plausibleSuggestion(s, text) && this.calm(s),
        );
        if (usable.length === 0) throw new Fallback('unsafe');
        return usable.slice(0, 3);
      },
      () => this.local.rewrite(text, analysis),
    );
  }

  async prepReply(history: PrepMessage[], name: string, onPartial?: (text: string) => void): Promise<string> {
    // Only this person's own preparation goes in, and the answer goes back to them alone.
    return this.guard(
      'prepReply',
      async () => {
        const data = prepData(history, name);
        const out = await this.ask('prepReply', data, TextOut, this.options.timeoutMs, onPartial);
        if (
          analyze(out.text, {
            threshold: this.options.heatThreshold,
            suggestions: false,
            context: { private: true },
            safetyModel: false,
          }).held
        )
          throw new Fallback('unsafe');
        return out.text;
      },
      () => this.local.prepReply(history, name),
    );
  }

  /** Words for the whole room: a single calm text. */
  private say(task: Task, data: unknown, fallback: () => Promise<string>): Promise<string> {
    return this.guard(
      task,
      async () => {
        const out = await this.ask(task, data, TextOut, this.options.timeoutMs);
        this.mustBeCalm(out.text);
        return out.text;
      },
      fallback,
    );
  }

  /** Like `say`, but the words must contain `title` (a topic's title as its author wrote it), when there is one. */
  private sayNaming(task: Task, data: unknown, title: string | null, fallback: () => Promise<string>): Promise<string> {
    return this.guard(
      task,
      async () => {
        const out = await this.ask(task, data, TextOut, this.options.timeoutMs);
        this.mustBeCalm(out.text);
        if (title !== null && !out.text.toLowerCase().includes(title.toLowerCase())) throw new Fallback('malformed');
        return out.text;
      },
      fallback,
    );
  }

  /** Words the room will read (in the sender's name, for a suggestion): quoted words count as said, not reported. */
  private calm(text: string): boolean {
    return !analyze(text, {
      threshold: this.options.heatThreshold,
      suggestions: false,
      quotesAreOwn: true,
      safetyModel: false,
    }).held;
  }

  private mustBeCalm(text: string): void {
    if (!this.calm(text)) throw new Fallback('unsafe');
  }

  private async guard<T>(task: Task, attempt: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (err) {
      this.options.onFallback?.(err instanceof Fallback ? err.reason : 'error', task);
      return fallback();
    }
  }

  /**
   * One chat completion within `budgetMs`, bounded in length, read as JSON and checked by `schema`;
   * with `onPartial`, streamed, and told the text written so far (not yet checked: the caller checks).
   */
  private async ask<T>(
    task: Task,
    data: unknown,
    schema: z.ZodType<T>,
    budgetMs: number,
    onPartial?: (text: string) => void,
  ): Promise<T> {
    const answer = await this.complete(task, data, schema, budgetMs, onPartial);
    const out = readOutput(answer.content, schema, { prose: answer.format === 'text' });
    if (out === null) throw new Fallback('malformed');
    return out;
  }

  private async complete(
    task: Task,
    data: unknown,
    schema: z.ZodType,
    budgetMs: number,
    onPartial?: (text: string) => void,
  ): Promise<ModelAnswer> {
    try {
      return await this.model.complete({
        name: task,
        system: systemPrompt(task),
        user: userMessage(task, data),
        schema,
        maxTokens: maxTokensFor(task, this.options.maxTokens),
        budgetMs,
        onPartial: onPartial && ((content) => onPartial(partialText(content))),
      });
    } catch (err) {
      throw new Fallback(err instanceof ModelError ? err.reason : 'error');
    }
  }
}
