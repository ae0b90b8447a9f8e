import { z } from 'zod';

const num = (def: number) => z.coerce.number().positive().default(def);

/** Every setting comes from the environment; README lists them all. */
const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.string().optional(),
  HEAT_THRESHOLD: z.coerce.number().min(0).max(1).default(0.5),
  BREAK_MINUTES: num(20),
  FLOOR_SECONDS: num(180),
  ROOM_RETENTION_HOURS: num(24 * 30),
  RATE_LIMIT_FACTOR: num(1),
  YJS_MAX_MESSAGE_BYTES: num(256 * 1024),
  DOC_IDLE_SECONDS: num(30),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  STATIC_DIR: z.string().optional(),
  REDIS_URL: z.string().url().optional(),
  REDIS_PREFIX: z.string().default('mr:'),
});

export interface Config {
  port: number;
  host: string;
  publicUrl?: string;
  heatThreshold: number;
  breakMinutes: number;
  floorSeconds: number;
  retentionMs: number;
  rateLimitFactor: number;
  yjsMaxMessageBytes: number;
  docIdleMs: number;
  logLevel: 'silent' | 'error' | 'info' | 'debug';
  /** Built client assets to serve; undefined serves none (tests). */
  staticDir?: string;
  /** Keep everything in Redis instead of memory. */
  redisUrl?: string;
  redisPrefix: string;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const e = Env.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    heatThreshold: e.HEAT_THRESHOLD,
    breakMinutes: e.BREAK_MINUTES,
    floorSeconds: e.FLOOR_SECONDS,
    retentionMs: e.ROOM_RETENTION_HOURS * 3600_000,
    rateLimitFactor: e.RATE_LIMIT_FACTOR,
    yjsMaxMessageBytes: e.YJS_MAX_MESSAGE_BYTES,
    docIdleMs: e.DOC_IDLE_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
    staticDir: e.STATIC_DIR,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
  };
}

/** Defaults for tests, overridable field by field. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), ...overrides };
}
