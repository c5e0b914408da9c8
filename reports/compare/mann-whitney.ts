/**
 * Two-sided Mann–Whitney U test: exact distribution for small samples without ties (the usual case for
 * a handful of trials), normal approximation with tie and continuity correction otherwise.
 */

function ranks(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const out = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    const rank = (start + end) / 2 + 1;
    for (let i = start; i <= end; i += 1) out[order[i]!.index] = rank;
    const tied = end - start + 1;
    tieTerm += tied ** 3 - tied;
    start = end + 1;
  }
  return { ranks: out, tieTerm };
}

/** counts[u] = number of orderings of m + n items whose U statistic equals u */
function exactCounts(m: number, n: number): number[] {
  let table: number[][] = Array.from({ length: n + 1 }, () => [1]);
  for (let i = 1; i <= m; i += 1) {
    const next: number[][] = [[1]];
    for (let j = 1; j <= n; j += 1) {
      const size = i * j + 1;
      const row = new Array<number>(size).fill(0);
      for (let u = 0; u < size; u += 1) {
        row[u] = (next[j - 1]![u] ?? 0) + (u - j >= 0 ? (table[j]![u - j] ?? 0) : 0);
      }
      next.push(row);
    }
    table = next;
  }
  return table[n]!;
}

function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 approximation of erf
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

export interface MannWhitneyResult {
  u: number;
  pValue: number;
  method: 'exact' | 'normal';
}

export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return { u: 0, pValue: 1, method: 'exact' };
  const { ranks: all, tieTerm } = ranks([...a, ...b]);
  const rankSumA = all.slice(0, m).reduce((sum, rank) => sum + rank, 0);
  const u = rankSumA - (m * (m + 1)) / 2;
  if (tieTerm === 0 && m + n <= 40) {
    const counts = exactCounts(m, n);
    const total = counts.reduce((sum, count) => sum + count, 0);
    const low = counts.slice(0, Math.floor(u) + 1).reduce((sum, count) => sum + count, 0);
    const high = counts.slice(Math.ceil(u)).reduce((sum, count) => sum + count, 0);
    return { u, pValue: Math.min(1, (2 * Math.min(low, high)) / total), method: 'exact' };
  }
  const meanU = (m * n) / 2;
  const variance = ((m * n) / 12) * (m + n + 1 - tieTerm / ((m + n) * (m + n - 1)));
  if (variance <= 0) return { u, pValue: 1, method: 'normal' };
  const z = (Math.abs(u - meanU) - 0.5) / Math.sqrt(variance);
  if (z <= 0) return { u, pValue: 1, method: 'normal' };
  return { u, pValue: Math.min(1, 2 * (1 - normalCdf(z))), method: 'normal' };
}
