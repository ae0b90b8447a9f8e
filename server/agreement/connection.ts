import * as decoding from 'lib0/decoding';
import { WebSocket, type RawData } from 'ws';
import type { Identity } from '../auth/credentials.js';
import { CLOSE, MSG, SYNC, syncStep1Message, syncStep2Message } from './messages.js';
import type { Peer, RoomDoc } from './roomDoc.js';

export interface ConnectionOptions {
  /** Takes one message from this connection's rate budget. */
  allowMessage: () => boolean;
  /** Bytes that may wait while the document loads, and unsent bytes before a slow reader is cut. */
  maxQueuedBytes: number;
  maxBufferedBytes: number;
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer
    ? new Uint8Array(data)
    : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/**
 * One WebSocket speaking the y-websocket protocol. Until its room's document is loaded it only
 * queues what arrives: answering sync step 1 from an empty document would make the client merge
 * its state with nothing and later duplicate content (y-websocket issues #39 and #145).
 */
export class Connection implements Peer {
  /** Answered the last ping (checked by the service's heartbeat). */
  alive = true;
  private room: RoomDoc | null = null;
  private queue: Uint8Array[] = [];
  private queuedBytes = 0;
  private closing = false;

  constructor(
    readonly ws: WebSocket,
    readonly identity: Identity,
    private readonly opts: ConnectionOptions,
    /** The person's name in the room, stamped on their awareness. */
    readonly displayName = '',
  ) {
    ws.on('message', (data) => this.receive(toBytes(data)));
    // ws closes the socket itself on protocol errors (1009 for an oversized message); nothing to add.
    ws.on('error', () => {});
    ws.on('pong', () => {
      this.alive = true;
    });
    ws.on('close', () => {
      this.closing = true;
      this.room?.removePeer(this);
      this.room = null;
      this.queue = [];
    });
  }

  get roomId(): string {
    return this.identity.roomId;
  }

  /** Observers, and someone paused or out of the joint session, read; their document writes are dropped. */
  get readOnly(): boolean {
    return this.identity.role === 'observer' || this.identity.readOnly === true;
  }

  get isOpen(): boolean {
    return !this.closing && this.ws.readyState === WebSocket.OPEN;
  }

  /** The document is loaded: start the server's side of the sync, then handle what waited. */
  attach(room: RoomDoc): void {
    if (!this.isOpen) return;
    this.room = room;
    room.addPeer(this);
    this.send(syncStep1Message(room.doc));
    const awareness = room.awarenessStateMessage();
    if (awareness) this.send(awareness);
    const queued = this.queue;
    this.queue = [];
    for (const message of queued) {
      if (!this.isOpen) break;
      this.handle(message);
    }
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    // A reader that never drains would make the server hold every update for it.
    if (this.ws.bufferedAmount > this.opts.maxBufferedBytes) {
      this.ws.terminate();
      return;
    }
    this.ws.send(message);
  }

  close(code: number, reason: string): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code, reason);
  }

  private receive(message: Uint8Array): void {
    if (this.closing) return;
    if (!this.opts.allowMessage()) return this.close(CLOSE.rateLimited, 'rate limited');
    if (this.room) return this.handle(message);
    this.queuedBytes += message.byteLength;
    if (this.queuedBytes > this.opts.maxQueuedBytes) return this.close(CLOSE.rateLimited, 'too much while loading');
    this.queue.push(message);
  }

  private handle(message: Uint8Array): void {
    const room = this.room;
    if (!room) return;
    try {
      const reply = this.read(room, message);
      if (reply) this.send(reply);
    } catch {
      this.close(CLOSE.malformed, 'malformed message');
    }
  }

  private read(room: RoomDoc, message: Uint8Array): Uint8Array | null {
    const decoder = decoding.createDecoder(message);
    switch (decoding.readVarUint(decoder)) {
      case MSG.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SYNC.step1) return syncStep2Message(room.doc, payload);
        if (step !== SYNC.step2 && step !== SYNC.update) throw new Error('unknown sync step');
        if (!this.readOnly) room.applyClientUpdate(payload, this);
        return null;
      }
      case MSG.awareness:
        room.applyAwareness(decoding.readVarUint8Array(decoder), this);
        return null;
      case MSG.queryAwareness:
        return room.awarenessStateMessage();
      case MSG.auth:
        // Permission messages only go from server to client.
        return null;
      default:
        throw new Error('unknown message type');
    }
  }
}
