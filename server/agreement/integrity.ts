import * as Y from 'yjs';

/**
 * Whether the document can integrate every part of a client's update right now. Yjs keeps what it
 * cannot integrate (structs that build on items it does not have, deletions of items it does not
 * have) as "pending" and integrates it silently inside some later update, where no check sees it;
 * so such an update is refused before it is applied.
 *
 * Known clocks are the document's state vector, extended by the update's own structs when they
 * continue a client's sequence without a gap; every item an update struct points at (left and
 * right origin, parent) and every deleted range must lie within those.
 */
export function integratesFully(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  const known = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const struct of structs) {
    if (struct instanceof Y.Skip) return false;
    const { client, clock } = struct.id;
    const have = known.get(client) ?? 0;
    if (clock > have) return false;
    known.set(client, Math.max(have, clock + struct.length));
  }
  const exists = (id: Y.ID | null): boolean => id === null || id.clock < (known.get(id.client) ?? 0);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const parent = struct.parent instanceof Y.ID ? struct.parent : null;
    if (!exists(struct.origin) || !exists(struct.rightOrigin) || !exists(parent)) return false;
  }
  for (const [client, ranges] of ds.clients) {
    const have = known.get(client) ?? 0;
    if (ranges.some((r) => r.clock + r.len > have)) return false;
  }
  return true;
}

/** True when the document holds something it could not integrate (checked after every client update). */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}
