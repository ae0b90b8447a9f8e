/**
 * A minimal leveled logger. It is given event names and ids, never message or preparation text.
 */
const LEVELS = { silent: 0, error: 1, info: 2, debug: 3 } as const;
export type LogLevel = keyof typeof LEVELS;

let level: LogLevel = 'info';

export function setLogLevel(next: LogLevel): void {
  level = next;
}

const at = (wanted: LogLevel) => LEVELS[level] >= LEVELS[wanted];

export const log = {
  error(what: string, err?: unknown): void {
    if (at('error')) console.error(`[error] ${what}`, err instanceof Error ? err.stack : (err ?? ''));
  },
  /** Something went wrong and was handled (the service goes on): shown unless logging is silent. */
  warn(what: string): void {
    if (at('error')) console.warn(`[warn] ${what}`);
  },
  info(what: string): void {
    if (at('info')) console.log(`[info] ${what}`);
  },
};
