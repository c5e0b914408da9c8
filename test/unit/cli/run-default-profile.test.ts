/**
 * `scalebench run` with no profile flag runs the default profile: 3 trials of 6 s per variant at each
 * built-in experiment's quick rate (below its smallest capacity), not the hour-long full one; `--profile
 * full` keeps 5 trials of 30 s; an experiment of your own without a default profile runs its full one.
 */
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../../cli/context.ts';
import { parseRunOptions, type RunFlags } from '../../../cli/run.ts';
import { builtinExperiments as builtInExperiments } from '../../../scenarios/builtin.ts';
import { profileLoad } from '../../../scenarios/types.ts';

const ctx = { cwd: '/tmp' } as CliContext;
const flags: RunFlags = { out: 'out', format: 'json', stack: 'local' };

describe('the default profile', () => {
  it('is what runs without a flag: 3 trials; quick 1, full 5, --trials over all', () => {
    expect(parseRunOptions([], flags, ctx)).toMatchObject({ profile: 'default', trials: 3 });
    expect(parseRunOptions([], { ...flags, quick: true }, ctx)).toMatchObject({
      profile: 'quick',
      trials: 1,
    });
    expect(parseRunOptions([], { ...flags, profile: 'full' }, ctx)).toMatchObject({
      profile: 'full',
      trials: 5,
    });
    expect(parseRunOptions([], { ...flags, trials: '2' }, ctx).trials).toBe(2);
  });

  it('drives each built-in experiment 6 s at its quick rate, after its quick warm-up or 2 s', () => {
    for (const experiment of builtInExperiments) {
      const load = profileLoad(experiment, 'default');
      const quick = experiment.profiles.quick.executor as { rate: number };
      expect(load.executor).toMatchObject({
        executor: 'constant-arrival-rate',
        duration: '6s',
        rate: quick.rate,
      });
      expect(['2000ms', experiment.profiles.quick.warmup]).toContain(load.warmup);
    }
  });

  it('falls back to the full profile for an experiment that has none', () => {
    const [experiment] = builtInExperiments;
    const { default: _none, ...profiles } = experiment!.profiles;
    expect(profileLoad({ profiles }, 'default')).toBe(profiles.full);
  });
});
