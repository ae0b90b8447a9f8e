import { helpFor } from '../../shared/help.js';
import type {
  PrepMessage,
  RoomKind,
  ScreeningChoice,
  ScreeningOutcome,
  ScreeningSubmit,
  ScreeningTopic,
  ScreeningView,
} from '../../shared/protocol.js';
import { isParty } from '../../shared/rules/floor.js';
import { isSeparated } from '../../shared/rules/separated.js';
import { AppError } from '../errors.js';
import type { Identity } from './model.js';
import type { RoomDeps } from './ports.js';
import { screeningChoices, screeningRisk } from './policies/screening.js';
import type { RoomWork } from './work.js';

/**
 * The questions, in plain words, after the topics of published mediator screening (the DOVE
 * instrument and the Mediator's Assessment of Safety Issues and Concerns, MASIC): physical harm,
 * threats, fear, control, stalking, children's safety, and whether talking apart would feel safer.
 * Asked of everyone, about "anyone in this conversation", so no question points at one person.
 */
const QUESTIONS: Record<ScreeningTopic, string> = {
  harm: 'Has anyone in this conversation ever hurt you physically, for example pushed, hit or choked you?',
  threats: 'Has anyone in it ever threatened you, your children, your pets or someone close to you?',
  fear: 'Are you afraid of anyone in it, or of what could happen if you disagree with them?',
  control: 'Does anyone in it control your money, your phone, who you see or where you go?',
  stalking: 'Has anyone in it followed you, kept checking where you are, or turned up where you did not want them?',
  children: 'Are you worried about the safety of any children involved?',
  apart: 'Would you feel safer not talking with them directly?',
};

export function screeningQuestions(kind: RoomKind): ScreeningView['questions'] {
  // Coworkers are not asked about children.
  const topics = (Object.keys(QUESTIONS) as ScreeningTopic[]).filter((t) => kind !== 'workplace' || t !== 'children');
  return topics.map((topic) => ({ topic, text: QUESTIONS[topic] }));
}

/** The facilitator's private answer: plain, never blaming, the choices named, help at the end. */
export function screeningReply(
  risk: ScreeningOutcome['risk'],
  choices: ScreeningChoice[],
  host: boolean,
  kind?: RoomKind,
): string {
  if (risk === 'none') {
    return (
      'Thank you for answering. If anything changes, or something feels unsafe later, tell me here at any time: ' +
      'there are other ways to do this, including talking apart.'
    );
  }
  const opening =
    risk === 'signs'
      ? 'Thank you for telling me. From what you answered, talking with them directly, even here in writing, may ' +
        'not be safe for you, and you never have to. Your answers stay here, between you and me: nobody else sees them.'
      : 'Thank you. You do not have to say more. If talking with them directly, even in writing, does not feel ' +
        'safe, you never have to, and nobody else sees your answers.';
  const lines = [opening, 'You can choose:'];
  if (choices.includes('leave')) {
    lines.push(
      host
        ? '- Not going ahead. You can simply stop here. As the person who started this room, you can also delete it ' +
            'and everything in it with the “Delete this room…” button.'
        : '- Not going ahead. You can leave now; what you wrote in your preparation is never shared, and the ' +
            'button below also removes this room from this device.',
    );
  }
  if (choices.includes('separated')) {
    lines.push(
      '- A separated room. You talk only with me (and a mediator, if there is one), and nothing reaches the other ' +
        'person unless you approve the exact words first. The others see only that a separated room was requested: ' +
        'I never tell them who asked or why.',
    );
  }
  if (choices.includes('support')) {
    lines.push(
      host
        ? '- A support person. Someone you trust can read along: under “Invite”, make a new link for an observer and ' +
            'send it to them.'
        : '- A support person. Someone you trust can read along as an observer. A mediator can send them an ' +
            'observer invite; asking the person who started this room would tell them, so only do that if it feels safe.',
    );
  }
  lines.push(
    kind === 'workplace'
      ? 'If you are in danger now, please call your local emergency number. A support service can talk it ' +
          'through with you in confidence, and your workplace may have someone for harassment concerns; the link ' +
          'below finds a helpline near you.'
      : 'If you are in danger now, please call your local emergency number. A domestic abuse service can talk it ' +
          'through with you in confidence; the link below finds one near you.',
  );
  return lines.join('\n');
}

/**
 * A person's screening, kept in their preparation only (store.appendPrep under that person): the
 * answers and the facilitator's answer go back to them alone. Nothing here is logged, broadcast to
 * the room, exported or given to a model.
 */
export class ScreeningService {
  constructor(
    private readonly deps: RoomDeps,
    private readonly rooms: Pick<RoomWork, 'room'>,
  ) {}

  private async mustScreen(who: Identity) {
    const room = await this.rooms.room(who.roomId);
    if (!isParty(who.role)) throw new AppError('forbidden', 'The safety questions are for the people taking part.');
    return room;
  }

  async get(who: Identity): Promise<ScreeningView> {
    const room = await this.mustScreen(who);
    const stored = await this.deps.store.listPrep(who.roomId, who.participantId);
    return viewOf(room.kind, stored);
  }

  async submit(who: Identity, answers: ScreeningSubmit['answers']): Promise<ScreeningView> {
    const room = await this.mustScreen(who);
    const asked = new Set(screeningQuestions(room.kind).map((q) => q.topic));
    const kept = answers.filter((a) => asked.has(a.topic));
    // nothing answered is a skip, not an all-clear: the questions stay open for later
    if (kept.length === 0) return this.skip(who);
    const risk = screeningRisk(kept);
    const choices = screeningChoices(risk, isSeparated(room));
    const outcome: ScreeningOutcome = {
      risk,
      text: screeningReply(risk, choices, who.role === 'host', room.kind),
      choices,
      help: risk === 'none' ? [] : helpFor(this.deps.config.safetyHelp),
    };
    const at = this.deps.now();
    const mine: PrepMessage = {
      role: 'you',
      text: 'I answered the safety questions.',
      at,
      screening: { status: 'answered', answers: kept },
    };
    const reply: PrepMessage = {
      role: 'facilitator',
      text: outcome.text,
      at,
      screening: { status: 'answered', outcome },
    };
    await this.deps.store.appendPrep(who.roomId, who.participantId, mine);
    await this.deps.store.appendPrep(who.roomId, who.participantId, reply);
    this.deps.broadcast.prep(who.roomId, who.participantId, reply);
    return { questions: screeningQuestions(room.kind), status: 'answered', outcome };
  }

  async skip(who: Identity): Promise<ScreeningView> {
    const room = await this.mustScreen(who);
    const at = this.deps.now();
    const note: PrepMessage = {
      role: 'you',
      text: 'I skipped the safety questions.',
      at,
      screening: { status: 'skipped' },
    };
    await this.deps.store.appendPrep(who.roomId, who.participantId, note);
    return viewOf(room.kind, [note]);
  }
}

/** The latest screening entry decides: answered (with its outcome), skipped, or still open. */
function viewOf(kind: RoomKind, stored: PrepMessage[]): ScreeningView {
  const questions = screeningQuestions(kind);
  const last = [...stored].reverse().find((m) => m.screening);
  if (!last?.screening) return { questions, status: 'open' };
  if (last.screening.status === 'skipped') return { questions, status: 'skipped' };
  const outcome = last.screening.outcome;
  return { questions, status: 'answered', ...(outcome ? { outcome } : {}) };
}

/** The preparation without the screening: what the coach (and any model) may read. */
export function withoutScreening(history: PrepMessage[]): PrepMessage[] {
  return history.filter((m) => !m.screening);
}
