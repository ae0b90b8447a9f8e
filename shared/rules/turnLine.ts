import { isParty, parties, type Member, type TurnRoom } from './floor.js';

/**
 * The one line a person reads about turns: whose turn it is, what they can do now, and the order (round)
 * or the raised hands (hand-raise). One answer, so the screen never says "the floor is with you" and
 * "someone else has the floor" at once. Null in an open room: there are no turns to tell.
 */
export interface TurnLine {
  /** Whose turn it is, and what this person can do now. */
  now: string;
  /** The order of the round, or who has a hand raised; absent when there is none to show. */
  order?: string;
  /** True when it is this person's move (their turn to speak, listen back or confirm). */
  yours: boolean;
}

export interface TurnLineRoom extends TurnRoom {
  floor: TurnRoom['floor'] & { queue?: readonly string[] };
  participants: readonly (Member & { stage?: 'prep' | 'joint' })[];
}

export function turnLine(room: TurnLineRoom, me: string): TurnLine | null {
  if (room.mode === 'open') return null;
  const self = room.participants.find((p) => p.participantId === me);
  const name = (id: string | null | undefined) => room.participants.find((p) => p.participantId === id)?.name;
  const party = self !== undefined && isParty(self.role) && self.status !== 'removed';
  if (party && self.stage === 'prep') {
    return { now: 'You are still preparing. Turns start for you when you enter the conversation.', yours: false };
  }
  switch (room.mode) {
    case 'round':
      return roundLine(room, me, party, name);
    case 'hand-raise':
      return handLine(room, me, party, name);
    case 'speaker-listener':
      return pairLine(room, me, name);
  }
  return null;
}

type NameOf = (id: string | null | undefined) => string | undefined;

function roundLine(room: TurnLineRoom, me: string, party: boolean, name: NameOf): TurnLine {
  const order = parties(room).map((p) => p.participantId);
  const shown = order.map((id) => (id === me ? 'you' : (name(id) ?? 'someone'))).join(' → ');
  const orderText = order.length > 1 ? `Order: ${shown}.` : undefined;
  const holder = room.floor.holder;
  if (holder === me)
    return { now: 'It is your turn. Write when you are ready, then pass it on.', order: orderText, yours: true };
  const whose = holder ? `It is ${name(holder) ?? 'someone'}’s turn.` : 'No one has the turn yet.';
  if (!party) return { now: whose, order: orderText, yours: false };
  const at = order.indexOf(holder ?? '');
  const next = order[(at + 1) % order.length];
  const soon = holder && next === me ? ' You are next.' : ' Your turn comes in order.';
  return { now: whose + soon, order: orderText, yours: false };
}

function handLine(room: TurnLineRoom, me: string, party: boolean, name: NameOf): TurnLine {
  const queue = room.floor.queue ?? [];
  const hands = queue.map((id) => (id === me ? 'you' : (name(id) ?? 'someone')));
  const order = hands.length > 0 ? `Hands raised: ${hands.join(', ')}.` : undefined;
  const holder = room.floor.holder;
  if (holder === me)
    return { now: 'You have the floor. Write, then pass it on when you are done.', order, yours: true };
  const whose = holder ? `${name(holder) ?? 'Someone'} has the floor.` : 'No one has the floor.';
  if (!party) return { now: whose, order, yours: false };
  if (queue.includes(me)) {
    return { now: `${whose} Your hand is raised, and the floor will come to you.`, order, yours: false };
  }
  return { now: `${whose} Raise your hand to speak${holder ? ' next' : ''}.`, order, yours: false };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function pairLine(room: TurnLineRoom, me: string, name: NameOf): TurnLine {
  const f = room.floor;
  const speaker = f.holder === me ? 'you' : (name(f.holder) ?? 'no one yet');
  const listener = f.listener === me ? 'you' : name(f.listener);
  if (f.holder === me && !listener) {
    return { now: 'You can speak. A listener joins when someone else enters the conversation.', yours: true };
  }
  if (f.holder === me && f.stage === 'speaking') {
    return { now: `Your turn to speak; ${listener} listens. When you have said your piece, hand over.`, yours: true };
  }
  if (f.holder === me && f.stage === 'confirming') {
    return { now: `${listener} said back what they heard: your turn to say whether it is right.`, yours: true };
  }
  if (f.holder === me) return { now: `${listener} is saying back what they heard. Please wait.`, yours: false };
  if (f.listener === me && f.stage === 'paraphrasing') {
    return { now: `Your turn to say back what you heard ${speaker} say, in your own words.`, yours: true };
  }
  if (f.listener === me) return { now: `${cap(speaker)} is speaking; you are listening.`, yours: false };
  if (!listener) return { now: `${cap(speaker)} is speaking.`, yours: false };
  return { now: `${cap(speaker)} is speaking and ${listener} is listening.`, yours: false };
}
