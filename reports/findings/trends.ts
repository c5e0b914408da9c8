/**
 * Findings about the flow's own latencies (accept time, end-to-end job time, ...): each variant's p99
 * against the slowest variant's, the figure that shows what queueing or pre-rendering buys the user.
 */
import { formatFactor, formatMs, humanize } from '../model/units.ts';
import { type ExperimentView, trendKeys } from '../model/views.ts';

const MEANINGFUL = 1.1;

export function trendFindings(experiment: ExperimentView): string[] {
  const sentences: string[] = [];
  for (const key of trendKeys(experiment)) {
    const measured = experiment.variants.filter((variant) => variant.trends[key]?.p99.values.length);
    if (measured.length < 2) continue;
    const p99 = (index: number) => measured[index]!.trends[key]!.p99.mean;
    const slowest = measured.reduce((worst, _, index) => (p99(index) > p99(worst) ? index : worst), 0);
    const clauses = measured
      .map((variant, index) => ({ variant, value: p99(index), index }))
      .filter(({ index, value }) => index !== slowest && value > 0 && p99(slowest) / value >= MEANINGFUL)
      .map(
        ({ variant, value }) =>
          `${variant.name} ${formatMs(value)} (${formatFactor(p99(slowest) / value)} lower)`,
      );
    if (clauses.length === 0) continue;
    const label = humanize(key.replace(/Ms$/, ''));
    sentences.push(
      `${label} p99: ${measured[slowest]!.name} ${formatMs(p99(slowest))}, against ${clauses.join(', ')}.`,
    );
  }
  return sentences;
}
