import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newParticipant, newRoom } from '../../server/rooms/newRoom.js';
import type { InviteRecord, RoomRecord } from '../../server/rooms/model.js';
import type { Store } from '../../server/rooms/ports.js';

const message = (text: string) => ({
  type: 'message' as const,
  id: `m-${text}`,
  clientMsgId: text,
  from: 'p1',
  text,
  at: 1,
  reworded: false,
});

function room(roomId: string, expiresAt = Date.now() + 60_000) {
  const r = newRoom({
    roomId,
    kind: 'couple',
    host: newParticipant('p1', 'Ann', 'host', 1),
    now: 0,
    retentionMs: 1,
    heatThreshold: 0.5,
  });
  return { ...r, expiresAt };
}

/** An invite record: a single-use participant code that lives a minute, unless told otherwise. */
function invite(roomId: string, over: Partial<InviteRecord> = {}): InviteRecord {
  const base = { inviteId: 'i1', roomId, role: 'participant' as const, createdBy: 'p1', createdAt: 1 };
  return { ...base, expiresAt: Date.now() + 60_000, maxUses: 1, uses: 0, revoked: false, ...over };
}

/** Tries a change to a record from a store: a frozen record refuses it with a TypeError, a copy takes it. */
function attempt(change: () => void): void {
  try {
    change();
  } catch (err) {
    if (!(err instanceof TypeError)) throw err;
  }
}

