import { analyze } from '../../server/analysis/index.js';
import { feelingWordsIn } from '../../server/analysis/listening/lexicon.js';
import type { Line, Played } from './play.js';

/**
 * What the facilitator should have done in a played session, each check a pure function of the
 * transcript: `pass` true or false, or null when the session gives it nothing to check; `detail`
 * says what was counted or what went wrong. Facilitator kinds are matched by name, so checks for
 * kinds another part of the app adds later (acknowledgement, agenda, summary) simply start passing.
 */

export interface CheckResult {
  name: string;
  pass: boolean | null;
  detail: string;
}

/** Person messages after which a reflection or acknowledgement may still come (and count). */
const WINDOW = 3;
/** No clause offer within this many messages of a held message or of someone describing pain. */
const OFFER_GAP = 4;

const STOP = new Set(
  (
    'about above after again also always anything because been being could does doing every from have just like ' +
    'more most much never only other really same should some such than that their them then there these they ' +
    'thing this those very what when where which while will with would your yours you’re youre i’m i’ve i’d ' +
    'it’s that’s don’t didn’t can’t want need feel felt know think said says each here want dont didnt cant ' +
    'everyone everything someone something people right still sure yeah okay well into onto over under'
  )
    .split(' ')
    .filter(Boolean),
);

/** A crude stem: enough to match "plans" with "plan" and "calling" with "call". */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '') || word;
}

