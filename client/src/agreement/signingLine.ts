/**
 * The one sentence about signing, from the agreement's current signatures only: a note kept from
 * the moment someone pressed "Sign" could contradict it after an edit or a reconnect. `signedEarlier`:
 * this person signed words that have changed since, so their signature no longer counts.
 */
export function signingLine(
  signedBy: readonly string[],
  me: string,
  final: boolean,
  nameOf: (id: string) => string,
  signedEarlier = false,
): string {
  if (final) return 'Everyone has signed. The agreement is final.';
  const mine = signedBy.includes(me);
  const again =
    signedEarlier && !mine
      ? ' You signed earlier words: a point changed after you signed, so please read it again and sign again.'
      : '';
  if (signedBy.length === 0) return again ? `No one has signed these words yet.${again}` : 'No one has signed yet.';
  const others = signedBy.filter((id) => id !== me).map(nameOf);
  if (mine && others.length === 0) return 'You signed. Waiting for the others to sign.';
  const names = mine ? ['you', ...others] : others;
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return `Signed by ${list}.${mine ? ' Waiting for the others to sign.' : ''}${again}`;
}
