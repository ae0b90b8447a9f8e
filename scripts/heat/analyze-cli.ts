/**
 * npm run --silent analyze -- FILE.jsonl
 * Reads one JSON object per line with a `text` field (stdin when no file is given) and prints, in the
 * same order, one JSON object per line: { heat, held, labels, spans, suggestions }. Nothing else on stdout.
 * Options: --threshold=0.5, --no-suggestions.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { DEFAULT_THRESHOLD } from '../../server/analysis/index.js';
import { analyzeWithSuggestions } from '../../server/facilitator/rewrite/index.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const thArg = args.find((a) => a.startsWith('--threshold='));
  const threshold = thArg ? Number(thArg.split('=')[1]) : DEFAULT_THRESHOLD;
  const suggestions = !args.includes('--no-suggestions');
  const input = file ? createReadStream(file, 'utf8') : process.stdin;
  const rl = createInterface({ input, crlfDelay: Infinity });
  const out: string[] = [];
  let lineNo = 0;
  for await (const line of rl) {
    lineNo++;
    if (!line.trim()) {
      // keeps output line N answering input line N
      process.stderr.write(`line ${lineNo}: empty\n`);
      out.push(JSON.stringify({ error: 'empty line' }));
      continue;
    }
    let text: unknown;
    try {
      text = (JSON.parse(line) as { text?: unknown }).text;
    } catch {
      process.stderr.write(`line ${lineNo}: not JSON\n`);
      out.push(JSON.stringify({ error: 'not JSON' }));
      continue;
    }
    if (typeof text !== 'string') {
      process.stderr.write(`line ${lineNo}: no string "text" field\n`);
      out.push(JSON.stringify({ error: 'no text field' }));
      continue;
    }
    const a = analyzeWithSuggestions(text, { threshold, suggestions });
    out.push(
      JSON.stringify({ heat: a.heat, held: a.held, labels: a.labels, spans: a.spans, suggestions: a.suggestions }),
    );
    if (out.length >= 1000) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
