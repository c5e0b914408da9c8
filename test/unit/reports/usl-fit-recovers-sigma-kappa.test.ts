import { describe, expect, it } from 'vitest';
import { fitUsl, uslCapacity } from '../../../reports/model/usl.ts';

const curve = (lambda: number, sigma: number, kappa: number, counts: number[]) =>
  counts.map((clones) => ({ clones, capacity: uslCapacity({ lambda, sigma, kappa }, clones) }));

describe('the Universal Scalability Law fit', () => {
  it('recovers σ and κ from points on a curve', () => {
    const fit = fitUsl(curve(40, 0.05, 0.002, [1, 2, 4, 8]));
    expect(fit.kind).toBe('fit');
    if (fit.kind !== 'fit') return;
    expect(fit.lambda).toBeCloseTo(40);
    expect(fit.sigma).toBeCloseTo(0.05, 4);
    expect(fit.kappa).toBeCloseTo(0.002, 5);
    expect(fit.r2).toBeGreaterThan(0.999);
    // N* = √((1 − σ)/κ) ≈ 21.8 clones
    expect(fit.peakClones).toBeCloseTo(Math.sqrt(0.95 / 0.002), 3);
    expect(fit.ceiling).toBeCloseTo(uslCapacity(fit, fit.peakClones!), 6);
  });

  it('recovers σ and κ from noisy measurements within a tolerance', () => {
    const points = curve(40, 0.08, 0.004, [1, 2, 3, 4, 6, 8]).map((point, index) => ({
      ...point,
      capacity: point.capacity * (index % 2 === 0 ? 1.01 : 0.99),
    }));
    const fit = fitUsl(points);
    expect(fit.kind).toBe('fit');
    if (fit.kind !== 'fit') return;
    expect(fit.sigma).toBeGreaterThan(0.05);
    expect(fit.sigma).toBeLessThan(0.11);
    expect(fit.kappa).toBeGreaterThan(0.002);
    expect(fit.kappa).toBeLessThan(0.006);
  });

  it('gives linear scaling no ceiling, and contention alone the ceiling λ/σ', () => {
    const linear = fitUsl(curve(30, 0, 0, [1, 2, 4]));
    expect(linear).toMatchObject({ kind: 'fit', sigma: 0, kappa: 0, ceiling: null, peakClones: null });
    const amdahl = fitUsl(curve(30, 0.1, 0, [1, 2, 4]));
    expect(amdahl.kind).toBe('fit');
    if (amdahl.kind === 'fit') expect(amdahl.ceiling).toBeCloseTo(300, 3);
  });

  it('refuses two points, a missing one-clone figure, and a curve that misses the points', () => {
    expect(fitUsl(curve(40, 0.05, 0, [1, 4]))).toMatchObject({ kind: 'refused' });
    expect(fitUsl(curve(40, 0.05, 0, [2, 4, 8]))).toMatchObject({ kind: 'refused' });
    // 4 clones far above linear: no σ, κ ≥ 0 reaches it
    const wild = fitUsl([
      { clones: 1, capacity: 40 },
      { clones: 2, capacity: 20 },
      { clones: 4, capacity: 400 },
    ]);
    expect(wild).toMatchObject({ kind: 'refused' });
    if (wild.kind === 'refused') expect(wild.reason).toMatch(/R²/);
  });
});
