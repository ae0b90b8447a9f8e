import {
  checkLine,
  humanDay,
  humanTime,
  stampText,
  type AgreementRecord,
  type RecordClause,
} from '../../shared/agreementRecord.js';

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

/** A fence longer than any run of backticks inside, so the signed text shows exactly as hashed. */
function fenced(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${text}\n${fence}`;
}

const stamped = (entries: { name: string; at: number }[]): string[] =>
  entries.map((e) => `${escapeMarkdown(e.name)}, ${stampText(e.at)}`);

/** Indented so it stays inside its list item; quoted so a wording reads as words, not markup. */
const quoted = (text: string, indent: string): string =>
  `“${escapeMarkdown(text.trim()).split('\n').join(`\n${indent}`)}”`;

/** The clause's wordings, oldest first, each with who wrote it and when; and acceptances of earlier words. */
function history(clause: RecordClause): string[] {
  const lines: string[] = [];
  const last = clause.versions.at(-1);
  if (last) lines.push(`   - Last changed by: ${escapeMarkdown(last.by)}, ${stampText(last.at)}`);
  if (clause.reviewOn) {
    lines.push(
      `   - Look at this again on: ${humanDay(clause.reviewOn.on)} (${clause.reviewOn.on}), ` +
        `set by ${escapeMarkdown(clause.reviewOn.by)}`,
    );
  }
  if (clause.versions.length > 1) {
    lines.push('   - Versions, oldest first:');
    clause.versions.forEach((v, i) => {
      const indent = '       ';
      lines.push(`     ${i + 1}. ${escapeMarkdown(v.by)}, ${stampText(v.at)}:\n${indent}${quoted(v.text, indent)}`);
    });
  }
  for (const e of clause.earlierAcceptances) {
    const changed = e.changedBy.map((c) => escapeMarkdown(c.name)).join(' and ') || 'someone';
    lines.push(
      `   - ${escapeMarkdown(e.name)} accepted earlier words (${stampText(e.at)}); ` +
        `${changed} changed them after, so that acceptance does not count for these words.`,
    );
  }
  return lines;
}

/**
 * The agreement as a Markdown record: title, signing date, each clause with who accepted it and when,
 * its versions and review date, each signature with its time, and the sha256 of the signed text with
 * how to check it.
 */
export function agreementMarkdown(record: AgreementRecord): string {
  const lines: string[] = [`# ${escapeMarkdown(record.title)}`, ''];
  lines.push(
    record.final
      ? '**Final**: every clause was accepted and every party signed.'
      : '**Draft**: not yet accepted and signed by every party.',
    '',
    record.signedAt === null
      ? 'Signed: not signed yet.'
      : `Signed: ${humanTime(record.signedAt)} (${new Date(record.signedAt).toISOString()})`,
    '',
    '## Clauses',
    '',
  );
  if (record.clauses.length === 0) lines.push('No clauses yet.', '');
  record.clauses.forEach((clause, i) => {
    // Continuation lines are indented so a multi-line clause stays one list item.
    const text = escapeMarkdown(clause.text.trim()).split('\n').join('\n   ');
    const accepted = stamped(clause.acceptances);
    lines.push(
      `${i + 1}. ${text}`,
      `   - Status: ${clause.status === 'agreed' ? 'agreed' : 'proposed'}`,
      `   - Proposed by: ${escapeMarkdown(clause.proposedBy)}`,
      accepted.length > 0
        ? `   - Accepted by:\n${accepted.map((a) => `     - ${a}`).join('\n')}`
        : '   - Accepted by: no one yet',
      ...history(clause),
      '',
    );
  });
  lines.push('## Signatures', '');
  if (record.signatures.length === 0) lines.push('Not signed yet.', '');
  else lines.push(...stamped(record.signatures).map((s) => `- ${s}`), '');
  if (record.earlierSignatures.length > 0) {
    lines.push(
      'Signed earlier words (these signatures do not count for the agreement as it reads now):',
      '',
      ...stamped(record.earlierSignatures).map((s) => `- ${s}`),
      '',
    );
  }
  if (record.signedText !== null && record.signedTextHash !== null) {
    lines.push(
      '## Check',
      '',
      checkLine(record.signedTextHash),
      '',
      'The signed text, exactly as hashed (each clause as [id, words], in order):',
      '',
      fenced(record.signedText),
      '',
    );
  }
  return lines.join('\n');
}
