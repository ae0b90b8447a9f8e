/** FNV-1a: a short, stable id for a shared text (not a secret). */
export function hashText(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/**
 * The clientMsgId the server gives a point shared from prep without one, so the sender can match the
 * ack (and a held review) to it. The server hashes the trimmed text it validated; so does this.
 */
export function shareMsgId(text: string): string {
  return `share-${hashText(text.trim())}`;
}
