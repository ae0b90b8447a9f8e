import type * as OpenAIPackage from 'openai';

let loading: Promise<typeof OpenAIPackage> | undefined;

/**
 * The `openai` package, imported when the first model engine is made: a process on the local facilitator (the
 * embedded default) never loads it, nor pays its memory (about 4-5 MB of RSS). An ESM import, as a caller's own
 * `import OpenAI from 'openai'` is, so the error classes checked with `instanceof` are the same ones.
 */
export const openaiPackage = (): Promise<typeof OpenAIPackage> => (loading ??= import('openai'));
