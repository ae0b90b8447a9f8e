import type { HeatLabel } from '../../shared/analysis.js';
import type { RecordMode, TopicStatus } from '../../shared/protocol.js';

/** Each analyzer label in plain, kind words: what it is, why it matters, what helps. */
export const LABEL_WORDS: Record<HeatLabel, { title: string; why: string }> = {
  insult: {
    title: 'A name for the other person',
    why: 'Calling someone a name usually makes them defend themselves instead of hearing you.',
  },
  contempt: {
    title: 'It may sound dismissive',
    why: 'Words that look down on someone make it very hard for them to take in what you need.',
  },
  criticism: {
    title: 'About who they are, not what happened',
    why: 'Talking about one specific moment is easier to hear than a judgement of the whole person.',
  },
  defensiveness: {
    title: 'Defending before listening',
    why: 'It is natural to protect yourself. Owning even a small part first often opens the door.',
  },
  stonewalling: {
    title: 'Closing the conversation',
    why: 'It sounds like you may need a pause. That is okay: you can ask for a break at any time.',
  },
  blame: {
    title: 'Words like “always” or “never”',
    why: 'Absolutes make the other person argue about the exceptions instead of your point.',
  },
  profanity: {
    title: 'Strong language',
    why: 'Strong words can land harder than you mean them to, and drown out what you are asking for.',
  },
  shouting: {
    title: 'It may read as shouting',
    why: 'Capital letters and many exclamation marks can feel loud on a screen.',
  },
  threat: {
    title: 'It could feel unsafe',
    why: 'This could make someone feel afraid, so it cannot be passed on as written.',
  },
  self_harm: {
    title: 'You may be hurting a lot',
    why: 'What you wrote sounds very painful. Your safety matters more than this conversation.',
  },
};

export function labelWords(label: HeatLabel): { title: string; why: string } {
  return (
    LABEL_WORDS[label] ?? {
      title: 'It may be hard to hear',
      why: 'Some of these words may land harder than you mean them to.',
    }
  );
}

/** The room's heat (0..1) in gentle words. */
export function heatWords(heat: number): { word: string; hint: string } {
  if (heat < 0.2) return { word: 'Calm', hint: 'The conversation feels steady.' };
  if (heat < 0.4) return { word: 'Warming up', hint: 'Feelings are coming up. That is part of this.' };
  if (heat < 0.6) return { word: 'Warm', hint: 'It may help to slow down and listen for what the other person needs.' };
  return { word: 'Heated', hint: 'A short break often helps everyone come back clearer.' };
}

export const MODE_WORDS: Record<string, { title: string; how: string }> = {
  open: { title: 'Open conversation', how: 'Anyone can write at any time. The facilitator helps keep it balanced.' },
  round: { title: 'Taking turns in order', how: 'The turn passes around the room. When you are done, pass it on.' },
  'hand-raise': {
    title: 'Raise your hand',
    how: 'Raise your hand to speak. The floor goes to whoever has spoken least.',
  },
  'speaker-listener': {
    title: 'Speaker and listener',
    how: 'One person speaks, the other says back what they heard, then you swap.',
  },
};

export const KIND_WORDS: Record<string, string> = {
  couple: 'A couple',
  family: 'A family',
  workplace: 'Coworkers',
};

/** A topic's state in plain words (an open topic needs none). */
export const TOPIC_STATUS_WORDS: Record<TopicStatus, string> = {
  open: '',
  closed: 'closed',
  clause: 'became part of the agreement',
};

/**
 * What the facilitator is doing in a log entry, shown beside its name ("Facilitator · reflecting"), so
 * its reflections, acknowledgements, summaries and agenda notes read apart from people's messages.
 * Keyed by string: a kind this list does not know yet shows no label rather than a wrong one.
 */
const FACILITATOR_KIND_WORDS: Record<string, string> = {
  welcome: 'welcome',
  reflection: 'reflecting',
  acknowledgement: 'acknowledging',
  acknowledgment: 'acknowledging',
  repair: 'acknowledging',
  summary: 'summary',
  recap: 'summary',
  agenda: 'agenda',
  nudge: 'making space',
  'clause-offer': 'agreement ideas',
  break: 'break',
  safety: 'safety',
  floor: 'turns',
  mode: 'turns',
};

export function facilitatorKindWords(kind: string): string {
  return Object.hasOwn(FACILITATOR_KIND_WORDS, kind) ? FACILITATOR_KIND_WORDS[kind] : '';
}

/** What each record mode keeps, in the words people read before they join and in the room. */
export const RECORD_MODE_WORDS: Record<RecordMode, { title: string; what: string }> = {
  confidential: {
    title: 'Confidential',
    what:
      'No transcript of the conversation is kept for export. Only the agreement you write together can be ' +
      'downloaded.',
  },
  record: {
    title: 'On the record',
    what:
      'The conversation as everyone saw it is kept in a tamper-evident log that anyone in the room can download, ' +
      'with a check that shows if a word was changed later. Paused messages, private preparation and private ' +
      'notes are never in it.',
  },
};
