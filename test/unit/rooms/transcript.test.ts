import { describe, expect, it } from 'vitest';
import type { LogEntry } from '../../../shared/protocol.js';
import type { Transcript } from '../../../shared/transcript.js';
import { authorOf, extendChain, genesisOf, verifyTranscript } from '../../../server/rooms/transcript/chain.js';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const message = (seq: number, from: string, text: string, extra: Partial<LogEntry> = {}): LogEntry =>
  ({
    type: 'message',
    seq,
    id: `m${seq}`,
    clientMsgId: `c${seq}`,
    from,
    text,
    at: T0 + seq,
    reworded: false,
    ...extra,
  }) as LogEntry;

const LOG: LogEntry[] = [
  message(1, 'ann', 'I felt left out on Saturday.'),
  { type: 'facilitator', seq: 2, id: 'f2', kind: 'reflection', text: 'Ann, left out matters.', at: T0 + 2 },
  { type: 'facilitator', seq: 3, id: 'f3', kind: 'safety', text: 'Only for Ann.', at: T0 + 3, visibleTo: ['ann'] },
  message(4, 'sam', 'I did not know that.'),
];

function exported(roomId = 'r_1'): Transcript {
  const genesis = genesisOf(roomId);
  const chained = extendChain({ head: genesis, count: 0 }, LOG);
  const entries = LOG.filter((e) => chained.hashes.has(e.seq)).map((e) => ({
    seq: e.seq,
    from: authorOf(e),
    name: authorOf(e),
    kind: e.type,
    at: e.at,
    text: e.text,
    hash: chained.hashes.get(e.seq) ?? '',
  }));
  return {
    roomId,
    title: 'T',
    recordMode: 'record',
    exportedAt: T0,
    algorithm: 'sha256',
    genesis,
    entries,
    head: chained.head,
    sealed: { seq: 4, head: chained.head, matches: true },
  };
}

describe('the transcript hash chain', () => {
  it('chains what everyone saw, leaves out entries shown to some people only, and verifies', () => {
    const t = exported();
    expect(t.entries.map((e) => e.seq)).toEqual([1, 2, 4]);
    expect(new Set(t.entries.map((e) => e.hash)).size).toBe(3);
    expect(verifyTranscript(t)).toEqual({ ok: true });
  });

  it('breaks at an entry whose words, author or time were changed afterwards', () => {
    for (const change of [{ text: 'I felt fine on Saturday.' }, { from: 'sam' }, { at: T0 + 99 }]) {
      const t = exported();
      t.entries[0] = { ...t.entries[0], ...change };
      expect(verifyTranscript(t)).toMatchObject({ ok: false, seq: 1 });
    }
  });

  it('breaks when an entry is taken out or the order changes', () => {
    const removed = exported();
    removed.entries.splice(1, 1);
    expect(verifyTranscript(removed)).toMatchObject({ ok: false, seq: 4 });
    const swapped = exported();
    swapped.entries.reverse();
    expect(verifyTranscript(swapped)).toMatchObject({ ok: false });
  });

  it('is bound to its room: the same words in another room give other hashes', () => {
    const t = exported();
    expect(verifyTranscript({ ...t, roomId: 'r_2' })).toMatchObject({ ok: false, seq: null });
    expect(exported('r_2').head).not.toBe(t.head);
  });

  it('extends from a seal to the same head as chaining all at once', () => {
    const genesis = genesisOf('r_1');
    const first = extendChain({ head: genesis, count: 0 }, LOG.slice(0, 2));
    const rest = extendChain(first, LOG.slice(2));
    expect(rest.head).toBe(extendChain({ head: genesis, count: 0 }, LOG).head);
    expect(rest.count).toBe(3);
  });
});
