import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { unwatchAwareness, watchAwareness } from '../../../server/agreement/awarenessSweep.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A server-side awareness holding one remote client's state, as a room's document has it. */
function withRemote(): awarenessProtocol.Awareness {
  const server = new awarenessProtocol.Awareness(new Y.Doc());
  server.setLocalState(null);
  const client = new awarenessProtocol.Awareness(new Y.Doc());
  client.setLocalState({ cursor: 1 });
  awarenessProtocol.applyAwarenessUpdate(
    server,
    awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]),
    null,
  );
  client.destroy();
  return server;
}

describe('shared awareness sweep', () => {
  it('removes a remote state not renewed for outdatedTimeout, as y-protocols own timer does', () => {
    vi.useFakeTimers();
    const server = withRemote();
    watchAwareness(server);
    const removed: number[] = [];
    server.on('update', ({ removed: r }: { removed: number[] }) => removed.push(...r));
    vi.advanceTimersByTime(awarenessProtocol.outdatedTimeout - 3000);
    expect(server.getStates().size).toBe(1);
    vi.advanceTimersByTime(6000);
    expect(server.getStates().size).toBe(0);
    expect(removed).toHaveLength(1);
    unwatchAwareness(server);
    server.destroy();
  });

  it('leaves an unwatched awareness alone', () => {
    vi.useFakeTimers();
    const server = withRemote();
    watchAwareness(server);
    unwatchAwareness(server);
    vi.advanceTimersByTime(2 * awarenessProtocol.outdatedTimeout);
    expect(server.getStates().size).toBe(1);
    server.destroy();
  });
});
