import type { RoomContext, SettledTopic, TopicLine } from './types.js';

/**
 * The local engine's words about the agenda. Topics are quoted as the people who brought them wrote them
 * (“weekend plans with my parents”), so the facilitator never turns someone's words into its own.
 */

/** Topics read out by title before "and N more". */
const READ_OUT = 5;

function partyIds(room: RoomContext): string[] {
  return room.parties ?? Object.keys(room.names);
}

function nameOf(room: RoomContext, id: string): string {
  return room.names[id] ?? 'someone';
}

/** "a", "a and b", "a, b and c". */
function list(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const quoted = (t: TopicLine) => `“${t.title}”`;

/** The topics read out, with "and N more" past READ_OUT. */
function readOut(topics: TopicLine[], item: (t: TopicLine) => string): string {
  const shown = topics.slice(0, READ_OUT).map(item);
  const more = topics.length - READ_OUT;
  return more > 0 ? `${shown.join(', ')}, and ${more} more` : list(shown);
}

/** "Here is what you each brought: “the $800 chair” from Maya and “weekend plans” from Jordan. Let’s start with…" */
export function agendaOpenedWords(room: RoomContext, topics: TopicLine[], current: TopicLine): string {
  const bringers = [...new Set(topics.map((t) => t.by).filter((by): by is string => by !== null))];
  const parties = partyIds(room);
  // someone who told of harm, or whose message was held for safety, is not called on to bring a topic
  const missing = parties.filter((id) => !bringers.includes(id) && !room.unnamed?.includes(id));
  const sentences: string[] = [];
  if (bringers.length === 1 && topics.every((t) => t.by === bringers[0])) {
    sentences.push(`${nameOf(room, bringers[0])} brought ${readOut(topics, quoted)}.`);
  } else {
    const intro =
      bringers.length === 0
        ? 'Here is the agenda so far:'
        : missing.length > 0
          ? 'Here is what is on the agenda so far:'
          : parties.length <= 2
            ? 'Here is what you each brought:'
            : 'Here is what each of you brought:';
    const item = (t: TopicLine) => (t.by ? `${quoted(t)} from ${nameOf(room, t.by)}` : quoted(t));
    sentences.push(`${intro} ${readOut(topics, item)}.`);
  }
  if (topics.length === 1) {
    // One topic: "Ann brought “x”, so let’s start there."
    sentences[0] = `${sentences[0].slice(0, -1)}, so let’s start there.`;
  } else {
    const whose = current.by && bringers.length > 1 ? `, which ${nameOf(room, current.by)} brought` : '';
    sentences.push(`Let’s start with ${quoted(current)}${whose}.`);
  }
  if (topics.length > 1) {
    sentences.push(
      'We will take one topic at a time, and move on when it feels settled or becomes part of the agreement.',
    );
  }
  if (bringers.length > 0 && missing.length > 0) {
    sentences.push(
      `${list(missing.map((id) => nameOf(room, id)))}, whatever you would like to talk about has a place here too.`,
    );
  }
  return sentences.join(' ');
}

/** "We will leave “the $800 chair” there for now. Let’s turn to “weekend plans”, which Jordan brought." */
export function topicChangedWords(room: RoomContext, settled: SettledTopic | null, next: TopicLine | null): string {
  const sentences: string[] = [];
  if (settled?.how === 'clause') {
    sentences.push(`${quoted(settled)} is now a proposed clause in the agreement, where you can shape it together.`);
  } else if (settled) {
    sentences.push(`We will leave ${quoted(settled)} there for now.`);
  }
  if (next) {
    const whose = next.by ? `, which ${nameOf(room, next.by)} brought` : '';
    sentences.push(`Let’s turn to ${quoted(next)}${whose}.`);
  } else if (settled) {
    const anyone = partyIds(room).length <= 2 ? 'either of you' : 'any of you';
    sentences.push(
      `That was the last topic on the agenda. If something is still open for ${anyone}, the host or a mediator ` +
        'can add it.',
    );
  } else {
    sentences.push('There is nothing open on the agenda for now.');
  }
  return sentences.join(' ');
}
