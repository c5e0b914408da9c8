/** The experiments that ship with scalebench, in the order `scalebench run` runs them. */
import { asyncExperiment } from './experiments/async.ts';
import { cachingExperiment } from './experiments/caching.ts';
import { clonesExperiment } from './experiments/clones.ts';
import { databaseExperiment } from './experiments/database.ts';
import type { ExperimentDefinition } from './types.ts';

export const builtinExperiments: ExperimentDefinition[] = [
  clonesExperiment,
  cachingExperiment,
  asyncExperiment,
  databaseExperiment,
];
