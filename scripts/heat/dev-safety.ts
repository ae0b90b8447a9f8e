/**
 * Figures and misses on one safety set (default data/safety-dev/messages.jsonl):
 *   npx tsx scripts/heat/dev-safety.ts [file] [--figures]
 * `file` is a name in data/safety-dev or a path; --figures prints the table by kind without the misses
 * (for a measurement set, whose lines must not be read while tuning).
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { loadSafetyRows, printSafety, safetyFigures } from './evalSafety.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--')) ?? 'messages.jsonl';
const path = existsSync(file) ? resolve(file) : resolve(import.meta.dirname, '../../data/safety-dev', file);
const errors: string[] = [];
printSafety({ [basename(path)]: safetyFigures(loadSafetyRows(path), errors, basename(path)) });
if (!args.includes('--figures')) for (const e of errors) console.log(e);
