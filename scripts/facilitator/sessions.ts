import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * A scripted session (data/facilitator-sessions/*.json): who takes part, what each says in private
 * preparation and shares from it, and then the room's messages in order, each tagged with what it
 * carries (a feeling, an apology, a request, heat, pain), or a break someone asks for.
 */

export const TAGS = ['feeling', 'apology', 'request', 'heated', 'pain'] as const;

const Say = z.object({ from: z.string(), text: z.string().min(1), tags: z.array(z.enum(TAGS)).default([]) });
const Pause = z.object({ from: z.string(), break: z.number().int().min(1).max(60) });
export const Step = z.union([Say, Pause]);
export type Step = z.infer<typeof Step>;
export type SayStep = z.infer<typeof Say>;

export const Session = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['couple', 'family', 'workplace']),
    title: z.string(),
    mode: z.enum(['open', 'round', 'hand-raise', 'speaker-listener']).default('open'),
    /** Someone who says nothing for a long while: the facilitator should invite them in. */
    silent: z.string().optional(),
    people: z.array(z.object({ name: z.string(), role: z.enum(['host', 'participant', 'mediator']) })).min(2),
    prep: z.record(z.string(), z.array(z.string())).default({}),
    share: z.record(z.string(), z.array(z.string())).default({}),
    messages: z.array(Step).min(1),
  })
  .superRefine((s, ctx) => {
    const names = new Set(s.people.map((p) => p.name));
    const hosts = s.people.filter((p) => p.role === 'host').length;
    if (hosts !== 1) ctx.addIssue({ code: 'custom', message: `${s.id}: exactly one host` });
    const used = [...Object.keys(s.prep), ...Object.keys(s.share), ...s.messages.map((m) => m.from)];
    for (const n of used) if (!names.has(n)) ctx.addIssue({ code: 'custom', message: `${s.id}: unknown person ${n}` });
  });
export type Session = z.infer<typeof Session>;

export const isSay = (step: Step): step is SayStep => 'text' in step;

export const SESSIONS_DIR = 'data/facilitator-sessions';

export function loadSessions(dir = SESSIONS_DIR): Session[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => Session.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))));
}
