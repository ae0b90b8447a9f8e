import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { LIMITS } from '../../../shared/protocol.js';
import { bindTextarea } from '../yjsBinding.js';

/** A textarea bound to one clause's Y.Text. */
export function ClauseText({
  id,
  ytext,
  readOnly,
  label,
  onFocusChange,
  describedBy,
}: {
  id: string;
  ytext: Y.Text;
  readOnly: boolean;
  label: string;
  onFocusChange: (focused: boolean) => void;
  describedBy?: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const grow = () => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  };
  useEffect(() => {
    if (!ref.current) return;
    const unbind = bindTextarea(ytext, ref.current, grow);
    const observer = () => grow();
    ytext.observe(observer);
    grow();
    return () => {
      unbind();
      ytext.unobserve(observer);
    };
  }, [ytext]);
  return (
    <textarea
      id={id}
      ref={ref}
      className="clause-text"
      aria-label={label}
      aria-describedby={describedBy}
      readOnly={readOnly}
      maxLength={LIMITS.clauseChars}
      rows={2}
      onFocus={() => onFocusChange(true)}
      onBlur={() => onFocusChange(false)}
      data-testid="clause-text"
    />
  );
}
