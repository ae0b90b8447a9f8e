import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InviteRecord, RoomRecord } from '../../server/rooms/model.js';
import { newParticipant, newRoom } from '../../server/rooms/newRoom.js';
import { sampleHeat } from '../../server/rooms/policies/outcomes.js';
import { FileStore } from '../../server/store/file/fileStore.js';
import { HOT_ENTRIES } from '../../server/store/memory.js';
import { storeContract } from './store.contract.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mr-file-contract-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const message = (text: string) => ({
  type: 'message' as const,
  id: `m-${text}`,
  clientMsgId: text,
  from: 'p1',
  text,
  at: 1,
  reworded: false,
});

function room(roomId: string, expiresAt = Date.now() + 60_000): RoomRecord {
  const host = newParticipant('p1', 'Ann', 'host', 1);
  const r = newRoom({ roomId, kind: 'couple', host, now: 0, retentionMs: 1, heatThreshold: 0.5 });
  return { ...r, expiresAt };
}

function invite(roomId: string, over: Partial<InviteRecord> = {}): InviteRecord {
  const base = { inviteId: 'i1', roomId, role: 'participant' as const, createdBy: 'p1', createdAt: 1 };
  return { ...base, expiresAt: Date.now() + 60_000, maxUses: 1, uses: 0, revoked: false, ...over };
}

let n = 0;
// A small compaction threshold, so the long-log case is compacted as it is written.
storeContract('file', () => FileStore.open(path.join(root, `s${n++}`), { compactAfter: 100, notice: () => {} }));

