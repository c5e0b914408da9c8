import { describe, expect, it } from 'vitest';
import {
  comparisonRate,
  type MeasuredVariant,
  survivingShare,
} from '../../../../orchestration/run/comparison-rate.ts';

const kill = { at: '2s', action: 'kill' as const, kind: 'clone' as const, index: 0 };
const fleet = (name: string, capacity: number | null, clones: number, faults = [kill]): MeasuredVariant => ({
  name,
  capacity,
  capped: false,
  clones,
  faults: clones === 1 ? [] : faults,
});

describe('the rate variants are compared at', () => {
  it('is the fraction of the smallest capacity', () => {
    const rate = comparisonRate([fleet('stateless-1', 45, 1), fleet('stateless-4', 165, 4)], 0.7, 30);
    expect(rate).toMatchObject({ rate: 31, derivation: 'from-capacity', from: 'stateless-1' });
    expect(rate.limitingCapacity).toBe(45);
    expect(rate.reason).toBe("70% of stateless-1's capacity 45/s, the smallest of the compared variants");
  });

  it('counts a fleet after its fault: two clones with one killed carry one clone', () => {
    expect(survivingShare({ clones: 2, faults: [kill] })).toBe(0.5);
    expect(survivingShare({ clones: 4, faults: [kill] })).toBe(0.75);
    expect(survivingShare({ clones: 1, faults: [] })).toBe(1);
    // a worker's death does not shrink the web tier
    expect(survivingShare({ clones: 2, faults: [{ ...kill, kind: 'worker' }] })).toBe(1);
    const rate = comparisonRate([fleet('stateless-1', 50, 1), fleet('stateless-2', 90, 2)], 0.7, 30);
    expect(rate).toMatchObject({ rate: 31, from: 'stateless-2', limitingCapacity: 45 });
    expect(rate.reason).toContain('after its fault');
  });

  it('leaves out a variant with no capacity, and keeps one decimal below 10/s', () => {
    const rate = comparisonRate([fleet('stateful-2', null, 2), { ...fleet('sync', 12, 1) }], 0.7, 12);
    expect(rate).toMatchObject({ rate: 8.4, from: 'sync', derivation: 'from-capacity' });
  });

  it('falls back to the declared rate, marked so, when no search found one', () => {
    expect(comparisonRate([fleet('stateful-2', null, 2)], 0.7, 30)).toMatchObject({
      rate: 30,
      derivation: 'fixed',
      reason: 'no capacity search found a rate that held: the scenario’s declared rate',
    });
    expect(comparisonRate([], 0.5, 12)).toMatchObject({ rate: 12, derivation: 'fixed', fraction: 0.5 });
  });
});
