/**
 * The same regular expression, faster: V8 tries a group of alternatives one by one at every word start, so a
 * long one ("kill\s+myself|killing\s+myself|end\s+my\s+life|...") costs a check per alternative per word. Here
 * alternatives that start with the same letter are joined behind it: k(?:ill\s+myself|illing\s+myself)|e(?:nd...).
 * Alternatives with different first letters cannot match at the same place, and those with the same letter keep
 * their order, so every match (and which alternative gives it) is the original's. An alternative that does not
 * start with a plain letter stays where it is, and the ones around it are only joined up to it.
 */

/** Lower-case letters a match can start with; null: any character, or an empty match. */
type First = Set<string> | null;

/** Below this many alternatives a group is left as it is. */
const MIN_ALTERNATIVES = 8;

/** `re` with its long groups joined by first letter; `re` itself when it has none or uses what is not read here. */
export function factored(re: RegExp): RegExp {
  // case-insensitive without u/v: a letter then matches its two ASCII cases only, as the joined letter does
  if (!re.flags.includes('i') || /[uv]/.test(re.flags)) return re;
  const src = re.source;
  // capturing groups would be numbered in the new order; back-references point at them
  if (/\\[1-9k]|\((?!\?)|\(\?<(?![=!])/.test(src)) return re;
  let out = '';
  let at = 0;
  for (const g of topGroups(src)) {
    const alts = split(src.slice(g.start + 3, g.end));
    if (!alts || alts.length < MIN_ALTERNATIVES) continue;
    out += `${src.slice(at, g.start)}(?:${factor(alts)})`;
    at = g.end + 1;
  }
  if (at === 0) return re;
  return new RegExp(out + src.slice(at), re.flags);
}

/**
 * The alternatives `alts`, those that start with the same letter joined behind it. An alternative is moved
 * ahead only past ones that cannot start with its letter (they never match where it does), so at any place the
 * ones that can match are tried in their order.
 */
function factor(alts: string[]): string {
  const blocks: { letter: string | null; first: First; alts: string[] }[] = [];
  for (const a of alts) {
    const c = lead(a);
    if (c !== null && strip(a, c) !== null) {
      // the last block this one may not pass: one that could start with its letter
      let i = blocks.length - 1;
      while (i >= 0 && blocks[i].first !== null && !blocks[i].first?.has(c)) i--;
      if (i >= 0 && blocks[i].letter === c) {
        blocks[i].alts.push(a);
        continue;
      }
      blocks.push({ letter: c, first: new Set(c), alts: [a] });
    } else blocks.push({ letter: null, first: firstOf(a), alts: [a] });
  }
  return blocks
    .map((b) => {
      if (b.letter === null || b.alts.length === 1) return b.alts[0];
      const rest = b.alts.map((a) => strip(a, b.letter as string) as string);
      return `${b.letter}(?:${rest.length >= MIN_ALTERNATIVES ? factor(rest) : rest.join('|')})`;
    })
    .join('|');
}

/** The letter (lower case) an alternative seems to start with, or null. */
function lead(a: string): string | null {
  if (/^[a-zA-Z]/.test(a)) return a[0].toLowerCase();
  if (a.startsWith('(?:')) {
    const end = closeOf(a, 0);
    const inner = end > 0 ? split(a.slice(3, end)) : null;
    return inner ? lead(inner[0]) : null;
  }
  return null;
}

const QUANTIFIER = /^[?*+{]/;

/** `a` without its first character when every way it matches starts with `letter` (either case), else null. */
function strip(a: string, letter: string): string | null {
  if (/^[a-zA-Z]/.test(a)) return a[0].toLowerCase() === letter && !QUANTIFIER.test(a.slice(1)) ? a.slice(1) : null;
  if (!a.startsWith('(?:')) return null;
  const end = closeOf(a, 0);
  if (end < 0 || QUANTIFIER.test(a.slice(end + 1))) return null;
  const inner = split(a.slice(3, end));
  if (!inner) return null;
  const rest: string[] = [];
  for (const x of inner) {
    const s = strip(x, letter);
    if (s === null) return null;
    rest.push(s);
  }
  return `(?:${rest.join('|')})${a.slice(end + 1)}`;
}

/** Index of the ")" closing the group that opens at `open`, or -1. */
function closeOf(src: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The non-capturing groups "(?:...)" not inside another group or a lookaround: start at "(", end at ")". */
function topGroups(src: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') {
      const end = closeOf(src, i);
      if (end < 0) return [];
      if (src.startsWith('(?:', i)) out.push({ start: i, end });
      i = end;
    }
  }
  return out;
}

/** The top-level alternatives of a group's body, or null if it is not well formed. */
function split(body: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(body.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  out.push(body.slice(start));
  return depth === 0 && !inClass ? out : null;
}

/** The letters a match of the alternative `a` can start with, or null (see First); null too for what is not read. */
function firstOf(a: string): First {
  const r = seqFirst(a);
  return r && !r.nullable ? r.set : null;
}

interface Reading {
  set: Set<string>;
  /** can match without consuming a character */
  nullable: boolean;
}

/** What a sequence (an alternative) can start with, or null for syntax not read here. */
function seqFirst(a: string): Reading | null {
  const set = new Set<string>();
  let i = 0;
  while (i < a.length) {
    const c = a[i];
    let atom: Reading | null;
    let next: number;
    if (c === '(') {
      const end = closeOf(a, i);
      if (end < 0) return null;
      next = end + 1;
      if (/^\(\?<?[=!]/.test(a.slice(i, i + 4)))
        atom = { set: new Set(), nullable: true }; // a lookaround
      else if (a.startsWith('(?:', i)) atom = altFirst(a.slice(i + 3, end));
      else return null;
    } else if (c === '\\') {
      // \b, \B match empty; \s \w \d, escaped marks, \x.. \u....: not a set of letters
      if (a[i + 1] !== 'b' && a[i + 1] !== 'B') return null;
      atom = { set: new Set(), nullable: true };
      next = i + 2;
    } else if (c === '^' || c === '$') {
      atom = { set: new Set(), nullable: true };
      next = i + 1;
    } else if (/[a-zA-Z]/.test(c)) {
      atom = { set: new Set(c.toLowerCase()), nullable: false };
      next = i + 1;
    } else return null; // a class, ".", a space or a mark: not a set of letters
    if (!atom) return null;
    let min = 1;
    const q = a[next];
    if (q === '?' || q === '*' || q === '+') {
      if (q !== '+') min = 0;
      next++;
      if (a[next] === '?') next++; // lazy
    } else if (q === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}\??/.exec(a.slice(next));
      if (!m) return null;
      min = Number(m[1]);
      next += m[0].length;
    }
    for (const l of atom.set) set.add(l);
    if (!atom.nullable && min > 0) return { set, nullable: false };
    i = next;
  }
  return { set, nullable: true };
}

function altFirst(body: string): Reading | null {
  const alts = split(body);
  if (!alts) return null;
  const set = new Set<string>();
  let nullable = false;
  for (const x of alts) {
    const r = seqFirst(x);
    if (!r) return null;
    for (const l of r.set) set.add(l);
    nullable ||= r.nullable;
  }
  return { set, nullable };
}
