import type { Review } from '../../../shared/analysis.js';
import type { Role, SendResult } from '../../../shared/protocol.js';

/** Who this device is in the room (from its stored credentials). */
export interface Me {
  participantId: string;
  role: Role;
  name: string;
}

/** A message the server held for its sender to review before it reaches the room. */
export interface Held {
  clientMsgId: string;
  text: string;
  review: Review;
}

/** Outcome of a send, share or resolve, with the id and words it was about. */
export type OnSendResult = (result: SendResult, clientMsgId: string, text: string) => void;

/** The room connection as people are told about it (ReconnectBanner). */
export type Connection =
  | { state: 'connecting' }
  | { state: 'online'; caughtUp?: number }
  | { state: 'offline' }
  | { state: 'refused'; message: string };
