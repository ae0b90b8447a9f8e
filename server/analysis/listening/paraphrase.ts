/**
 * Speaker-listener's check: did the listener say back what they heard, or argue back? "What I hear
 * is you felt alone at dinner" restates; "That's not true, I was working late" rebuts. A rebuttal
 * (denial, "but you…", "you always…", a counter-accusation) never counts as the paraphrase, nor does
 * a reply that shares nothing with what the speaker said and does not try to restate it.
 */

export type ParaphraseVerdict = 'paraphrase' | 'rebuttal' | 'unrelated';

export interface ParaphraseCheck {
  verdict: ParaphraseVerdict;
  /** Content words (stems) the reply shares with the speaker's words. */
  shared: string[];
}

/** How a listener frames a restatement: what follows is the speaker's experience, reported. */
const FRAMES = new RegExp(
  [
    String.raw`\b(?:what i(?:'m| am)? hear(?:ing)?(?: is)?|i hear (?:that |you)|it sounds like|`,
    String.raw`sounds like|so you(?:'re| are)?\b|you(?:'re| are) saying|you(?:'re| are) telling me|`,
    String.raw`you said|if i (?:understand|got|get) (?:you|this|that|it)|let me (?:see|check) if|`,
    String.raw`you (?:felt|feel|were feeling|are feeling|want|wanted|need|needed|wish|wished|`,
    String.raw`would like|'d like)|you(?:'re| are) (?:hurt|upset|worried|scared|sad|angry|`,
    String.raw`frustrated|lonely|tired|afraid)|you were (?:hurt|upset|worried|scared|sad|angry|`,
    String.raw`frustrated|lonely|tired|afraid|alone))`,
  ].join(''),
  'i',
);

/** Markers that make a reply a rebuttal wherever they stand, even after a restatement. */
const STRONG = new RegExp(
  [
    String.raw`\b(?:that(?:'s| is) (?:not|a lie|ridiculous|unfair|rich|nonsense|rubbish|bullshit)|`,
    String.raw`not true|(?:you(?:'re| are)|you've been) (?:lying|exaggerating|overreacting|twisting|`,
    String.raw`making (?:this|that|it) up|wrong)|but (?:i|you|what about|that|it was|honestly|`,
    String.raw`seriously)\b|what about (?:you|when you|the time)|you(?:'re| are) the one|`,
    String.raw`you do (?:it|that) too|you started|how (?:about|come) you|that never happened|`,
    String.raw`never happened|no way|excuse me|come on)\b`,
  ].join(''),
  'i',
);

/** Markers of defence or counter-accusation: a rebuttal unless reported inside a restatement. */
const WEAK = new RegExp(
  [
    String.raw`(?:^|[.!?]\s*)(?:no|nope|wrong|actually|well|whatever|i (?:did|do|only|just|was|had|`,
    String.raw`already|have been|always|tried))\b|\b(?:you (?:should|could)(?:n't)? have|`,
    String.raw`why (?:didn't|don't|can't|won't) you)\b|\b(?:you always|you never|you also|you too|`,
    String.raw`at least i|if you hadn't|if you had(?:n't)?|only because|because you|i did not|`,
    String.raw`i didn't|i never|i wasn't|i was not|i had to|i was just|it's not my fault|`,
    String.raw`not my fault|i don't agree|i disagree|i didn't mean)\b`,
  ].join(''),
  'i',
);

const STOP = new Set(
  (
    'a about above after again all also always am an and any are as at be because been before being but by can ' +
    'could did do does doing done down during each few for from had has have having he her here hers him his how ' +
    'i if in into is it its just like me more most much my no nor not now of off on once only or other our out ' +
    'over own really same she should so some such than that the their them then there these they this those ' +
    'through to too under until up very was we were what when where which while who why will with would you your ' +
    'yours yourself myself im youre ive dont didnt wasnt isnt hear heard sounds sound saying said say tell telling ' +
    'felt feel feeling feels what thing things get got want wanted need needed wish wished let see check understand ' +
    'something anything everything one way well okay ok yes yeah'
  ).split(/\s+/),
);

/** A rough stem: enough that "alone"/"alone", "dinners"/"dinner", "working"/"worked" meet. */
function stem(word: string): string {
  return word
    .replace(/(?:ing|ed|es|s|ly)$/, '')
    .replace(/(.)\1$/, '$1')
    .replace(/e$/, '');
}

/** The content words of a text, stemmed. */
export function contentStems(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'/g, '')
    .match(/[a-z0-9$]+/g);
  return new Set((words ?? []).filter((w) => w.length >= 3 && !STOP.has(w)).map(stem));
}

function sentencesOf(text: string): string[] {
  return text
    .replace(/[’‘]/g, "'")
    .split(/(?<=[.!?;])\s+|\n+/)
    .filter((s) => s.trim().length > 0);
}

/** A rebuttal marker outside what the listener reports of the speaker ("you felt I never listen" is reported). */
function rebuts(reply: string): boolean {
  for (const sentence of sentencesOf(reply)) {
    if (STRONG.test(sentence)) return true;
    const frame = FRAMES.exec(sentence);
    const weak = WEAK.exec(sentence);
    if (weak && (!frame || weak.index < frame.index)) return true;
  }
  return false;
}

/**
 * Checks the listener's `reply` against what the speaker said (`said`, their last message or few).
 * Without the speaker's words only the markers decide.
 */
export function checkParaphrase(reply: string, said: readonly string[]): ParaphraseCheck {
  const replyStems = contentStems(reply);
  const saidStems = contentStems(said.join(' '));
  const shared = [...replyStems].filter((w) => saidStems.has(w));
  if (rebuts(reply)) return { verdict: 'rebuttal', shared };
  const framed = FRAMES.test(reply.replace(/[’‘]/g, "'"));
  if (framed) return { verdict: 'paraphrase', shared };
  if (saidStems.size === 0) return { verdict: 'unrelated', shared };
  // No frame: a restatement in other words still shares a good part of what was said.
  const enough = shared.length >= 2 || (shared.length >= 1 && replyStems.size <= 3);
  return { verdict: enough ? 'paraphrase' : 'unrelated', shared };
}

/** True when the reply counts as the listener's paraphrase. */
export function restates(reply: string, said: readonly string[]): boolean {
  return checkParaphrase(reply, said).verdict === 'paraphrase';
}
