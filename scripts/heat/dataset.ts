/**
 * Loading ../shared/data for training and evaluation (never used by the analyzer at run time).
 * Split membership comes from hash.ts: decided by the text alone, before any tuning.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitOf, type SplitName } from './hash.js';

export interface Labelled {
  text: string;
  heated: boolean;
  source: string;
  tag?: string;
  split: SplitName;
}

export interface Pair {
  heated: string;
  calm: string[];
  source: string;
  split: SplitName;
}

export function dataDir(): string {
  if (process.env.HEAT_DATA_DIR) return process.env.HEAT_DATA_DIR;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  const dir = resolve(root, '../shared/data');
  if (!existsSync(dir)) throw new Error(`heat data not found at ${dir} (set HEAT_DATA_DIR)`);
  return dir;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

export function loadLabelled(dir = dataDir()): Labelled[] {
  return readJsonl<Omit<Labelled, 'split'>>(join(dir, 'heat-labelled.jsonl')).map((r) => ({
    ...r,
    split: splitOf(r.text),
  }));
}

export function loadPairs(dir = dataDir()): Pair[] {
  return readJsonl<Omit<Pair, 'split'>>(join(dir, 'rewrite-pairs.jsonl')).map((r) => ({
    ...r,
    split: splitOf(r.heated),
  }));
}

/** Minimal RFC 4180 CSV reader (quoted fields, doubled quotes, newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Stanford politeness requests (Danescu-Niculescu-Mizil et al. 2013): text and normalised score. */
export function loadPoliteness(dir = dataDir()): { text: string; score: number; split: SplitName }[] {
  const out: { text: string; score: number; split: SplitName }[] = [];
  for (const f of ['wikipedia.annotated.csv', 'stack-exchange.annotated.csv']) {
    const p = join(dir, 'extra', f);
    if (!existsSync(p)) continue;
    const rows = parseCsv(readFileSync(p, 'utf8'));
    const head = rows[0];
    const ti = head.indexOf('Request');
    const si = head.indexOf('Normalized Score');
    for (const r of rows.slice(1)) {
      if (r.length <= si) continue;
      const text = r[ti].replace(/<url>/g, 'the link');
      out.push({ text, score: Number(r[si]), split: splitOf(text) });
    }
  }
  return out;
}
