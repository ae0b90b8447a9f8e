import { createApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { runChecks } from './checks.js';
import { playSession, type Played } from './play.js';
import { details, markdown, table, transcript } from './report.js';
import { loadSessions } from './sessions.js';

/**
 * npm run eval:facilitator [-- --transcript <sessionId>] [--session <sessionId>]
 *
 * Plays the scripted sessions in data/facilitator-sessions through the real room service (the app
 * in-process on 127.0.0.1, memory store, real socket.io clients) against the configured engine:
 * local by default, a model when OPENAI_BASE_URL / OPENAI_API_KEY (and OPENAI_MODEL) are set, as
 * the app reads them. Prints what everyone and the facilitator said, then a pass/fail table. It is
 * a measurement, not a test: it exits 0 whatever the checks say.
 */

const METRICS_TOKEN = `eval-${Math.random().toString(36).slice(2)}-metrics`;

/** The openai engine's fallbacks to local words, by reason, from the app's own counter. */
async function fallbacks(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  const counts = [...(await res.text()).matchAll(/^mediation_facilitator_fallbacks_total\{reason="(\w+)"\} (\d+)/gm)];
  return counts.map((m) => `${m[1]} ${m[2]}`).join(', ') || 'none';
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const only = option('--transcript') ?? option('--session');
  const asMarkdown = option('--transcript') !== undefined;
  const sessions = loadSessions().filter((s) => !only || s.id === only);
  if (sessions.length === 0) throw new Error(`no session ${only}`);
  const config = {
    ...loadConfig(process.env),
    port: 0,
    host: '127.0.0.1',
    logLevel: 'silent' as const,
    redisUrl: undefined,
    staticDir: undefined,
    // Read at the end: how often the model's answer was not used, and why.
    metricsToken: METRICS_TOKEN,
    rateLimitFactor: 1000,
  };
  const app = createApp(config);
  const url = await app.listen();
  const engine =
    config.facilitator === 'openai'
      ? `openai (${config.openaiModel} at ${config.openaiBaseUrl ?? 'api.openai.com'})`
      : 'local';
  const lateReviewMs = config.facilitator === 'openai' ? config.openaiTimeoutMs + 1000 : 0;
  const played: Played[] = [];
  let fellBack = 'none';
  try {
    for (const s of sessions) played.push(await playSession(s, { url, lateReviewMs }));
    fellBack = await fallbacks(url);
  } finally {
    await app.close();
  }
  if (asMarkdown) {
    console.log(markdown(played[0]));
    return;
  }
  for (const p of played) console.log(`${transcript(p)}\n`);
  const results = played.map((p) => ({ id: p.session.id, checks: runChecks(p) }));
  console.log(`Engine: ${engine}`);
  if (config.facilitator === 'openai') console.log(`Model answers not used (local words instead): ${fellBack}`);
  console.log('');
  console.log(details(results));
  console.log(`\n${table(results)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
