import type { RoomRecord } from '../model.js';
import type { RoomBroadcaster } from '../ports.js';
import type { TranscriptSealer } from './sealer.js';

/**
 * Every log entry reaches people through `RoomBroadcaster.entry`, after the store has it: the one place
 * that sees them all (messages, shared points, relays, the facilitator). This passes everything on
 * unchanged and, after an entry, has the sealer extend the transcript's chain; a deleted room is forgotten.
 */
export function sealingBroadcaster(inner: RoomBroadcaster, sealer: TranscriptSealer): RoomBroadcaster {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      if (prop === 'entry') {
        // `except` (the sender's socket, whose ack carries its message) must pass through: dropping it sent
        // every message back to its sender, a third more frames per message in a room of three.
        return (
          roomId: string,
          entry: Parameters<RoomBroadcaster['entry']>[1],
          except?: string,
          after?: RoomRecord,
        ) => {
          target.entry(roomId, entry, except, after);
          sealer.entryAppended(roomId);
        };
      }
      if (prop === 'deleted') {
        return (roomId: string) => {
          target.deleted(roomId);
          sealer.forget(roomId);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
