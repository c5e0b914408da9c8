/**
 * The request-phases table of an experiment: for each variant whose results carry phases, one row per
 * phase (k6's names: http_req_connecting, http_req_tls_handshaking, http_req_waiting = time to first
 * byte, http_req_receiving) with percentiles over all its trials' requests (histograms merged exactly).
 * Connecting and TLS handshake rows whose p99 is 0 (99% of requests and more went over a reused
 * connection) say nothing but "0.0 ms": they are left out, and `note` says so.
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
  /** what the table leaves out, for the line above it (absent: nothing) */
  note?: string;
}

const CONNECTION_PHASES: readonly string[] = ['connecting', 'tlsHandshaking'];
/** below this a phase took no time: the histograms record at least 1 µs */
const ZERO_MS = 0.01;

export function phaseTable(experiment: ExperimentView): PhaseTable | null {
  const rows: string[][] = [];
  let omitted = 0;
  for (const variant of experiment.variants) {
    const merged = mergePhaseSets(variant.encodedPhases);
    if (!merged) continue;
    const stats = summarizePhases(merged);
    for (const phase of PHASES) {
      const s = stats[phase];
      if (CONNECTION_PHASES.includes(phase) && s.p99 < ZERO_MS) {
        omitted += 1;
        continue;
      }
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
    ...(omitted > 0
      ? {
          note: `${omitted} connecting / TLS handshake rows left out: p99 0 ms, so at least 99% of requests reused a connection`,
        }
      : {}),
  };
}
