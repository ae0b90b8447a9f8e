import { isControllingClause } from '../analysis/coercion.js';
import type { Analysis } from '../../shared/analysis.js';
import type { LogEntry, PrepMessage } from '../../shared/protocol.js';
import { agendaOpenedWords, topicChangedWords } from './agendaWords.js';
import { draftsOf, readingOf } from './readBack.js';
import { prepCoachReply } from './prepCoach.js';
import { listen } from '../analysis/listening/index.js';
import { acknowledgement } from './listening/acknowledge.js';
import { reflection, type Speaking } from './listening/reflect.js';
import { list, summarise } from './summary.js';
import type { ClauseOffer, FacilitatorEngine, RoomContext, SettledTopic, SummaryRequest, TopicLine } from './types.js';
import { SAFETY_PAUSE } from './types.js';

const MODE_WORDS: Record<string, string> = {
  open: 'Anyone can write at any time; I will make sure everyone gets space.',
  round: 'We will take turns in order. When you are done, pass the floor on.',
  'hand-raise':
    'Raise your hand when you would like to speak, and I will give the floor, favouring whoever has had the ' +
    'least time so far.',
  'speaker-listener':
    'One person speaks, the other listens and then says back what they heard ("What I hear is…"). When the ' +
    'speaker feels understood, you swap.',
};

/** Speaker-listener with three or more: one pair at a time, and the others know where they stand. */
const SPEAKER_LISTENER_GROUP =
  'One person speaks and one listens, then the listener says back what they heard ("What I hear is…"). When ' +
  'the speaker feels understood, the two swap. Everyone else follows along and waits for their turn; the host ' +
  'or a mediator can give the floor to someone new when a pair is done.';

/** How turns work in `mode`, for a room of this many people. */
function modeWords(room: RoomContext, mode: string): string {
  if (mode === 'speaker-listener' && partyCount(room) > 2) return SPEAKER_LISTENER_GROUP;
  return MODE_WORDS[mode] ?? '';
}

/** How someone silent for a while can come in, in each mode. */
const COME_IN: Record<string, string> = {
  open: 'Whenever you are ready, you are welcome to share how this lands for you, or what you heard.',
  round:
    'When the floor comes round to you, you are welcome to share how this lands for you, or to pass it on if ' +
    'you would rather listen for now.',
  'hand-raise': 'If you would like to say how this lands for you, raise your hand and the floor will come to you.',
  'speaker-listener':
    'When the current speaker and listener are done, the host or a mediator can give you the floor, so you ' +
    'can share how this lands for you.',
};

/** The people taking part, in the order they joined. */
function partyIds(room: RoomContext): string[] {
  return room.parties ?? Object.keys(room.names);
}

function partyCount(room: RoomContext): number {
  return partyIds(room).length;
}

/** "you both" for two people, "all of you" for more. */
function youAll(room: RoomContext): string {
  return partyCount(room) <= 2 ? 'you both' : 'all of you';
}

