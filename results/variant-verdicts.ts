/**
 * What a variant may be called, from its recorded trials: its correctness figures with their evidence,
 * its errors outside the fault windows, and whether a plain ✓ may stand beside it. The terminal, the
 * reports, junit.xml and the dashboard's events all read this, so they cannot disagree.
 */
import {
  correctnessUnits,
  type Evidence,
  evidenceFigure,
  evidenceFor,
  notEnoughText,
  percentText,
} from './evidence.ts';
import { type ErrorsOutsideFaults, errorsOutsideFaults, MAX_ERROR_RATE } from './fault-window.ts';
import type { ThresholdOutcome, TrialResult } from './schema.ts';

/** a failure count above zero, with its evidence when the cases judged were recorded */
export interface Failure {
  violation: string;
  /** 'sessions lost' */
  label: string;
  failed: number;
  evidence: Evidence | null;
}

export interface VariantVerdict {
  /** every reported failure count (sessions lost, stale reads, ...) summed over trials, with its evidence */
  evidence: Evidence[];
  /** requests and errors outside the fault windows, summed over trials */
  errors: ErrorsOutsideFaults;
  /** more than MAX_ERROR_RATE of the requests outside the fault windows failed */
  failing: boolean;
  /** thresholds on a failure count judged on too few cases: neither passed nor failed */
  withoutEvidence: { threshold: ThresholdOutcome; evidence: Evidence }[];
  /** failure counts above zero that no threshold asked about: the pattern's failure, marked in reports */
  patternFailures: Failure[];
  /** every threshold passed on enough evidence, errors ≤ 1% outside faults, nothing lost */
  clean: boolean;
}

function sumCounts(records: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const record of records)
    for (const [key, value] of Object.entries(record)) out[key] = (out[key] ?? 0) + value;
  return out;
}

export function variantVerdict(variant: {
  trials: readonly Pick<TrialResult, 'correctness' | 'series' | 'faults'>[];
  thresholds: readonly ThresholdOutcome[];
}): VariantVerdict {
  const correctness = sumCounts(variant.trials.map((trial) => trial.correctness));
  const evidence = evidenceFor(correctness);
  const perTrial = variant.trials.map((trial) => errorsOutsideFaults(trial.series, trial.faults));
  const requests = perTrial.reduce((sum, trial) => sum + trial.requests, 0);
  const errorCount = perTrial.reduce((sum, trial) => sum + trial.errors, 0);
  const errors = { requests, errors: errorCount, rate: requests === 0 ? 0 : errorCount / requests };
  const asked = new Set(variant.thresholds.map((threshold) => threshold.metric));
  const withoutEvidence = variant.thresholds.flatMap((threshold) => {
    const found = evidence.find((e) => e.violation === threshold.metric);
    return found?.verdict === 'not-enough-evidence' ? [{ threshold, evidence: found }] : [];
  });
  const patternFailures = correctnessUnits.flatMap((unit): Failure[] => {
    const failed = correctness[unit.violation] ?? 0;
    if (failed === 0 || asked.has(unit.violation)) return [];
    const found = evidence.find((e) => e.violation === unit.violation) ?? null;
    return [{ violation: unit.violation, label: unit.label, failed, evidence: found }];
  });
  const failing = errors.rate > MAX_ERROR_RATE;
  const clean =
    !failing &&
    patternFailures.length === 0 &&
    withoutEvidence.length === 0 &&
    variant.thresholds.every((threshold) => threshold.passed);
  return { evidence, errors, failing, withoutEvidence, patternFailures, clean };
}

/**
 * One line per thing a reader must not miss, for the terminal and the dashboard: each failure count with
 * its evidence, a threshold judged on too little, and errors over 1% outside the fault windows.
 */
export function verdictLines(verdict: VariantVerdict): string[] {
  const pattern = new Set(verdict.patternFailures.map((failure) => failure.violation));
  const lines = verdict.evidence.map((e) => {
    const mark = e.failed > 0 && pattern.has(e.violation) ? " — the pattern's failure" : '';
    return `${e.label}: ${evidenceFigure(e)}${mark}`;
  });
  for (const failure of verdict.patternFailures.filter((f) => f.evidence === null))
    lines.push(`${failure.label}: ${failure.failed} — the pattern's failure`);
  for (const { threshold, evidence } of verdict.withoutEvidence)
    lines.push(
      `threshold ${threshold.metric} ${threshold.expression} not judged: ${notEnoughText(evidence)}`,
    );
  if (verdict.failing)
    lines.push(
      `errors outside fault windows: ${percentText(verdict.errors.rate)} of ${verdict.errors.requests} requests (over 1%)`,
    );
  return lines;
}
