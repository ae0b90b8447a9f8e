import type { LogEntry, RecordMode } from '../../../shared/protocol.js';
import type { Transcript } from '../../../shared/transcript.js';
import { AppError } from '../../errors.js';
import { log } from '../../log.js';
import type { RoomRecord, TranscriptSeal } from '../model.js';
import type { Store } from '../ports.js';
import { authorOf, extendChain, genesisOf, inTranscript } from './chain.js';

const PAGE = 500;
/** Record modes known in this process: a room's mode never changes, so this needs no invalidation. */
const MODES_KEPT = 10_000;

/**
 * Keeps a record-mode room's log sealed: after entries are appended, the chain is extended over them
 * and its head stored in the room record (compare-and-set on how far it reached, so processes sealing
 * at once agree). An entry changed in the store after it was sealed no longer gives the stored head.
 * Confidential rooms are never read for this.
 */
export class TranscriptSealer {
  private readonly modes = new Map<string, RecordMode>();
  private readonly running = new Map<string, Promise<TranscriptSeal | null>>();
  private readonly again = new Set<string>();

  constructor(private readonly store: Store) {}

  /** An entry was appended to the room's log: seal it soon (coalesced per room). Never throws. */
  entryAppended(roomId: string): void {
    if (this.modes.get(roomId) === 'confidential') return;
    this.seal(roomId).catch((err: unknown) => log.error(`transcript: sealing failed (room ${roomId})`, err));
  }

  forget(roomId: string): void {
    this.modes.delete(roomId);
  }

  /** Seals everything appended so far; null for a room that is not in record mode (or is gone). */
  seal(roomId: string): Promise<TranscriptSeal | null> {
    const running = this.running.get(roomId);
    if (running) {
      this.again.add(roomId);
      return running;
    }
    const run = async (): Promise<TranscriptSeal | null> => {
      let seal: TranscriptSeal | null;
      do {
        this.again.delete(roomId);
        seal = await this.sealOnce(roomId);
      } while (this.again.has(roomId) && seal !== null);
      return seal;
    };
    const promise = run().finally(() => this.running.delete(roomId));
    this.running.set(roomId, promise);
    return promise;
  }

  private async sealOnce(roomId: string): Promise<TranscriptSeal | null> {
    for (;;) {
      const room = await this.store.getRoom(roomId);
      if (!room) return null;
      this.remember(roomId, room.recordMode ?? 'confidential');
      if (room.recordMode !== 'record') return null;
      const from = room.transcript ?? { seq: 0, head: genesisOf(roomId), count: 0 };
      const entries = await readAll(this.store, roomId, from.seq);
      if (entries.length === 0) return from;
      const chained = extendChain(from, entries);
      const next: TranscriptSeal = { seq: entries[entries.length - 1].seq, head: chained.head, count: chained.count };
      const out = await this.store.updateRoom(roomId, (r) =>
        (r.transcript?.seq ?? 0) === from.seq ? { room: { ...r, transcript: next }, result: true } : { result: false },
      );
      if (!out) return null;
      if (out.result) return next;
      // Another process sealed meanwhile: go on from where it reached.
    }
  }

  private remember(roomId: string, mode: RecordMode): void {
    if (this.modes.size >= MODES_KEPT) this.modes.delete(this.modes.keys().next().value as string);
    this.modes.set(roomId, mode);
  }

  /** The transcript as an export: every sealed entry with its hash, names beside ids, and whether the seal holds. */
  async export(room: RoomRecord, now: number): Promise<Transcript> {
    if (room.recordMode !== 'record') {
      throw new AppError(
        'not_allowed',
        'This room is confidential: no transcript is kept, so there is none to export. The agreement can be kept.',
        403,
      );
    }
    const seal = (await this.seal(room.roomId)) ?? { seq: 0, head: genesisOf(room.roomId), count: 0 };
    const genesis = genesisOf(room.roomId);
    const entries = (await readAll(this.store, room.roomId, 0)).filter((e) => e.seq <= seal.seq);
    const chained = extendChain({ head: genesis, count: 0 }, entries);
    const names = new Map(room.participants.map((p) => [p.participantId, p.name]));
    const nameOf = (e: LogEntry) => (e.type === 'message' ? (names.get(e.from) ?? 'Someone who left') : 'Facilitator');
    return {
      roomId: room.roomId,
      title: room.title,
      recordMode: 'record',
      exportedAt: now,
      algorithm: 'sha256',
      genesis,
      entries: entries.filter(inTranscript).map((e) => ({
        seq: e.seq,
        from: authorOf(e),
        name: nameOf(e),
        kind: e.type,
        at: e.at,
        text: e.text,
        hash: chained.hashes.get(e.seq) ?? '',
      })),
      head: chained.head,
      sealed: { seq: seal.seq, head: seal.head, matches: chained.head === seal.head && chained.count === seal.count },
    };
  }
}

async function readAll(store: Store, roomId: string, sinceSeq: number): Promise<LogEntry[]> {
  const out: LogEntry[] = [];
  for (let since = sinceSeq; ; ) {
    const page = await store.listLog(roomId, since, PAGE);
    out.push(...page);
    if (page.length < PAGE) return out;
    since = page[page.length - 1].seq;
  }
}
