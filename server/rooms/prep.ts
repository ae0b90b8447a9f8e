import { type HeatLabel, isSafetyLabel } from '../../shared/analysis.js';
import type { PrepMessage } from '../../shared/protocol.js';
import { helpFor } from '../../shared/help.js';
import { AppError } from '../errors.js';
import type { Identity } from './model.js';
import type { RoomDeps } from './ports.js';
import { checkRoomText } from './messages/pipeline.js';
import type { RoomWork } from './work.js';
import { prepGreeting } from '../facilitator/prepCoach.js';
import { analyze, tellsOfHarm } from '../analysis/index.js';
import { newId } from './ids.js';
import { fearResponse, prepSelfHarmReply, prepThreatReply, showsFear } from './messages/safety.js';
import { ScreeningService, withoutScreening } from './screening.js';

/**
 * Private preparation: one person and the facilitator. What is said here is stored under that
 * person alone and only ever sent back to them; the room sees nothing unless they share a point
 * (MessagePipeline.send with fromPrep).
 */
export class PrepService {
  /** The optional safety questions at the start of preparation (rooms/screening.ts). */
  readonly screening: ScreeningService;

  constructor(
    private readonly deps: RoomDeps,
    private readonly rooms: Pick<RoomWork, 'room'>,
  ) {
    this.screening = new ScreeningService(deps, rooms);
  }

  private async mustPrepare(who: Identity): Promise<string> {
    const room = await this.rooms.room(who.roomId);
    if (who.role === 'observer') throw new AppError('forbidden', 'Private preparation is for the people taking part.');
    return room.participants.find((p) => p.participantId === who.participantId)?.name ?? '';
  }

  async history(who: Identity): Promise<PrepMessage[]> {
    const name = await this.mustPrepare(who);
    const stored = await this.deps.store.listPrep(who.roomId, who.participantId);
    return [{ role: 'facilitator', text: prepGreeting(name), at: stored[0]?.at ?? this.deps.now() }, ...stored];
  }

  /** Deletes this person's own preparation (screening answers included); nobody else's is touched. */
  async deleteOwn(who: Identity): Promise<{ deleted: number }> {
    await this.mustPrepare(who);
    return { deleted: await this.deps.store.deletePrep(who.roomId, who.participantId) };
  }

  async send(who: Identity, rawText: unknown): Promise<PrepMessage> {
    const name = await this.mustPrepare(who);
    const text = checkRoomText(rawText);
    await this.deps.store.appendPrep(who.roomId, who.participantId, { role: 'you', text, at: this.deps.now() });
    const safety = safetyReply(text);
    const reply: PrepMessage = safety
      ? { role: 'facilitator', text: safety, at: this.deps.now(), help: helpFor(this.deps.config.safetyHelp) }
      : { role: 'facilitator', text: await this.coachReply(who, name), at: this.deps.now() };
    await this.deps.store.appendPrep(who.roomId, who.participantId, reply);
    this.deps.broadcast.prep(who.roomId, who.participantId, reply);
    return reply;
  }

  private async coachReply(who: Identity, name: string): Promise<string> {
    const history = await this.deps.store.listPrep(who.roomId, who.participantId);
    // Screening answers never reach the coach or a model.
    return this.deps.engine.prepReply(withoutSafety(withoutScreening(history)), name, this.partials(who));
  }

  /**
   * A streamed reply goes to this person as it is written, each piece checked by the analyzer first;
   * once a piece would be held, nothing more is shown until the final, checked reply replaces it.
   */
  private partials(who: Identity): (text: string) => void {
    const id = newId('prep');
    const threshold = this.deps.config.heatThreshold;
    let sentAt = 0;
    let sent = '';
    let stopped = false;
    return (text) => {
      const now = Date.now();
      if (stopped || text === sent || text.length === 0 || now - sentAt < PARTIAL_EVERY_MS) return;
      // the facilitator's words: judged by the rules, as all the product's own words are
      if (analyze(text, { threshold, suggestions: false, context: { private: true }, safetyModel: false }).held) {
        stopped = true;
        return;
      }
      sentAt = now;
      sent = text;
      this.deps.broadcast.prepPartial(who.roomId, who.participantId, { id, text });
    };
  }
}

/**
 * The safety-first reply to a preparation message, or null. Here a threat is as likely to be something done *to*
 * this person as by them: what reads as fear or a threat reported is answered with safety first; a threat this
 * person makes is answered plainly, never with a telling-off and never with a thank-you; self-harm before anything.
 */
function safetyReply(text: string): string | null {
  const { labels, disclosure } = safetyOf(text);
  if (labels.includes('self_harm')) return prepSelfHarmReply();
  // harm or fear told (the rules' disclosure patterns, or the fear words): safety first, never a coaching question
  if (showsFear(text) || disclosure) return fearResponse();
  if (labels.includes('threat')) return prepThreatReply();
  if (labels.length > 0) return fearResponse();
  return null;
}

/** Partial replies go out at most this often: smooth enough to read along, few enough to analyse each. */
const PARTIAL_EVERY_MS = 80;

/**
 * The safety labels, and harm told by the rules' disclosure patterns (tellsOfHarm): in preparation the model's own
 * disclosure reading is not used, as it also hears ordinary hurt ("I feel judged every time I spend anything on
 * myself"), which the coaching is for.
 */
function safetyOf(text: string): { labels: HeatLabel[]; disclosure: boolean } {
  const labels = analyze(text, { suggestions: false }).labels.filter(isSafetyLabel);
  return { labels, disclosure: tellsOfHarm(text) };
}

/**
 * The coaching goes on without what was answered with safety first (a threat, self-harm, fear): such a
 * message is not an answer to the questions, so it is never summarised back or offered as a point to
 * share, and the reply it got is left out with it.
 */
function withoutSafety(history: PrepMessage[]): PrepMessage[] {
  const out: PrepMessage[] = [];
  let skipReply = false;
  for (const m of history) {
    if (m.role === 'you') {
      const safety = safetyOf(m.text);
      skipReply = safety.labels.length > 0 || safety.disclosure || showsFear(m.text);
      if (!skipReply) out.push(m);
    } else if (skipReply) skipReply = false;
    // a safety reply on its own (after a self-harm message set aside in the room) is no coaching either
    else if (!m.help) out.push(m);
  }
  return out;
}
