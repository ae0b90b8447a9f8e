import { LocalFacilitator } from './local.js';
import { OpenAIFacilitator, type FallbackReason } from './openai.js';
import type { FacilitatorEngine } from './types.js';

/** The settings the engine is made from (server/config.ts has them). */
export interface FacilitatorSettings {
  facilitator: 'local' | 'openai';
  openaiModel: string;
  openaiApiKey?: string;
  openaiBaseUrl?: string;
  openaiTimeoutMs: number;
  openaiRoomTimeoutMs: number;
  heatThreshold: number;
  facilitatorMaxTokens?: number;
}

/** The engine the config asks for; `onFallback` counts the openai engine's fallbacks to local. */
export function createFacilitator(
  config: FacilitatorSettings,
  onFallback: (reason: FallbackReason) => void,
): FacilitatorEngine {
  if (config.facilitator !== 'openai') return new LocalFacilitator();
  return new OpenAIFacilitator({
    model: config.openaiModel,
    apiKey: config.openaiApiKey,
    baseURL: config.openaiBaseUrl,
    rewriteTimeoutMs: config.openaiTimeoutMs,
    timeoutMs: config.openaiRoomTimeoutMs,
    heatThreshold: config.heatThreshold,
    maxTokens: config.facilitatorMaxTokens,
    onFallback,
  });
}