describe('file store on disk', () => {
  let dir: string;
  let store: FileStore | undefined;
  const notices: string[] = [];
  const open = async (compactAfter = 2000) => {
    store = await FileStore.open(dir, { compactAfter, notice: (line) => notices.push(line) });
    return store;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(root, 'disk-'));
    notices.length = 0;
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  const file = (roomId: string) => path.join(dir, 'rooms', `${roomId}.jsonl`);
  const bump = (r: RoomRecord) => ({ room: { ...r, sinceOffer: r.sinceOffer + 1 }, result: undefined });

  /** Everything a room holds, as the store hands it out. */
  async function contents(s: FileStore, roomId: string) {
    return {
      room: await s.getRoom(roomId),
      log: await s.listLog(roomId, 0, 10_000),
      prep: [await s.listPrep(roomId, 'p1'), await s.listPrep(roomId, 'p2')],
      doc: (await s.loadDocUpdates(roomId)).map((u) => [...u]),
      token: await s.getToken('th'),
      invites: [await s.getInvite('i-one'), await s.getInvite('i-two')],
    };
  }

  async function fill(s: FileStore, roomId: string) {
    await s.createRoom(room(roomId));
    await s.updateRoom(roomId, (r) => ({ room: { ...r, title: 'Kept', sinceOffer: 3 }, result: undefined }));
    await s.putToken('th', { roomId, participantId: 'p1', role: 'host' });
    await s.putInvite('i-one', invite(roomId, { inviteId: 'one' }));
    await s.putInvite('i-two', invite(roomId, { inviteId: 'two' }));
    expect((await s.claimInvite('i-one', Date.now())).status).toBe('ok');
    await s.revokeInvite(roomId, 'two');
    await s.appendLog(roomId, message('a'), 'p1:a');
    await s.updateRoomAndAppend(roomId, bump, message('b'), 'p1:b');
    await s.appendPrep(roomId, 'p1', { role: 'you', text: 'mine', at: 1 });
    await s.appendPrep(roomId, 'p2', { role: 'you', text: 'theirs', at: 1 });
    await s.deletePrep(roomId, 'p2');
    for (const b of [1, 2, 3]) await s.appendDocUpdate(roomId, new Uint8Array([b]));
    await s.compactDoc(roomId, new Uint8Array([9]), 2, new Uint8Array([1]));
    await s.putTicket('tk', { roomId, participantId: 'p1', role: 'host', expiresAt: Date.now() + 30_000 }, 30_000);
  }

  it('keeps everything across a restart, and goes on numbering and deduplicating where it left off', async () => {
    const s = await open();
    await fill(s, 'r_keep');
    const before = await contents(s, 'r_keep');
    expect(before.room).toMatchObject({ title: 'Kept', sinceOffer: 4 });
    await s.close();
    const again = await open();
    expect(await contents(again, 'r_keep')).toEqual(before);
    expect(await again.takeTicket('tk')).toMatchObject({ participantId: 'p1' });
    expect(await again.appendLog('r_keep', message('b'), 'p1:b')).toMatchObject({ duplicate: true, entry: { seq: 2 } });
    expect((await again.appendLog('r_keep', message('c'), 'p1:c')).entry.seq).toBe(3);
    expect((await again.claimInvite('i-one', Date.now())).status).toBe('used');
    expect((await again.claimInvite('i-two', Date.now())).status).toBe('revoked');
    expect(notices).toEqual([]);
  });

  it('writes a delivered message’s heat sample alone, not the room’s 200 again, and replays them all (issue 13)', async () => {
    const s = await open(10_000);
    await s.createRoom(room('r_heat'));
    // As the pipeline's deliver: one heat sample more on every message, the oldest dropped past 200.
    const sampled = (i: number) => (r: RoomRecord) => ({
      room: { ...r, heat: (i % 10) / 10, outcomes: sampleHeat(r, (i % 10) / 10, 1000 + i) },
      result: undefined,
    });
    for (let i = 0; i < 230; i++) await s.updateRoomAndAppend('r_heat', sampled(i), message(`h${i}`), `p1:h${i}`);
    // A change that rewrites the samples some other way is written whole.
    await s.updateRoom('r_heat', (r) => ({
      room: { ...r, outcomes: { ...r.outcomes!, heat: r.outcomes!.heat.slice(0, 50), breaks: 1 } },
      result: undefined,
    }));
    await s.updateRoomAndAppend('r_heat', sampled(999), message('h999'), 'p1:h999');
    const before = await contents(s, 'r_heat');
    expect(before.room?.outcomes?.heat).toHaveLength(51);
    const lines = fs.readFileSync(file('r_heat'), 'utf8').trim().split('\n');
    // The 230th message's line (the room had 200 samples already) carries one sample.
    const late = lines[230];
    expect(late.length).toBeLessThan(1000);
    expect(JSON.parse(late).heatSample).toEqual({ at: 1229, heat: 0.9 });
    await s.close();
    expect(await contents(await open(), 'r_heat')).toEqual(before);
    expect(notices).toEqual([]);
  });

  it('compacts a room’s file as it grows, losing nothing', async () => {
    const s = await open(50);
    await fill(s, 'r_compact');
    for (let i = 0; i < 400; i++) await s.updateRoom('r_compact', bump);
    const before = await contents(s, 'r_compact');
    await new Promise((r) => setImmediate(r));
    // 400 changes to the room, but the file holds about what rebuilds it (compacted as it passed 50 + 2x).
    const lines = fs.readFileSync(file('r_compact'), 'utf8').split('\n').length;
    expect(lines).toBeLessThan(200);
    await s.close();
    expect(await contents(await open(), 'r_compact')).toEqual(before);
  });

  it('keeps a room’s newest entries in memory, not its history, and reads older ones back from its file', async () => {
    const s = await open(300);
    await s.createRoom(room('r_long'));
    const count = 2 * HOT_ENTRIES + 345;
    for (let i = 1; i <= count; i++) await s.updateRoomAndAppend('r_long', bump, message(`l${i}`), `p1:l${i}`);
    // Between HOT_ENTRIES and twice that stay; the rest is read from the file (compacted meanwhile).
    expect(s.entriesInMemory()).toBeLessThanOrEqual(2 * HOT_ENTRIES);
    expect(s.entriesInMemory()).toBeGreaterThanOrEqual(HOT_ENTRIES);
    const texts = (list: { text?: string }[]) => list.map((e) => e.text);
    const whole = Array.from({ length: count }, (_, i) => `l${i + 1}`);
    expect(texts(await s.listLog('r_long', 0, 10_000))).toEqual(whole);
    expect(texts(await s.listLog('r_long', 7, 3))).toEqual(['l8', 'l9', 'l10']);
    expect(await s.findLogByKey('r_long', 'p1:l2')).toMatchObject({ seq: 2, text: 'l2' });
    expect(await s.updateRoomAndAppend('r_long', bump, message('again'), 'p1:l3')).toMatchObject({
      duplicate: true,
      entry: { seq: 3, text: 'l3' },
    });
    await s.close();
    // Replayed whole at start, then let go again.
    const again = await open(300);
    expect(again.entriesInMemory()).toBeLessThanOrEqual(2 * HOT_ENTRIES);
    expect(texts(await again.listLog('r_long', 0, 10_000))).toEqual(whole);
    // A file that cannot give the entries back is an error, not a history with a hole in it.
    fs.writeFileSync(file('r_long'), '');
    await expect(again.listLog('r_long', 0, 5)).rejects.toThrow(/could not be read back/);
  });

  it('with more rooms written in turn than files kept open, loses nothing and leaks no file', async () => {
    const fds = () => fs.readdirSync('/proc/self/fd').length;
    const before = fs.existsSync('/proc/self/fd') ? fds() : 0;
    // Two files open at most: every change below lets one go, dirty (fsynced on the pool, then closed).
    const s = await FileStore.open(dir, { maxOpen: 2, notice: () => {} });
    store = s;
    const ids = ['r_e0', 'r_e1', 'r_e2', 'r_e3', 'r_e4'];
    for (const id of ids) await s.createRoom(room(id));
    for (let i = 0; i < 20; i++) await s.updateRoomAndAppend(ids[i % 5], bump, message(`m${i}`), `p1:m${i}`);
    const kept = await Promise.all(ids.map(async (id) => [await s.getRoom(id), await s.listLog(id, 0, 100)]));
    // Files let go are closed once their fsync is done: two open, no more.
    await new Promise((r) => setTimeout(r, 200));
    if (before) expect(fds()).toBeLessThanOrEqual(before + 2 + 1);
    await s.close();
    store = undefined;
    await new Promise((r) => setTimeout(r, 50));
    if (before) expect(fds()).toBeLessThanOrEqual(before + 1);
    const again = await open();
    expect(
      await Promise.all(ids.map(async (id) => [await again.getRoom(id), await again.listLog(id, 0, 100)])),
    ).toEqual(kept);
  });

  it('removes a deleted or expired room’s file from disk', async () => {
    const s = await open();
    await fill(s, 'r_del');
    await s.createRoom(room('r_old', Date.now() - 1));
    expect(fs.existsSync(file('r_del'))).toBe(true);
    await s.deleteRoom('r_del');
    expect(await s.expireRooms(Date.now())).toEqual(['r_old']);
    expect(fs.readdirSync(path.join(dir, 'rooms'))).toEqual([]);
    await s.close();
    expect(await (await open()).getRoom('r_del')).toBeNull();
  });

  it('recovers a room whose last line was cut short, says so in one line, and goes on', async () => {
    const s = await open();
    await fill(s, 'r_cut');
    const before = await contents(s, 'r_cut');
    await s.close();
    fs.appendFileSync(file('r_cut'), '{"op":"log","entry":{"type":"mess');
    const again = await open();
    expect(await contents(again, 'r_cut')).toEqual(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/room r_cut was read up to a damaged line \(line \d+ was cut short\)/);
    expect(fs.readdirSync(path.join(dir, 'rooms')).filter((n) => n.includes('.damaged-'))).toHaveLength(1);
    // The file was rewritten whole: what comes next is kept too.
    await again.appendLog('r_cut', message('after'), 'p1:after');
    await again.close();
    const third = await open();
    expect((await third.tailLog('r_cut', 1))[0]).toMatchObject({ text: 'after', seq: 3 });
    expect(notices).toHaveLength(1);
  });

  it('keeps what came before a damaged line in the middle, and the other rooms whole', async () => {
    const s = await open();
    await s.createRoom(room('r_other'));
    await s.appendLog('r_other', message('x'));
    await s.createRoom(room('r_mid'));
    for (const t of ['a', 'b', 'c']) await s.appendLog('r_mid', message(t));
    await s.close();
    const lines = fs.readFileSync(file('r_mid'), 'utf8').split('\n');
    lines[2] = 'not json at all';
    fs.writeFileSync(file('r_mid'), lines.join('\n'));
    const again = await open();
    expect((await again.listLog('r_mid', 0, 10)).map((e) => e.text)).toEqual(['a']);
    expect((await again.listLog('r_other', 0, 10)).map((e) => e.text)).toEqual(['x']);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/room r_mid .*kept 2 changes, skipped 2 lines/);
  });

  it('refuses a data directory another running process holds', async () => {
    await open();
    fs.writeFileSync(path.join(dir, 'lock'), String(process.ppid));
    await expect(FileStore.open(dir)).rejects.toThrow(/in use by another Mediation Rooms process/);
    fs.writeFileSync(path.join(dir, 'lock'), String(process.pid));
  });
});
