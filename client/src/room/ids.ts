/** A fresh clientMsgId for a message (the server de-duplicates retries by it). */
export function newMsgId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}
