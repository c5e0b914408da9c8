import { describe, expect, it } from 'vitest';
import { loadShare } from '../../../orchestration/run/load-share.ts';
import { overloadWarnings } from '../../../reports/findings/servers.ts';
import type { ExperimentView, VariantView } from '../../../reports/model/views.ts';
import type { VariantResult } from '../../../results/schema.ts';

const recorded = (targetRate: number, capacity: number | null, capped = false) =>
  ({ trials: [{ summary: { targetRate } }], capacity, capped }) as unknown as VariantResult;

describe('a trial rate above the capacity found', () => {
  it('is recorded as a share of the capacity', () => {
    expect(loadShare(recorded(60, 45))).toEqual({
      rate: 60,
      derivation: 'fixed',
      capacity: 45,
      share: 1.333,
    });
    expect(loadShare(recorded(30, null))).toEqual({
      rate: 30,
      derivation: 'fixed',
      capacity: null,
      share: null,
    });
    expect(loadShare(recorded(30, 400, true))).toMatchObject({ share: 0.075, atMost: true });
  });

  it('is warned of per variant, and a load below capacity is not', () => {
    const view = (name: string, variant: VariantResult) =>
      ({ name, load: loadShare(variant) ?? null }) as VariantView;
    const experiment = {
      name: 'clones',
      variants: [view('stateless-1', recorded(60, 45)), view('stateless-4', recorded(60, 165))],
    } as ExperimentView;
    expect(overloadWarnings(experiment)).toEqual([
      'stateless-1 was driven at 60.0/s = 133% of its capacity 45.0/s: its latency and errors are overload, not architecture',
    ]);
  });
});
