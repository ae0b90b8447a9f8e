import type { BreakView, Role } from '../protocol.js';
import { isModerator } from './floor.js';

/**
 * Who a running break belongs to: `requestedBy` is the person who asked for it, or 'facilitator'.
 * `safetyCausedBy` marks a safety pause (the break that follows a message held for safety) and names
 * the sender: the server keeps it to itself, and a client knows it only of its own message.
 */
export interface BreakOwnership {
  requestedBy: string;
  safetyCausedBy?: string;
}

export interface BreakEnder {
  participantId: string;
  role: Role;
}

/**
 * Whether `who` may end a break early. A mediator always may. A break a person asked for is theirs:
 * only they end it early. A break the facilitator called for heat: the host. A safety pause: the host,
 * unless the host's own message caused it. Everyone else waits for the time to run out.
 */
export function mayEndBreak(brk: BreakOwnership, who: BreakEnder): boolean {
  if (who.role === 'mediator') return true;
  if (brk.requestedBy !== 'facilitator') return who.participantId === brk.requestedBy;
  return isModerator(who.role) && brk.safetyCausedBy !== who.participantId;
}

/**
 * On a client: whether a pause the facilitator called is the safety pause after my own held message. The
 * server never says whose message caused one, so a device remembers when it saw one of its own messages held
 * for safety (`safetyHeldAt`, its own clock; clocks differ a little, hence a minute either way).
 */
export function pauseFollowsMyHold(brk: BreakView, safetyHeldAt: number | null): boolean {
  return brk.requestedBy === 'facilitator' && safetyHeldAt !== null && Math.abs(brk.startedAt - safetyHeldAt) < 60_000;
}
