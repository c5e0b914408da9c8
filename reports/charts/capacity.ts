/**
 * Capacity charts, from the capacity search: for variants that differ by their number of clones,
 * capacity against clones per session store with the ideal linear line (the store's fewest clones
 * scaled up) and, where three clone counts or more were measured, the Universal Scalability Law curve
 * fitted to them, extrapolated to USL_CLONES clones; otherwise capacity per variant as bars. Host-bound figures are named in the subtitle:
 * they are this machine's limit, not the architecture's.
 */
import { HOST_BOUND_NOTE } from '../../results/host-bound.ts';
import { formatPercent } from '../model/units.ts';
import { fitUsl, uslCapacity } from '../model/usl.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { axisTitle, type ChartSpec, chartSpec, colorAt, titleOptions } from './chart-spec.ts';

const searched = (experiment: ExperimentView) =>
  experiment.variants.filter((variant) => variant.slo !== null);

/** the variant's name without its clone count: 'stateless-4' → 'stateless' */
export const storeOf = (variant: VariantView) => variant.name.replace(/-\d+$/, '');

/** one line for the server model and the SLO, one more naming host-bound variants */
function subtitleOf(variants: VariantView[]): string[] {
  const server = variants.find((variant) => variant.server)?.server;
  const slo = variants[0]?.slo;
  const first = [
    server ? `each server: ${server}` : null,
    slo ? `SLO p99 ≤ ${slo.p99Ms} ms, errors ≤ ${formatPercent(slo.errorRate)}` : null,
  ];
  const bound = variants.filter((variant) => variant.kneeHostBound).map((variant) => variant.name);
  return [
    first.filter(Boolean).join('; '),
    ...(bound.length > 0 ? [`host-bound, ${HOST_BOUND_NOTE}: ${bound.join(', ')}`] : []),
  ];
}

export function capacityChart(experiment: ExperimentView): ChartSpec | null {
  const variants = searched(experiment);
  if (variants.length === 0) return null;
  const clones = new Set(variants.map((variant) => variant.clones));
  if (clones.size >= 2 && !clones.has(null)) return scalingChart(experiment.name, variants);
  const title = `${experiment.name}: capacity per variant`;
  return chartSpec(experiment.name, 'capacity', title, {
    type: 'bar',
    data: {
      labels: variants.map((variant) => (variant.capacityCapped ? `${variant.name} (≥)` : variant.name)),
      datasets: [
        {
          label: 'capacity (iterations/s at the SLO)',
          data: variants.map((variant) => variant.capacity ?? 0),
          backgroundColor: variants.map((variant) => (variant.kneeHostBound ? '#999999' : colorAt(0))),
        },
      ],
    },
    options: {
      plugins: titleOptions(title, subtitleOf(variants)),
      scales: { x: { title: axisTitle('variant') }, y: { min: 0, title: axisTitle('iterations/s') } },
    },
  });
}

/** how far the fitted curve and the ideal line are drawn */
export const USL_CLONES = 16;

/** the store's measured capacities by clone count, for the scaling model */
export function scalingPoints(own: readonly VariantView[]) {
  return own
    .filter((variant) => variant.capacity !== null && !variant.capacityCapped)
    .map((variant) => ({ clones: variant.clones!, capacity: variant.capacity! }));
}

const range = (to: number) => Array.from({ length: to }, (_, index) => index + 1);

/**
 * One session store's lines: its measured capacities, and from two clone counts on the ideal linear line
 * and the USL curve where it fits; `reach`, the clones they are drawn to (0: measured points only).
 */
function storeLines(store: string, own: readonly VariantView[], color: string) {
  const points = own.map((variant) => ({ x: variant.clones!, y: variant.capacity ?? 0 }));
  const base = own.find((variant) => (variant.capacity ?? 0) > 0);
  const measured = {
    label: `${store} (measured)`,
    data: points,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: 4,
  };
  if (!base || own.length < 2) return { lines: [measured], reach: 0 };
  const fit = fitUsl(scalingPoints(own));
  const reach = fit.kind === 'fit' ? USL_CLONES : own.at(-1)!.clones!;
  const curve =
    fit.kind === 'fit'
      ? [
          {
            label: `${store} (USL fit: σ ${fit.sigma.toFixed(3)}, κ ${fit.kappa.toFixed(4)})`,
            data: range(USL_CLONES).map((clones) => ({ x: clones, y: uslCapacity(fit, clones) })),
            borderColor: color,
            backgroundColor: color,
            borderWidth: 1.5,
            borderDash: [2, 3],
            pointRadius: 0,
          },
        ]
      : [];
  const ideal = {
    label: `${store} (ideal: linear from ${base.clones})`,
    data: [base.clones!, reach].map((clones) => ({
      x: clones,
      y: (base.capacity! * clones) / base.clones!,
    })),
    borderColor: color,
    backgroundColor: color,
    borderWidth: 1.5,
    borderDash: [6, 4],
    pointRadius: 0,
  };
  return { lines: [measured, ideal, ...curve], reach };
}

function scalingChart(experiment: string, variants: VariantView[]): ChartSpec {
  let widest = 0;
  const stores = [...new Set(variants.map(storeOf))];
  const datasets = stores.flatMap((store, index) => {
    const own = variants
      .filter((variant) => storeOf(variant) === store)
      .sort((a, b) => a.clones! - b.clones!);
    const { lines, reach } = storeLines(store, own, colorAt(index));
    widest = Math.max(widest, reach);
    return lines;
  });
  const title = `${experiment}: capacity against clones`;
  return chartSpec(experiment, 'capacity', title, {
    type: 'line',
    data: { datasets },
    options: {
      plugins: titleOptions(title, subtitleOf(variants)),
      scales: {
        x: {
          type: 'linear',
          min: 0,
          ...(widest > 0 ? { max: widest } : {}),
          ticks: { stepSize: 1 },
          title: axisTitle('clones'),
        },
        y: { type: 'linear', min: 0, title: axisTitle('capacity (iterations/s at the SLO)') },
      },
    },
  });
}
