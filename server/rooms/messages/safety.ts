import type { HeatLabel } from '../../../shared/analysis.js';

/**
 * What a person sees when their message is held for safety. No single country's numbers are the
 * only option: we point to local emergency services and to findahelpline.com, which lists free,
 * confidential lines by country.
 */
export function safetyNotice(labels: readonly HeatLabel[]): string {
  if (labels.includes('self_harm')) {
    return [
      'It sounds like you are carrying something very heavy right now, and we are glad you said it.',
      'This message has not been sent to the room. You deserve support from a person who can help right now:',
      'if you might act on these thoughts, please call your local emergency number, or reach a free, ' +
        'confidential crisis line',
      '(findahelpline.com lists them by country). If you can, tell someone you trust how you are feeling.',
    ].join(' ');
  }
  return [
    'This message has not been sent, because it reads as a threat and a shared room is not a safe place for that.',
    'If you or anyone else is in danger, please call your local emergency number.',
    'If things feel out of control, stepping away for a while is a good choice; a counsellor or a support line',
    '(findahelpline.com lists them by country) can help you with what you are feeling.',
  ].join(' ');
}

/** What the host or a mediator is told: that something was withheld, never what it said. */
export function safetyHeadsUp(senderName: string): string {
  return (
    `A message from ${senderName} was held back for safety and was not delivered. You may want to check in ` +
    'with them gently, or pause the session.'
  );
}

/** Signs in private preparation that a joint session may not be the right tool. */
const FEAR_PATTERNS = [
  /\b(i'?m|i am|i feel) (so )?(scared|afraid|frightened|terrified) (of|that) (him|her|them)\b/i,
  /\b(afraid|scared) (of )?what (he|she|they)('ll| will| might) do\b/i,
  /\b(he|she|they) (won'?t|doesn'?t|does not|will not) let me\b/i,
  /\b(he|she|they) (controls?|checks?|tracks?|monitors?) (my|all my) (money|phone|messages|location)\b/i,
  /\b(hits?|hit|pushed|shoved|choked|slapped) me\b/i,
];

export function showsFear(text: string): boolean {
  return FEAR_PATTERNS.some((re) => re.test(text));
}

export function fearResponse(): string {
  return [
    'Thank you for trusting me with this. What you describe matters, and your safety comes first.',
    'A joint conversation is not always the right tool when one person feels afraid of the other, and you ' +
      'never have to continue one.',
    'If you are in danger, please call your local emergency number. A domestic abuse service or helpline ' +
      '(findahelpline.com lists them by country)',
    'can talk things through with you in confidence. Nothing you say here is shared with anyone unless you ' +
      'choose to share it.',
  ].join(' ');
}
