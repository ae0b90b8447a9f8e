import * as Y from 'yjs';
import { DOC, type AgreementSnapshot, type AgreementState } from '../../shared/agreement.js';
import { LIMITS, type ClauseStatus } from '../../shared/protocol.js';
import { deriveAgreement, textHash } from './state.js';

/**
 * What the server holds of the agreement while its document is loaded: the server-owned state as
 * stored (never read from the document), the parties, and per clause its current words and the
 * view derived from both. Clients may only change clause text through the document; everything
 * else is written back from here after each client transaction.
 */
export interface ShadowClause {
  id: string;
  proposedBy: string;
  status: ClauseStatus;
  acceptedBy: Set<string>;
  /** The clause's current words (the final words once final). */
  text: string;
  /** The live map in the document, or null until the next reconcile creates it. */
  map: Y.Map<unknown> | null;
  /** When the room looks at it again (YYYY-MM-DD), from the stored state. */
  reviewOn?: string;
}

export interface Shadow {
  clauses: ShadowClause[];
  signedBy: Set<string>;
  final: boolean;
  state: AgreementState;
  parties: string[];
}

/** Transactions the server makes itself; anything else that changes the doc is a client's. */
export const SERVER_ORIGIN = Symbol('agreement-server');

const CLAUSE_KEYS = new Set<string>(Object.values(DOC.clause));
const META_KEYS = new Set<string>(Object.values(DOC.metaKeys));

function isLive(map: Y.Map<unknown> | null, doc: Y.Doc): map is Y.Map<unknown> {
  return map !== null && map.doc === doc && map._item !== null && !map._item.deleted;
}

const plainText = (value: unknown): string =>
  (value instanceof Y.Text ? value.toString() : '').slice(0, LIMITS.clauseChars);

/**
 * Builds the shadow from the stored state, taking from the document only each clause's words (the
 * first live clause map carrying that id). Nothing else in the document counts.
 */
export function shadowFromState(state: AgreementState, parties: string[], doc: Y.Doc): Shadow {
  const maps = new Map<string, Y.Map<unknown>>();
  for (const item of doc.getArray<unknown>(DOC.clauses).toArray()) {
    if (!(item instanceof Y.Map)) continue;
    const id = item.get(DOC.clause.id);
    if (typeof id === 'string' && !maps.has(id)) maps.set(id, item);
  }
  const shadow: Shadow = { clauses: [], signedBy: new Set(), final: false, state, parties };
  for (const c of state.clauses) {
    const map = maps.get(c.id) ?? null;
    shadow.clauses.push({
      id: c.id,
      proposedBy: c.proposedBy,
      status: 'proposed',
      acceptedBy: new Set(),
      text: state.final?.texts[c.id] ?? plainText(map?.get(DOC.clause.text)),
      map,
    });
  }
  rederive(shadow);
  return shadow;
}

/**
 * Recomputes status, acceptances, signatures and finality from the state and the current words.
 * Returns whether an acceptance or signature that counted before no longer does.
 */
export function rederive(shadow: Shadow): boolean {
  const texts = new Map(shadow.clauses.map((c) => [c.id, c.text]));
  const view = deriveAgreement(shadow.state, texts, shadow.parties);
  let cleared = false;
  view.clauses.forEach((derived, i) => {
    const clause = shadow.clauses[i];
    if ([...clause.acceptedBy].some((id) => !derived.acceptedBy.includes(id))) cleared = true;
    clause.acceptedBy = new Set(derived.acceptedBy);
    clause.status = derived.status;
    clause.text = derived.text;
    clause.reviewOn = derived.reviewOn;
  });
  if ([...shadow.signedBy].some((id) => !view.signedBy.includes(id))) cleared = true;
  shadow.signedBy = new Set(view.signedBy);
  shadow.final = view.final;
  return cleared;
}

/** A plain snapshot of the shadow, in the same form readAgreement gives for a document. */
export function snapshotOf(shadow: Shadow): AgreementSnapshot {
  return {
    clauses: shadow.clauses.map((c) => ({
      id: c.id,
      text: c.text,
      proposedBy: c.proposedBy,
      status: c.status,
      acceptedBy: [...c.acceptedBy].sort(),
      ...(c.reviewOn ? { reviewOn: c.reviewOn } : {}),
    })),
    signedBy: [...shadow.signedBy].sort(),
    final: shadow.final,
  };
}

export interface ReconcileResult {
  /** Some clause text was edited by a client and taken into the shadow. */
  textEdited: boolean;
  /** A clause a client added through the document was taken in as a proposal (state changed). */
  adopted: boolean;
  /** An edit made acceptances or signatures that counted stop counting. */
  cleared: boolean;
  /** Formatting or embeds were removed from clause text (their content must not travel on). */
  scrubbed: boolean;
  /** The clauses whose words a client changed (for their versions: who changed what). */
  editedIds: string[];
}

