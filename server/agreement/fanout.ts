/** What one process tells the others about a room's document. */
/** `left`: a person left or was taken out of the room (payload: their id, UTF-8); their connections close. */
export type FanoutKind = 'update' | 'awareness' | 'dropped' | 'left';
/** In the order of their byte on the wire (cluster/fanout.ts). */
export const FANOUT_KINDS: FanoutKind[] = ['update', 'awareness', 'dropped', 'left'];

export type FanoutHandler = (kind: FanoutKind, payload: Uint8Array) => void;

/**
 * Keeps a room's document the same in every process that has it loaded: each process stores and
 * publishes what its own clients and operations change, and applies what the others publish.
 * One interface, two implementations: nothing to share (one process), or Redis pub/sub.
 */
export interface DocFanout {
  /** Starts hearing other processes about a room; resolves once subscribed, to a stop function. */
  subscribe(roomId: string, handler: FanoutHandler): Promise<() => Promise<void>>;
  publish(roomId: string, kind: FanoutKind, payload: Uint8Array): void;
  close(): Promise<void>;
}

export class LocalFanout implements DocFanout {
  async subscribe(): Promise<() => Promise<void>> {
    return async () => undefined;
  }
  publish(): void {}
  async close(): Promise<void> {}
}
