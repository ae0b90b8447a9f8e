import type { Credentials } from '../../shared/protocol.js';

/** What this device remembers about a room, so a reload (or coming back tomorrow) reconnects. */
export interface StoredRoom extends Credentials {
  name: string;
  title?: string;
  inviteCode?: string;
  savedAt: number;
}

const PREFIX = 'mediation-rooms:room:';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function saveRoom(room: Omit<StoredRoom, 'savedAt'>): StoredRoom {
  const stored = { ...room, savedAt: Date.now() };
  try {
    storage()?.setItem(PREFIX + room.roomId, JSON.stringify(stored));
  } catch {
    /* storage full or blocked: the session still works until the tab closes */
  }
  return stored;
}

export function loadRoom(roomId: string): StoredRoom | null {
  try {
    const raw = storage()?.getItem(PREFIX + roomId);
    const parsed = raw ? (JSON.parse(raw) as StoredRoom) : null;
    return parsed && typeof parsed.token === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function updateRoom(roomId: string, patch: Partial<StoredRoom>): void {
  const current = loadRoom(roomId);
  if (current) saveRoom({ ...current, ...patch });
}

export function forgetRoom(roomId: string): void {
  try {
    storage()?.removeItem(PREFIX + roomId);
  } catch {
    /* nothing to forget */
  }
}

export function listRooms(): StoredRoom[] {
  const s = storage();
  if (!s) return [];
  const out: StoredRoom[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    const room = loadRoom(key.slice(PREFIX.length));
    if (room) out.push(room);
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}
