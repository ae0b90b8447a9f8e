/** What both training scripts need: settings from the environment and a seeded random order. */

/** A number from the environment (training settings: EPOCHS=12 npm run train:labels), or the default. */
export function envNumber(name: string, fallback: number): number {
  const v = process.env[name];
  return v === undefined || v === '' ? fallback : Number(v);
}

/** A small seeded generator (LCG), so that training is repeatable. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** Shuffles in place (Fisher-Yates): a new order of the training examples each epoch. */
export function shuffle<T>(a: T[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
