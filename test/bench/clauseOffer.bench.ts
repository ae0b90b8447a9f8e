/**
 * One clause offer of the local engine over 60 log entries (what facilitatorVoice reads back), in
 * microseconds, run by hand (issue 13): `npx tsx test/bench/clauseOffer.bench.ts`. The same entry
 * objects every time, as the memory store hands them out; FRESH=1 copies them first, as a store that
 * parses every read (Redis) does.
 */
import type { LogEntry } from '../../shared/protocol.js';
import { LocalFacilitator } from '../../server/facilitator/local.js';
import { CALM as CALM_MESSAGES } from './calmMessages.js';

// the benches' calm messages, and one the safety model once held (the facilitator reads it here, not the analyzer)
const CALM = [...CALM_MESSAGES, 'What would make the weekends easier for you?'];
const fresh = process.env.FRESH === '1';
const entries: LogEntry[] = Array.from({ length: 60 }, (_, i) => ({
  type: 'message',
  seq: i + 1,
  id: `m${i}`,
  clientMsgId: `c${i}`,
  from: i % 2 ? 'a' : 'b',
  text: CALM[i % CALM.length],
  at: 1,
  reworded: false,
}));
const engine = new LocalFacilitator();
const room = { kind: 'couple' as const, title: 'Us', names: { a: 'Ann', b: 'Ben' }, parties: ['a', 'b'] };
const offer = () => engine.clauseOffer(room, [], fresh ? entries.map((e) => ({ ...e })) : entries);

for (let i = 0; i < 200; i++) await offer();
const runs = 1000;
const start = performance.now();
for (let i = 0; i < runs; i++) await offer();
const us = (((performance.now() - start) / runs) * 1000).toFixed(0);
console.log(`clause offer over 60 entries${fresh ? ' (fresh objects)' : ''}: ${us} us`);
