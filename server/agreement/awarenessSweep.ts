import * as awarenessProtocol from 'y-protocols/awareness';

/**
 * One timer for every loaded room's awareness instead of y-protocols' interval per instance (a Timeout
 * and its closure per room): the same check every outdatedTimeout / 10, removing remote states not
 * renewed for outdatedTimeout. The server never sets a local state, so there is none to renew.
 */
const watched = new Set<awarenessProtocol.Awareness>();
let timer: NodeJS.Timeout | null = null;

function sweep(): void {
  const now = Date.now();
  for (const awareness of watched) {
    const outdated: number[] = [];
    awareness.meta.forEach((meta, clientId) => {
      if (clientId !== awareness.clientID && now - meta.lastUpdated >= awarenessProtocol.outdatedTimeout)
        if (awareness.states.has(clientId)) outdated.push(clientId);
    });
    if (outdated.length > 0) awarenessProtocol.removeAwarenessStates(awareness, outdated, 'timeout');
  }
}

/** A server-side Awareness whose outdated states the shared sweep removes, until `unwatch`. */
export function watchAwareness(awareness: awarenessProtocol.Awareness): void {
  clearInterval(awareness._checkInterval as NodeJS.Timeout);
  watched.add(awareness);
  if (!timer) {
    timer = setInterval(sweep, Math.floor(awarenessProtocol.outdatedTimeout / 10));
    timer.unref();
  }
}

export function unwatchAwareness(awareness: awarenessProtocol.Awareness): void {
  watched.delete(awareness);
  if (watched.size === 0 && timer) {
    clearInterval(timer);
    timer = null;
  }
}
