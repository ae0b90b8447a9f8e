/** Small helpers shared by the benchmark runner and its load worker: percentiles, ratios, tables. */
import { performance } from 'node:perf_hooks';

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

/** Nearest-rank percentiles of samples (any unit; the benches use milliseconds). */
export function percentiles(samples: number[]): Percentiles {
  if (samples.length === 0) return { n: 0, p50: NaN, p95: NaN, p99: NaN, mean: NaN, max: NaN };
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const mean = s.reduce((a, b) => a + b, 0) / s.length;
  return {
    n: s.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    mean: round(mean),
    max: round(s[s.length - 1]),
  };
}

export interface Ratios {
  p50: number;
  p95: number;
  p99: number;
}

/** subject / baseline for each percentile. */
export function ratios(subject: Percentiles, baseline: Percentiles): Ratios {
  const r = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return { p50: r(subject.p50, baseline.p50), p95: r(subject.p95, baseline.p95), p99: r(subject.p99, baseline.p99) };
}

export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Milliseconds since `t0` (a process.hrtime.bigint() reading). */
export const msSince = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

/** A plain-text table with right-aligned columns after the first. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** A Markdown table, for docs/BENCHMARKS.md. */
export function markdownTable(header: string[], rows: (string | number)[][]): string {
  const cell = (c: string | number) => (typeof c === 'number' ? fmt(c) : c);
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '-';
  if (Math.abs(x) >= 100) return String(Math.round(x));
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/**
 * Event-loop utilization of the current thread, summed by named phase: enter('x') closes the
 * phase before it. A share near 1 means the thread was busy the whole time (the bottleneck).
 */
export class EluMeter {
  private mark = performance.eventLoopUtilization();
  private current = '';
  private readonly sums = new Map<string, { active: number; idle: number }>();

  enter(name: string): void {
    const now = performance.eventLoopUtilization();
    if (this.current) {
      const d = performance.eventLoopUtilization(now, this.mark);
      const s = this.sums.get(this.current) ?? { active: 0, idle: 0 };
      s.active += d.active;
      s.idle += d.idle;
      this.sums.set(this.current, s);
    }
    this.mark = now;
    this.current = name;
  }

  result(): Record<string, number> {
    this.enter('');
    const out: Record<string, number> = {};
    for (const [name, s] of this.sums) out[name] = Math.round((s.active / (s.active + s.idle)) * 100) / 100;
    return out;
  }
}
