import { z } from 'zod';
import { HelpLink } from './help.js';

/** What the heat analyzer can say about a message; the client turns each into plain words. */
export const HEAT_LABELS = [
  'insult',
  'contempt',
  'criticism',
  'defensiveness',
  'stonewalling',
  'blame',
  'profanity',
  'shouting',
  'threat',
  'self_harm',
] as const;
export const HeatLabel = z.enum(HEAT_LABELS);
export type HeatLabel = z.infer<typeof HeatLabel>;

/** Labels that stop a message from ever being delivered as written. */
export const SAFETY_LABELS: readonly HeatLabel[] = ['threat', 'self_harm'];

export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  label: HeatLabel,
});
export type Span = z.infer<typeof Span>;

export const Analysis = z.object({
  heat: z.number().min(0).max(1),
  held: z.boolean(),
  labels: z.array(HeatLabel),
  spans: z.array(Span),
  suggestions: z.array(z.string()),
  /**
   * A first-person account of being harmed, threatened, controlled or afraid of someone ("he hit me last
   * year and I am still afraid of him"): never held, never read as an attack by the sender.
   */
  disclosure: z.boolean().optional(),
});
export type Analysis = z.infer<typeof Analysis>;

/** What the sender sees about a held message. */
export const Review = z.object({
  heat: z.number(),
  labels: z.array(HeatLabel),
  spans: z.array(Span),
  suggestions: z.array(z.string()),
  /** false for threats and self-harm: the original can never be sent as written. */
  originalAllowed: z.boolean(),
  /** For safety holds: a plain message with where to find help. */
  safety: z.string().optional(),
  /** For safety holds: where to get help, as links to click (the deployment's list, SAFETY_HELP_FILE). */
  help: z.array(HelpLink).optional(),
});
export type Review = z.infer<typeof Review>;

export function isSafetyLabel(label: HeatLabel): boolean {
  return SAFETY_LABELS.includes(label);
}
