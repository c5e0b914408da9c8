/**
 * The live page names what it draws in words an audience reads: every counter and sampled figure of
 * the built-in experiments has a human name (no `sessionsUnjudged` in a legend), every failure the
 * reports know is a failure on the page too, and every built-in variant says in one line what it is.
 */
import { describe, expect, it } from 'vitest';
import { pageLabels } from '../../../../reports/dashboard/dashboard-labels.ts';
import { correctnessMetrics } from '../../../../reports/model/correctness-metrics.ts';
import { builtinExperiments } from '../../../../scenarios/builtin.ts';

describe('the live page names every series in words', () => {
  const labels = pageLabels();

  it('has a name for every counter and sampled figure of the built-in experiments', () => {
    const keys = builtinExperiments.flatMap((experiment) => [
      ...(experiment.counters ?? []),
      ...(experiment.sample ?? []),
    ]);
    const unnamed = keys.filter((key) => labels.names[key] === undefined);
    expect(unnamed).toEqual([]);
    expect(labels.names['sessionsUnjudged']).toBe('sessions not judged (a request failed)');
    expect(labels.names['sessions']).toBe('sessions (total)');
  });

  it('treats as failures exactly the correctness metrics of the reports', () => {
    expect(labels.failures.map((failure) => failure.violation)).toEqual(
      correctnessMetrics.map((metric) => metric.violation),
    );
    expect(labels.totals).toContain('sessions');
    expect(labels.totals).not.toContain('sessionsLost');
  });

  it('describes every built-in variant in one plain line', () => {
    const variants = builtinExperiments.flatMap((experiment) =>
      experiment.variants.map((variant) => ({
        name: `${experiment.name}/${variant.name}`,
        line: variant.description,
      })),
    );
    expect(variants.filter((variant) => !variant.line)).toEqual([]);
    for (const variant of variants) expect(variant.line!.length).toBeLessThan(110);
    expect(variants.find((variant) => variant.name === 'clones/stateful-4')?.line).toBe(
      '4 clones, sessions in process memory, round-robin balancer; clone 0 killed mid-trial',
    );
  });
});
