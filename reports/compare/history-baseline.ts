/**
 * `compare --baseline history:<branch> --last N`: the trials of a branch's last N runs in the history
 * become the baseline samples, set by set. Runs from other machines than the candidate's (or than each
 * other) still count, but never silently: a warning names both fingerprints.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { type HistoryRun, machineFingerprint } from '../../results/history-store.ts';
import type { Environment } from '../../results/schema.ts';
import type { TrialSet } from './samples.ts';

export interface HistoryBaseline {
  sets: TrialSet[];
  warnings: string[];
}

export function historyBaseline(runs: HistoryRun[], branch: string, candidate: Environment): HistoryBaseline {
  if (runs.length === 0) {
    throw new ScalebenchError('SB_ERR_RESULTS_FILE', `the history has no runs of branch '${branch}'`, {
      hint: `add some with \`scalebench history add results.json --branch ${branch}\``,
    });
  }
  const sets = new Map<string, TrialSet>();
  for (const run of runs) {
    for (const set of run.sets) {
      const into = sets.get(set.key) ?? { key: set.key, summaries: [] };
      into.summaries.push(...set.summaries);
      sets.set(set.key, into);
    }
  }
  const warnings: string[] = [];
  const machines = [...new Set(runs.map((run) => run.fingerprint))];
  if (machines.length > 1) {
    warnings.push(
      `the baseline runs of '${branch}' come from ${machines.length} machines: ${machines.map((m) => `'${m}'`).join(' and ')}`,
    );
  }
  const here = machineFingerprint(candidate);
  const others = machines.filter((machine) => machine !== here);
  if (others.length > 0) {
    warnings.push(
      `the candidate ran on '${here}' but baseline runs on ${others.map((m) => `'${m}'`).join(' and ')}; the comparison may reflect the machine, not the code`,
    );
  }
  return { sets: [...sets.values()], warnings };
}
