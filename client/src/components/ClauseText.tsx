import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { LIMITS } from '../../../shared/protocol.js';
import { caretPosition } from '../agreement/caretPosition.js';
import { bindTextarea } from '../agreement/yjsBinding.js';

/** Someone else's cursor in this clause. */
export interface RemoteCursor {
  clientId: number;
  name: string;
  index: number;
}

/** Dark enough for white name labels at AA contrast, and distinct from each other. */
const CURSOR_COLOURS = ['#7a2e8f', '#8a4500', '#1f5a8a', '#9b2c5c', '#2f6b3a'];
const FLAG_ROOM = 90;

/** A textarea bound to one clause's Y.Text, showing where the others' cursors are. */
export function ClauseText({
  id,
  ytext,
  readOnly,
  label,
  onFocusChange,
  onCursor,
  cursors,
  describedBy,
}: {
  id: string;
  ytext: Y.Text;
  readOnly: boolean;
  label: string;
  onFocusChange: (focused: boolean) => void;
  /** Where my cursor is now, or null when I leave the text. */
  onCursor: (index: number | null) => void;
  cursors: RemoteCursor[];
  describedBy?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [layoutTick, setLayoutTick] = useState(0);
  const [carets, setCarets] = useState<
    Array<RemoteCursor & { left: number; top: number; height: number; flip: boolean }>
  >([]);
  const grow = () => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
    setLayoutTick((t) => t + 1);
  };
  useEffect(() => {
    if (!ref.current) return;
    const unbind = bindTextarea(ytext, ref.current, grow);
    const observer = () => grow();
    ytext.observe(observer);
    grow();
    const onResize = () => setLayoutTick((t) => t + 1);
    window.addEventListener('resize', onResize);
    return () => {
      unbind();
      ytext.unobserve(observer);
      window.removeEventListener('resize', onResize);
    };
  }, [ytext]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || cursors.length === 0) {
      setCarets([]);
      return;
    }
    const width = el.clientWidth;
    setCarets(
      cursors.map((c) => {
        const at = caretPosition(el, Math.min(c.index, el.value.length));
        return { ...c, ...at, left: Math.min(at.left, width - 3), flip: at.left > width - FLAG_ROOM };
      }),
    );
  }, [cursors, layoutTick]);

  const report = () => {
    const el = ref.current;
    if (el && !readOnly && document.activeElement === el) onCursor(el.selectionStart);
  };

  return (
    <div className="clause-edit">
      <textarea
        id={id}
        ref={ref}
        className="clause-text"
        aria-label={label}
        aria-describedby={describedBy}
        readOnly={readOnly}
        maxLength={LIMITS.clauseChars}
        rows={2}
        onFocus={() => {
          onFocusChange(true);
          report();
        }}
        onBlur={() => {
          onFocusChange(false);
          onCursor(null);
        }}
        onSelect={report}
        onKeyUp={report}
        onMouseUp={report}
        onInput={report}
        data-testid="clause-text"
      />
      <div className="cursor-layer" aria-hidden="true">
        {carets.map((c) => (
          <span
            key={c.clientId}
            className="remote-cursor"
            data-testid="remote-cursor"
            style={{
              left: c.left,
              top: c.top,
              height: c.height,
              ['--who' as string]: CURSOR_COLOURS[c.clientId % CURSOR_COLOURS.length],
            }}
          >
            <span className={c.flip ? 'remote-name flip' : 'remote-name'}>{c.name}</span>
          </span>
        ))}
      </div>
    </div>
  );
}
