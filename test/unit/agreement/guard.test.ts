import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC, readAgreement } from '../../../shared/agreement.js';
import { LIMITS } from '../../../shared/protocol.js';
import { emptyAgreementState } from '../../../shared/agreement.js';
import { attachGuard, reconcile, rederive, shadowFromState, snapshotOf } from '../../../server/agreement/guard.js';
import { agreementHash, proposeClause, textHash } from '../../../server/agreement/state.js';

const CLIENT = { client: true };

/** A server document with two clauses, the first accepted by A, and A's signature. */
function setup() {
  const doc = new Y.Doc();
  const state = emptyAgreementState();
  proposeClause(state, { id: 'c1', proposedBy: 'A', at: 1 });
  proposeClause(state, { id: 'c2', proposedBy: 'B', at: 1 });
  state.clauses[0].acceptances.A = { at: 2, hash: textHash('One.') };
  state.clauses[0].reviewOn = { on: '2027-01-04', by: 'A', at: 2 };
  const words = [
    { id: 'c1', text: 'One.' },
    { id: 'c2', text: 'Two.' },
  ];
  state.signatures.A = { at: 3, hash: agreementHash(words) };
  const shadow = shadowFromState(state, ['A', 'B'], doc);
  shadow.clauses.forEach((c, i) => (c.text = words[i].text));
  rederive(shadow);
  reconcile(doc, shadow, false);
  const edits: boolean[] = [];
  attachGuard(doc, shadow, { isClient: (o) => o === CLIENT, onEdit: (r) => edits.push(r.cleared) });
  const clause = (i: number) => doc.getArray<Y.Map<unknown>>(DOC.clauses).get(i);
  const asClient = (f: () => void) => doc.transact(f, CLIENT);
  return { doc, shadow, clause, asClient, edits, expected: readAgreement(doc) };
}

