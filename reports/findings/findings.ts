/** The findings paragraph of an experiment, computed from its data: plain sentences, no markup. */
import type { ExperimentView } from '../model/views.ts';
import { backlogWarnings } from './backlog.ts';
import { capacityFindings } from './capacity.ts';
import { comparisonRateSentence } from './comparison-rate.ts';
import { correctnessFindings } from './correctness.ts';
import { latencyFindings } from './latency.ts';
import { seriesFindings } from './series.ts';
import { overloadWarnings, replicaDelaySentence } from './servers.ts';
import { trendFindings } from './trends.ts';

function validitySentences(experiment: ExperimentView): string[] {
  return experiment.variants
    .filter((variant) => !variant.valid)
    .map(
      (variant) =>
        `${variant.name} is invalid (${variant.invalidReasons.join('; ') || 'no reason given'}): its numbers are a lower bound.`,
    );
}

function trialsNote(experiment: ExperimentView): string[] {
  const trials = Math.min(...experiment.variants.map((variant) => variant.trials));
  return trials >= 2 ? [`Figures are means over ${trials} trials.`] : [];
}

export function experimentFindings(experiment: ExperimentView): string[] {
  if (experiment.variants.length === 0) return ['No variant has finished yet.'];
  return [
    ...[comparisonRateSentence(experiment)].filter((sentence): sentence is string => sentence !== null),
    ...latencyFindings(experiment),
    ...trendFindings(experiment),
    ...correctnessFindings(experiment),
    ...seriesFindings(experiment),
    ...[replicaDelaySentence(experiment)].filter((sentence): sentence is string => sentence !== null),
    ...capacityFindings(experiment),
    ...overloadWarnings(experiment).map((warning) => `${warning}.`),
    ...backlogWarnings(experiment).map((warning) => `${warning}.`),
    ...validitySentences(experiment),
    ...trialsNote(experiment),
  ];
}
