/**
 * The load sweep's plot: p99 latency against the message rate for each server, as SVG text written by
 * hand (two polylines on log-log axes and the 100 ms line; no plotting dependency for so little).
 */

export interface PlotSeries {
  name: string;
  color: string;
  /** [messages per second, p99 ms] */
  points: [number, number][];
}

const W = 640;
const H = 400;
const M = { left: 64, right: 24, top: 40, bottom: 56 };

function logScale(lo: number, hi: number, from: number, to: number): (x: number) => number {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return (x) => from + ((Math.log10(Math.max(x, lo)) - a) / (b - a)) * (to - from);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Decades (1, 10, 100, ...) within [lo, hi]. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let d = 10 ** Math.floor(Math.log10(lo)); d <= hi; d *= 10) if (d >= lo) out.push(d);
  return out;
}

export function sweepSvg(series: PlotSeries[], title: string, limitMs = 100): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1])).filter((y) => Number.isFinite(y) && y > 0);
  const xLo = Math.min(...xs) / 1.3;
  const xHi = Math.max(...xs) * 1.3;
  const yLo = 10 ** Math.floor(Math.log10(Math.min(...ys, 1)));
  const yHi = 10 ** Math.ceil(Math.log10(Math.max(...ys, limitMs * 2)));
  const x = logScale(xLo, xHi, M.left, W - M.right);
  const y = logScale(yLo, yHi, H - M.bottom, M.top);
  const f = (n: number) => n.toFixed(1);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14">${esc(title)}</text>`,
  ];
  for (const d of decades(yLo, yHi))
    parts.push(
      `<line x1="${M.left}" x2="${W - M.right}" y1="${f(y(d))}" y2="${f(y(d))}" stroke="#ddd"/>`,
      `<text x="${M.left - 6}" y="${f(y(d) + 4)}" text-anchor="end">${d >= 1 ? d : d.toString()} ms</text>`,
    );
  const rates = [...new Set(xs)].sort((a, b) => a - b);
  for (const r of rates)
    parts.push(
      `<line x1="${f(x(r))}" x2="${f(x(r))}" y1="${M.top}" y2="${H - M.bottom}" stroke="#eee"/>`,
      `<text x="${f(x(r))}" y="${H - M.bottom + 16}" text-anchor="middle">${r}</text>`,
    );
  parts.push(
    `<text x="${W / 2}" y="${H - 14}" text-anchor="middle">messages per second (log)</text>`,
    `<text transform="translate(16 ${H / 2}) rotate(-90)" text-anchor="middle">p99 send to receipt (log)</text>`,
    `<line x1="${M.left}" x2="${W - M.right}" y1="${f(y(limitMs))}" y2="${f(y(limitMs))}" stroke="#c00" ` +
      `stroke-dasharray="6 4"/>`,
    `<text x="${W - M.right - 4}" y="${f(y(limitMs) - 6)}" text-anchor="end" fill="#c00">${limitMs} ms</text>`,
    `<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" ` +
      `fill="none" stroke="#888"/>`,
  );
  series.forEach((s, i) => {
    const pts = s.points.map(([r, p]) => `${f(x(r))},${f(y(p))}`);
    parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${pts.join(' ')}"/>`);
    for (const [r, p] of s.points) parts.push(`<circle cx="${f(x(r))}" cy="${f(y(p))}" r="3.5" fill="${s.color}"/>`);
    const ly = M.top + 16 + i * 18;
    parts.push(
      `<line x1="${M.left + 12}" x2="${M.left + 36}" y1="${ly - 4}" y2="${ly - 4}" stroke="${s.color}" ` +
        `stroke-width="2"/>`,
      `<text x="${M.left + 42}" y="${ly}">${esc(s.name)}</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
