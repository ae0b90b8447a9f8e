import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Who a connection is, as its awareness (presence, cursor) must show it. */
export interface AwarenessIdentity {
  participantId: string;
  name: string;
  role: string;
}

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null: the client left. */
  state: Record<string, unknown> | null;
}

/** Reads an awareness update (throws on a malformed one). */
export function readAwareness(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const parsed: unknown = JSON.parse(decoding.readVarString(decoder));
    const state =
      parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    entries.push({ clientId, clock, state });
  }
  return entries;
}

export function writeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The server's word on who a state belongs to: `user.name`, `user.role` and `user.participantId`
 * come from the connection's token, whatever the client wrote; a colour the client chose is kept.
 */
export function stampAwareness(entries: AwarenessEntry[], who: AwarenessIdentity): AwarenessEntry[] {
  return entries.map((e) => {
    if (e.state === null) return e;
    const user = e.state.user;
    const color = user && typeof user === 'object' ? (user as Record<string, unknown>).color : undefined;
    const stamped = { name: who.name, role: who.role, participantId: who.participantId };
    return {
      ...e,
      state: { ...e.state, user: typeof color === 'string' && color.length <= 32 ? { ...stamped, color } : stamped },
    };
  });
}
