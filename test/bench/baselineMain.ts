/**
 * The bare socket.io server as a process of its own, for the load sweep (test/bench/sweep.ts bundles this
 * file with esbuild and runs it with plain node, as the service runs compiled): prints its URL, serves
 * until it is killed.
 */
import { startBaseline } from './baseline.js';

const baseline = await startBaseline();
console.log(`bare socket.io is running at ${baseline.socketUrl}`);
