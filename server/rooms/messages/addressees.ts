import type { RoomKind } from '../../../shared/protocol.js';

/**
 * How people in a room refer to each other besides "you": their names, and for each kind of room
 * the relations that usually sit in it. "My husband is lazy and selfish" said in a couple's room is
 * said to him; the same words in private preparation are someone describing their life.
 */
const RELATIONS: Record<RoomKind, string[]> = {
  couple: ['husband', 'wife', 'partner', 'boyfriend', 'girlfriend', 'spouse', 'fiance', 'fiancé', 'fiancee', 'fiancée'],
  family: [
    'mom',
    'mum',
    'mother',
    'dad',
    'father',
    'parents',
    'brother',
    'sister',
    'son',
    'daughter',
    'stepdad',
    'stepmom',
    'stepmum',
    'sibling',
    'kids',
    'children',
  ],
  workplace: ['boss', 'manager', 'supervisor', 'coworker', 'co-worker', 'colleague', 'team lead', 'lead', 'employee'],
};

export function addressees(kind: RoomKind, otherNames: string[]): string[] {
  return [...otherNames, ...RELATIONS[kind].map((r) => `my ${r}`)];
}
