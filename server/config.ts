import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { HelpDirectory } from '../shared/help.js';

const num = (def: number) => z.coerce.number().positive().default(def);
/** An empty value counts as unset (`OPENAI_API_KEY=` in a .env file does not switch engines). */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** Every setting comes from the environment; README lists them all. */
const Env = z.object({
  PORT: z.coerce
    .number({ message: 'PORT should be a number from 0 to 65535' })
    .int('PORT should be a whole number from 0 to 65535')
    .min(0, 'PORT should be a number from 0 to 65535')
    .max(65535, 'PORT should be a number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.string().optional(),
  HEAT_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  BREAK_MINUTES: num(20),
  FLOOR_SECONDS: num(180),
  ROOM_RETENTION_HOURS: num(24 * 30),
  INVITE_TTL_HOURS: num(72),
  DELETION_NOTICE_MINUTES: z.coerce.number().min(0).default(60),
  RATE_LIMIT_FACTOR: num(1),
  YJS_MAX_MESSAGE_BYTES: num(256 * 1024),
  YJS_MAX_DOC_BYTES: num(2 * 1024 * 1024),
  DOC_IDLE_SECONDS: num(30),
  WARM_UP_SECONDS: z.coerce.number().min(0).max(60).default(2),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  STATIC_DIR: z.string().optional(),
  REDIS_URL: unsetIfEmpty(z.string().url()),
  STORE: unsetIfEmpty(z.enum(['file', 'memory', 'redis'])),
  DATA_DIR: unsetIfEmpty(z.string()),
  DATA_FSYNC: z.enum(['interval', 'always']).default('interval'),
  REDIS_PREFIX: z.string().default('mr:'),
  METRICS_TOKEN: unsetIfEmpty(z.string().min(16, 'METRICS_TOKEN should be at least 16 characters')),
  REDIS_COMMAND_TIMEOUT_MS: num(2000),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  FACILITATOR: unsetIfEmpty(z.enum(['local', 'openai'])),
  OPENAI_API_KEY: unsetIfEmpty(z.string()),
  OPENAI_BASE_URL: unsetIfEmpty(z.string().url()),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: num(1500),
  OPENAI_ROOM_TIMEOUT_MS: num(4000),
  FACILITATOR_MAX_TOKENS: unsetIfEmpty(z.coerce.number().int().min(16).max(8192)),
  SAFETY_HELP_FILE: unsetIfEmpty(z.string()),
});

export interface Config {
  port: number;
  host: string;
  publicUrl?: string;
  heatThreshold: number;
  breakMinutes: number;
  floorSeconds: number;
  retentionMs: number;
  /** How long an invite link works after it is made. */
  inviteTtlMs: number;
  /** How long after telling everyone a room with an agreement can be deleted by its host. */
  deletionNoticeMs: number;
  rateLimitFactor: number;
  yjsMaxMessageBytes: number;
  /** A document's stored size past which client updates are refused (close code 4413). */
  yjsMaxDocBytes: number;
  docIdleMs: number;
  /** At start, before listening: how long at most to run throwaway traffic through the hot path (0: none). */
  warmUpMs: number;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Built client assets to serve; undefined serves none (tests). */
  staticDir?: string;
  /**
   * Where rooms are kept: `file` (the default without REDIS_URL: DATA_DIR on local disk), `memory` (lost on
   * restart; tests), `redis` (the default with REDIS_URL).
   */
  store: 'file' | 'memory' | 'redis';
  /** The file store's directory; undefined: data-store/ at the project root (main.ts). */
  dataDir?: string;
  /** The file store's fsync: every change, or changed files once a second. */
  dataFsync: 'interval' | 'always';
  /** Keep everything in Redis instead of memory. */
  redisUrl?: string;
  redisPrefix: string;
  /** How long a Redis command may take before the request answers `unavailable` (503). */
  redisCommandTimeoutMs: number;
  /** Proxies (load balancers) in front of the service whose X-Forwarded-For is believed. */
  trustProxyHops: number;
  /** Bearer token for GET /metrics; without one, /metrics answers 404. */
  metricsToken?: string;
  /** Which engine words the facilitator: rules only, or a model with `local` as the fallback. */
  facilitator: 'local' | 'openai';
  openaiApiKey?: string;
  /** Any OpenAI-compatible server (vLLM, llama.cpp, Ollama); the official API when unset. */
  openaiBaseUrl?: string;
  openaiModel: string;
  /** How long a held message waits for the model's rewrite before the local one is used. */
  openaiTimeoutMs: number;
  /** The budget for the model's other words (room messages, preparation replies). */
  openaiRoomTimeoutMs: number;
  /** The longest model answer, in tokens, for every task; unset: each task's own bound. */
  facilitatorMaxTokens?: number;
  /**
   * Where to get help, per language, shown with every safety notice
   * (SAFETY_HELP_FILE; default: a global directory).
   */
  safetyHelp: HelpDirectory;
}

/** SAFETY_HELP_FILE: JSON `{ "en": [{ "name", "url", "phone"? }], ... }`; a bad file stops the start, loudly. */
export function readHelpFile(path: string | undefined): HelpDirectory {
  if (!path) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`SAFETY_HELP_FILE ${path} could not be read as JSON: ${(err as Error).message}`);
  }
  const parsed = HelpDirectory.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    throw new Error(`SAFETY_HELP_FILE ${path}: ${where} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  }
  return parsed.data;
}

/** The first thing wrong with the settings, as one line (`PORT: PORT should be a number ...`). */
export function settingsProblem(err: unknown): string {
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    const name = issue?.path.join('.') ?? '';
    const value = name ? process.env[name] : undefined;
    return `${name}${value === undefined ? '' : ` (now "${value}")`}: ${issue?.message ?? 'is not valid'}`;
  }
  return (err as Error).message;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const e = Env.parse(env);
  const store = e.STORE ?? (e.REDIS_URL ? 'redis' : 'file');
  if (store === 'redis' && !e.REDIS_URL) throw new Error('STORE=redis needs REDIS_URL');
  if (store !== 'redis' && e.REDIS_URL)
    throw new Error(`STORE=${store} keeps rooms in this one process; with REDIS_URL leave STORE unset (or redis)`);
  const openaiConfigured = Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL);
  const facilitator = e.FACILITATOR ?? (openaiConfigured ? 'openai' : 'local');
  if (facilitator === 'openai' && !openaiConfigured)
    throw new Error('FACILITATOR=openai needs OPENAI_API_KEY or OPENAI_BASE_URL');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    heatThreshold: e.HEAT_THRESHOLD,
    breakMinutes: e.BREAK_MINUTES,
    floorSeconds: e.FLOOR_SECONDS,
    retentionMs: e.ROOM_RETENTION_HOURS * 3600_000,
    inviteTtlMs: e.INVITE_TTL_HOURS * 3600_000,
    deletionNoticeMs: e.DELETION_NOTICE_MINUTES * 60_000,
    rateLimitFactor: e.RATE_LIMIT_FACTOR,
    yjsMaxMessageBytes: e.YJS_MAX_MESSAGE_BYTES,
    yjsMaxDocBytes: e.YJS_MAX_DOC_BYTES,
    docIdleMs: e.DOC_IDLE_SECONDS * 1000,
    warmUpMs: e.WARM_UP_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
    store,
    dataDir: e.DATA_DIR,
    dataFsync: e.DATA_FSYNC,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    trustProxyHops: e.TRUST_PROXY_HOPS,
    metricsToken: e.METRICS_TOKEN,
    facilitator,
    openaiApiKey: e.OPENAI_API_KEY,
    openaiBaseUrl: e.OPENAI_BASE_URL,
    openaiModel: e.OPENAI_MODEL,
    openaiTimeoutMs: e.OPENAI_TIMEOUT_MS,
    openaiRoomTimeoutMs: e.OPENAI_ROOM_TIMEOUT_MS,
    facilitatorMaxTokens: e.FACILITATOR_MAX_TOKENS,
    safetyHelp: readHelpFile(e.SAFETY_HELP_FILE),
  };
}

/** Defaults for tests, overridable field by field. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), ...overrides };
}
