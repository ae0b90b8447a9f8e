/** 32-bit FNV-1a over UTF-16 code units. Deterministic across runs and machines. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Text as the split sees it: lower case, letters and digits only, single spaces. */
export function splitKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export type SplitName = 'train' | 'dev' | 'test';

/**
 * The held-out split, fixed before any tuning: 20% test, 10% dev, 70% train, by a hash of the
 * normalised text, so the same sentence lands in the same split wherever it appears
 * (ParaDetox and the Jigsaw sentences share sentences).
 */
export function splitOf(text: string): SplitName {
  const b = fnv1a(splitKey(text)) % 100;
  if (b < 20) return 'test';
  if (b < 30) return 'dev';
  return 'train';
}
