/**
 * Correctness verdicts on evidence. Each failure count is a share of the cases judged in the same unit
 * (sessions, jobs, reads, read-your-writes checks), shown with a 95% Wilson interval; a verdict ("0
 * lost", "lost") is given only when enough cases were judged — at least MIN_JUDGED, and at least
 * MIN_JUDGED_SHARE of those started (judged + unjudged). Otherwise the verdict is "not enough evidence".
 */

/** fewer judged cases than this give no verdict */
export const MIN_JUDGED = 100;
/** nor do judged cases under this share of those started (most given up unjudged) */
export const MIN_JUDGED_SHARE = 0.5;

/** How a failure count is judged: the counter of the cases judged, and of those given up unjudged. */
export interface CorrectnessUnit {
  /** e.g. 'sessionsLost' */
  violation: string;
  /** the cases judged, in the violation's unit, e.g. 'sessions' */
  judged: string;
  /** the cases started but not judged (a transport failure), same unit; null when the flow has none */
  unjudged: string | null;
  /** plural noun for "7 sessions judged" */
  unit: string;
  /** what the violation counts: 'sessions lost' */
  label: string;
}

export const correctnessUnits: readonly CorrectnessUnit[] = [
  {
    violation: 'sessionsLost',
    judged: 'sessions',
    unjudged: 'sessionsUnjudged',
    unit: 'sessions',
    label: 'sessions lost',
  },
  {
    violation: 'staleReads',
    judged: 'reads',
    unjudged: 'readsUnjudged',
    unit: 'reads',
    label: 'stale reads',
  },
  {
    violation: 'rywViolations',
    judged: 'rywChecks',
    unjudged: 'rywUnjudged',
    unit: 'RYW checks',
    label: 'RYW violations',
  },
  // jobs the target accepted (warm-up included), as the drain counted them
  { violation: 'jobsLost', judged: 'jobsAccepted', unjudged: null, unit: 'jobs', label: 'jobs lost' },
  {
    violation: 'jobsDuplicated',
    judged: 'jobsAccepted',
    unjudged: null,
    unit: 'jobs',
    label: 'jobs run twice',
  },
  // jobs the flow submitted in the measured part and polled
  {
    violation: 'jobsNotSeenDone',
    judged: 'jobsSubmitted',
    unjudged: null,
    unit: 'jobs',
    label: 'jobs never seen done',
  },
];

export function correctnessUnit(violation: string): CorrectnessUnit | undefined {
  return correctnessUnits.find((unit) => unit.violation === violation);
}

export interface Interval {
  lower: number;
  upper: number;
}

/** The 95% Wilson score interval of `failed` out of `judged` (0..1); null with nothing judged. */
export function wilson95(failed: number, judged: number): Interval | null {
  if (judged <= 0) return null;
  const z = 1.959964;
  const p = failed / judged;
  const z2n = (z * z) / judged;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / judged + z2n / (4 * judged))) / (1 + z2n);
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

export type EvidenceVerdict = 'clean' | 'failed' | 'not-enough-evidence';

export interface Evidence {
  violation: string;
  unit: string;
  label: string;
  failed: number;
  judged: number;
  unjudged: number;
  /** judged + unjudged */
  started: number;
  /** failed / judged; null with nothing judged */
  rate: number | null;
  interval: Interval | null;
  verdict: EvidenceVerdict;
}

/** Whether `judged` of `started` cases are enough for a verdict. */
export function enoughEvidence(judged: number, started: number): boolean {
  return judged >= MIN_JUDGED && judged >= MIN_JUDGED_SHARE * started;
}

/**
 * The evidence for one failure count of a variant's correctness figures; null when it was not reported,
 * its judged count was not recorded, or nothing was started that it could count.
 */
export function evidenceOf(
  correctness: Readonly<Record<string, number>>,
  violation: string,
): Evidence | null {
  const unit = correctnessUnit(violation);
  const failed = correctness[violation];
  // a file without the judged count (written before it was recorded) has no evidence to show
  if (!unit || failed === undefined || correctness[unit.judged] === undefined) return null;
  const judged = correctness[unit.judged]!;
  const unjudged = unit.unjudged === null ? 0 : (correctness[unit.unjudged] ?? 0);
  const started = judged + unjudged;
  // nothing started and nothing failed: the count does not apply to this variant (sync work has no jobs)
  if (started === 0 && failed === 0) return null;
  const verdict: EvidenceVerdict = !enoughEvidence(judged, started)
    ? 'not-enough-evidence'
    : failed > 0
      ? 'failed'
      : 'clean';
  return {
    violation,
    unit: unit.unit,
    label: unit.label,
    failed,
    judged,
    unjudged,
    started,
    rate: judged > 0 ? failed / judged : null,
    interval: wilson95(failed, judged),
    verdict,
  };
}

/** Every reported failure count with its evidence, in the order of `correctnessUnits`. */
export function evidenceFor(correctness: Readonly<Record<string, number>>): Evidence[] {
  return correctnessUnits.flatMap((unit) => {
    const evidence = evidenceOf(correctness, unit.violation);
    return evidence ? [evidence] : [];
  });
}

/** 'not enough evidence: 7 sessions judged' (and how many were started, when most were not judged) */
export function notEnoughText(evidence: Evidence): string {
  const of = evidence.unjudged > 0 ? ` of ${count(evidence.started)} started` : '';
  return `not enough evidence: ${count(evidence.judged)} ${evidence.unit} judged${of}`;
}

/** 0.042 → '4.2%' (as reports print shares) */
export function percentText(fraction: number): string {
  const percent = fraction * 100;
  if (percent === 0) return '0%';
  if (percent >= 10) return `${percent.toFixed(0)}%`;
  if (percent >= 0.1) return `${percent.toFixed(1)}%`;
  return `${percent.toFixed(2)}%`;
}

/** '95% CI 94–100%' */
export function intervalText(interval: Interval): string {
  return `95% CI ${percentText(interval.lower)}–${percentText(interval.upper)}`;
}

/** '57 of 230' and what stands in brackets after it: '25%, 95% CI 20–31%' or 'not enough evidence: …' */
export function evidenceParts(evidence: Evidence): { figure: string; note: string } {
  const figure = `${count(evidence.failed)} of ${count(evidence.judged)}`;
  if (evidence.verdict === 'not-enough-evidence') return { figure, note: notEnoughText(evidence) };
  const share = evidence.failed > 0 && evidence.rate !== null ? `${percentText(evidence.rate)}, ` : '';
  return { figure, note: `${share}${evidence.interval ? intervalText(evidence.interval) : ''}` };
}

/**
 * The figure with its evidence, as every output prints it: '57 of 57 sessions (100%, 95% CI 94%–100%)',
 * '0 of 1,234 sessions (95% CI 0%–0.31%)', or '0 of 7 sessions (not enough evidence: 7 sessions judged)'.
 */
export function evidenceFigure(evidence: Evidence): string {
  const { figure, note } = evidenceParts(evidence);
  return `${figure} ${evidence.unit} (${note})`;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');
