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
  /\b(he|she|they) (said|says|told me|threatened|threatens)\b.*\b(kill|hurt|harm)\b/i,
];

export function showsFear(text: string): boolean {
  return FEAR_PATTERNS.some((re) => re.test(text));
}

export function fearResponse(): string {
  return [
    'I’m glad you told me. What you describe matters, and your safety comes first.',
    'A joint conversation is not always the right tool when one person feels afraid of the other, and you ' +
      'never have to continue one.',
    'If you are in danger, please call your local emergency number. A domestic abuse service or helpline ' +
      '(findahelpline.com lists them by country)',
    'can talk things through with you in confidence. Nothing you say here is shared with anyone unless you ' +
      'choose to share it.',
  ].join(' ');
}

/**
 * Private preparation, when the analyzer hears self-harm: what the person needs first is to hear that
 * they matter and where to reach a person now. Never a thank-you, never a step towards the room.
 */
export function prepSelfHarmReply(): string {
  return [
    'I’m really glad you told me, and I’m sorry you are hurting this much.',
    'You matter, and it’s OK to talk about this here; you don’t have to hold it on your own.',
    'If you might act on these thoughts, or you are not sure you can stay safe, please call your local ' +
      'emergency number now.',
    'You can also talk to someone at a free, confidential crisis line, any time of day: findahelpline.com ' +
      'lists them by country.',
    'If you can, let someone you trust know how you are feeling. I’m here if you want to tell me more.',
  ].join(' ');
}

/**
 * Private preparation, when the analyzer hears a threat to hurt someone: the anger is understandable, the
 * harm is not OK. Plain words, no telling-off, a pause and a support line, and no push towards the room.
 */
export function prepThreatReply(): string {
  return [
    'It sounds like you are very angry right now, and feeling that strongly is understandable.',
    'But hurting someone is not OK, and it would not be safe for anyone, you included.',
    'Could you take a pause now: step away for a while, breathe, and let the worst of it pass?',
    'If you feel you might act on it, please call your local emergency number. A support line can help ' +
      'with anger this strong, in confidence: findahelpline.com lists them by country.',
    'While things feel like this, a joint session may not be the right step now, and that is OK. You can ' +
      'come back here and talk it through with me whenever you want.',
  ].join(' ');
}
