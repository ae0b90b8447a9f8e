import type { RoomRecord } from '../model.js';

/**
 * The room's heat: a moving average of the heat of delivered messages (the text as delivered). A held
 * message moves nothing until it is delivered: the others never see what only its sender can. The
 * facilitator calls a break when it stays high for a few messages.
 */
export const HEAT_SMOOTHING = 0.4;
/** The moving heat counts as high from this share of the hold threshold. */
export const HOT_SHARE = 0.8;
/** This many hot messages in a row and the facilitator calls a break. */
export const HOT_STREAK_FOR_BREAK = 3;

export function nextHeat(current: number, messageHeat: number): number {
  return current + HEAT_SMOOTHING * (messageHeat - current);
}

export interface HeatOutcome {
  heat: number;
  hotStreak: number;
  callBreak: boolean;
}

export function applyHeat(
  room: Pick<RoomRecord, 'heat' | 'hotStreak' | 'heatThreshold' | 'break'>,
  messageHeat: number,
): HeatOutcome {
  const heat = nextHeat(room.heat, messageHeat);
  const hotStreak = heat >= room.heatThreshold * HOT_SHARE ? room.hotStreak + 1 : 0;
  return { heat, hotStreak, callBreak: room.break === null && hotStreak >= HOT_STREAK_FOR_BREAK };
}

/** "Settled": calm enough for the facilitator to suggest turning things into agreements. */
export function isSettled(room: Pick<RoomRecord, 'heat' | 'heatThreshold'>): boolean {
  return room.heat < room.heatThreshold * 0.5;
}
