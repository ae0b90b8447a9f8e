import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** The command line the issue names: `npm run --silent analyze -- FILE.jsonl`. */
async function analyzeFile(lines: string[]): Promise<{ stdout: string; stderr: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-'));
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return run('npm', ['run', '--silent', 'analyze', '--', file], { cwd: process.cwd(), timeout: 60_000 });
}

describe('npm run --silent analyze -- FILE.jsonl', () => {
  it('prints one analysis per input line, in order, and nothing else on stdout', async () => {
    const texts = ['You are an idiot', 'Can we talk about the holidays?', 'He called me stupid in front of the kids.'];
    const { stdout } = await analyzeFile(texts.map((text) => JSON.stringify({ text, id: 1 })));
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    for (const o of out) expect(Object.keys(o).sort()).toEqual(['heat', 'held', 'labels', 'spans', 'suggestions']);
    expect(out.map((o) => o.held)).toEqual([true, false, false]);
    expect(out[0].labels).toContain('insult');
    expect(out[0].suggestions.length).toBeGreaterThan(0);
    const [span] = out[0].spans;
    expect(texts[0].slice(span.start, span.end)).toMatch(/idiot/);
  }, 60_000);

  it('answers a bad line with an error object on its own line, so output line N is input line N', async () => {
    const { stdout, stderr } = await analyzeFile(['not json', '', '{"text": 42}', '{"text":"Whatever."}']);
    const out = stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.error ?? 'ok')).toEqual(['not JSON', 'empty line', 'no text field', 'ok']);
    expect(out[3].labels).toContain('stonewalling');
    expect(stderr).toMatch(/line 1: not JSON/);
  }, 60_000);
});
