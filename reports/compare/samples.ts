/**
 * Pairs up the samples of two results files: one sample = one trial. A suite contributes one sample set
 * per experiment/variant; a bench file is one set under the key `bench`: its trials, or its one run. Mixing kinds, or suites with
 * nothing in common, is an input error.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { ResultsFile, Summary } from '../../results/schema.ts';

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

export function pairTrialSets(baseline: ResultsFile, candidate: ResultsFile): PairedSets {
  if (baseline.kind !== candidate.kind) {
    throw new ScalebenchError(
      'SB_ERR_RESULTS_FILE',
      `cannot compare a ${baseline.kind} results file with a ${candidate.kind} one`,
      { hint: 'compare two `scalebench run` results, or two `scalebench bench` results' },
    );
  }
  return pairSets(trialSets(baseline), trialSets(candidate));
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
