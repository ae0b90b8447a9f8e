/**
 * The safety development sets (data/safety-dev/*.jsonl: {text, kind, expect, room}), by kind: how many
 * reach the safety path (a threat or self-harm label), are held, are marked as disclosures, are delivered,
 * and how many came out as expected. `expect` is one of:
 *   safety      a threat or self-harm label
 *   disclosure  marked as a disclosure and not held
 *   held        held as heat, with no safety label (sarcasm, banter about violence aimed at the reader)
 *   delivered   not held
 * messages.jsonl is the set the rules were developed on; check.jsonl was written first and read only at the end.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SAFETY_LABELS, type Analysis } from '../../shared/analysis.js';
import { analyze } from '../../server/analysis/index.js';

export type Expect = 'safety' | 'disclosure' | 'held' | 'delivered';
export interface SafetyRow {
  text: string;
  kind: string;
  expect: Expect;
  room: string;
}

export interface KindFigures {
  n: number;
  safety: number;
  held: number;
  disclosure: number;
  delivered: number;
  right: number;
}

export interface SafetyFigures {
  n: number;
  right: number;
  /** kind/expect ("threat/safety", "threat/delivered"): near misses are counted apart from hits */
  byKind: Record<string, KindFigures>;
}

const isSafety = (a: Analysis) => a.labels.some((l) => SAFETY_LABELS.includes(l));

/** Whether `a` is what the row expects. */
export function asExpected(a: Analysis, expect: Expect): boolean {
  switch (expect) {
    case 'safety':
      return isSafety(a);
    case 'disclosure':
      return a.disclosure === true && !a.held;
    case 'held':
      return a.held && !isSafety(a);
    case 'delivered':
      return !a.held;
  }
}

/** The names other sets give the same expectations (a check-in is a disclosure that is not held). */
const EXPECT_ALIASES: Record<string, Expect> = { checkin: 'disclosure', deliver: 'delivered', held_not_safety: 'held' };

export function loadSafetyRows(file: string): SafetyRow[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as SafetyRow)
    .map((r) => ({ ...r, expect: EXPECT_ALIASES[r.expect] ?? r.expect }));
}

export function safetyFigures(rows: SafetyRow[], errors: string[] | null, file = ''): SafetyFigures {
  const out: SafetyFigures = { n: 0, right: 0, byKind: {} };
  for (const r of rows) {
    const a = analyze(r.text);
    const k = (out.byKind[`${r.kind}/${r.expect}`] ??= {
      n: 0,
      safety: 0,
      held: 0,
      disclosure: 0,
      delivered: 0,
      right: 0,
    });
    const ok = asExpected(a, r.expect);
    out.n++;
    k.n++;
    if (isSafety(a)) k.safety++;
    if (a.held) k.held++;
    else k.delivered++;
    if (a.disclosure) k.disclosure++;
    if (ok) {
      out.right++;
      k.right++;
    } else
      errors?.push(
        `${file} ${r.kind} expected ${r.expect}: heat ${a.heat} held ${a.held}` +
          `${a.disclosure ? ' disclosure' : ''} [${a.labels.join(',')}] ${r.text}`,
      );
  }
  return out;
}

/** Every data/safety-dev/*.jsonl, by file. */
export function safetySets(errors: string[] | null): Record<string, SafetyFigures> {
  const dir = resolve(import.meta.dirname, '../../data/safety-dev');
  const out: Record<string, SafetyFigures> = {};
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.jsonl'))
    .sort())
    out[f] = safetyFigures(loadSafetyRows(join(dir, f)), errors, f);
  return out;
}

const pct = (x: number, n: number) => `${((100 * x) / (n || 1)).toFixed(1)}%`;

/** The table eval-heat.ts prints, one line per file and kind. */
export function printSafety(sets: Record<string, SafetyFigures>): void {
  for (const [file, s] of Object.entries(sets)) {
    console.log(`safety-dev ${file} n=${s.n}: right ${pct(s.right, s.n)}`);
    console.log('  kind/expect                 n   safety   held     disclosure delivered right');
    for (const [kind, k] of Object.entries(s.byKind).sort())
      console.log(
        `  ${kind.padEnd(24)} ${String(k.n).padStart(4)}  ${pct(k.safety, k.n).padStart(6)}  ` +
          `${pct(k.held, k.n).padStart(6)}  ${pct(k.disclosure, k.n).padStart(6)}     ` +
          `${pct(k.delivered, k.n).padStart(6)}   ${pct(k.right, k.n).padStart(6)}`,
      );
  }
}
