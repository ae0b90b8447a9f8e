import type { ParticipantView } from '../../../shared/protocol.js';

const ROLE: Record<ParticipantView['role'], string> = {
  host: 'started the room',
  participant: '',
  observer: 'observing',
  mediator: 'mediator',
};

/** Where a person is, for the console: preparing, in the room or away, and whether they are paused or out. */
export function whereWords(p: ParticipantView): string {
  const where = !p.online ? 'away' : p.stage === 'prep' ? 'preparing privately' : 'in the room';
  const status = p.status === 'paused' ? 'messages paused' : p.status === 'removed' ? 'out of the conversation' : '';
  return [ROLE[p.role], where, status].filter(Boolean).join(' · ');
}
