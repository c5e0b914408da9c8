/**
 * The per-step table: one row per variant and step (request name of a flow, target of a multi-target
 * bench) with its own response-time percentiles, all trials merged exactly. Shown when some variant
 * has two or more steps with per-step histograms.
 */
import type { StepStats } from '../../results/schema.ts';
import { formatCount, formatMs, formatPercent, formatRate } from '../model/units.ts';
import type { ExperimentView } from '../model/views.ts';
import { alignedTable, type Column } from './table.ts';

export interface StepRow {
  variant: string;
  step: StepStats;
  seconds: number;
}

export function stepRows(experiment: ExperimentView): StepRow[] {
  const measured = (steps: StepStats[]) => steps.filter((step) => step.latency !== undefined);
  if (!experiment.variants.some((variant) => measured(variant.steps).length >= 2)) return [];
  return experiment.variants.flatMap((variant) =>
    measured(variant.steps).map((step) => ({ variant: variant.name, step, seconds: variant.seconds })),
  );
}

const errorsOf = (step: StepStats) => Object.values(step.errors).reduce((sum, count) => sum + count, 0);
const latency = (header: string, pick: (step: StepStats) => number): Column<StepRow> => ({
  header,
  numeric: true,
  cell: (row) => formatMs(pick(row.step)),
});

export function stepColumns(experiment: ExperimentView): Column<StepRow>[] {
  return [
    ...(experiment.variants.length > 1
      ? [{ header: 'Variant', numeric: false, cell: (row: StepRow) => row.variant }]
      : []),
    { header: 'Step', numeric: false, cell: (row) => row.step.name },
    { header: 'Requests', numeric: true, cell: (row) => formatCount(row.step.requests) },
    {
      header: 'Rate (req/s)',
      numeric: true,
      cell: (row) => (row.seconds > 0 ? formatRate(row.step.requests / row.seconds) : '–'),
    },
    {
      header: 'Errors',
      numeric: true,
      cell: (row) => formatPercent(errorsOf(row.step) / Math.max(1, row.step.requests)),
    },
    latency('p50', (step) => step.latency!.response.p50),
    latency('p90', (step) => step.latency!.response.p90),
    latency('p99', (step) => step.latency!.response.p99),
    latency('p99.9', (step) => step.latency!.response.p999),
    latency('max', (step) => step.latency!.response.max),
    latency('Service p50', (step) => step.latency!.service.p50),
    latency('Service p99', (step) => step.latency!.service.p99),
  ];
}

/** The per-step table as Markdown, or '' when no variant has two measured steps. */
export function markdownStepTable(experiment: ExperimentView): string {
  const rows = stepRows(experiment);
  return rows.length === 0 ? '' : alignedTable(stepColumns(experiment), rows);
}
