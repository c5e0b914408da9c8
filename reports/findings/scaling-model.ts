/**
 * The scaling model in words: for a session store measured at three clone counts or more, the Universal
 * Scalability Law fitted to its capacities (reports/model/usl.ts) — σ, κ, and the ceiling they imply —
 * or, when the fit is refused, why no prediction is made.
 */
import { scalingPoints, storeOf } from '../charts/capacity.ts';
import { formatFactor, formatRate } from '../model/units.ts';
import { fitUsl } from '../model/usl.ts';
import type { ExperimentView } from '../model/views.ts';

/**
 * How far past the largest fleet measured a ceiling is named: a fit through three clone counts puts σ
 * and κ near zero within noise, and a ceiling it implies far out ("228× one clone") is the noise's, not a
 * finding, so beyond this many times the largest fleet the clause says only that none is in reach.
 */
export const MAX_EXTRAPOLATION = 4;

export function scalingModelClause(experiment: ExperimentView): string | null {
  const searched = experiment.variants.filter((variant) => variant.slo !== null && variant.clones !== null);
  const stores = [...new Set(searched.map(storeOf))];
  const clauses = stores.flatMap((store) => {
    const own = searched.filter((variant) => storeOf(variant) === store);
    if (own.length < 2) return [];
    const points = scalingPoints(own);
    const counts = [...new Set(points.map((point) => point.clones))].sort((a, b) => a - b).join(', ');
    const fit = fitUsl(points);
    if (fit.kind === 'refused') return [`no scaling model for ${store} (${fit.reason})`];
    const bound = own.filter((variant) => variant.kneeHostBound).map((variant) => variant.name);
    if (bound.length > 0)
      return [
        `no scaling model for ${store}: ${bound.join(', ')} measured on a saturated host, so a curve through them would be this machine's, not the design's`,
      ];
    const model = `${store} at ${counts} clones fits the Universal Scalability Law with σ = ${fit.sigma.toFixed(3)}, κ = ${fit.kappa.toFixed(4)}`;
    if (fit.ceiling === null) return [`${model}: linear so far, no ceiling in sight`];
    const largest = Math.max(...points.map((point) => point.clones));
    const ceilingClones = fit.peakClones ?? fit.ceiling / fit.lambda;
    if (ceilingClones > MAX_EXTRAPOLATION * largest)
      return [
        `${model}: no ceiling within ${MAX_EXTRAPOLATION * largest} clones (${MAX_EXTRAPOLATION}× the most measured; a fit through ${counts} clones cannot place one further out)`,
      ];
    const where =
      fit.peakClones !== null
        ? `peaks near ${Math.round(fit.peakClones)} clones at ${formatRate(fit.ceiling)}/s`
        : `approaches ${formatRate(fit.ceiling)}/s`;
    return [
      `${model}: what the clones share caps this design near ${formatFactor(fit.ceiling / fit.lambda)} one clone (${where}; a prediction, not a measurement)`,
    ];
  });
  return clauses.length > 0 ? clauses.join('; ') : null;
}
