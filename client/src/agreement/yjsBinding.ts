import type * as Y from 'yjs';

/** The smallest single change that turns `prev` into `next`: common prefix and suffix kept. */
export function textDiff(prev: string, next: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const max = Math.min(prev.length, next.length);
  while (start < max && prev[start] === next[start]) start++;
  let endPrev = prev.length;
  let endNext = next.length;
  while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
    endPrev--;
    endNext--;
  }
  return { index: start, remove: endPrev - start, insert: next.slice(start, endNext) };
}

/** Where a cursor at `pos` lands after a remote change described by a Yjs delta. */
export function shiftPosition(
  pos: number,
  delta: Array<{ retain?: number; insert?: unknown; delete?: number }>,
): number {
  let index = 0;
  let out = pos;
  for (const op of delta) {
    if (op.retain) index += op.retain;
    else if (typeof op.insert === 'string') {
      if (index <= pos) out += op.insert.length;
      index += op.insert.length;
    } else if (op.delete) {
      if (index < pos) out -= Math.min(op.delete, pos - index);
    }
  }
  return Math.max(0, out);
}

/**
 * Binds a textarea to a Y.Text both ways: local typing becomes a minimal delete+insert, remote
 * changes update the value and keep the local cursor where it was in the text.
 */
export function bindTextarea(ytext: Y.Text, el: HTMLTextAreaElement, onLocalChange?: () => void): () => void {
  const origin = { binding: 'textarea' };
  el.value = ytext.toString();

  const onInput = () => {
    const { index, remove, insert } = textDiff(ytext.toString(), el.value);
    if (remove === 0 && insert === '') return;
    ytext.doc?.transact(() => {
      if (remove > 0) ytext.delete(index, remove);
      if (insert) ytext.insert(index, insert);
    }, origin);
    onLocalChange?.();
  };

  const onRemote = (event: Y.YTextEvent, tr: Y.Transaction) => {
    if (tr.origin === origin) return;
    const focused = document.activeElement === el;
    const delta = event.delta as Array<{ retain?: number; insert?: unknown; delete?: number }>;
    const [start, end] = [shiftPosition(el.selectionStart, delta), shiftPosition(el.selectionEnd, delta)];
    el.value = ytext.toString();
    if (focused) el.setSelectionRange(start, end);
  };

  el.addEventListener('input', onInput);
  ytext.observe(onRemote);
  return () => {
    el.removeEventListener('input', onInput);
    ytext.unobserve(onRemote);
  };
}
