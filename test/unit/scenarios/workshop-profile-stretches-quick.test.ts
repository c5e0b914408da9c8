/**
 * The workshop profile: each quick variant 26 s (2 s warm-up, 24 s measured) with its kill a third of
 * the way in and undone at 14 s; rates and variants stay the experiment's own. `--demo` is
 * `--profile workshop`; two different profiles at once are bad input.
 */
import { describe, expect, it } from 'vitest';
import { parseRunProfile } from '../../../cli/run-profile.ts';
import { ScalebenchError } from '../../../core/errors.ts';
import { compileSchedule } from '../../../load-model/plan/compile-plan.ts';
import { trialLength } from '../../../orchestration/run/trial-load.ts';
import { asyncExperiment } from '../../../scenarios/experiments/async.ts';
import { clonesExperiment } from '../../../scenarios/experiments/clones.ts';
import { workshopExperiment } from '../../../scenarios/workshop.ts';

describe('the workshop profile', () => {
  it('stretches the quick profile to 26 s per variant at the same rate', () => {
    const workshop = workshopExperiment(clonesExperiment);
    expect(trialLength(compileSchedule(workshop.profiles.quick))).toEqual({ warmupSeconds: 2, seconds: 26 });
    expect(workshop.profiles.quick.executor).toMatchObject({ rate: 30, duration: '24s' });
    expect(workshop.profiles.full).toBe(clonesExperiment.profiles.full);
    expect(workshop.variants.map((variant) => variant.name)).toEqual(
      clonesExperiment.variants.map((variant) => variant.name),
    );
  });

  it('kills a third of the way in and asks for the clone or worker back at 14 s', () => {
    expect(workshopExperiment(clonesExperiment).faults).toEqual([
      { at: '8s', action: 'kill', kind: 'clone', index: 0 },
      { at: '14s', action: 'restart', kind: 'clone', index: 0 },
    ]);
    const queued = workshopExperiment(asyncExperiment).variants.find((v) => v.name === 'queued-bullmq')!;
    expect(queued.faults).toEqual([
      { at: '8s', action: 'kill', kind: 'worker', index: 0 },
      { at: '14s', action: 'restart', kind: 'worker', index: 0 },
    ]);
    // a variant that runs without a fault still does
    expect(
      workshopExperiment(clonesExperiment).variants.find((v) => v.name === 'stateless-1')!.faults,
    ).toEqual([]);
  });

  it('is --profile workshop or --demo, on the quick variants; two profiles at once are refused', () => {
    expect(parseRunProfile({ demo: true })).toEqual({ profile: 'quick', workshop: true, name: 'workshop' });
    expect(parseRunProfile({ profile: 'workshop' })).toEqual(parseRunProfile({ demo: true }));
    expect(parseRunProfile({})).toEqual({ profile: 'default', workshop: false, name: 'default' });
    expect(parseRunProfile({ profile: 'full' })).toEqual({ profile: 'full', workshop: false, name: 'full' });
    expect(parseRunProfile({ quick: true })).toEqual({ profile: 'quick', workshop: false, name: 'quick' });
    expect(parseRunProfile({ quick: true, profile: 'quick' }).name).toBe('quick');
    expect(() => parseRunProfile({ quick: true, demo: true })).toThrow(ScalebenchError);
    expect(() => parseRunProfile({ profile: 'huge' })).toThrow(/not one of quick, default, full, workshop/);
  });
});
