import type { HeatLabel } from '../../../shared/analysis.js';

/**
 * What a person sees when their message is held for safety. The lines "below" are the review's help links
 * (the deployment's list, always with findahelpline.com, so never only one country's numbers).
 */
export function safetyNotice(labels: readonly HeatLabel[]): string {
  if (labels.includes('self_harm')) {
    return [
      'It sounds like you are carrying something very heavy right now. Thank you for writing it.',
      'It stays here with you, not in the room, so that support can come first. You deserve a person who can help',
      'right now: if you might act on these thoughts, please call your local emergency number (such as 112, 911 or',
      '999), or reach one of the free, confidential lines below. If you can, tell someone you trust how you are',
      'feeling. The facilitator here is an automatic helper, not a person, and no one watches this room.',
    ].join(' ');
  }
  return [
    'This message has not been sent, because it reads as a threat and a shared room is not a safe place for that.',
    'The others in the conversation are told that a message from you was held back, never what it said. If another',
    'of your messages is held back for safety, your messages to the room will be paused.',
    'If you or anyone else is in danger, please call your local emergency number (such as 112, 911 or 999).',
    'If things feel out of control, stepping away for a while is a good choice; a counsellor or one of the',
    'support lines below can help you with what you are feeling.',
  ].join(' ');
}

/*
 * Private notices of the room's safety flows (docs/SAFETY.md). Each is read by someone at a hard moment:
 * plain words, no blame, never what the held message said. Help links travel beside them as data.
 */

const EMERGENCY = 'If you are in danger right now, please call your local emergency number (such as 112, 911 or 999).';

/**
 * To each person who may have been threatened (in a couple, the other person; in a group, every other
 * party). The sender is named: the person at risk needs to know whom to keep themselves safe from.
 */