/** The Store contract: every implementation runs this same suite. */
export function storeContract(name: string, make: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    let id = 0;
    let roomId: string;
    beforeEach(async () => {
      store = await make();
      roomId = `r_contract_${process.pid}_${Date.now()}_${id++}`;
      await store.createRoom(room(roomId));
    });
    afterEach(async () => {
      await store.deleteRoom(roomId);
      await store.close();
    });

    it('creates, reads and updates a room atomically', async () => {
      expect((await store.getRoom(roomId))?.participants[0].name).toBe('Ann');
      const out = await store.updateRoom(roomId, (r) => ({ room: { ...r, title: 'Changed' }, result: 42 }));
      expect(out?.result).toBe(42);
      expect((await store.getRoom(roomId))?.title).toBe('Changed');
      expect(await store.updateRoom('r_missing', (r) => ({ room: r, result: 1 }))).toBeNull();
    });

    it('leaves a room as it is when an update returns no room', async () => {
      const before = await store.getRoom(roomId);
      const out = await store.updateRoom(roomId, () => ({ result: 'kept' }));
      expect(out?.result).toBe('kept');
      expect(await store.getRoom(roomId)).toEqual(before);
    });

    it('never loses an update under concurrent changes', async () => {
      await Promise.all(
        Array.from({ length: 25 }, () =>
          store.updateRoom(roomId, (r) => ({ room: { ...r, sinceOffer: r.sinceOffer + 1 }, result: undefined })),
        ),
      );
      expect((await store.getRoom(roomId))?.sinceOffer).toBe(25);
    });

    it('does not let callers change stored state by reference', async () => {
      const r = await store.getRoom(roomId);
      // Records from a store are read-only: a change either throws (frozen) or stays in the caller's copy.
      attempt(() => {
        r!.title = 'mutated';
      });
      expect((await store.getRoom(roomId))?.title).not.toBe('mutated');
    });

    it('keeps a room as stored whatever callers do to what they passed in or got back', async () => {
      const fresh = room(`${roomId}_own`);
      await store.createRoom(fresh);
      fresh.participants[0].name = 'Changed after create';
      const updated = await store.updateRoom(fresh.roomId, (r) => ({
        room: { ...r, sinceOffer: 7 },
        result: undefined,
      }));
      attempt(() => {
        updated!.room.participants[0].name = 'Changed after update';
      });
      attempt(() => {
        updated!.room.floor.queue.push('p9');
      });
      const stored = await store.getRoom(fresh.roomId);
      expect(stored?.participants[0].name).toBe('Ann');
      expect(stored?.floor.queue).toEqual([]);
      expect(stored?.sinceOffer).toBe(7);
      // An update that returns no room changes nothing, even if it changed its input in place.
      await store.updateRoom(fresh.roomId, (r) => {
        attempt(() => {
          r.sinceOffer = 99;
        });
        return { result: undefined };
      });
      expect((await store.getRoom(fresh.roomId))?.sinceOffer).toBe(7);
      await store.deleteRoom(fresh.roomId);
    });

    it('keeps log entries as appended whatever callers do to what they passed in or got back', async () => {
      const notice = { type: 'facilitator' as const, id: 'f1', kind: 'notice' as const, text: 'hi', at: 1 };
      const sent = { ...notice, visibleTo: ['p1'] };
      const appended = await store.appendLog(roomId, sent, 'k1');
      sent.visibleTo.push('p2');
      attempt(() => {
        appended.entry.visibleTo?.push('p3');
      });
      for (const read of [
        ...(await store.listLog(roomId, 0, 10)),
        ...(await store.tailLog(roomId, 1)),
        await store.findLogByKey(roomId, 'k1'),
      ])
        attempt(() => {
          read?.visibleTo?.push('p4');
        });
      expect((await store.listLog(roomId, 0, 10)).map((e) => e.visibleTo)).toEqual([['p1']]);
      expect((await store.appendLog(roomId, notice, 'k1')).entry.visibleTo).toEqual(['p1']);
    });

    it('reads a long log back whole and in order, however old the entry', async () => {
      const count = 1_234;
      for (let i = 1; i <= count; i++) await store.appendLog(roomId, message(`t${i}`), `p1:t${i}`);
      const all: string[] = [];
      for (let since = 0; since < count; since += 500)
        all.push(...(await store.listLog(roomId, since, 500)).map((e) => `${e.seq}:${e.text}`));
      expect(all).toEqual(Array.from({ length: count }, (_, i) => `${i + 1}:t${i + 1}`));
      expect((await store.tailLog(roomId, 3)).map((e) => e.seq)).toEqual([count - 2, count - 1, count]);
      expect(await store.findLogByKey(roomId, 'p1:t1')).toEqual({ ...message('t1'), seq: 1 });
      const again = await store.appendLog(roomId, message('t2'), 'p1:t2');
      expect(again).toEqual({ duplicate: true, entry: { ...message('t2'), seq: 2 } });
    });

    it('numbers log entries 1, 2, 3 and lists them after a sequence number', async () => {
      for (const t of ['a', 'b', 'c']) await store.appendLog(roomId, message(t));
      expect((await store.listLog(roomId, 0, 10)).map((e) => [e.seq, e.text])).toEqual([
        [1, 'a'],
        [2, 'b'],
        [3, 'c'],
      ]);
      expect((await store.listLog(roomId, 1, 1)).map((e) => e.seq)).toEqual([2]);
      expect((await store.tailLog(roomId, 2)).map((e) => e.seq)).toEqual([2, 3]);
    });

    it('appends once per dedupe key, even when raced', async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, () => store.appendLog(roomId, message('x'), 'p1:x')),
      );
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      expect(new Set(results.map((r) => r.entry.seq)).size).toBe(1);
      expect(await store.listLog(roomId, 0, 10)).toHaveLength(1);
      expect((await store.findLogByKey(roomId, 'p1:x'))?.seq).toBe(1);
      expect(await store.findLogByKey(roomId, 'p1:y')).toBeNull();
    });

    it('changes the room and appends its entry in one step, once per dedupe key, even when raced', async () => {
      const bump = (r: RoomRecord) => ({ room: { ...r, sinceOffer: r.sinceOffer + 1 }, result: r.sinceOffer + 1 });
      const first = await store.updateRoomAndAppend(roomId, bump, message('a'), 'p1:a');
      expect(first).toMatchObject({
        duplicate: false,
        result: 1,
        room: { sinceOffer: 1 },
        entry: { seq: 1, text: 'a' },
      });
      const raced = await Promise.all(
        Array.from({ length: 8 }, () => store.updateRoomAndAppend(roomId, bump, message('b'), 'p1:b')),
      );
      expect(raced.filter((r) => r?.duplicate === false)).toHaveLength(1);
      expect(new Set(raced.map((r) => r?.entry.seq))).toEqual(new Set([2]));
      // A used key writes nothing: the room was counted once for it.
      expect((await store.getRoom(roomId))?.sinceOffer).toBe(2);
      const again = await store.updateRoomAndAppend(roomId, bump, message('a'), 'p1:a');
      expect(again).toEqual({ duplicate: true, entry: { ...message('a'), seq: 1 } });
      expect(await store.updateRoomAndAppend('r_missing', bump, message('c'))).toBeNull();
    });

    it('numbers entries and loses no room change when different entries race', async () => {
      const bump = (r: RoomRecord) => ({ room: { ...r, sinceOffer: r.sinceOffer + 1 }, result: undefined });
      const from = await store.getRoom(roomId);
      // Every write starts from the same record: all but the first find the room changed and run again.
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          store.updateRoomAndAppend(roomId, bump, message(`m${i}`), `p1:m${i}`, from ?? undefined),
        ),
      );
      expect((await store.getRoom(roomId))?.sinceOffer).toBe(12);
      expect((await store.listLog(roomId, 0, 20)).map((e) => e.seq)).toEqual(
        Array.from({ length: 12 }, (_, i) => i + 1),
      );
      // A record read before a change is only a starting point: the update runs on the room as it is.
      const stale = await store.updateRoomAndAppend(roomId, bump, message('late'), undefined, from ?? undefined);
      expect(stale).toMatchObject({ duplicate: false, room: { sinceOffer: 13 }, entry: { seq: 13 } });
      await store.deleteRoom(roomId);
      expect(await store.updateRoomAndAppend(roomId, bump, message('gone'))).toBeNull();
      expect(await store.listLog(roomId, 0, 20)).toEqual([]);
    });

    it('keeps private preparation per person', async () => {
      await store.appendPrep(roomId, 'p1', { role: 'you', text: 'secret', at: 1 });
      expect(await store.listPrep(roomId, 'p1')).toEqual([{ role: 'you', text: 'secret', at: 1 }]);
      expect(await store.listPrep(roomId, 'p2')).toEqual([]);
    });

    it('deletes one person’s preparation on their request, and nobody else’s', async () => {
      await store.appendPrep(roomId, 'p1', { role: 'you', text: 'mine', at: 1 });
      await store.appendPrep(roomId, 'p1', { role: 'facilitator', text: 'reply', at: 2 });
      await store.appendPrep(roomId, 'p2', { role: 'you', text: 'theirs', at: 1 });
      expect(await store.deletePrep(roomId, 'p1')).toBe(2);
      expect(await store.listPrep(roomId, 'p1')).toEqual([]);
      expect(await store.listPrep(roomId, 'p2')).toHaveLength(1);
      expect(await store.deletePrep(roomId, 'p1')).toBe(0);
      // Preparing again afterwards works as before.
      await store.appendPrep(roomId, 'p1', { role: 'you', text: 'again', at: 3 });
      expect(await store.listPrep(roomId, 'p1')).toHaveLength(1);
    });

    it('appends and compacts document updates, keeping later ones, unless another compaction came first', async () => {
      await store.appendDocUpdate(roomId, new Uint8Array([1]));
      await store.appendDocUpdate(roomId, new Uint8Array([2]));
      await store.appendDocUpdate(roomId, new Uint8Array([3]));
      expect(await store.compactDoc(roomId, new Uint8Array([9]), 2, new Uint8Array([1]))).toBe(true);
      expect((await store.loadDocUpdates(roomId)).map((u) => [...u])).toEqual([[9], [3]]);
      // Someone else compacted first: the first update is no longer [1], so nothing changes.
      expect(await store.compactDoc(roomId, new Uint8Array([8]), 2, new Uint8Array([1]))).toBe(false);
      expect((await store.loadDocUpdates(roomId)).map((u) => [...u])).toEqual([[9], [3]]);
    });

    it('deletes a room with its log, prep, document, tokens and invites', async () => {
      await store.putToken('th', { roomId, participantId: 'p1', role: 'host' });
      await store.putInvite('ih', invite(roomId));
      await store.appendLog(roomId, message('a'));
      await store.appendPrep(roomId, 'p1', { role: 'you', text: 's', at: 1 });
      await store.appendDocUpdate(roomId, new Uint8Array([1]));
      expect(await store.getToken('th')).toMatchObject({ participantId: 'p1' });
      await store.deleteRoom(roomId);
      expect(await store.getRoom(roomId)).toBeNull();
      expect(await store.getToken('th')).toBeNull();
      expect(await store.getInvite('ih')).toBeNull();
      expect(await store.listLog(roomId, 0, 10)).toEqual([]);
      expect(await store.listPrep(roomId, 'p1')).toEqual([]);
      expect(await store.loadDocUpdates(roomId)).toEqual([]);
    });

    it('lets a single-use invite admit one person, even with five uses racing', async () => {
      await store.putInvite('iu1', invite(roomId));
      const uses = await Promise.all(Array.from({ length: 5 }, () => store.claimInvite('iu1', Date.now())));
      expect(uses.map((u) => u.status).sort()).toEqual(['ok', 'used', 'used', 'used', 'used']);
      expect(await store.getInvite('iu1')).toMatchObject({ uses: 1 });
      // A join that failed gives its use back: the code admits its person after all.
      await store.releaseInvite('iu1');
      expect((await store.claimInvite('iu1', Date.now())).status).toBe('ok');
      expect((await store.claimInvite('iu1', Date.now())).status).toBe('used');
    });

    it('lets a reusable invite admit anyone until it expires', async () => {
      await store.putInvite('iu2', invite(roomId, { role: 'observer', maxUses: null, expiresAt: 5000 }));
      for (let i = 0; i < 3; i++) expect((await store.claimInvite('iu2', 4000)).status).toBe('ok');
      expect(await store.getInvite('iu2')).toMatchObject({ uses: 3, maxUses: null, expiresAt: 5000 });
      const late = await store.claimInvite('iu2', 5000);
      expect(late.status).toBe('expired');
    });

    it('revokes an invite by its id, in its own room only', async () => {
      await store.putInvite('iu3', invite(roomId, { inviteId: 'i_keep' }));
      await store.putInvite('iu4', invite(roomId, { inviteId: 'i_stop' }));
      expect(await store.revokeInvite(roomId, 'i_unknown')).toBe(false);
      expect(await store.revokeInvite(`${roomId}-other`, 'i_stop')).toBe(false);
      expect(await store.revokeInvite(roomId, 'i_stop')).toBe(true);
      expect((await store.claimInvite('iu4', Date.now())).status).toBe('revoked');
      expect((await store.claimInvite('iu3', Date.now())).status).toBe('ok');
      expect(await store.getInvite('iu4')).toMatchObject({ revoked: true, uses: 0 });
    });

    it('knows no invite whose code is unknown or whose room is gone', async () => {
      expect(await store.claimInvite('iu-unknown', Date.now())).toEqual({ status: 'unknown' });
      await store.putInvite('iu5', invite(roomId));
      await store.deleteRoom(roomId);
      expect(await store.claimInvite('iu5', Date.now())).toEqual({ status: 'unknown' });
      expect(await store.revokeInvite(roomId, 'i1')).toBe(false);
    });

    it('gives a ticket once: a second take, even raced, finds nothing', async () => {
      const record = { roomId, participantId: 'p1', role: 'host' as const, expiresAt: Date.now() + 30_000 };
      await store.putTicket('tk1', record, 30_000);
      const takes = await Promise.all(Array.from({ length: 5 }, () => store.takeTicket('tk1')));
      expect(takes.filter((t) => t !== null)).toEqual([record]);
      expect(await store.takeTicket('tk1')).toBeNull();
      expect(await store.takeTicket('tk-unknown')).toBeNull();
    });

    it('lets a ticket expire after its time to live', async () => {
      await store.putTicket('tk2', { roomId, participantId: 'p1', role: 'host', expiresAt: Date.now() + 40 }, 40);
      await new Promise((r) => setTimeout(r, 120));
      expect(await store.takeTicket('tk2')).toBeNull();
    });

    it('refuses a ticket whose room is gone', async () => {
      const record = { roomId, participantId: 'p1', role: 'host' as const, expiresAt: Date.now() + 30_000 };
      await store.putTicket('tk3', record, 30_000);
      await store.deleteRoom(roomId);
      expect(await store.takeTicket('tk3')).toBeNull();
    });

    it('refuses every room-scoped write once the room is deleted', async () => {
      await store.deleteRoom(roomId);
      const refused = { code: 'not_found' };
      await expect(store.putToken('th', { roomId, participantId: 'p1', role: 'host' })).rejects.toMatchObject(refused);
      await expect(store.putInvite('ih', invite(roomId))).rejects.toMatchObject(refused);
      await expect(store.appendLog(roomId, message('a'))).rejects.toMatchObject(refused);
      await expect(store.appendPrep(roomId, 'p1', { role: 'you', text: 's', at: 1 })).rejects.toMatchObject(refused);
      await expect(store.appendDocUpdate(roomId, new Uint8Array([1]))).rejects.toMatchObject(refused);
      const [snapshot, first] = [new Uint8Array([9]), new Uint8Array([1])];
      await expect(store.compactDoc(roomId, snapshot, 1, first)).rejects.toMatchObject(refused);
      expect(await store.getToken('th')).toBeNull();
      expect(await store.listPrep(roomId, 'p1')).toEqual([]);
      expect(await store.loadDocUpdates(roomId)).toEqual([]);
    });

    it('expires rooms past their retention', async () => {
      const old = `${roomId}_old`;
      await store.createRoom(room(old, Date.now() - 1));
      const expired = await store.expireRooms(Date.now());
      expect(expired).toContain(old);
      expect(expired).not.toContain(roomId);
      expect(await store.getRoom(old)).toBeNull();
    });
  });
}
