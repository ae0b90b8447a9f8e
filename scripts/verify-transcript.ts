/**
 * npx tsx scripts/verify-transcript.ts transcript-ROOM.json [other-copy.json]
 * Checks a downloaded record-mode transcript: its hash chain from the room's genesis to its head
 * (docs/PROTOCOL.md, "Record mode and the transcript"). With a second copy, also whether both agree
 * on every entry they share. Exit code 0 when everything checks out, 1 otherwise.
 */
import { readFileSync } from 'node:fs';
import type { Transcript } from '../shared/transcript.js';
import { verifyTranscript } from '../server/rooms/transcript/chain.js';

function check(file: string): Transcript | null {
  const t = JSON.parse(readFileSync(file, 'utf8')) as Transcript;
  const verdict = verifyTranscript(t);
  if (verdict.ok) console.log(`${file}: the chain holds (${t.entries.length} entries, head ${t.head})`);
  else console.log(`${file}: ${verdict.reason}`);
  return verdict.ok ? t : null;
}

const [first, second] = process.argv.slice(2);
if (!first) {
  console.error('usage: npx tsx scripts/verify-transcript.ts FILE.json [OTHER.json]');
  process.exit(2);
}
const a = check(first);
const b = second ? check(second) : null;
let ok = a !== null && (second === undefined || b !== null);
if (a && b) {
  const theirs = new Map(b.entries.map((e) => [e.seq, e.hash]));
  const differ = a.entries.find((e) => theirs.has(e.seq) && theirs.get(e.seq) !== e.hash);
  if (differ) {
    console.log(`the copies differ from entry ${differ.seq} on`);
    ok = false;
  } else console.log('the copies agree on every entry they share');
}
process.exit(ok ? 0 : 1);
