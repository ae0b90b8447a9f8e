import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Presence } from '../../server/realtime/presence.js';

/**
 * The Presence contract: every implementation runs this same suite. `make` gives a fresh presence
 * of this process; with a shared backend, each call is one more process on the same backend.
 */
export function presenceContract(name: string, make: () => Promise<Presence>): void {
  describe(`Presence contract: ${name}`, () => {
    let presence: Presence;
    let id = 0;
    let roomId: string;
    let otherRoom: string;
    beforeEach(async () => {
      presence = await make();
      roomId = `r_presence_${process.pid}_${id++}`;
      otherRoom = `${roomId}_other`;
    });
    afterEach(async () => {
      await presence.dropRoom(roomId);
      await presence.dropRoom(otherRoom);
      await presence.close();
    });

    it('knows no one in a room nobody joined', async () => {
      expect(await presence.online(roomId)).toEqual(new Set());
      expect(presence.activeRooms()).toBe(0);
    });

    it('adds and removes people, room by room', async () => {
      await presence.add(roomId, 'p1');
      await presence.add(roomId, 'p2');
      await presence.add(otherRoom, 'p3');
      expect(await presence.online(roomId)).toEqual(new Set(['p1', 'p2']));
      expect(await presence.online(otherRoom)).toEqual(new Set(['p3']));
      expect(presence.activeRooms()).toBe(2);

      await presence.remove(roomId, 'p1');
      expect(await presence.online(roomId)).toEqual(new Set(['p2']));
      await presence.remove(roomId, 'p2');
      expect(await presence.online(roomId)).toEqual(new Set());
      expect(presence.activeRooms()).toBe(1);
    });

    it('keeps a person online while one of their two connections is open', async () => {
      await presence.add(roomId, 'p1');
      await presence.add(roomId, 'p1');
      await presence.remove(roomId, 'p1');
      expect(await presence.online(roomId)).toEqual(new Set(['p1']));
      await presence.remove(roomId, 'p1');
      expect(await presence.online(roomId)).toEqual(new Set());
    });

    it('ignores removing someone who was not there', async () => {
      await presence.add(roomId, 'p1');
      await presence.remove(roomId, 'p2');
      await presence.remove(otherRoom, 'p1');
      expect(await presence.online(roomId)).toEqual(new Set(['p1']));
      expect(await presence.online(otherRoom)).toEqual(new Set());
      expect(presence.activeRooms()).toBe(1);
    });

    it('forgets everyone in a dropped room, and only there', async () => {
      await presence.add(roomId, 'p1');
      await presence.add(roomId, 'p2');
      await presence.add(otherRoom, 'p1');
      await presence.dropRoom(roomId);
      expect(await presence.online(roomId)).toEqual(new Set());
      expect(await presence.online(otherRoom)).toEqual(new Set(['p1']));
      expect(presence.activeRooms()).toBe(1);
      // A connection that comes back after the drop counts again from one.
      await presence.add(roomId, 'p1');
      expect(await presence.online(roomId)).toEqual(new Set(['p1']));
    });
  });
}
