/**
 * The workshop profile (`run --profile workshop`, `--demo`): the quick profile's variants, each long
 * enough to watch and talk over — 2 s of warm-up, then 24 s measured in three thirds: before the fault,
 * with it (a kill 8 s in), and after it is undone (the clone or worker back 16 s in). Rates, flows,
 * thresholds and the capacity search stay the experiment's own.
 */
import type { ExperimentDefinition, FaultStep, LoadProfile } from './types.ts';

export const WORKSHOP_WARMUP = '2s';
export const WORKSHOP_SECONDS = 24;
/** the fault at the end of the first third, undone at the end of the second */
const KILL_AT = WORKSHOP_SECONDS / 3;
const BACK_AT = (2 * WORKSHOP_SECONDS) / 3;

function longer(load: LoadProfile): LoadProfile {
  const executor = load.executor;
  if (!('duration' in executor)) return load;
  return { executor: { ...executor, duration: `${WORKSHOP_SECONDS}s` }, warmup: WORKSHOP_WARMUP };
}

/** each kill moved to a third of the way in, and undone at two thirds; other faults kept as they are */
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