/**
 * Takes clients' text edits into the shadow (unless `acceptEdits` is false or the agreement is
 * final), then writes the shadow back into the document in one server-origin transaction. Writes
 * only what differs, so a document that already matches produces no update.
 */
export function reconcile(
  doc: Y.Doc,
  shadow: Shadow,
  acceptEdits: boolean,
  proposer: Proposer | null = null,
): ReconcileResult {
  const result: ReconcileResult = { textEdited: false, adopted: false, cleared: false, scrubbed: false, editedIds: [] };
  if (acceptEdits && proposer && !shadow.final) adoptNewClauses(doc, shadow, proposer, result);
  if (acceptEdits && !shadow.final) absorbTextEdits(doc, shadow, result);
  if (result.textEdited || result.adopted) result.cleared = rederive(shadow) || result.cleared;
  doc.transact((tr) => {
    result.scrubbed = writeShadow(doc, shadow, tr);
  }, SERVER_ORIGIN);
  return result;
}

/** Who added a clause through the document, and how the server names a new clause. */
export interface Proposer {
  participantId: string;
  newId: () => string;
  now: () => number;
}

/**
 * A clause map a client inserts is a proposal like `agreement:propose`: any Yjs client can add
 * one. Its server-owned fields are the server's (a fresh id, the proposer, no acceptances); the
 * caller stores the changed state before the change leaves this process.
 */
function adoptNewClauses(doc: Y.Doc, shadow: Shadow, proposer: Proposer, result: ReconcileResult): void {
  const known = new Set(shadow.clauses.map((c) => c.map));
  doc
    .getArray<unknown>(DOC.clauses)
    .toArray()
    .forEach((item, index) => {
      if (!(item instanceof Y.Map) || known.has(item)) return;
      const text = item.get(DOC.clause.text);
      const plain = (text instanceof Y.Text ? text.toString() : typeof text === 'string' ? text : '').slice(
        0,
        LIMITS.clauseChars,
      );
      if (plain.trim().length === 0) return; // an empty map is not a proposal: the writer drops it
      const at = Math.min(index, shadow.clauses.length);
      const id = proposer.newId();
      shadow.clauses.splice(at, 0, {
        id,
        proposedBy: proposer.participantId,
        status: 'proposed',
        acceptedBy: new Set(),
        text: plain,
        map: item,
      });
      shadow.state.clauses.splice(at, 0, {
        id,
        proposedBy: proposer.participantId,
        proposedAt: proposer.now(),
        acceptances: {},
        versions: [{ text: plain, hash: textHash(plain), by: proposer.participantId, at: proposer.now() }],
      });
      result.adopted = true;
    });
}

function absorbTextEdits(doc: Y.Doc, shadow: Shadow, result: ReconcileResult): void {
  for (const clause of shadow.clauses) {
    if (!isLive(clause.map, doc)) continue;
    const text = clause.map.get(DOC.clause.text);
    if (!(text instanceof Y.Text)) continue;
    const next = text.toString().slice(0, LIMITS.clauseChars);
    if (next === clause.text) continue;
    clause.text = next;
    result.textEdited = true;
    result.editedIds.push(clause.id);
  }
}

/** Returns whether non-text content was removed from a clause. */
function writeShadow(doc: Y.Doc, shadow: Shadow, tr: Y.Transaction): boolean {
  let scrubbed = false;
  const array = doc.getArray<unknown>(DOC.clauses);
  const wanted = new Set(shadow.clauses.map((c) => c.map).filter((m) => isLive(m, doc)));
  // Clients may not remove clauses, and anything in the list that is not a clause goes.
  const items = array.toArray();
  for (let i = items.length - 1; i >= 0; i--) {
    if (!wanted.has(items[i] as Y.Map<unknown>)) array.delete(i, 1);
  }
  shadow.clauses.forEach((clause, index) => {
    if (!isLive(clause.map, doc) || array.get(index) !== clause.map) {
      // Missing (deleted by a client, or new) or out of place: (re)create it at its index.
      if (isLive(clause.map, doc)) array.delete(array.toArray().indexOf(clause.map), 1);
      const map = new Y.Map<unknown>();
      array.insert(index, [map]);
      clause.map = map;
    }
    scrubbed = writeClause(clause.map, clause, tr) || scrubbed;
  });
  if (array.length > shadow.clauses.length) array.delete(shadow.clauses.length, array.length - shadow.clauses.length);

  const meta = doc.getMap<unknown>(DOC.meta);
  for (const key of [...meta.keys()]) if (!META_KEYS.has(key)) meta.delete(key);
  writeSet(meta, DOC.metaKeys.signedBy, shadow.signedBy);
  if (meta.get(DOC.metaKeys.final) !== shadow.final) meta.set(DOC.metaKeys.final, shadow.final);
  return scrubbed;
}

