import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { shiftPosition, textDiff } from '../../../../client/src/agreement/yjsBinding.js';

/** The textarea <-> Y.Text binding's pure parts (the browser run covers the DOM side). */
describe('textarea binding', () => {
  it('turns an edit into one minimal change', () => {
    expect(textDiff('We plan', 'We plan together')).toEqual({ index: 7, remove: 0, insert: ' together' });
    expect(textDiff('We never plan', 'We plan')).toEqual({ index: 3, remove: 6, insert: '' });
    expect(textDiff('abc', 'aXc')).toEqual({ index: 1, remove: 1, insert: 'X' });
    expect(textDiff('same', 'same')).toEqual({ index: 4, remove: 0, insert: '' });
  });

  it('keeps a local cursor in place across remote edits', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'hello world');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    let delta: Array<{ retain?: number; insert?: unknown; delete?: number }> = [];
    b.getText('t').observe((e) => (delta = e.delta as typeof delta));
    // Someone else types at the start; my cursor after "hello" moves right with the text.
    a.getText('t').insert(0, 'oh, ');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(shiftPosition(5, delta)).toBe(9);
    // They delete before my cursor; it moves left, never below the deletion point.
    a.getText('t').delete(0, 4);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(shiftPosition(9, delta)).toBe(5);
    expect(shiftPosition(2, delta)).toBe(0);
    expect(b.getText('t').toString()).toBe('hello world');
  });
});