/** Lower-cased words of four letters or more that carry meaning. */
export function contentWords(text: string): string[] {
  return [...new Set((text.toLowerCase().match(/[a-z’'$0-9]+/g) ?? []).map((w) => w.replace(/'/g, '’')))].filter(
    (w) => w.length >= 4 && !STOP.has(w),
  );
}

function sharesWords(a: string, b: string): string[] {
  const mine = new Set(contentWords(b).map(stem));
  return contentWords(a).filter((w) => mine.has(stem(w)));
}

const facilitatorLines = (p: Played, kinds: string[]) =>
  p.lines.filter((l) => l.by === 'facilitator' && l.kind !== undefined && kinds.includes(l.kind));
const personLines = (p: Played) => p.lines.filter((l) => l.by === 'person');
const names = (text: string, name: string) => new RegExp(`\\b${name}\\b`, 'i').test(text);

/** The facilitator lines after `line` and before the WINDOW-th person message after it. */
function answersTo(p: Played, line: Line, kinds: string[]): Line[] {
  const later = personLines(p).filter((l) => l.seq > line.seq);
  const until = later[WINDOW - 1]?.seq ?? Number.POSITIVE_INFINITY;
  return facilitatorLines(p, kinds).filter((f) => f.seq > line.seq && f.seq < until);
}

/** Feeling words that are often something else ("what you heard", "it can be small"): feelings only after feel/felt. */
const AMBIGUOUS = new Set(['heard', 'seen', 'small', 'close', 'lost', 'calm', 'safe', 'alone', 'stuck', 'distant']);

/**
 * Feelings a reply names as the person's, leaving out needs phrased as "being heard". A guess offered as a
 * question ("what do you feel: hurt, lonely, or something else?") asks rather than names.
 */
function feelingsNamed(text: string): string[] {
  const statements = (text.match(/[^.!?]+[.!?]*/g) ?? []).filter((s) => !s.trim().endsWith('?')).join(' ');
  const words = feelingWordsIn(statements.replace(/\bbeing\s+\w+/gi, ''));
  return words.filter((w) => !AMBIGUOUS.has(w) || new RegExp(`\\bfe(?:el|lt)\\s+(?:so\\s+)?${w}`, 'i').test(text));
}

const result = (name: string, pass: boolean | null, detail: string): CheckResult => ({ name, pass, detail });

/**
 * After a message with a feeling: a reflection that names the person and uses their words; never a
 * feeling nobody expressed.
 */
export function reflections(p: Played): CheckResult {
  const feeling = personLines(p).filter((l) => l.tags?.includes('feeling'));
  if (feeling.length === 0) return result('reflection', null, 'no feelings in the script');
  let good = 0;
  const wrong: string[] = [];
  for (const line of feeling) {
    const own = feelingWordsIn(line.text);
    const ok = answersTo(p, line, ['reflection']).some(
      (r) =>
        names(r.text, line.who) &&
        (own.some((f) => r.text.toLowerCase().includes(f)) || sharesWords(line.text, r.text).length > 0),
    );
    if (ok) good++;
  }
  for (const r of facilitatorLines(p, ['reflection'])) {
    const said = personLines(p)
      .filter((l) => l.seq < r.seq)
      .map((l) => l.text)
      .join(' ');
    const invented = feelingsNamed(r.text).filter((f) => !feelingWordsIn(said).includes(f));
    if (invented.length) wrong.push(`"${invented.join(', ')}" in: ${r.text}`);
  }
  const enough = good * 2 >= feeling.length;
  return result(
    'reflection',
    enough && wrong.length === 0,
    `${good}/${feeling.length} feelings reflected by name in their words` +
      (wrong.length ? `; not expressed: ${wrong.join(' | ')}` : ''),
  );
}

/** An apology or a step of responsibility is acknowledged, naming the person. */
export function acknowledgements(p: Played): CheckResult {
  const apologies = personLines(p).filter((l) => l.tags?.includes('apology'));
  if (apologies.length === 0) return result('acknowledgement', null, 'no apologies in the script');
  const met = apologies.filter((l) =>
    answersTo(p, l, ['acknowledgement', 'reflection']).some((a) => names(a.text, l.who)),
  ).length;
  return result('acknowledgement', met === apologies.length, `${met}/${apologies.length} apologies acknowledged`);
}

/** The points shared from preparation become an agenda (in the room state, or said as one). */
export function agenda(p: Played): CheckResult {
  const said = facilitatorLines(p, ['agenda']);
  const topics = p.agenda.length ? p.agenda : said.map((l) => l.text);
  if (topics.length === 0) return result('agenda', false, 'no agenda in the room state and none said');
  const shared = Object.values(p.session.share).flat();
  const covered = shared.filter((s) => topics.some((t) => sharesWords(s, t).length > 0)).length;
  return result('agenda', covered > 0, `${topics.length} topics; ${covered}/${shared.length} shared points on it`);
}

const CONTENTLESS = /each of you has something that matters|before the break we heard from [^.]*\.\s*$/i;

/** After each break, a recap with what people said (their concrete words), not just who spoke. */
export function recaps(p: Played): CheckResult {
  if (p.breaks.length === 0) return result('recap', null, 'no break in the script');
  const partyNames = new Set(p.session.people.map((x) => x.name.toLowerCase()));
  const notes: string[] = [];
  let good = 0;
  for (const b of p.breaks) {
    const recap = facilitatorLines(p, ['recap', 'summary']).find((l) => l.seq > b.endedAfterSeq);
    if (!recap) {
      notes.push('no recap');
      continue;
    }
    const before = personLines(p)
      .filter((l) => l.seq <= b.endedAfterSeq)
      .map((l) => l.text)
      .join(' ');
    const words = sharesWords(recap.text, before).filter((w) => !partyNames.has(w));
    if (words.length >= 2 && !CONTENTLESS.test(recap.text)) good++;
    else notes.push(`contentless: ${recap.text}`);
  }
  return result(
    'recap',
    good === p.breaks.length,
    `${good}/${p.breaks.length} recaps with content${notes.length ? `; ${notes.join(' | ')}` : ''}`,
  );
}

/** No clause offer within OFFER_GAP messages after a held message or a description of pain. */
export function offerTiming(p: Played): CheckResult {
  const offers = facilitatorLines(p, ['clause-offer']);
  if (offers.length === 0) return result('offer timing', null, 'no clause offer made');
  const people = personLines(p);
  const index = (seq: number) => people.filter((l) => l.seq <= seq).length;
  const marks = people.filter((l) => l.wasHeld || l.tags?.includes('pain')).map((l) => index(l.seq));
  const early = offers.filter((o) => marks.some((m) => index(o.seq) >= m && index(o.seq) - m < OFFER_GAP));
  return result(
    'offer timing',
    early.length === 0,
    `${early.length}/${offers.length} offers too soon after pain or a hold`,
  );
}

const TWO = /\b(you both|both of you|the two of you|you two)\b/i;

/** With three or more people, never "you both". */
export function groupWording(p: Played): CheckResult {
  if (p.parties.length < 3) return result('group wording', null, 'two people');
  const wrong = p.lines.filter((l) => l.by === 'facilitator' && TWO.test(l.text));
  return result(
    'group wording',
    wrong.length === 0,
    wrong.length ? `"${wrong[0].text}"` : `${p.parties.length} people`,
  );
}

/** Someone silent for a long while is invited in by name before they speak. */
export function invitations(p: Played): CheckResult {
  const quiet = p.session.silent;
  if (!quiet) return result('silent invited', null, 'nobody silent in the script');
  const first = personLines(p).find((l) => l.who === quiet)?.seq ?? Number.POSITIVE_INFINITY;
  const invited = p.lines.some((l) => l.by === 'facilitator' && l.seq < first && names(l.text, quiet));
  return result('silent invited', invited, invited ? `${quiet} invited by name` : `${quiet} never invited`);
}

/** A preparation reply never names a feeling the person did not express. */
export function prepFeelings(p: Played): CheckResult {
  if (p.prep.length === 0) return result('prep feelings', null, 'no preparation');
  const wrong = p.prep.flatMap((r) => {
    const own = new Set(r.saidSoFar.flatMap(feelingWordsIn));
    const invented = feelingsNamed(r.reply).filter((f) => !own.has(f));
    return invented.length ? [`${r.name}: "${invented.join(', ')}" in: ${r.reply}`] : [];
  });
  return result('prep feelings', wrong.length === 0, wrong.length ? wrong.join(' | ') : `${p.prep.length} replies`);
}

const TEMPLATES = [
  /^I'?m upset about this and I'?d like us to slow down/i,
  /^I'?m feeling \w+ right now, and I need [^.]+ between us/i,
  /talk about this with me calmly\?$/i,
];

/** The first suggestion is a fill-in template (or shares no content word with the message). */
export function isTemplate(original: string, suggestion: string): boolean {
  if (TEMPLATES.some((t) => t.test(suggestion))) return true;
  return sharesWords(original, suggestion).length === 0;
}

/** The share of the original's content words (outside the flagged words) the suggestion keeps. */
export function keptShare(original: string, suggestion: string): number {
  const flagged = analyze(original, { threshold: 0.5 })
    .spans.map((s) => original.slice(s.start, s.end).toLowerCase())
    .join(' ');
  const words = contentWords(original).filter((w) => !flagged.includes(w));
  if (words.length === 0) return 1;
  const kept = new Set(contentWords(suggestion).map(stem));
  return words.filter((w) => kept.has(stem(w))).length / words.length;
}

/** Held messages: the first suggestion is no template, keeps 70% of the content words, is not held again. */
export function rewrites(p: Played): CheckResult {
  const held = p.held.filter((h) => !h.safety);
  if (held.length === 0) return result('rewrites', null, 'nothing held');
  const problems: string[] = [];
  for (const h of held) {
    const first = h.suggestions[0];
    if (!first) {
      problems.push('no suggestion');
      continue;
    }
    if (isTemplate(h.original, first)) problems.push(`template: ${first}`);
    const kept = keptShare(h.original, first);
    if (kept < 0.7) problems.push(`kept ${Math.round(kept * 100)}%: ${first}`);
    if (h.heldAgain) problems.push(`held again: ${first}`);
  }
  return result(
    'rewrites',
    problems.length === 0,
    problems.length ? problems.join(' | ') : `${held.length} held, all fine`,
  );
}

/** Heated messages are held, and nothing else is (the analyzer's part, for the rewrites to follow). */
export function holds(p: Played): CheckResult {
  const missed = p.heat.filter((h) => h.heated && !h.held).map((h) => `not held: ${h.text}`);
  const extra = p.heat.filter((h) => !h.heated && h.held).map((h) => `held though calm: ${h.text}`);
  const heated = p.heat.filter((h) => h.heated).length;
  const problems = [...missed, ...extra];
  return result('holds', problems.length === 0, problems.length ? problems.join(' | ') : `${heated} heated, all held`);
}

export const CHECKS = [
  holds,
  reflections,
  acknowledgements,
  agenda,
  recaps,
  offerTiming,
  groupWording,
  invitations,
  prepFeelings,
  rewrites,
];

export function runChecks(p: Played): CheckResult[] {
  const out = CHECKS.map((check) => check(p));
  if (p.errors.length) out.push(result('no errors', false, p.errors.join(' | ')));
  return out;
}
