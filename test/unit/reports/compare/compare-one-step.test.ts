/**
 * `compare --step checkout` judges one step's own requests: a delay added to checkout only regresses
 * checkout, not login; a step neither file has is an input error naming the steps there are.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../core/seeded-random.ts';
import { compareResults } from '../../../../reports/compare/compare.ts';
import { resolveMetrics } from '../../../../reports/compare/metrics.ts';
import {
  createHistogram,
  encodeHistogram,
  recordMs,
  summarizeHistogram,
} from '../../../../results/histogram.ts';
import type { StepStats, SuiteResults } from '../../../../results/schema.ts';
import { buildSuiteFixture } from '../../../helpers/results-fixtures.ts';

function step(name: string, baseMs: number, random: () => number): StepStats {
  const histogram = createHistogram();
  for (let i = 0; i < 400; i += 1) recordMs(histogram, baseMs + random() * 2);
  const stats = summarizeHistogram(histogram);
  const encoded = encodeHistogram(histogram);
  return {
    name,
    requests: 400,
    errors: {},
    latency: { response: stats, service: stats },
    histograms: { response: encoded, service: encoded },
  };
}

function withSteps(seed: number, checkoutMs: number): SuiteResults {
  const results = buildSuiteFixture({ experiments: ['clones'], trials: 5, seconds: 5, seed });
  const random = seededRandom(seed);
  for (const variant of results.experiments[0]!.variants) {
    for (const trial of variant.trials) {
      trial.summary.steps = [step('login', 2, random), step('checkout', checkoutMs, random)];
    }
  }
  return results;
}

const options = (step: string) => ({ threshold: 0.1, metrics: resolveMetrics(['p50', 'p99']), step });

describe('compare one step', () => {
  const baseline = withSteps(1, 20);
  const candidate = withSteps(2, 40);

  it('finds the regression in the slower step only', () => {
    const checkout = compareResults(baseline, candidate, options('checkout'));
    expect(checkout.verdict).toBe('REGRESSED');
    expect(checkout.rows.every((row) => row.key.endsWith('/checkout'))).toBe(true);
    expect(checkout.rows.every((row) => row.verdict === 'REGRESSED')).toBe(true);
    const login = compareResults(baseline, candidate, options('login'));
    expect(login.rows.some((row) => row.verdict === 'REGRESSED')).toBe(false);
  });

  it('refuses a step that is in neither file', () => {
    expect(() => compareResults(baseline, candidate, options('checkot'))).toThrow(
      expect.objectContaining({
        exitCode: 2,
        message: "--step: no step named 'checkot' in the results",
        hint: 'steps are: checkout, login',
      }),
    );
  });
});
