import type { FacilitatorEvent, FacilitatorKind, LogEntry, TurnMode } from '../../shared/protocol.js';
import type { RoomContext, SummaryRequest } from '../facilitator/types.js';
import { newId } from './ids.js';
import { isCoerciveDemand } from '../analysis/coercion.js';
import { readingOf, toldHarm } from '../facilitator/readBack.js';
import type { RoomDeps } from './ports.js';
import type { FacilitatorAction } from './policies/facilitation.js';
import { heardIn } from './policies/reflection.js';
import type { AgendaTopic, RoomRecord } from './model.js';
import { openTopics } from '../../shared/rules/agenda.js';
import type { TopicLine } from '../facilitator/types.js';
import { namesOf } from './view.js';
import { parties } from '../../shared/rules/floor.js';
import { isPublicEntry } from '../../shared/rules/separated.js';

/** Entries everyone saw: private notices and separated rooms' sides never feed room wording. */
const isPublic = (e: LogEntry): boolean => isPublicEntry(e);

/** How much of the log the facilitator reads back for a recap or a clause offer. */
const LOOKBACK = 60;
/** How much of the log the summary at the end reads back. */
const SESSION = 300;

/**
 * The facilitator's voice in the room: words come from the engine, and every entry is stored in
 * the room's log (so late joiners and reconnecting clients catch up on it) before it is broadcast.
 */
export class FacilitatorVoice {
  constructor(private readonly deps: RoomDeps) {}

  context(room: RoomRecord): RoomContext {
    return {
      kind: room.kind,
      title: room.title,
      names: namesOf(room),
      parties: parties(room).map((p) => p.participantId),
      unnamed: [...(room.disclosedBy ?? []), ...(room.safetyHeldBy ?? [])],
    };
  }

  async say(
    room: RoomRecord,
    kind: FacilitatorKind,
    text: string,
    extra: Pick<FacilitatorEvent, 'drafts' | 'visibleTo' | 'help' | 'choices'> = {},
  ): Promise<void> {
    const entry: Omit<FacilitatorEvent, 'seq'> = {
      type: 'facilitator',
      id: newId('f'),
      kind,
      text,
      at: this.deps.now(),
      ...extra,
    };
    const { entry: stored } = await this.deps.store.appendLog(room.roomId, entry);
    this.deps.broadcast.entry(room.roomId, stored);
  }

  async welcome(room: RoomRecord): Promise<void> {
    await this.say(room, 'welcome', await this.deps.engine.welcome(this.context(room), room.mode));
  }

  async modeChanged(room: RoomRecord, mode: TurnMode): Promise<void> {
    await this.say(room, 'mode', await this.deps.engine.modeChanged(this.context(room), mode));
  }

  async breakStarted(room: RoomRecord, minutes: number, calledBy: string): Promise<void> {
    await this.say(room, 'break', await this.deps.engine.breakStarted(this.context(room), minutes, calledBy));
  }

  /** After a break: a summary of what was said since the last one. */
  async recap(room: RoomRecord): Promise<void> {
    const entries = await this.deps.store.tailLog(room.roomId, LOOKBACK);
    const recent = entries.filter((e) => isPublic(e) && e.seq > room.recapFromSeq);
    await this.summary(room, recent, { occasion: 'break' });
  }

  /** A summary with the clauses agreed so far, so what they cover is not called open. */
  private async summary(room: RoomRecord, entries: LogEntry[], request: SummaryRequest): Promise<void> {
    const snapshot = await this.deps.agreement.snapshot(room.roomId).catch(() => null);
    const agreed = (snapshot?.clauses ?? []).filter((c) => snapshot?.final || c.status === 'agreed').map((c) => c.text);
    // what someone told of harm or fear is never read back to the room as a point to pick up (docs/SAFETY.md)
    const told = new Set(room.disclosedBy ?? []);
    const shown = entries.filter((e) => e.type !== 'message' || !told.has(e.from) || !toldHarm(e));
    const text = await this.deps.engine.summary(this.context(room), shown, { ...request, agreed });
    await this.say(room, 'recap', text);
  }

