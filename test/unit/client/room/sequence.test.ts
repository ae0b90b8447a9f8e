import { describe, expect, it } from 'vitest';
import { SeqFeed, SeqOrder } from '../../../../client/src/room/sequence.js';

const e = (...seqs: number[]) => seqs.map((seq) => ({ seq }));
const seqs = (entries: { seq: number }[]) => entries.map((x) => x.seq);

describe('SeqOrder', () => {
  it('delivers 1,2,4,3,5 as 1..5, holding 4 back until 3 comes', () => {
    const o = new SeqOrder();
    expect(seqs(o.receive(e(1, 2)))).toEqual([1, 2]);
    expect(seqs(o.receive(e(4)))).toEqual([]);
    expect(o.gap).toBe(2);
    expect(seqs(o.receive(e(3)))).toEqual([3, 4]);
    expect(o.gap).toBeNull();
    expect(seqs(o.receive(e(5)))).toEqual([5]);
    expect(o.lastSeq).toBe(5);
  });

  it('delivers nothing twice, live or fetched', () => {
    const o = new SeqOrder();
    expect(seqs(o.receive(e(1, 1, 2)))).toEqual([1, 2]);
    expect(seqs(o.receive(e(2, 1)))).toEqual([]);
    expect(seqs(o.fetched(0, e(1, 2, 3)))).toEqual([3]);
    expect(seqs(o.receive(e(5)))).toEqual([]);
    expect(seqs(o.receive(e(5)))).toEqual([]);
    expect(seqs(o.fetched(3, e(4, 5)))).toEqual([4, 5]);
  });

  it('catches up from the last seq with nothing missing before it, not from the highest seen', () => {
    const o = new SeqOrder();
    o.receive(e(1, 2, 4, 5));
    expect(o.lastSeq).toBe(2); // a reconnect now asks for everything after 2, so 3 is not skipped
    expect(o.gap).toBe(2);
  });

  it('passes over a seq a history answer skipped (not for this person), but only below its last entry', () => {
    const o = new SeqOrder(2);
    o.receive(e(5));
    // The server says: after 2 there is 4 and 5 for you; 3 was someone else's private word.
    expect(seqs(o.fetched(2, e(4, 5)))).toEqual([4, 5]);
    expect(o.gap).toBeNull();
    o.receive(e(8));
    // An answer that ends at 6 vouches for nothing after 6: 7 is still awaited.
    expect(seqs(o.fetched(5, e(6)))).toEqual([6]);
    expect(o.gap).toBe(6);
    // An answer starting after what we have proves nothing about the seqs before it.
    expect(seqs(o.fetched(7, e(8)))).toEqual([]);
    expect(o.lastSeq).toBe(6);
  });
});

describe('SeqFeed', () => {
  it('fetches a gap that stays open, pages history on catch-up, and delivers each seq once in order', async () => {
    const stored = e(1, 2, 3, 4, 5, 6, 7);
    const asked: number[] = [];
    const out: number[] = [];
    const feed = new SeqFeed(
      async (since) => {
        asked.push(since);
        return stored.filter((x) => x.seq > since).slice(0, 2);
      },
      (entries) => out.push(...seqs(entries)),
      0,
      20,
    );
    feed.receive(e(1, 3)); // 2 was lost on the way
    expect(out).toEqual([1]);
    await new Promise((r) => setTimeout(r, 80));
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(asked[0]).toBe(1);
    feed.receive(e(7, 6, 8));
    expect(out).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    feed.close();
  });

  it('finds a last entry that never arrived once live entries go quiet, and only then', async () => {
    const stored = e(1, 2, 3);
    let asked = 0;
    const out: number[] = [];
    const feed = new SeqFeed(
      async (since) => {
        asked += 1;
        return stored.filter((x) => x.seq > since);
      },
      (entries) => out.push(...seqs(entries)),
      0,
      10,
      60,
    );
    feed.receive(e(1));
    await new Promise((r) => setTimeout(r, 30));
    feed.receive(e(2)); // 3 was lost on the way: nothing comes after it to show the gap
    await new Promise((r) => setTimeout(r, 30));
    expect(out).toEqual([1, 2]);
    expect(asked).toBe(0); // entries still coming: no fetch yet
    await new Promise((r) => setTimeout(r, 80));
    expect(out).toEqual([1, 2, 3]);
    expect(asked).toBe(2); // one catch-up: the page with 3, then an empty page
    feed.close();
  });

  it('tries again when the server does not answer', async () => {
    let answer = false;
    const out: number[] = [];
    const feed = new SeqFeed(
      async (since) => (answer ? e(1, 2, 3).filter((x) => x.seq > since) : null),
      (entries) => out.push(...seqs(entries)),
      0,
      10,
    );
    feed.receive(e(3));
    await new Promise((r) => setTimeout(r, 40));
    expect(out).toEqual([]);
    answer = true;
    await new Promise((r) => setTimeout(r, 60));
    expect(out).toEqual([1, 2, 3]);
    feed.close();
  });
});
