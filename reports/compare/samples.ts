/**
 * Pairs up the samples of two results files: one sample = one trial. A suite contributes one sample set
 * per experiment/variant; a bench file is one set under the key `bench`: its trials, or its one run. Mixing kinds, or suites with
 * nothing in common, is an input error. With a step, each trial is that step's own requests (the key
 * gains `/<step>`); a step that neither file has is an input error naming the steps there are.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { ResultsFile, Summary } from '../../results/schema.ts';
import { stepNames, stepSummary, unknownStepError } from '../../results/step-stats.ts';

export interface TrialSet {
  /** `<experiment>/<variant>` or `bench` */
  key: string;
  summaries: Summary[];
}

export function trialSets(results: ResultsFile): TrialSet[] {
  if (results.kind === 'bench') {
    return [{ key: 'bench', summaries: results.trials?.map((trial) => trial.summary) ?? [results.summary] }];
  }
  return results.experiments.flatMap((experiment) =>
    experiment.variants.map((variant) => ({
      key: `${experiment.name}/${variant.name}`,
      summaries: variant.trials.map((trial) => trial.summary),
    })),
  );
}

export interface PairedSets {
  pairs: { key: string; baseline: Summary[]; candidate: Summary[] }[];
  onlyInBaseline: string[];
  onlyInCandidate: string[];
}

/** Each set narrowed to one step's requests; trials where the step did not run are left out. */
function ofStep(sets: TrialSet[], step: string): TrialSet[] {
  return sets
    .map((set) => ({
      key: `${set.key}/${step}`,
      summaries: set.summaries.flatMap((summary) => stepSummary(summary, step) ?? []),
    }))
    .filter((set) => set.summaries.length > 0);
}

function setsOf(baseline: ResultsFile, candidate: ResultsFile, step: string | undefined) {
  const base = trialSets(baseline);
  const cand = trialSets(candidate);
  if (step === undefined) return { base, cand };
  const all = [...base, ...cand].flatMap((set) => set.summaries);
  const known = stepNames(all);
  if (!known.includes(step)) throw unknownStepError(step, known, '--step');
  return { base: ofStep(base, step), cand: ofStep(cand, step) };
}

export function pairTrialSets(baseline: ResultsFile, candidate: ResultsFile, step?: string): PairedSets {
  if (baseline.kind !== candidate.kind) {
    throw new ScalebenchError(
      'SB_ERR_RESULTS_FILE',
      `cannot compare a ${baseline.kind} results file with a ${candidate.kind} one`,
      { hint: 'compare two `scalebench run` results, or two `scalebench bench` results' },
    );
  }
  const sets = setsOf(baseline, candidate, step);
  return pairSets(sets.base, sets.cand);
}

/** Pairs sample sets by key (a history baseline pairs this way with a results file). */
export function pairSets(baselineSets: TrialSet[], candidateSets: TrialSet[]): PairedSets {
  const base = new Map(baselineSets.map((set) => [set.key, set.summaries]));
  const cand = new Map(candidateSets.map((set) => [set.key, set.summaries]));
  const pairs = [...base.entries()]
    .filter(([key]) => cand.has(key))
    .map(([key, summaries]) => ({ key, baseline: summaries, candidate: cand.get(key)! }));
  if (pairs.length === 0) {
    throw new ScalebenchError(
      'SB_ERR_RESULTS_FILE',
      'the two results files have no experiment/variant in common',
      {
        hint: 'run the same experiments for the baseline and the candidate',
      },
    );
  }
  return {
    pairs,
    onlyInBaseline: [...base.keys()].filter((key) => !cand.has(key)),
    onlyInCandidate: [...cand.keys()].filter((key) => !base.has(key)),
  };
}
