import type { PrepMessage } from '../../shared/protocol.js';

/**
 * The local engine's private preparation: four warm questions in the order of nonviolent
 * communication (what happened, how it felt, what you need, what you would ask for), then a
 * summary in the person's own words. Everything here goes back to that person alone.
 */

const FEELINGS = [
  'hurt',
  'angry',
  'sad',
  'lonely',
  'scared',
  'afraid',
  'anxious',
  'worried',
  'frustrated',
  'tired',
  'exhausted',
  'ignored',
  'invisible',
  'overwhelmed',
  'disappointed',
  'ashamed',
  'embarrassed',
  'confused',
  'resentful',
  'stressed',
  'unappreciated',
  'betrayed',
  'helpless',
  'guilty',
  'jealous',
  'rejected',
  'upset',
  'annoyed',
];

export function prepGreeting(name: string): string {
  return (
    `Hi ${name}. This is your private space to get ready: nothing you write here is shown to anyone else ` +
    'unless you choose to share a specific point. Let’s start simply: what happened, in your own words?'
  );
}

function feelingIn(text: string): string | null {
  const lower = text.toLowerCase();
  return FEELINGS.find((f) => new RegExp(`\\b${f}\\b`).test(lower)) ?? null;
}

const QUESTIONS = [
  (last: string) => {
    const feeling = feelingIn(last);
    const reflect = feeling
      ? `It sounds like you have been feeling ${feeling}, and that makes sense.`
      : 'Thank you for putting that into words; it is not always easy.';
    return `${reflect} How did it leave you feeling, when it happened and now?`;
  },
  (last: string) => {
    const feeling = feelingIn(last);
    const reflect = feeling
      ? `Feeling ${feeling} tells us something matters to you here.`
      : 'Those feelings tell us something matters to you here.';
    return (
      `${reflect} What do you need most, underneath all of this? For example respect, rest, closeness, ` +
      'fairness, or being heard.'
    );
  },
  () =>
    'That is an important need. If you could ask the other person for one specific, doable thing, what would ' +
    'it be? Something they could say yes to this week works best.',
];

function quote(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return `“${trimmed.length > 200 ? `${trimmed.slice(0, 197)}…` : trimmed}”`;
}

function summary(answers: string[]): string {
  const [happened, felt, need, ask] = answers;
  return [
    'Here is what I heard from you.',
    `What happened: ${quote(happened)}.`,
    `How it felt: ${quote(felt)}.`,
    `What you need: ${quote(need)}.`,
    `What you would ask for: ${quote(ask)}.`,
    'If you like, choose one point to share into the room, in words you are comfortable with. Only what you ' +
      'choose is seen; everything else stays here, private.',
  ].join('\n');
}

/** The reply to the latest message in `history` (which ends with the person's own message). */
export function prepCoachReply(history: PrepMessage[]): string {
  const answers = history.filter((m) => m.role === 'you').map((m) => m.text);
  const last = answers[answers.length - 1] ?? '';
  const step = answers.length - 1;
  if (step < QUESTIONS.length) return QUESTIONS[step](last);
  if (step === QUESTIONS.length) return summary(answers.slice(-4));
  return (
    'Thank you. Is there anything else you would like to think through? Whenever you are ready, you can share ' +
    'one point with the room, or simply go in and listen first.'
  );
}
