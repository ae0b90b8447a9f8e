import { plain, sentencesOf, tidy } from './text.js';

/**
 * Repair attempts (Gottman): an apology, taking responsibility for a part, appreciation. Each with what
 * it was about, as written ("I wasn't there", "picking up the kids"), so it can be acknowledged
 * specifically. A non-apology ("sorry you feel that way", "sorry, but…") is not one.
 */

export interface Repair {
  kind: 'apology' | 'responsibility' | 'appreciation';
  /** What it is about, as written, or '' when it was said on its own ("I'm sorry."). */
  about: string;
  /** The sentence it was said in. */
  sentence: string;
}

const APOLOGY = new RegExp(
  String.raw`\b(?:i'm|i am|im|i was|i feel)\s+(?:so\s+|really\s+|truly\s+|very\s+|` +
    String.raw`deeply\s+)*sorry\b(.*)|\bi\s+(?:want to\s+|'d like to\s+|` +
    String.raw`would like to\s+)?apologi[sz]e\b(.*)|\bmy apologies\b(.*)|^sorry\b(.*)`,
  'i',
);
/** "Sorry you feel that way", "sorry if you were offended", "sorry, but": not an apology. */
const NON_APOLOGY = new RegExp(
  String.raw`^\s*,?\s*(?:(?:(?:that|if)\s+)?you\s+(?:feel|felt|think|thought|took|` +
    String.raw`were offended|are offended|see it)|but\b|,\s*but\b|about that,? but\b|` +
    String.raw`for your loss)`,
  'i',
);
const RESPONSIBILITY = new RegExp(
  String.raw`\b(?:that(?:'s| was| is) on me|(?:it|that)(?:'s| was| is) my fault|my (?:fault|` +
    String.raw`bad|mistake)|i was wrong\b.*|i got (?:that|it) wrong|i messed (?:that |` +
    String.raw`it )?up\b.*|i take (?:full )?responsibility|i own that|i let you down|i should` +
    String.raw`(?:n't| not)? have\b.*|i could have\b.*|i shouldn't have\b.*)`,
  'i',
);
const APPRECIATION = new RegExp(
  String.raw`\b(?:thank you|thanks)(?:\s+so much|\s+a lot)?\s+for\s+(.+)|\bi (?:really |do |` +
    String.raw`truly )?appreciate\s+(.+)|\bi(?:'m| am) (?:really |so )?grateful (?:for|that)\s+` +
    String.raw`(.+)`,
  'i',
);

/** "Thanks for nothing", "thanks for ruining it": thanks that are not appreciation. */
const SARCASM =
  /^(?:nothing|absolutely nothing|ruining|wasting|ignoring|making (?:this|it|me)|the lecture|that,? i guess)\b/i;

function about(rest: string | undefined): string {
  // Without a name it ends on ("…on Sunday, Mum"): that says who it is for, not what.
  const text = tidy((rest ?? '').replace(/,\s*[A-Z][a-z]+[.!?]*\s*$/, ''));
  return text.split(/\s*(?:,\s*but|\bbut\b)\s*/i)[0] ?? '';
}

export function repairsIn(raw: string): Repair[] {
  const out: Repair[] = [];
  for (const sentence of sentencesOf(plain(raw))) {
    const apology = APOLOGY.exec(sentence);
    if (apology) {
      const rest = apology.slice(1).find((g) => g !== undefined) ?? '';
      if (!NON_APOLOGY.test(rest)) out.push({ kind: 'apology', about: about(rest), sentence });
      continue;
    }
    const responsibility = RESPONSIBILITY.exec(sentence);
    if (responsibility) {
      out.push({ kind: 'responsibility', about: tidy(responsibility[0]), sentence });
      continue;
    }
    const thanks = APPRECIATION.exec(sentence);
    if (thanks) {
      const what = about(thanks.slice(1).find((g) => g !== undefined));
      if (what.length > 0 && !SARCASM.test(what)) out.push({ kind: 'appreciation', about: what, sentence });
    }
  }
  return out;
}
