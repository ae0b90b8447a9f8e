/**
 * The file store's journal line for a delivered message's change (the sender's counters, the heat, one heat
 * sample more), in a room 3 messages old and in one 250 messages old (200 heat samples kept): its length and
 * the time to encode it.   npx tsx test/bench/journalLine.bench.ts
 */
import type { RoomRecord } from '../../server/rooms/model.js';
import { newParticipant, newRoom } from '../../server/rooms/newRoom.js';
import { sampleHeat } from '../../server/rooms/policies/outcomes.js';
import { encodeChange } from '../../server/store/file/lines.js';
import type { StoreChange } from '../../server/store/memory.js';

const host = newParticipant('p1', 'Ann', 'host', 1);
const base = newRoom({ roomId: 'r1', kind: 'family', host, now: 0, retentionMs: 1, heatThreshold: 0.5 });
const people = [
  ...base.participants,
  newParticipant('p2', 'Ben', 'participant', 2),
  newParticipant('p3', 'Cy', 'participant', 3),
];

function aged(messages: number): RoomRecord {
  let r: RoomRecord = { ...base, participants: people };
  for (let i = 0; i < messages; i++) r = { ...r, outcomes: sampleHeat(r, 0.1, 1_796_653_837_531 + i) };
  return r;
}

const entry = {
  type: 'message' as const,
  id: 'm_bGRskwQCHwuOlv7J',
  clientMsgId: 's0-2847',
  from: 'p2',
  text: 'Would it help if I cooked on Tuesdays and Thursdays?',
  at: 1_796_653_842_869,
  reworded: false,
  seq: 7,
};
for (const messages of [3, 250, 3, 250]) {
  const prev = aged(messages);
  const room: RoomRecord = {
    ...prev,
    heat: 0.2,
    participants: prev.participants.map((p, i) => (i === 1 ? { ...p, delivered: p.delivered + 1 } : p)),
    outcomes: sampleHeat(prev, 0.2, 1_796_653_900_000),
  };
  const change: StoreChange = { op: 'log', entry, key: 'p2:s0-2847', room, prev };
  const line = encodeChange(change);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < 20_000; i++) encodeChange(change);
  const us = Number(process.hrtime.bigint() - t0) / 20_000 / 1000;
  console.log(`${messages} messages old: line ${line.length} bytes, encodeChange ${us.toFixed(1)} us`);
}
