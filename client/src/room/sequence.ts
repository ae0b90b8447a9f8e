/**
 * Every log entry exactly once, in seq order, from live events and history pages together.
 *
 * With several server processes, live entries can arrive out of order (2, 4, 3) or not at all (a
 * process restarting between storing and broadcasting). Catching up from the highest seq seen would
 * then skip the missing one for good, so this keeps the highest seq up to which nothing is missing,
 * holds back entries that came early, and says when the gap is worth a `history { sinceSeq }`.
 *
 * A history answer lists everything after sinceSeq that this person may see, in order, so a seq
 * missing from it below its last entry was never for them (a private facilitator word to someone
 * else): it is passed over, not waited for.
 */
export class SeqOrder<E extends { seq: number }> {
  private last: number;
  private readonly early = new Map<number, E>();

  constructor(lastSeq = 0) {
    this.last = lastSeq;
  }

  /** Every seq up to this one has been delivered (or is not for this person): catch up from here. */
  get lastSeq(): number {
    return this.last;
  }

  /** The seq to fetch history from while entries wait behind a gap; null when nothing is missing. */
  get gap(): number | null {
    return this.early.size > 0 ? this.last : null;
  }

  /** Live entries: returns those that can now be shown, in order, none twice. */
  receive(entries: readonly E[]): E[] {
    for (const e of entries) if (e.seq > this.last && !this.early.has(e.seq)) this.early.set(e.seq, e);
    return this.drain();
  }

  /** The answer to `history { sinceSeq }`: its entries, and any seq it skipped below its last is passed over. */
  fetched(sinceSeq: number, entries: readonly E[]): E[] {
    for (const e of entries) if (e.seq > this.last && !this.early.has(e.seq)) this.early.set(e.seq, e);
    const top = entries.reduce((m, e) => Math.max(m, e.seq), 0);
    const out: E[] = [];
    // Only an answer that starts at or before what we have can vouch for the seqs it skipped.
    if (sinceSeq <= this.last) {
      while (this.last < top) {
        const e = this.early.get(this.last + 1);
        if (e) {
          out.push(e);
          this.early.delete(e.seq);
        }
        this.last += 1;
      }
    }
    return [...out, ...this.drain()];
  }

  private drain(): E[] {
    const out: E[] = [];
    for (let e = this.early.get(this.last + 1); e; e = this.early.get(this.last + 1)) {
      out.push(e);
      this.early.delete(e.seq);
      this.last = e.seq;
    }
    return out;
  }
}

/** How long an early entry waits for the ones before it before they are fetched (out of order is usual). */
export const GAP_WAIT_MS = 250;

/**
 * How long live entries stay quiet before one catch-up checks that the last of them was not lost: a
 * lost entry shows as a gap only when a later one comes, and the last of a burst has none after it.
 */
export const SETTLE_MS = 8000;

/**
 * SeqOrder driven over a connection: live entries go in through receive(), a gap that stays open
 * for GAP_WAIT_MS is fetched, live entries that go quiet for SETTLE_MS are followed by one catch-up,
 * and catchUp() (on every connect) pages history until it is empty.
 * `fetch` returns null when the server could not answer; the gap is tried again later.
 */
export class SeqFeed<E extends { seq: number }> {
  readonly order: SeqOrder<E>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private fetching: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly fetch: (sinceSeq: number) => Promise<E[] | null>,
    private readonly deliver: (entries: E[]) => void,
    lastSeq = 0,
    private readonly waitMs = GAP_WAIT_MS,
    private readonly settleMs = SETTLE_MS,
  ) {
    this.order = new SeqOrder<E>(lastSeq);
  }

  receive(entries: readonly E[]): void {
    this.emit(this.order.receive(entries));
    this.watchGap();
    this.watchSettle();
  }

  /** Fetches everything after the last seq, page by page; resolves to how many entries came. */
  async catchUp(): Promise<number> {
    let count = 0;
    for (;;) {
      const since = this.order.lastSeq;
      const page = await this.fetch(since);
      if (this.stopped || !page) return count;
      const out = this.order.fetched(since, page);
      count += out.length;
      this.emit(out);
      if (page.length === 0 || this.order.lastSeq === since) break;
    }
    this.watchGap();
    return count;
  }

  /** Closed: nothing more is fetched or delivered. */
  get closed(): boolean {
    return this.stopped;
  }

  close(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.timer = null;
    this.settleTimer = null;
  }

  private watchGap(): void {
    if (this.stopped || this.timer || this.fetching || this.order.gap === null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.order.gap !== null) this.fetchInBackground();
    }, this.waitMs);
  }

  /** Each live entry restarts the quiet period; when it ends, one catch-up. */
  private watchSettle(): void {
    if (this.stopped) return;
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      this.fetchInBackground();
    }, this.settleMs);
  }

  private fetchInBackground(): void {
    if (this.stopped || this.fetching) return;
    this.fetching = this.catchUp()
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.fetching = null;
        // Still open (the server did not answer, or more came early meanwhile): try again.
        this.watchGap();
      });
  }

  private emit(entries: E[]): void {
    if (entries.length > 0 && !this.stopped) this.deliver(entries);
  }
}
