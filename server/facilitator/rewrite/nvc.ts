/**
 * The nonviolent-communication shape, filled only from the sender's own words: "When you told your mum
 * about our money, I felt humiliated. Could you ...?" It is offered only when the message has all of it:
 * an observation of what the reader did ("you told ..."), a feeling the sender named with a word from
 * the feelings inventory, and (when there is one) the sender's own request. Nothing is invented: no
 * feeling the sender did not name, no need they did not say.
 */
import { feelingWordsIn, isPainful } from '../../analysis/listening/lexicon.js';
import { isPast } from './absolutes.js';
import { politeRequests } from './requests.js';

/** "I'm so tired", "I feel hurt", "I am fed up": the feeling the sender says they have. */
const OWN_FEELING = new RegExp(
  String.raw`\bI(?:\s*['’]\s*m|\s+am|\s+feel|\s+felt|\s+was|\s*['’]\s*ve\s+been|` +
    String.raw`\s+have\s+been|\s+get)\s+(?:so\s+|really\s+|very\s+|just\s+|completely\s+|` +
    String.raw`absolutely\s+)?([a-z]+(?:\s+(?:out|up|down|off|edge))?)`,
  'i',
);

/** "you told your mum about our money problems": what the reader did, as a clause of the edit. */
const OBSERVATION = /^you\s+(?!(?:are|were|re|r|know|see|get|understand|think)\b)([a-z]+)\b/i;

function clauses(text: string): string[] {
  return text
    .split(/[.!?;]+\s*|,\s*(?:and\s+|but\s+|so\s+)?|\s+(?:and|but|so)\s+(?=I\b|I['’])/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** The message as observation, feeling and (if the sender made one) request; null when a part is missing. */
export function observationAndFeeling(original: string, edit: string): string | null {
  const said = original.match(OWN_FEELING)?.[1]?.toLowerCase().replace(/\s+/g, ' ');
  const feeling = said ? feelingWordsIn(said).find((f) => f === said && isPainful(f)) : undefined;
  if (!feeling) return null;
  const parts = clauses(edit);
  const observation = parts.find((c) => OBSERVATION.test(c) && c.split(/\s+/).length >= 4 && !c.includes(feeling));
  if (!observation) return null;
  const verb = observation.match(OBSERVATION)![1];
  const felt = isPast(verb) ? 'felt' : 'feel';
  const sentences = edit.match(/[^.!?]+[.!?]*/g) ?? [];
  const request = sentences
    .map((s) => s.trim())
    .map((s) => (/^(?:I need you to|Could you|Can you|Please)\b/i.test(s) ? s : politeRequests(s)))
    .find((s): s is string => Boolean(s) && !s!.includes(observation));
  const when = `When ${observation.charAt(0).toLowerCase()}${observation.slice(1)}, I ${felt} ${feeling}.`;
  return request ? `${when} ${request}` : when;
}
