/**
 * sha256 (hex) of the words a person accepts, so the server refuses the acceptance if the words
 * changed before it arrived. WebCrypto exists only on secure pages (https, localhost): elsewhere
 * the acceptance goes without it and binds to the words the server holds.
 */
export async function textHash(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
