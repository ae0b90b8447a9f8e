/** Figures and misses on one safety set only (default messages.jsonl): `npx tsx scripts/heat/dev-safety.ts [file]`. */
import { resolve } from 'node:path';
import { loadSafetyRows, printSafety, safetyFigures } from './evalSafety.js';

const file = process.argv[2] ?? 'messages.jsonl';
const errors: string[] = [];
const rows = loadSafetyRows(resolve(import.meta.dirname, '../../data/safety-dev', file));
printSafety({ [file]: safetyFigures(rows, errors, file) });
for (const e of errors) console.log(e);