  /** Reads out the open topics and names the current one. */
  async agendaOpened(room: RoomRecord): Promise<void> {
    const agenda = room.agenda;
    const current = agenda && (agenda.topics.find((t) => t.id === agenda.current) ?? openTopics(agenda)[0]);
    if (!agenda || !current) return;
    const text = await this.deps.engine.agendaOpened(
      this.context(room),
      openTopics(agenda).map(topicLine),
      topicLine(current),
    );
    await this.say(room, 'agenda', text);
  }

  /** Names the topic the room moves on to, after `settled` was closed or became a clause. */
  async topicChanged(room: RoomRecord, settled: string | null, how: 'closed' | 'clause', next: string | null) {
    const find = (id: string | null) => room.agenda?.topics.find((t) => t.id === id) ?? null;
    const done = find(settled);
    const to = find(next);
    // Before moving on, what was said on the topic just settled: what matters to each, and what is open.
    if (done) {
      const entries = (await this.deps.store.tailLog(room.roomId, LOOKBACK)).filter(isPublic);
      await this.summary(room, entries, { occasion: 'topic', topic: done.title, next: to?.title });
    }
    const text = await this.deps.engine.topicChanged(
      this.context(room),
      done ? { ...topicLine(done), how } : null,
      to ? topicLine(to) : null,
    );
    await this.say(room, 'agenda', text);
  }

  async act(room: RoomRecord, action: FacilitatorAction): Promise<void> {
    // Carried out by the agenda (effects.ts), never said.
    if (action.kind === 'agenda-words') return;
    if (action.kind === 'nudge') {
      await this.say(room, 'nudge', await this.deps.engine.nudge(this.context(room), action.dominant, action.quiet));
      return;
    }
    if (action.kind === 'reflect' || action.kind === 'acknowledge') {
      const context = this.context(room);
      // What the listening policy heard in the text when it decided (not read again), if it is at hand.
      const heard = heardIn(action);
      const text =
        action.kind === 'reflect'
          ? await this.deps.engine.reflect(context, action.speaker, action.text, heard)
          : await this.deps.engine.acknowledge(context, action.speaker, action.text, heard);
      if (text) await this.say(room, action.kind === 'reflect' ? 'reflection' : 'acknowledgement', text);
      return;
    }
    if (action.kind === 'invite') {
      await this.say(room, 'nudge', await this.deps.engine.invite(this.context(room), action.quiet, action.mode));
      return;
    }
    if (action.kind === 'paraphrase-first') {
      const text = await this.deps.engine.paraphraseFirst(this.context(room), action.listener, action.speaker);
      await this.say(room, 'floor', text);
      return;
    }
    if (action.kind === 'summary') {
      // The end looks back over the whole session; a topic change over the recent stretch.
      const size = action.occasion === 'end' ? SESSION : LOOKBACK;
      const entries = (await this.deps.store.tailLog(room.roomId, size)).filter(isPublic);
      await this.summary(room, entries, { occasion: action.occasion, topic: action.topic, next: action.next });
      return;
    }
    // A demand to control someone is never material for a draft, whichever engine drafts (docs/SAFETY.md).
    const entries = (await this.deps.store.tailLog(room.roomId, LOOKBACK))
      .filter(isPublic)
      .filter((e) => e.type !== 'message' || !readingOf(e).coercive);
    const offer = await this.deps.engine.clauseOffer(
      this.context(room),
      room.sharedPoints.map((p) => p.text).filter((t) => !isCoerciveDemand(t)),
      entries,
    );
    await this.say(room, 'clause-offer', offer.text, { drafts: offer.drafts });
  }
}

const topicLine = (t: AgendaTopic): TopicLine => ({ title: t.title, by: t.by });
