import type { AgreementSnapshot } from '../../shared/agreement.js';

/**
 * People's words go into Markdown that may be rendered: escape what would turn them into markup
 * (emphasis, links, raw HTML, headings, lists, tables).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|~]/g, '\\$&')
    .replace(/^(\s*)([#+-])/gm, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3');
}

const nameOf = (names: Record<string, string>, id: string): string => escapeMarkdown(names[id] ?? id);

const list = (names: Record<string, string>, ids: string[]): string =>
  ids.length > 0 ? ids.map((id) => nameOf(names, id)).join(', ') : 'no one yet';

/** The agreement as Markdown: title, state, each clause with its status and acceptances, signatures. */
export function agreementMarkdown(snapshot: AgreementSnapshot, title: string, names: Record<string, string>): string {
  const lines: string[] = [`# ${escapeMarkdown(title.trim() || 'Agreement')}`, ''];
  lines.push(
    snapshot.final
      ? '**Final**: every clause was accepted and every party signed.'
      : '**Draft**: not yet accepted and signed by every party.',
    '',
    '## Clauses',
    '',
  );
  if (snapshot.clauses.length === 0) lines.push('No clauses yet.', '');
  snapshot.clauses.forEach((clause, i) => {
    // Continuation lines are indented so a multi-line clause stays one list item.
    const text = escapeMarkdown(clause.text.trim()).split('\n').join('\n   ');
    lines.push(
      `${i + 1}. ${text}`,
      `   - Status: ${clause.status === 'agreed' ? 'agreed' : 'proposed'}`,
      `   - Proposed by: ${nameOf(names, clause.proposedBy)}`,
      `   - Accepted by: ${list(names, clause.acceptedBy)}`,
      '',
    );
  });
  lines.push(
    '## Signatures',
    '',
    snapshot.signedBy.length > 0
      ? snapshot.signedBy.map((id) => `- ${nameOf(names, id)}`).join('\n')
      : 'Not signed yet.',
    '',
  );
  return lines.join('\n');
}
