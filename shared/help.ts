import { z } from 'zod';

/** Where to get help: a clickable link (and a number to call, when there is one). SAFETY_HELP_FILE sets them. */
export const HelpLink = z.object({
  name: z.string().min(1).max(200),
  url: z
    .string()
    .url()
    .max(500)
    .refine((u) => /^https?:\/\//i.test(u), 'a help link is an http(s) address'),
  phone: z.string().min(1).max(60).optional(),
});
export type HelpLink = z.infer<typeof HelpLink>;

/** A global directory of free, confidential helplines in many countries: always offered. */
export const GLOBAL_HELP: HelpLink = {
  name: 'Find a free, confidential helpline where you live (findahelpline.com)',
  url: 'https://findahelpline.com',
};

/** Help links per language ('en', 'fr', ...), as a deployment configures them. */
export const HelpDirectory = z.record(z.string().min(2).max(20), z.array(HelpLink).max(20));
export type HelpDirectory = z.infer<typeof HelpDirectory>;

/**
 * The links for `lang` (else English, else the first language listed), always ending with the global
 * directory, so no list is ever only one country's numbers.
 */
export function helpFor(directory: HelpDirectory | undefined, lang = 'en'): HelpLink[] {
  const lists = directory ?? {};
  const chosen = lists[lang] ?? lists.en ?? Object.values(lists)[0] ?? [];
  const hasGlobal = chosen.some((l) => l.url.replace(/\/+$/, '') === GLOBAL_HELP.url);
  return hasGlobal ? chosen : [...chosen, GLOBAL_HELP];
}
