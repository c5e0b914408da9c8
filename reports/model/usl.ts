/**
 * The Universal Scalability Law (Gunther): the capacity of N clones is
 *   C(N) = λN / (1 + σ(N−1) + κN(N−1))
 * where λ is one clone's capacity, σ the share of work that queues on something shared (contention: a
 * balancer, one Redis) and κ the cost of clones keeping each other coherent (crosstalk). σ = κ = 0 is
 * linear scaling; σ > 0 alone bends the curve towards a ceiling of λ/σ; κ > 0 makes it peak at
 * N* = √((1−σ)/κ) and fall after. The fit is least squares on the linearized form with λ taken from the
 * one-clone measurement, σ and κ kept ≥ 0; it needs three clone counts or more, and is refused when
 * the curve it gives misses the measured points (R² < 0.9) rather than predicting from it.
 */

export interface ScalingPoint {
  clones: number;
  /** capacity in iterations/s */
  capacity: number;
}

export type UslFit =
  | {
      kind: 'fit';
      lambda: number;
      sigma: number;
      kappa: number;
      /** how much of the measured capacities' spread the curve explains */
      r2: number;
      /** where capacity peaks (κ > 0), null when it only approaches its ceiling */
      peakClones: number | null;
      /** the most capacity the design reaches: at the peak, or λ/σ in the limit; null when linear */
      ceiling: number | null;
    }
  | { kind: 'refused'; reason: string };

export const MIN_USL_POINTS = 3;
export const MIN_USL_R2 = 0.9;

export function uslCapacity(fit: { lambda: number; sigma: number; kappa: number }, clones: number): number {
  return (fit.lambda * clones) / (1 + fit.sigma * (clones - 1) + fit.kappa * clones * (clones - 1));
}

export function fitUsl(points: readonly ScalingPoint[]): UslFit {
  const usable = points.filter((point) => point.clones >= 1 && point.capacity > 0);
  const counts = new Set(usable.map((point) => point.clones));
  if (counts.size < MIN_USL_POINTS)
    return {
      kind: 'refused',
      reason: `needs capacity at ${MIN_USL_POINTS} clone counts or more, has ${counts.size}`,
    };
  const one = usable.filter((point) => point.clones === 1);
  if (one.length === 0) return { kind: 'refused', reason: 'needs the capacity of one clone' };
  const lambda = one.reduce((sum, point) => sum + point.capacity, 0) / one.length;
  // y = λN/C − 1 = σ(N−1) + κN(N−1): least squares through the origin in (σ, κ)
  const rows = usable
    .filter((point) => point.clones > 1)
    .map((point) => ({
      a: point.clones - 1,
      b: point.clones * (point.clones - 1),
      y: (lambda * point.clones) / point.capacity - 1,
    }));
  const [sigma, kappa] = nonNegativeLeastSquares(rows);
  const fit = { lambda, sigma, kappa };
  const r2 = determination(usable, fit);
  if (r2 < MIN_USL_R2)
    return {
      kind: 'refused',
      reason: `the curve misses the measured points (R² ${r2.toFixed(2)} < ${MIN_USL_R2})`,
    };
  const peakClones = kappa > 0 ? Math.sqrt(Math.max(0, 1 - sigma) / kappa) : null;
  const ceiling =
    peakClones !== null ? uslCapacity(fit, Math.max(1, peakClones)) : sigma > 0 ? lambda / sigma : null;
  return { kind: 'fit', ...fit, r2, peakClones, ceiling };
}

/** min Σ (a·σ + b·κ − y)² with σ, κ ≥ 0: the unconstrained solution, else the best on either axis */
function nonNegativeLeastSquares(rows: { a: number; b: number; y: number }[]): [number, number] {
  const sum = (f: (row: { a: number; b: number; y: number }) => number) => rows.reduce((s, r) => s + f(r), 0);
  const aa = sum((r) => r.a * r.a);
  const bb = sum((r) => r.b * r.b);
  const ab = sum((r) => r.a * r.b);
  const ay = sum((r) => r.a * r.y);
  const by = sum((r) => r.b * r.y);
  const det = aa * bb - ab * ab;
  if (Math.abs(det) > 1e-12) {
    const sigma = (ay * bb - by * ab) / det;
    const kappa = (aa * by - ab * ay) / det;
    if (sigma >= 0 && kappa >= 0) return [sigma, kappa];
  }
  const residual = (sigma: number, kappa: number) => sum((r) => (r.a * sigma + r.b * kappa - r.y) ** 2);
  const candidates: [number, number][] = [
    [Math.max(0, aa > 0 ? ay / aa : 0), 0],
    [0, Math.max(0, bb > 0 ? by / bb : 0)],
    [0, 0],
  ];
  return candidates.reduce((best, next) =>
    residual(next[0], next[1]) < residual(best[0], best[1]) ? next : best,
  );
}

function determination(
  points: readonly ScalingPoint[],
  fit: { lambda: number; sigma: number; kappa: number },
): number {
  const mean = points.reduce((sum, point) => sum + point.capacity, 0) / points.length;
  const total = points.reduce((sum, point) => sum + (point.capacity - mean) ** 2, 0);
  const residual = points.reduce(
    (sum, point) => sum + (point.capacity - uslCapacity(fit, point.clones)) ** 2,
    0,
  );
  return total === 0 ? 1 : 1 - residual / total;
}
