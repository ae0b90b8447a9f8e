/**
 * The one sentence about signing, from the agreement's current signatures only: a note kept from
 * the moment someone pressed "Sign" could contradict it after an edit or a reconnect.
 */
export function signingLine(
  signedBy: readonly string[],
  me: string,
  final: boolean,
  nameOf: (id: string) => string,
): string {
  if (final) return 'Everyone has signed. The agreement is final.';
  if (signedBy.length === 0) return 'No one has signed yet.';
  const mine = signedBy.includes(me);
  const others = signedBy.filter((id) => id !== me).map(nameOf);
  if (mine && others.length === 0) return 'You signed. Waiting for the others to sign.';
  const names = mine ? ['you', ...others] : others;
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0];
  return `Signed by ${list}.${mine ? ' Waiting for the others to sign.' : ''}`;
}