function writeClause(map: Y.Map<unknown>, clause: ShadowClause, tr: Y.Transaction): boolean {
  for (const key of [...map.keys()]) if (!CLAUSE_KEYS.has(key)) map.delete(key);
  setIfChanged(map, DOC.clause.id, clause.id);
  setIfChanged(map, DOC.clause.proposedBy, clause.proposedBy);
  setIfChanged(map, DOC.clause.status, clause.status);
  writeSet(map, DOC.clause.acceptedBy, clause.acceptedBy);
  if (clause.reviewOn) setIfChanged(map, DOC.clause.reviewOn, clause.reviewOn);
  else if (map.has(DOC.clause.reviewOn)) map.delete(DOC.clause.reviewOn);
  let text = map.get(DOC.clause.text);
  if (!(text instanceof Y.Text)) {
    text = new Y.Text();
    map.set(DOC.clause.text, text);
  }
  const scrubbed = removeNonText(text as Y.Text, tr);
  writeText(text as Y.Text, clause.text);
  return scrubbed;
}

/**
 * Clause text is plain text: formatting attributes and embeds a client put in are deleted (their
 * content is garbage-collected with the transaction, so it is neither stored nor sent on).
 */
function removeNonText(text: Y.Text, tr: Y.Transaction): boolean {
  let removed = false;
  for (let item = text._start; item !== null; item = item.right) {
    if (!item.deleted && !(item.content instanceof Y.ContentString)) {
      item.delete(tr);
      removed = true;
    }
  }
  return removed;
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown): void {
  if (map.get(key) !== value) map.set(key, value);
}

/** A set of participant ids is a nested Y.Map of id -> true. */
function writeSet(parent: Y.Map<unknown>, key: string, ids: Set<string>): void {
  let map = parent.get(key);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>();
    parent.set(key, map);
  }
  const target = map as Y.Map<unknown>;
  for (const id of [...target.keys()]) if (!ids.has(id)) target.delete(id);
  for (const id of ids) if (target.get(id) !== true) target.set(id, true);
}

/** Replaces only the differing middle, so other people's cursors around it stay put. */
function writeText(text: Y.Text, want: string): void {
  const have = text.toString();
  if (have === want && text.length === have.length) return;
  if (text.length !== have.length) {
    // Embeds make positions and characters disagree: start over rather than guess.
    text.delete(0, text.length);
    text.insert(0, want);
    return;
  }
  let start = 0;
  while (start < have.length && start < want.length && have[start] === want[start]) start++;
  let end = 0;
  while (
    end < have.length - start &&
    end < want.length - start &&
    have[have.length - 1 - end] === want[want.length - 1 - end]
  )
    end++;
  const removed = have.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = want.slice(start, want.length - end);
  if (inserted) text.insert(start, inserted);
}

/**
 * Reconciles after every transaction whose origin is not the server's own: a client's write to a
 * server-owned field is reverted right after it, in a transaction of its own.
 */
export function attachGuard(
  doc: Y.Doc,
  shadow: Shadow,
  opts: {
    isClient: (origin: unknown) => boolean;
    /** The participant behind a client origin, for clauses added through the document. */
    proposerOf?: (origin: unknown) => Proposer | null;
    /** `origin`: the client transaction's origin (who edited). */
    onEdit?: (result: ReconcileResult, origin: unknown) => void;
    /** Formatting or embeds were removed after this client transaction. */
    onScrub?: () => void;
  },
): () => void {
  const handler = (tr: Y.Transaction): void => {
    if (!opts.isClient(tr.origin)) return;
    if (tr.changed.size === 0 && tr.deleteSet.clients.size === 0) return;
    clearForeignRoots(doc, tr);
    const result = reconcile(doc, shadow, true, opts.proposerOf?.(tr.origin) ?? null);
    if (result.scrubbed) opts.onScrub?.();
    if (result.textEdited || result.adopted) opts.onEdit?.(result, tr.origin);
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

/** The root type a (possibly nested) type lives in. */
function rootOf(type: Y.AbstractType<any>): Y.AbstractType<any> {
  let t = type;
  while (t._item !== null) t = t._item.parent as Y.AbstractType<any>;
  return t;
}

/**
 * The document has two roots; content a client puts anywhere else would be stored and sent to
 * everyone without being part of the agreement, so it is deleted.
 */
export function clearForeignRoots(doc: Y.Doc, tr: Y.Transaction): void {
  const ours = new Set([doc.share.get(DOC.clauses), doc.share.get(DOC.meta)]);
  const foreign = new Set<Y.AbstractType<any>>();
  for (const type of tr.changed.keys()) {
    const root = rootOf(type as Y.AbstractType<any>);
    if (!ours.has(root)) foreign.add(root);
  }
  if (foreign.size === 0) return;
  doc.transact((own) => {
    for (const root of foreign) {
      for (let item = root._start; item !== null; item = item.right) if (!item.deleted) item.delete(own);
      for (const item of root._map.values()) if (!item.deleted) item.delete(own);
    }
  }, SERVER_ORIGIN);
}
