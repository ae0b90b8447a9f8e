import type { Span } from '../../../shared/analysis.js';
import { labelWords } from '../labels.js';

/** The text with the words that caused a hold marked, each mark named for screen readers too. */
export function Highlighted({ text, spans }: { text: string; spans: Span[] }) {
  const sorted = [...spans].filter((s) => s.end > s.start && s.start < text.length).sort((a, b) => a.start - b.start);
  const parts: Array<{ at: number; text: string; span?: Span }> = [];
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, at);
    const end = Math.min(s.end, text.length);
    if (end <= start) continue;
    if (start > at) parts.push({ at, text: text.slice(at, start) });
    parts.push({ at: start, text: text.slice(start, end), span: s });
    at = end;
  }
  if (at < text.length) parts.push({ at, text: text.slice(at) });
  return (
    <>
      {parts.map((p) =>
        p.span ? (
          <mark key={p.at} className={`hl hl-${p.span.label}`} title={labelWords(p.span.label).title}>
            {p.text}
            <span className="visually-hidden"> ({labelWords(p.span.label).title})</span>
          </mark>
        ) : (
          <span key={p.at}>{p.text}</span>
        ),
      )}
    </>
  );
}
