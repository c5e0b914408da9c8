/**
 * The workshop profile (`run --profile workshop`, `--demo`): the quick profile's variants, each long
 * enough to watch and talk over — 2 s of warm-up, then 24 s measured: 8 s before the fault, the kill,
 * and its undoing asked for 14 s in (a clone takes a few seconds to start, so it is back with time left
 * to watch the traffic spread again). Rates, flows, thresholds and the capacity search stay the
 * experiment's own.
 */
import type { ExperimentDefinition, FaultStep, LoadProfile } from './types.ts';

export const WORKSHOP_WARMUP = '2s';
export const WORKSHOP_SECONDS = 24;
/** the fault at the end of the first third; undone a little past the middle */
const KILL_AT = 8;
const BACK_AT = 14;

function longer(load: LoadProfile): LoadProfile {
  const executor = load.executor;
  if (!('duration' in executor)) return load;
  return { executor: { ...executor, duration: `${WORKSHOP_SECONDS}s` }, warmup: WORKSHOP_WARMUP };
}

/** each kill moved to 8 s in and undone at 14 s; other faults kept as they are */
export function workshopFaults(faults: readonly FaultStep[]): FaultStep[] {
  return faults.flatMap((fault): FaultStep[] =>
    fault.action === 'kill'
      ? [
          { ...fault, at: `${KILL_AT}s` },
          { ...fault, action: 'restart', at: `${BACK_AT}s` },
        ]
      : [fault],
  );
}

/** The experiment as the workshop runs it: its quick profile stretched, its faults in the middle. */
export function workshopExperiment(experiment: ExperimentDefinition): ExperimentDefinition {
  return {
    ...experiment,
    profiles: { ...experiment.profiles, quick: longer(experiment.profiles.quick) },
    ...(experiment.faults ? { faults: workshopFaults(experiment.faults) } : {}),
    variants: experiment.variants.map((variant) =>
      variant.faults ? { ...variant, faults: workshopFaults(variant.faults) } : variant,
    ),
  };
}
