/**
 * The request-phases table of an experiment: for each variant whose results carry phases, one row per
 * phase (k6's names: http_req_connecting, http_req_tls_handshaking, http_req_waiting = time to first
 * byte, http_req_receiving) with percentiles over all its trials' requests (histograms merged exactly).
 */
import { mergePhaseSets, summarizePhases } from '../../results/histogram.ts';
import { PHASE_METRIC_NAMES, PHASES } from '../../results/phases.ts';
import { formatMs } from './units.ts';
import type { ExperimentView } from './views.ts';

export interface PhaseTable {
  headers: string[];
  /** right-aligned columns */
  numeric: boolean[];
  rows: string[][];
}

export function phaseTable(experiment: ExperimentView): PhaseTable | null {
  const rows: string[][] = [];
  for (const variant of experiment.variants) {
    const merged = mergePhaseSets(variant.encodedPhases);
    if (!merged) continue;
    const stats = summarizePhases(merged);
    for (const phase of PHASES) {
      const s = stats[phase];
      rows.push([
        variant.name,
        variant.protocol ?? '–',
        PHASE_METRIC_NAMES[phase],
        ...[s.p50, s.p90, s.p99, s.p999, s.max].map(formatMs),
      ]);
    }
  }
  if (rows.length === 0) return null;
  return {
    headers: ['Variant', 'Protocol', 'Phase', 'p50', 'p90', 'p99', 'p99.9', 'max'],
    numeric: [false, false, false, true, true, true, true, true],
    rows,
  };
}
