import fs from 'node:fs';
import type { LogEntry } from '../../../shared/protocol.js';

/** How every log line starts (lines.ts encodeChange writes `op` first): other lines are not parsed. */
const LOG_LINE = '{"op":"log",';

/**
 * Log entries with seq `from + 1` to `to` read back from a room's file, in order: the file store keeps only
 * a room's newest entries in memory, and reads older ones here when asked (a history page from far back,
 * the export, a compaction). Throws when the file does not hold them all, rather than hand out a history
 * with a hole in it.
 */
export function readEntries(file: string, from: number, to: number): LogEntry[] {
  const out: LogEntry[] = [];
  if (to <= from) return out;
  const text = fs.readFileSync(file, 'utf8');
  for (let at = 0; at < text.length; ) {
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    if (text.startsWith(LOG_LINE, at)) {
      const entry = (JSON.parse(text.slice(at, end)) as { entry: LogEntry }).entry;
      if (entry.seq > from) out.push(entry);
      if (entry.seq >= to) break;
    }
    at = end + 1;
  }
  if (out.length !== to - from || out[0]?.seq !== from + 1)
    throw new Error(`entries ${from + 1}-${to} could not be read back from ${file}`);
  return out;
}
