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
}

export const correctnessUnits: readonly CorrectnessUnit[] = [
  { violation: 'sessionsLost', judged: 'sessions', unjudged: 'sessionsUnjudged', unit: 'sessions' },
  { violation: 'staleReads', judged: 'reads', unjudged: 'readsUnjudged', unit: 'reads' },
  { violation: 'rywViolations', judged: 'rywChecks', unjudged: 'rywUnjudged', unit: 'RYW checks' },
  // jobs the target accepted (warm-up included), as the drain counted them
  { violation: 'jobsLost', judged: 'jobsAccepted', unjudged: null, unit: 'jobs' },
  { violation: 'jobsDuplicated', judged: 'jobsAccepted', unjudged: null, unit: 'jobs' },
  // jobs the flow submitted in the measured part and polled
  { violation: 'jobsNotSeenDone', judged: 'jobsSubmitted', unjudged: null, unit: 'jobs' },
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

/** The evidence for one failure count of a variant's correctness figures; null when it was not reported. */
export function evidenceOf(
  correctness: Readonly<Record<string, number>>,
  violation: string,
): Evidence | null {
  const unit = correctnessUnit(violation);
  const failed = correctness[violation];
  if (!unit || failed === undefined) return null;
  const judged = correctness[unit.judged] ?? 0;
  const unjudged = unit.unjudged === null ? 0 : (correctness[unit.unjudged] ?? 0);
  const started = judged + unjudged;
  const verdict: EvidenceVerdict = !enoughEvidence(judged, started)
    ? 'not-enough-evidence'
    : failed > 0
      ? 'failed'
      : 'clean';
  return {
    violation,
    unit: unit.unit,
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
  const of = evidence.unjudged > 0 ? ` of ${evidence.started} started` : '';
  return `not enough evidence: ${evidence.judged} ${evidence.unit} judged${of}`;
}
