import { useEffect, useState } from 'react';

/**
 * Unsent words kept in sessionStorage, not localStorage: they survive a reload of this tab, and are gone
 * when the tab closes, so a shared or borrowed computer does not keep what someone was half-way through
 * writing in a mediation.
 */
export function draftKey(roomId: string, participantId: string, box: 'room' | 'prep'): string {
  return `mediation-draft:${roomId}:${participantId}:${box}`;
}

function read(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return ''; // storage blocked (private mode, policy): the draft simply lives in memory
  }
}

function write(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(key, text);
    else sessionStorage.removeItem(key);
  } catch {
    // storage blocked or full: the draft still lives in memory for this page
  }
}

/** A text box's draft that survives a reload; setting it to '' (sent) clears it. */
export function useDraft(key: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => read(key));
  useEffect(() => write(key, text), [key, text]);
  return [text, setText];
}
