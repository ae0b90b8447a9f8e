/**
 * One clause offer of the local engine over 60 log entries (what facilitatorVoice reads back), in
 * microseconds, run by hand (issue 13): `npx tsx test/bench/clauseOffer.bench.ts`. The same entry
 * objects every time, as the memory store hands them out; FRESH=1 copies them first, as a store that
 * parses every read (Redis) does.
 */
import type { LogEntry } from '../../shared/protocol.js';
import { LocalFacilitator } from '../../server/facilitator/local.js';

const CALM = [
  'Can we talk about the schedule for next week?',
  'I felt hurt when the plans changed without me. Could we decide together next time?',
  'I would like us to take turns picking up the kids from school.',
  'Thank you for listening, that helps me a lot.',
  'What would make the weekends easier for you?',
  'I need a bit more notice when you invite people over.',
  'Could we set a budget for the holidays this year?',
  'I understand that work has been stressful lately.',
  'My worry is that we keep having the same argument about chores.',
  'I agree that the mornings are the hardest part of the day.',
  'Would it help if I cooked on Tuesdays and Thursdays?',
  'I appreciate that you called my mother last week.',
];
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
