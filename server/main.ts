import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from './app.js';
import { loadConfig } from './config.js';
import { openStore } from './cluster/open.js';
import { warmUp } from './warmUp.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const config = loadConfig();
// The web app is built into client/dist at the project root: one folder up from server/main.ts,
// two from the compiled dist/server/main.js that `npm start` runs.
const root = path.resolve(here, path.basename(path.dirname(here)) === 'dist' ? '../..' : '..');
config.staticDir ??= path.join(root, 'client/dist');

const store = await openStore(config).catch((err: Error) => {
  console.error(`Mediation Rooms could not start: ${err.message}`);
  process.exit(1);
});
// Warm before listening, so /healthz (and everyone) meets a server as fast in its first seconds as later.
const warmed = await warmUp(config).catch((err: Error) => {
  console.error(`Warm-up skipped: ${err.message}`);
  return 0;
});
if (config.logLevel === 'debug') console.log(`warmed up with ${warmed} messages`);
const app = createApp(config, { store });
const url = await app.listen();
console.log(`Mediation Rooms is running at ${url} (store: ${app.store.kind}, facilitator: ${config.facilitator})`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
