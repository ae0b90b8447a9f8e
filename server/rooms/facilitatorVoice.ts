import type { FacilitatorEvent, FacilitatorKind, LogEntry, TurnMode } from '../../shared/protocol.js';
import type { RoomContext } from '../facilitator/types.js';
import { newId } from './ids.js';
import type { RoomDeps } from './ports.js';
import type { FacilitatorAction } from './policies/facilitation.js';
import type { RoomRecord } from './model.js';
import { namesOf } from './view.js';
import { parties } from '../../shared/rules/floor.js';

/** Entries everyone saw: private notices (e.g. safety heads-ups) never feed room wording. */
const isPublic = (e: LogEntry): boolean => e.type === 'message' || !e.visibleTo;

/** How much of the log the facilitator reads back for a recap or a clause offer. */
const LOOKBACK = 60;

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
    };
  }

  async say(
    room: RoomRecord,
    kind: FacilitatorKind,
    text: string,
    extra: Pick<FacilitatorEvent, 'drafts' | 'visibleTo'> = {},
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

  async recap(room: RoomRecord): Promise<void> {
    const entries = await this.deps.store.tailLog(room.roomId, LOOKBACK);
    const recent = entries.filter((e) => isPublic(e) && e.seq > room.recapFromSeq);
    await this.say(room, 'recap', await this.deps.engine.recap(this.context(room), recent));
  }

  async act(room: RoomRecord, action: FacilitatorAction): Promise<void> {
    if (action.kind === 'nudge') {
      await this.say(room, 'nudge', await this.deps.engine.nudge(this.context(room), action.dominant, action.quiet));
      return;
    }
    if (action.kind === 'reflect' || action.kind === 'acknowledge') {
      const context = this.context(room);
      const text =
        action.kind === 'reflect'
          ? await this.deps.engine.reflect(context, action.speaker, action.text)
          : await this.deps.engine.acknowledge(context, action.speaker, action.text);
      if (text) await this.say(room, action.kind === 'reflect' ? 'reflection' : 'acknowledgement', text);
      return;
    }
    if (action.kind === 'invite') {
      await this.say(room, 'nudge', await this.deps.engine.invite(this.context(room), action.quiet, action.mode));
      return;
    }
    const entries = (await this.deps.store.tailLog(room.roomId, LOOKBACK)).filter(isPublic);
    const offer = await this.deps.engine.clauseOffer(
      this.context(room),
      room.sharedPoints.map((p) => p.text),
      entries,
    );
    await this.say(room, 'clause-offer', offer.text, { drafts: offer.drafts });
  }
}