describe('agreement guard', () => {
  it('writes the shadow into an empty document in the shared shape', () => {
    const { doc, expected } = setup();
    expect(expected).toEqual({
      clauses: [
        { id: 'c1', text: 'One.', proposedBy: 'A', status: 'proposed', acceptedBy: ['A'], reviewOn: '2027-01-04' },
        { id: 'c2', text: 'Two.', proposedBy: 'B', status: 'proposed', acceptedBy: [] },
      ],
      signedBy: ['A'],
      final: false,
    });
    // What the document says about server-owned fields is never read back: only the words are.
    expect(shadowFromState(emptyAgreementState(), ['A', 'B'], doc).clauses).toEqual([]);
  });

  it.each([
    ['status', (m: Y.Map<unknown>) => m.set(DOC.clause.status, 'agreed')],
    ['id', (m: Y.Map<unknown>) => m.set(DOC.clause.id, 'forged')],
    ['proposedBy', (m: Y.Map<unknown>) => m.set(DOC.clause.proposedBy, 'B')],
    ['acceptedBy added', (m: Y.Map<unknown>) => (m.get(DOC.clause.acceptedBy) as Y.Map<boolean>).set('B', true)],
    ['acceptedBy removed', (m: Y.Map<unknown>) => (m.get(DOC.clause.acceptedBy) as Y.Map<boolean>).delete('A')],
    ['acceptedBy replaced', (m: Y.Map<unknown>) => m.set(DOC.clause.acceptedBy, 'everyone')],
    ['status deleted', (m: Y.Map<unknown>) => m.delete(DOC.clause.status)],
    ['reviewOn', (m: Y.Map<unknown>) => m.set(DOC.clause.reviewOn, '2030-01-01')],
    ['reviewOn deleted', (m: Y.Map<unknown>) => m.delete(DOC.clause.reviewOn)],
    ['extra key', (m: Y.Map<unknown>) => m.set('note', 'junk')],
  ])('reverts a client write to %s', (_name, write) => {
    const { clause, asClient, expected, doc } = setup();
    asClient(() => write(clause(0)));
    expect(readAgreement(doc)).toEqual(expected);
    expect([...clause(0).keys()].sort()).toEqual(Object.values(DOC.clause).sort());
  });

  it('reverts writes to meta: final, signatures, extra keys', () => {
    const { doc, asClient, expected } = setup();
    asClient(() => {
      const meta = doc.getMap<unknown>(DOC.meta);
      meta.set(DOC.metaKeys.final, true);
      (meta.get(DOC.metaKeys.signedBy) as Y.Map<boolean>).set('B', true);
      meta.set('extra', 1);
    });
    expect(readAgreement(doc)).toEqual(expected);
    expect([...doc.getMap(DOC.meta).keys()].sort()).toEqual(['final', 'signedBy']);
  });

  it('removes clauses a client inserts and recreates ones it deletes, with their last text, in place', () => {
    const { doc, asClient, expected, shadow } = setup();
    const array = doc.getArray<unknown>(DOC.clauses);
    asClient(() => {
      array.insert(0, ['a string']);
      array.push([new Y.Map()]);
    });
    expect(readAgreement(doc)).toEqual(expected);
    const oldFirst = array.get(0);
    asClient(() => array.delete(0, 1));
    expect(readAgreement(doc)).toEqual(expected);
    expect(array.get(0)).not.toBe(oldFirst);
    expect(shadow.clauses[0].map).toBe(array.get(0));
    asClient(() => array.delete(0, 2));
    expect(readAgreement(doc)).toEqual(expected);
  });

  it('takes a text edit, clearing that clause’s acceptances and every signature', () => {
    const { doc, clause, asClient, edits } = setup();
    asClient(() => (clause(1).get(DOC.clause.text) as Y.Text).insert(0, 'Edited '));
    // Clause 2 had no acceptances but the signature goes: the signed words changed.
    expect(readAgreement(doc).signedBy).toEqual([]);
    expect(readAgreement(doc).clauses[0].acceptedBy).toEqual(['A']);
    asClient(() => (clause(0).get(DOC.clause.text) as Y.Text).insert(4, ' More.'));
    expect(readAgreement(doc).clauses[0]).toMatchObject({ text: 'One. More.', acceptedBy: [], status: 'proposed' });
    expect(edits).toEqual([true, true]);
    asClient(() => (clause(0).get(DOC.clause.text) as Y.Text).insert(0, 'x'));
    expect(edits).toEqual([true, true, false]); // nothing left to clear
  });

  it('truncates text beyond the clause limit and keeps a replaced Y.Text as an edit', () => {
    const { doc, clause, asClient } = setup();
    asClient(() => (clause(0).get(DOC.clause.text) as Y.Text).insert(0, 'x'.repeat(LIMITS.clauseChars + 50)));
    expect(readAgreement(doc).clauses[0].text.length).toBe(LIMITS.clauseChars);
    asClient(() => clause(1).set(DOC.clause.text, new Y.Text('Replaced.')));
    expect(readAgreement(doc).clauses[1].text).toBe('Replaced.');
    asClient(() => clause(1).set(DOC.clause.text, 'not a Y.Text'));
    expect(readAgreement(doc).clauses[1].text).toBe('Replaced.');
  });

  it('reverts even text edits once the agreement is final', () => {
    const { doc, clause, asClient, shadow } = setup();
    shadow.state.final = { at: 4, hash: 'h', texts: { c1: 'One.', c2: 'Two.' } };
    rederive(shadow);
    reconcile(doc, shadow, false);
    asClient(() => (clause(0).get(DOC.clause.text) as Y.Text).insert(0, 'Late '));
    expect(readAgreement(doc).clauses[0].text).toBe('One.');
    expect(readAgreement(doc)).toEqual(snapshotOf(shadow));
  });

  it('deletes whatever a client writes outside the two roots of the agreement', () => {
    const { doc, asClient, expected } = setup();
    asClient(() => {
      doc.getMap('junk').set('big', 'x'.repeat(100));
      doc.getArray('more').push([new Y.Map([['a', 1]])]);
      doc.getText('notes').insert(0, 'hello');
    });
    expect(doc.getMap('junk').size).toBe(0);
    expect(doc.getArray('more').length).toBe(0);
    expect(doc.getText('notes').length).toBe(0);
    expect(readAgreement(doc)).toEqual(expected);
    // And the same arriving as an update from a client, onto roots the server never accessed.
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
    client.getMap('unseen').set('k', 'v');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(client, Y.encodeStateVector(doc)), CLIENT);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
    expect(replica.getMap('unseen').size).toBe(0);
  });

  it('leaves server transactions and unchanged documents alone', () => {
    const { doc, shadow } = setup();
    const before = Y.encodeStateVector(doc);
    reconcile(doc, shadow, true);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });
});