export function threatNotice(senderName: string, moderator: boolean, separated = false): string {
  return [
    `A message from ${senderName} was not delivered, because it may have contained a threat.`,
    'You don’t need to answer it or do anything about it. The room is paused for now.',
    separated
      ? 'Your safety comes first: nothing from them reaches you unless it was checked first. You can leave now, ' +
        'pause the room quietly for longer, or carry on when you feel ready.'
      : 'Your safety comes first: you can leave now, pause the room quietly for longer, ask to go on in a ' +
        'separated room, or carry on when you feel ready.',
    EMERGENCY,
    moderator
      ? `As the host, you can also pause ${senderName}’s messages or take ${senderName} out of the joint ` +
        'conversation, from the People list.'
      : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** To the mediators (and a host who was not the one threatened): what happened and what they can do. */
export function threatModeratorNote(senderName: string): string {
  return (
    `A message from ${senderName} was not delivered, because it may have contained a threat. No one else saw it. ` +
    'The other people in the conversation were told privately that a message was withheld, with where to get ' +
    `help. The room is paused. From the People list you can pause ${senderName}’s messages or remove ` +
    `${senderName} from the joint session.`
  );
}

/** To the mediators only: someone may be at risk of harming themselves. The room itself is told nothing. */
export function selfHarmModeratorNote(senderName: string): string {
  return (
    `A message from ${senderName} was held back, because it may show that ${senderName} is going through ` +
    `something very hard. It was not delivered. ${senderName} was offered help and a private space with the ` +
    'facilitator, and the room is paused without naming anyone. If you can, check on them privately.'
  );
}

/** To the person who told of harm or fear: only they see it. */
export function disclosureCheckIn(): string {
  return [
    'Thank you for telling me. Your safety comes first.',
    'You don’t have to say more, and no one will be asked to answer what you shared.',
    EMERGENCY,
    'You can choose below: a quiet pause (no one is told who asked), leaving now, a separated room where you talk',
    'only with the facilitator or a mediator, or carrying on.',
  ].join(' ');
}

/** To a sender whose second message was held as a threat: their room messages are paused. */
export function pausedAfterHolds(): string {
  return [
    'Your messages to the room are paused for now, because another of your messages may have been a threat.',
    'You can still read the room, and your private space with the facilitator is open whenever you want to',
    'talk things through. If things feel like too much right now, a support line can listen in confidence.',
  ].join(' ');
}

/** To a sender whose third message was held as a threat: they leave the joint session, not the help. */
export function removedAfterHolds(): string {
  return [
    'You are no longer part of the joint conversation, because several of your messages may have been threats.',
    'Your private space with the facilitator stays open, and a counsellor or a support line can talk with you',
    'in confidence about what you are feeling.',
    'If you feel you might hurt someone, or you are in danger yourself, please call your local emergency number.',
  ].join(' ');
}

/** Who made a change, as the person it concerns reads it. */
const by = (role: 'host' | 'mediator') => (role === 'host' ? 'The host' : 'A mediator');

export function pausedByModerator(role: 'host' | 'mediator'): string {
  return (
    `${by(role)} has paused your messages to the room for now. You can still read the room, and your private ` +
    'space with the facilitator is open. A mediator, if there is one, can tell you more about why and for how long.'
  );
}

export function resumedNote(): string {
  return 'You can write to the room again.';
}

export function readmittedNote(role: 'host' | 'mediator'): string {
  return `${by(role)} has welcomed you back into the joint conversation. You can read along and write to the room again.`;
}

export function removedByModerator(role: 'host' | 'mediator'): string {
  return (
    `${by(role)} has ended your part in the joint conversation. Your private space with the facilitator stays ` +
    'open, and a support line can talk with you in confidence if you would like that.'
  );
}

/** To the others told of a threat, and the moderators: what changed for the sender, nothing more. */
export function othersPaused(senderName: string): string {
  return `${senderName}’s messages to the room are paused for now.`;
}

export function othersReadmitted(name: string): string {
  return `${name} is back in the joint conversation and can write to the room again.`;
}

export function othersRemoved(senderName: string): string {
  return `${senderName} is no longer part of the joint conversation.`;
}

/** To the mediators: a delivered message may ask to control someone; it is not drafted into a clause. */
export function coercionNote(senderName: string): string {
  return (
    `${senderName}’s last message may ask to limit someone’s friends, family, money, phone or movements. ` +
    'That can be a sign of control, so the facilitator will not turn it into a draft agreement. It may be worth ' +
    'speaking with each person separately.'
  );
}

/** To the mediators: a person asked, privately, to go on in a separated room. */
export function separateRequest(name: string): string {
  return (
    `${name} would like to go on in a separated room, where each person talks only with the facilitator or a ` +
    'mediator. Please don’t mention the request in the shared room.'
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

/**
 * Fear or harm told on one's own side of a separated room (`others`: who is on the other sides): the room is
 * already apart, and mediators read the side, so neither "you never have to continue" nor "shared with no one".
 */
export function sideFearResponse(others: string): string {
  return [
    'I’m glad you told me. What you describe matters, and your safety comes first.',
    `You are in a separated room: nothing you write here reaches ${others} unless you approve the exact words, ` +
      'and you can pause or leave at any time. A mediator, if there is one, can read your side.',
    'If you are in danger, please call your local emergency number (such as 112, 911 or 999). A support service ' +
      'or helpline (the links below) can talk things through with you in confidence.',
  ].join(' ');
}

export function fearResponse(): string {
  return [
    'I’m glad you told me. What you describe matters, and your safety comes first.',
    'A joint conversation is not always the right tool when one person feels afraid of the other, and you ' +
      'never have to continue one.',
    'If you are in danger, please call your local emergency number (such as 112, 911 or 999). A domestic abuse ' +
      'service or helpline (the links below)',
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
    'You can also talk to someone at a free, confidential crisis line, many of them open day and night: ' +
      'findahelpline.com lists them by country.',
    'If you can, let someone you trust know how you are feeling. You can keep writing here, but I am an automatic ' +
      'helper, not a person: for a person, use the links below.',
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
