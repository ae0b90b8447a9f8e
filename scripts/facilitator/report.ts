import type { CheckResult } from './checks.js';
import type { Played } from './play.js';

/** How a played session and its checks are printed: a plain transcript, Markdown, and a pass/fail table. */

const mark = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? 'pass' : 'FAIL');

function person(line: Played['lines'][number]): string {
  const notes = [line.wasHeld ? 'reworded after a hold' : '', ...(line.tags ?? []).filter((t) => t !== 'shared')];
  const shared = line.tags?.includes('shared') ? ' (shared from preparation)' : '';
  const noted = notes.filter(Boolean);
  return `${line.who}${shared}: ${line.text}${noted.length ? `  [${noted.join(', ')}]` : ''}`;
}

function facilitator(line: Played['lines'][number]): string {
  const to = line.visibleTo ? ` (to ${line.visibleTo.join(', ')} only)` : '';
  const drafts = (line.drafts ?? []).map((d) => `\n      draft: ${d}`).join('');
  return `  Facilitator [${line.kind}]${to}: ${line.text}${drafts}`;
}

export function transcript(p: Played): string {
  const out = [`=== ${p.session.id}: ${p.session.title} (${p.session.kind}, ${p.parties.length} people) ===`];
  for (const r of p.prep) {
    const reply = r.reply.replace(/\n/g, '\n      ');
    out.push(`  (prep) ${r.name}: ${r.said}\n  (prep) Facilitator to ${r.name}: ${reply}`);
  }
  const held = (h: Played['held'][number]) =>
    out.push(
      `  (held, ${h.from} only${h.replaced ? ', model suggestions' : ''}) ${h.original}\n` +
        `      first suggestion: ${h.suggestions[0] ?? '(none)'}`,
    );
  if (p.agenda.length) out.push(`  (agenda) ${p.agenda.join(' / ')}`);
  const pending = [...p.held];
  for (const line of p.lines) {
    while (pending.length && pending[0].afterSeq < line.seq) held(pending.shift() as Played['held'][number]);
    out.push(line.by === 'person' ? person(line) : facilitator(line));
  }
  for (const h of pending) held(h);
  return out.join('\n');
}

export function markdown(p: Played): string {
  const out = [`### ${p.session.title}`, '', `A ${p.session.kind} session with ${p.parties.join(', ')}.`, ''];
  const quoted = (text: string) => text.replace(/\n/g, '  \n> ');
  if (p.prep.length) {
    out.push('**Private preparation** (each person sees only their own):', '');
    for (const r of p.prep)
      out.push(`> **${r.name}:** ${quoted(r.said)}  `, `> **Facilitator:** ${quoted(r.reply)}`, '');
  }
  if (p.agenda.length) out.push('**Agenda:**', '', ...p.agenda.map((t) => `1. ${t}`), '');
  out.push('**In the room** (a held message is seen by its sender only):', '');
  const held = (h: Played['held'][number]) =>
    out.push(
      `- _Held for ${h.from} only:_ “${h.original}”  `,
      `  _first suggestion${h.replaced ? ' (the model’s)' : ''}:_ “${h.suggestions[0] ?? ''}”`,
    );
  const pending = [...p.held];
  for (const line of p.lines) {
    while (pending.length && pending[0].afterSeq < line.seq) held(pending.shift() as Played['held'][number]);
    if (line.by === 'person') out.push(`- **${line.who}:** ${line.text}${line.wasHeld ? ' _(reworded)_' : ''}`);
    else {
      const to = line.visibleTo ? ` (to ${line.visibleTo.join(', ')} only)` : '';
      out.push(`- _Facilitator (${line.kind})${to}:_ ${line.text}`);
      for (const d of line.drafts ?? []) out.push(`  - draft: ${d}`);
    }
  }
  for (const h of pending) held(h);
  return out.join('\n');
}

/** One row per session, one column per check, then the totals. */
export function table(results: { id: string; checks: CheckResult[] }[]): string {
  const names = [...new Set(results.flatMap((r) => r.checks.map((c) => c.name)))];
  const idWidth = Math.max(7, ...results.map((r) => r.id.length));
  const widths = names.map((n) => Math.max(4, n.length));
  const row = (cells: string[]) =>
    [cells[0].padEnd(idWidth), ...cells.slice(1).map((c, i) => c.padEnd(widths[i]))].join(' | ');
  const lines = [row(['session', ...names]), row(['-'.repeat(idWidth), ...widths.map((w) => '-'.repeat(w))])];
  for (const r of results)
    lines.push(row([r.id, ...names.map((n) => mark(r.checks.find((c) => c.name === n)?.pass ?? null))]));
  const totals = names.map((n) => {
    const all = results
      .map((r) => r.checks.find((c) => c.name === n)?.pass)
      .filter((x) => x !== null && x !== undefined);
    return `${all.filter(Boolean).length}/${all.length}`;
  });
  lines.push(row(['passed', ...totals]));
  return lines.join('\n');
}

export function details(results: { id: string; checks: CheckResult[] }[]): string {
  return results
    .flatMap((r) =>
      r.checks.filter((c) => c.pass !== null).map((c) => `${r.id} ${mark(c.pass)} ${c.name}: ${c.detail}`),
    )
    .join('\n');
}
