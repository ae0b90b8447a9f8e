import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { type Config, loadConfig, settingsProblem } from './config.js';
import { openStore } from './cluster/open.js';
import { listenProblem, storeLine } from './startup.js';
import { warmUp } from './warmUp.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// The web app is built into client/dist at the project root: one folder up from server/main.ts,
// two from the compiled dist/server/main.js that `npm start` runs.
const root = path.resolve(here, path.basename(path.dirname(here)) === 'dist' ? '../..' : '..');

/** A problem a person can fix (a setting, a busy port) ends the start with one line, not a stack trace. */
function stop(problem: string): never {
  console.error(`Mediation Rooms could not start: ${problem}`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  stop(settingsProblem(err));
}
config.staticDir ??= path.join(root, 'client/dist');
config.dataDir = path.resolve(config.dataDir ?? path.join(root, 'data-store'));

const store = await openStore(config).catch((err: Error) => stop(err.message));
// Warm before listening, so /healthz (and everyone) meets a server as fast in its first seconds as later.
const warmed = await warmUp(config).catch((err: Error) => {
  console.error(`Warm-up skipped: ${err.message}`);
  return 0;
});
if (config.logLevel === 'debug') console.log(`warmed up with ${warmed} messages`);
const app = createApp(config, { store });
const url = await app.listen().catch(async (err: NodeJS.ErrnoException) => {
  await app.close();
  return stop(listenProblem(err, config));
});
console.log(
  `Mediation Rooms is running at ${url} (listening on ${config.host}:${new URL(url).port || config.port}; ` +
    `facilitator: ${config.facilitator})`,
);
console.log(storeLine(config));

const shutdown = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
