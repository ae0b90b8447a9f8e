import type * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';

/** Message types of the y-websocket wire protocol (what a stock WebsocketProvider speaks). */
export const MSG = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const;
export const SYNC = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** Close codes; 4400-4499 tell a stock provider not to reconnect. */
export const CLOSE = {
  goingAway: 1001,
  internal: 1011,
  /** The document could not be saved: reconnect later and sync again. */
  unavailable: 1013,
  /** A malformed message, or an update the server cannot integrate completely. */
  malformed: 4400,
  /** The person left the room or was taken out of it: their ticket and token no longer work. */
  removed: 4403,
  notFound: 4404,
  /** The document is at its size limit (YJS_MAX_DOC_BYTES). */
  tooLarge: 4413,
  rateLimited: 4429,
} as const;

export function syncStep1Message(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MSG.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

export function syncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MSG.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MSG.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

export function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MSG.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