/** "1 minute", "5 minutes". */
export function minutesText(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** A break this long is long enough for a body to settle after a heated moment. */
const SETTLING_MINUTES = 20;

function nameOf(room: RoomContext, id: string): string {
  return room.names[id] ?? 'someone';
}

/**
 * Who is speaking, as the reflection and acknowledgement wording needs it. "You" is the one other party in
 * a room of two, or in a group the party the message is addressed to by name ("Mum, …", "…, Kai.").
 */
function speaking(room: RoomContext, speaker: string, text: string): Speaking {
  const ids = partyIds(room);
  const others = ids.filter((id) => id !== speaker);
  const addressed = others.filter((id) => {
    const name = nameOf(room, id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`^${name},|,\\s*${name}[.!?]*$`).test(text.trim());
  });
  const other = others.length === 1 ? others[0] : addressed.length === 1 ? addressed[0] : null;
  // a couple is two people even while the second has not joined yet (a point shared from preparation)
  const partyCount = room.kind === 'couple' ? 2 : ids.length;
  return { name: nameOf(room, speaker), other: other ? nameOf(room, other) : null, partyCount };
}

/** The default engine: warm templates and rules, deterministic, no network. */
export class LocalFacilitator implements FacilitatorEngine {
  readonly name = 'local';

  async welcome(room: RoomContext, mode: string): Promise<string> {
    return [
      'Welcome, everyone. Thank you for being here; it takes courage to talk about something that matters.',
      'A few ground rules: speak for yourself ("I feel…", "I need…") rather than about ' +
        `${partyCount(room) > 2 ? 'the others' : 'the other person'}; one point at a time; listen to understand ` +
        'before you reply.',
      'If a message comes across as heated, I will hold it back for a moment and suggest a calmer way to say ' +
        'the same thing. Anyone can ask for a break at any time.',
      modeWords(room, mode),
    ].join(' ');
  }

  async modeChanged(room: RoomContext, mode: string): Promise<string> {
    return `We are changing how turns work. ${modeWords(room, mode)}`.trim();
  }

  async nudge(room: RoomContext, dominant: string, quiet: string): Promise<string> {
    return (
      `Thank you, ${nameOf(room, dominant)}, that is a lot to carry. Let’s make some space: ` +
      `${nameOf(room, quiet)}, would you like to share how this lands for you, or what you heard?`
    );
  }

  async invite(room: RoomContext, quiet: string, mode: string): Promise<string> {
    const comeIn = COME_IN[mode] ?? COME_IN.open;
    return `${nameOf(room, quiet)}, I would like to make sure there is space for you too. ${comeIn}`;
  }

  async breakStarted(room: RoomContext, minutes: number, calledBy: string): Promise<string> {
    if (calledBy === SAFETY_PAUSE)
      return (
        `Let’s take a pause for ${minutesText(minutes)}. Nothing needs to be said before then, and the room will be ` +
        'here when you come back. If you would like to talk something through in the meantime, your private ' +
        'space with the facilitator is open.'
      );
    const why =
      calledBy === 'facilitator'
        ? 'Things feel intense right now, which is understandable when something matters this much.'
        : `${nameOf(room, calledBy)} asked for a break, and that is a good call.`;
    if (minutes >= SETTLING_MINUTES)
      return (
        `${why} Let’s pause for ${minutesText(minutes)}. Breathe, get some water, maybe step outside. Bodies ` +
        'need about twenty minutes to settle after a heated moment. The room will be here when you come back.'
      );
    return (
      `${why} Let’s pause for ${minutesText(minutes)}. Breathe, get some water, stretch for a moment. If it ` +
      'still feels raw when we come back, it is fine to ask for a longer break. The room will be here for you.'
    );
  }

  async summary(room: RoomContext, entries: LogEntry[], request: SummaryRequest): Promise<string> {
    return summarise(room, entries, request);
  }

  async paraphraseFirst(room: RoomContext, listener: string, speaker: string): Promise<string> {
    const them = nameOf(room, speaker);
    return (
      `${nameOf(room, listener)}, before you answer, could you first say back what you heard ${them} say, in ` +
      `your own words? You might start with “What I hear is…”. Once ${them} feels heard, the floor comes to you.`
    );
  }

  async clauseOffer(room: RoomContext, sharedPoints: string[], entries: LogEntry[]): Promise<ClauseOffer> {
    // Each message is read once (readBack.ts: remembered while the store keeps the entry): whether it is
    // calm, its asks, and their clauses, for the drafts and for who asked what.
    const said = entries.flatMap((e) => {
      const reading = e.type === 'message' ? readingOf(e) : null;
      return reading?.calm && e.type === 'message' ? [{ from: e.from, reading }] : [];
    });
    const options = { parties: partyCount(room) };
    const drafts = unique([
      ...sharedPoints
        .map((text) => readingOf({ text }))
        .filter((r) => r.calm && !r.coercive)
        .flatMap((r) => draftsOf(r, options)),
      ...said.filter((s) => !s.reading.coercive).flatMap((s) => draftsOf(s.reading, options)),
    ])
      // a polite ask can still draft control ("we only go out with friends when we say so"): never a draft
      .filter((d) => !isControllingClause(d))
      .slice(-3);
    // Who asked for what, in their words: the newest ask of each person (in the order they joined), the latest few.
    const asks = (room.parties ?? Object.keys(room.names))
      .flatMap((id) => {
        const theirs = [...new Set(said.filter((s) => s.from === id).flatMap((s) => s.reading.asks))];
        return theirs.slice(-1).map((ask) => ({ name: room.names[id] ?? 'someone', ask }));
      })
      .slice(-3);
    const heard =
      asks.length === 1
        ? `${asks[0].name}, you asked: “${asks[0].ask}”.`
        : asks.length > 1
          ? `Some concrete asks are on the table: ${list(asks.map((a) => `“${a.ask}” (${a.name})`))}.`
          : 'Some of what has been said could become an agreement.';
    if (drafts.length === 0)
      return {
        text:
          `${heard} When you are ready, you could write down what you would like to agree on, ` +
          'in the agreement panel.',
        drafts,
      };
    const these = drafts.length === 1 ? 'a draft' : 'drafts';
    return {
      text:
        `${heard} Here ${drafts.length === 1 ? 'is' : 'are'} ${these} worded so ${youAll(room)} could sign up to ` +
        `${drafts.length === 1 ? 'it' : 'them'}. Propose any of them to the agreement and change the words together ` +
        'until they fit.',
      drafts,
    };
  }

  async agendaOpened(room: RoomContext, topics: TopicLine[], current: TopicLine): Promise<string> {
    return agendaOpenedWords(room, topics, current);
  }

  async topicChanged(room: RoomContext, settled: SettledTopic | null, next: TopicLine | null): Promise<string> {
    return topicChangedWords(room, settled, next);
  }

  /** `heard`: listen(text), when the caller has it (the listening policy's reading): not read again. */
  async reflect(room: RoomContext, speaker: string, text: string, heard = listen(text)): Promise<string | null> {
    return reflection(heard, speaking(room, speaker, text));
  }

  async acknowledge(room: RoomContext, speaker: string, text: string, heard = listen(text)): Promise<string | null> {
    return acknowledgement(heard.repairs, speaking(room, speaker, text));
  }

  async rewrite(_text: string, analysis: Analysis): Promise<string[]> {
    return analysis.suggestions;
  }

  async prepReply(history: PrepMessage[]): Promise<string> {
    return prepCoachReply(history);
  }
}

/** Clauses in order, each once, without the asks that made none. */
function unique(drafts: (string | null)[]): string[] {
  const out: string[] = [];
  for (const d of drafts) if (d && !out.includes(d)) out.push(d);
  return out;
}
