/**
 * The read/write trade-off in words, for flows that time reads (readMs) apart from writes (writeMs):
 * each variant's read p50 and write p50 against the first variant's, measured at the same arrival rate
 * — what denormalizing buys on reads and what it costs on writes, and what a replica does to both.
 */
import { compareFigures, comparisonNote } from '../model/comparison.ts';
import { formatMs } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';

const READ = 'readMs';
const WRITE = 'writeMs';

function clause(experiment: ExperimentView, key: string, label: string): string {
  const [baseline, ...others] = experiment.variants as [VariantView, ...VariantView[]];
  const base = baseline.trends[key]!.p50;
  const rest = others.map((variant) => {
    const stats = variant.trends[key]!.p50;
    const note = comparisonNote(compareFigures(baseline, variant, (v) => v.trends[key]!.p50));
    return `${variant.name} ${formatMs(stats.mean)} (${note})`;
  });
  return `${label} p50 ${baseline.name} ${formatMs(base.mean)} vs ${rest.join(', ')}`;
}

/** 'read p50 normalized 24.5 ms vs denormalized 4.8 ms (5.1× lower), …; write p50 …', or null */
export function readWritePart(experiment: ExperimentView): string | null {
  const variants = experiment.variants;
  const timed = (variant: VariantView) => variant.trends[READ] && variant.trends[WRITE];
  if (variants.length < 2 || !variants.every(timed)) return null;
  return `at the same rate, ${clause(experiment, READ, 'read')}; ${clause(experiment, WRITE, 'write')}`;
}
