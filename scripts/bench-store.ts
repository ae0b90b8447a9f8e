/**
 * The file store's cost per delivered message against the memory store's, at the store (one
 * updateRoomAndAppend, as the pipeline makes for a message), and how long a start takes to replay a room.
 * `npm run bench:store`; figures in docs/BENCHMARKS.md ("The file store").
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NewLogEntry, RoomRecord } from '../server/rooms/model.js';
import { newParticipant, newRoom } from '../server/rooms/newRoom.js';
import { FileStore } from '../server/store/file/fileStore.js';
import { MemoryStore } from '../server/store/memory.js';

const COUNT = Number(process.env.COUNT ?? 20_000);
const WARM = 2_000;
const ROOM = 'r_bench';

const message = (i: number): NewLogEntry => ({
  type: 'message',
  id: `m${i}`,
  clientMsgId: `m${i}`,
  from: 'p1',
  text: 'I would like us to talk about the weekend plans, please.',
  at: Date.now(),
  reworded: false,
});
// What the pipeline changes in the room for a delivered message: a counter and the moving heat.
const delivered = (r: RoomRecord) => ({ room: { ...r, sinceOffer: r.sinceOffer + 1, heat: r.heat * 0.9 }, result: 0 });

async function perMessage(store: MemoryStore): Promise<number> {
  const host = newParticipant('p1', 'Ann', 'host', 1);
  const room = newRoom({ roomId: ROOM, kind: 'couple', host, now: 0, retentionMs: 1e10, heatThreshold: 0.5 });
  await store.createRoom({ ...room, expiresAt: Date.now() + 1e10 });
  for (let i = 0; i < WARM; i++) await store.updateRoomAndAppend(ROOM, delivered, message(-i - 1), `w${i}`);
  const t0 = performance.now();
  for (let i = 0; i < COUNT; i++) await store.updateRoomAndAppend(ROOM, delivered, message(i), `m${i}`);
  return ((performance.now() - t0) * 1000) / COUNT;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mr-bench-store-'));
try {
  const memory = new MemoryStore();
  console.log(`memory:              ${(await perMessage(memory)).toFixed(1)} µs per message`);
  const files = await FileStore.open(path.join(dir, 'interval'));
  console.log(`file, fsync interval: ${(await perMessage(files)).toFixed(1)} µs per message`);
  await files.close();
  const always = await FileStore.open(path.join(dir, 'always'), { fsync: 'always' });
  console.log(`file, fsync always:   ${(await perMessage(always)).toFixed(1)} µs per message`);
  await always.close();
  const file = path.join(dir, 'interval', 'rooms', `${ROOM}.jsonl`);
  console.log(`file size: ${(fs.statSync(file).size / (COUNT + WARM)).toFixed(0)} bytes per message`);
  const t0 = performance.now();
  const reopened = await FileStore.open(path.join(dir, 'interval'));
  const ms = performance.now() - t0;
  console.log(`start: ${ms.toFixed(0)} ms to replay a room of ${(await reopened.tailLog(ROOM, 1))[0]?.seq} messages`);
  await reopened.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
