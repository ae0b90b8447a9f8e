import { afterEach, describe, expect, inject, it } from 'vitest';
import { RedisPresence } from '../../server/cluster/presence.js';
import type { Presence } from '../../server/realtime/presence.js';
import { presenceContract } from './presence.contract.js';

const prefix = `mr-test-presence-${process.pid}:`;
presenceContract('redis', async () => new RedisPresence(inject('redisUrl'), prefix));

/** What only a shared presence does: two processes on one Redis see each other's people. */
describe('RedisPresence across processes', () => {
  const open: Presence[] = [];
  const startProcess = () => {
    const p = new RedisPresence(inject('redisUrl'), prefix);
    open.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.close()));
  });

  it('shows a person connected to either process, until their last connection closes', async () => {
    const [a, b] = [startProcess(), startProcess()];
    const roomId = `r_presence_shared_${process.pid}`;
    await a.add(roomId, 'p1');
    await b.add(roomId, 'p2');
    await b.add(roomId, 'p1');
    expect(await a.online(roomId)).toEqual(new Set(['p1', 'p2']));
    expect(await b.online(roomId)).toEqual(new Set(['p1', 'p2']));
    // activeRooms counts this process's connections only.
    expect(a.activeRooms()).toBe(1);

    await a.remove(roomId, 'p1');
    expect(await a.online(roomId)).toEqual(new Set(['p1', 'p2']));
    await b.remove(roomId, 'p1');
    expect(await a.online(roomId)).toEqual(new Set(['p2']));
    await b.dropRoom(roomId);
  });

  it('stops counting the people of a process that closes', async () => {
    const [a, b] = [startProcess(), startProcess()];
    const roomId = `r_presence_close_${process.pid}`;
    await a.add(roomId, 'p1');
    await b.add(roomId, 'p2');
    await a.close();
    open.splice(open.indexOf(a), 1);
    expect(await b.online(roomId)).toEqual(new Set(['p2']));
    await b.dropRoom(roomId);
  });
});
