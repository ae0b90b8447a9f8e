import { feelingsIn } from '../../analysis/listening/feelings.js';
import { feelingWordsIn, NEEDS_A_FRAME } from '../../analysis/listening/lexicon.js';

/**
 * A check of words said back to a person (by a model): every feeling they name is one the person used.
 * Words that are feelings only in a frame ("heard", "close") count when said as a feeling ("you feel
 * heard"); the reply is read as the person's own ("you" as "I") to find those frames.
 */
export function namesOnlyTheirFeelings(reply: string, said: string): boolean {
  const theirs = new Set([
    ...feelingsIn(said).feelings.map((f) => f.word),
    ...feelingWordsIn(said).filter((f) => !NEEDS_A_FRAME.has(f)),
  ]);
  const loose = feelingWordsIn(reply).filter((f) => !NEEDS_A_FRAME.has(f));
  const asOwn = reply
    .replace(/[’‘]/g, "'")
    .replace(/\byou're\b|\byou are\b/gi, "I'm")
    .replace(/\byou were\b/gi, 'I was')
    .replace(/\byou\b/gi, 'I');
  const framed = feelingsIn(asOwn).feelings.map((f) => f.word);
  return [...loose, ...framed].every((f) => theirs.has(f));
}
