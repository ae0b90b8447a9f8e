import type { Analysis } from '../../shared/analysis.js';
import type { LogEntry, PrepMessage } from '../../shared/protocol.js';
import { draftClauses } from './drafts.js';
import { prepCoachReply } from './prepCoach.js';
import type { ClauseOffer, FacilitatorEngine, RoomContext } from './types.js';

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

function nameOf(room: RoomContext, id: string): string {
  return room.names[id] ?? 'someone';
}

function people(entries: LogEntry[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of entries) if (e.type === 'message') counts.set(e.from, (counts.get(e.from) ?? 0) + 1);
  return counts;
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The default engine: warm templates and rules, deterministic, no network. */
export class LocalFacilitator implements FacilitatorEngine {
  readonly name = 'local';

  async welcome(room: RoomContext, mode: string): Promise<string> {
    return [
      'Welcome, everyone. Thank you for being here; it takes courage to talk about something that matters.',
      'A few ground rules: speak for yourself ("I feel…", "I need…") rather than about the other person; one ' +
        'point at a time; listen to understand before you reply.',
      'If a message comes across as heated, I will hold it back for a moment and suggest a calmer way to say ' +
        'the same thing. Anyone can ask for a break at any time.',
      MODE_WORDS[mode] ?? '',
    ].join(' ');
  }

  async modeChanged(_room: RoomContext, mode: string): Promise<string> {
    return `We are changing how turns work. ${MODE_WORDS[mode] ?? ''}`.trim();
  }

  async nudge(room: RoomContext, dominant: string, quiet: string): Promise<string> {
    return (
      `Thank you, ${nameOf(room, dominant)}, that is a lot to carry. Let’s make some space: ` +
      `${nameOf(room, quiet)}, would you like to share how this lands for you, or what you heard?`
    );
  }

  async breakStarted(room: RoomContext, minutes: number, calledBy: string): Promise<string> {
    const why =
      calledBy === 'facilitator'
        ? 'Things feel intense right now, which is understandable when something matters this much.'
        : `${nameOf(room, calledBy)} asked for a break, and that is a good call.`;
    return (
      `${why} Let’s pause for ${minutes} minutes. Breathe, get some water, maybe step outside. Bodies need ` +
      'about twenty minutes to settle after a heated moment. The room will be here when you come back.'
    );
  }

  async recap(room: RoomContext, entries: LogEntry[]): Promise<string> {
    const counts = people(entries);
    if (counts.size === 0)
      return 'Welcome back. We have not said much yet; whenever you are ready, let’s pick up gently.';
    const heard = list([...counts.keys()].map((id) => nameOf(room, id)));
    return (
      `Welcome back. Before the break we heard from ${heard}. Each of you has something that matters to you ` +
      'here. Let’s pick up one point at a time, starting with what each of you needs.'
    );
  }

  async clauseOffer(room: RoomContext, sharedPoints: string[], entries: LogEntry[]): Promise<ClauseOffer> {
    const said = entries.filter((e) => e.type === 'message').map((e) => e.text);
    const drafts = draftClauses([...sharedPoints, ...said]);
    const text =
      drafts.length > 0
        ? 'It feels calmer in here. Some of what you have said could become agreements you both can live ' +
          'with. Here are drafts to start from; propose any of them to the agreement and edit it together:'
        : 'It feels calmer in here. When you are ready, you could start writing down what you would like to ' +
          'agree on, in the agreement panel.';
    return { text, drafts };
  }

  async rewrite(_text: string, analysis: Analysis): Promise<string[]> {
    return analysis.suggestions;
  }

  async prepReply(history: PrepMessage[]): Promise<string> {
    return prepCoachReply(history);
  }
}
