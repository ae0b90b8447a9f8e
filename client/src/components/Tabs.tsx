import { useRef, type KeyboardEvent } from 'react';

export type TabId = 'console' | 'prep' | 'room' | 'agreement';

const ALL_TABS: Array<{ id: TabId; label: string; hint: string }> = [
  { id: 'prep', label: 'Private prep', hint: 'only you' },
  { id: 'room', label: 'Conversation', hint: 'everyone' },
  { id: 'agreement', label: 'Agreement', hint: 'everyone' },
  // Last: the host's own flow (prepare, talk, agree) comes first; a mediator lands on it all the same.
  { id: 'console', label: 'Console', hint: 'only you' },
];

/** The spaces of a session (the console for who runs it); arrow keys move between them (WAI-ARIA tabs). */
export function Tabs({
  current,
  onChange,
  onBreak,
  withPrep = true,
  withConsole = false,
}: {
  current: TabId;
  onChange: (t: TabId) => void;
  onBreak: boolean;
  /** Observers and mediators have no preparation space. */
  withPrep?: boolean;
  /** The mediator's console: for mediators and the host. */
  withConsole?: boolean;
}) {
  const TABS = ALL_TABS.filter((t) => (t.id !== 'prep' || withPrep) && (t.id !== 'console' || withConsole));
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKey(e: KeyboardEvent) {
    const i = TABS.findIndex((t) => t.id === current);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    if (e.key === 'ArrowLeft') next = (i + TABS.length - 1) % TABS.length;
    if (e.key === 'Home') next = 0;
    if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onChange(TABS[next].id);
    refs.current[TABS[next].id]?.focus();
  }
  return (
    <div className="tabs" role="tablist" aria-label="Session spaces" onKeyDown={onKey}>
      {TABS.map((t) => (
        <button
          type="button"
          key={t.id}
          ref={(el) => {
            refs.current[t.id] = el;
          }}
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={current === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={current === t.id ? 0 : -1}
          className={current === t.id ? 'tab active' : 'tab'}
          onClick={() => onChange(t.id)}
        >
          <span>{t.label}</span>
          <span className="tab-hint">{t.id === 'room' && onBreak ? 'on a break' : t.hint}</span>
        </button>
      ))}
    </div>
  );
}
