/**
 * Sentence-level chrF (Popović 2015) as sacrebleu computes it by default: character n-grams 1..6,
 * whitespace removed, precision and recall averaged over n, beta = 2; with several references the best
 * one counts.
 */
function grams(s: string, n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= s.length; i++) {
    const g = s.slice(i, i + n);
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export function chrf(hyp: string, ref: string, maxN = 6, beta = 2): number {
  const h = hyp.replace(/\s+/g, '');
  const r = ref.replace(/\s+/g, '');
  let pSum = 0;
  let rSum = 0;
  let nCount = 0;
  for (let n = 1; n <= maxN; n++) {
    const hg = grams(h, n);
    const rg = grams(r, n);
    let hTot = 0;
    let rTot = 0;
    let match = 0;
    for (const v of hg.values()) hTot += v;
    for (const v of rg.values()) rTot += v;
    if (hTot === 0 && rTot === 0) continue;
    for (const [g, v] of hg) match += Math.min(v, rg.get(g) ?? 0);
    pSum += hTot ? match / hTot : 0;
    rSum += rTot ? match / rTot : 0;
    nCount++;
  }
  if (nCount === 0) return 0;
  const p = pSum / nCount;
  const rc = rSum / nCount;
  if (p + rc === 0) return 0;
  const b2 = beta * beta;
  return (100 * (1 + b2) * p * rc) / (b2 * p + rc);
}

export function chrfMulti(hyp: string, refs: string[]): number {
  let best = 0;
  for (const r of refs) best = Math.max(best, chrf(hyp, r));
  return best;
}
