/**
 * What the capacity search found, in words: how much load more clones (or a pattern) carried at the
 * experiment's SLO, with the failures of the same variant beside it; the server model that ran; host
 * idle at each knee; and, for any figure measured on a saturated host, that it is this machine's limit.
 */
import { evidenceParts } from '../../results/evidence.ts';
import { HOST_BOUND_NOTE, MIN_HOST_IDLE } from '../../results/host-bound.ts';
import { storeOf } from '../charts/capacity.ts';
import { noCapacityText } from '../model/capacity-verdict.ts';
import { capacityFlaws, capacityRatio } from '../model/comparison.ts';
import { metricsIn, shareOf } from '../model/correctness-metrics.ts';
import { joinWords } from '../model/join-words.ts';
import { formatCount, formatPercent, formatRate } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { costClause } from './claims.ts';
import { scalingModelClause } from './scaling-model.ts';
import { kneeCpuSentence, overSizeWarnings, serverSizesSentence } from './servers.ts';

const searched = (experiment: ExperimentView) =>
  experiment.variants.filter((variant) => variant.slo !== null && variant.capacity !== null);

const rateOf = (variant: VariantView) =>
  `${variant.capacityCapped ? '≥ ' : ''}${formatRate(variant.capacity!)}/s`;

/**
 * ' with 0 of 1,234 sessions lost (95% CI 0%–0.31%)' from the variant's first failure metric, or its
 * cost (', but lost 53 of 80 sessions (66%, …)') when it lost some: the figure that goes with its capacity
 */
function failureClause(experiment: ExperimentView, variant: VariantView): string {
  if (variant.verdict.patternFailures.length > 0) return costClause(variant);
  const metric = metricsIn(experiment.variants)[0];
  if (!metric || variant.correctness[metric.violation] === undefined) return '';
  const evidence = variant.verdict.evidence.find((e) => e.violation === metric.violation);
  if (evidence) {
    const { figure, note } = evidenceParts(evidence);
    return ` with ${figure} ${metric.label} (${note})`;
  }
  const share = shareOf(variant, metric);
  if (share.count === 0) return ` with 0 ${metric.label}`;
  return ` with ${formatCount(share.count)} ${metric.label}`;
}

/** '4 stateless clones served 3.9× the load of 1 (45/s → 175/s)', or why the ratio is not given */
function ratioClause(
  experiment: ExperimentView,
  low: VariantView,
  high: VariantView,
  lead: (factor: string) => string,
  note = '',
): string {
  const ratio = capacityRatio(low, high);
  const rates = `${rateOf(low)} → ${rateOf(high)}`;
  if (ratio !== null) return `${lead(ratio)} (${rates})${note}${failureClause(experiment, high)}`;
  const why = [...capacityFlaws(low), ...capacityFlaws(high)];
  const floor = low.capacityCapped ? [`${low.name}'s capacity is only a floor`] : [];
  return `capacity ${low.name} ${rateOf(low)}, ${high.name} ${rateOf(high)}: no ratio (${[...why, ...floor].join('; ')})${costClause(high)}`;
}

/** slack over the ideal N×M before a fleet's ratio is called more than its clones can add */
const BEYOND_LINEAR = 1.05;

/**
 * ' (more than the 4× 4 clones can add over 1: …)' when a fleet's measured ratio is above the ideal one
 * (a run as a normal user read 35 → 165/s, "4.7×", for 4 clones): a search rounds each capacity to its
 * steps, so the small fleet's figure carries that rounding into the ratio; it is never super-linear scaling
 */
function beyondLinearNote(fewest: VariantView, most: VariantView): string {
  const ideal = most.clones! / fewest.clones!;
  if (most.capacity! / fewest.capacity! <= ideal * BEYOND_LINEAR) return '';
  const times = Number.isInteger(ideal) ? String(ideal) : ideal.toFixed(1);
  return ` (more than the ${times}× ${most.clones} clones can add over ${fewest.clones}: the searches' rounding of ${rateOf(fewest)}, not scaling better than linear)`;
}

function scalingClauses(experiment: ExperimentView, variants: VariantView[]): string[] {
  const stores = [...new Set(variants.map(storeOf))];
  return stores.flatMap((store) => {
    const own = variants
      .filter((variant) => storeOf(variant) === store)
      .sort((a, b) => a.clones! - b.clones!);
    const [fewest, most] = [own[0], own.at(-1)];
    if (!fewest || !most || fewest === most) return [];
    return [
      ratioClause(
        experiment,
        fewest,
        most,
        (factor) => `${most.clones} ${store} clones served ${factor} the load of ${fewest.clones}`,
        beyondLinearNote(fewest, most),
      ),
    ];
  });
}

/**
 * The capacity headline of the takeaway, or null when no capacity was searched. A ratio leads only
 * between capacities neither of which the host set; one from the search's ceiling is a floor (≥); the
 * variant's cost stands in the same clause as its gain.
 */
export function capacityTakeaway(experiment: ExperimentView): string | null {
  const variants = searched(experiment);
  if (variants.length < 2) return null;
  const byClones = variants.every((variant) => variant.clones !== null);
  const clauses = byClones ? scalingClauses(experiment, variants) : [];
  if (clauses.length === 0) {
    const [base, ...others] = variants;
    const best = others.reduce((a, b) => (b.capacity! > a.capacity! ? b : a), others[0]!);
    if (!base || !best) return null;
    clauses.push(
      ratioClause(experiment, base, best, (factor) => `${best.name} held ${factor} the load of ${base.name}`),
    );
  }
  const slo = variants[0]!.slo!;
  return `${clauses.join('; ')} at p99 ≤ ${slo.p99Ms} ms`;
}

export function capacityFindings(experiment: ExperimentView): string[] {
  const variants = experiment.variants.filter((variant) => variant.slo !== null);
  const sentences: string[] = [];
  const servers = serverSizesSentence(experiment);
  if (servers) sentences.push(servers);
  const cpu = kneeCpuSentence(experiment);
  if (cpu) sentences.push(cpu);
  for (const warning of overSizeWarnings(experiment)) sentences.push(`${warning}.`);
  const model = scalingModelClause(experiment);
  if (model) sentences.push(`${model[0]!.toUpperCase()}${model.slice(1)}.`);
  if (variants.length > 0) {
    const slo = variants[0]!.slo!;
    const knees = variants.map(
      (variant) =>
        `${variant.name} ${variant.capacity === null ? noCapacityText(variant) : rateOf(variant)}${variant.hostIdleAtKnee === null || variant.capacity === null ? '' : ` (host idle ${formatPercent(variant.hostIdleAtKnee)})`}`,
    );
    sentences.push(
      `Capacity is the highest rate that held p99 ≤ ${slo.p99Ms} ms with errors ≤ ${formatPercent(slo.errorRate)} (host idle at the knee in brackets): ${knees.join(', ')}.`,
    );
  }
  const knees = experiment.variants.filter((v) => v.kneeHostBound).map((v) => v.name);
  const trials = experiment.variants.filter((v) => v.trialsHostBound).map((v) => v.name);
  if (knees.length > 0 || trials.length > 0) {
    const what = [
      knees.length > 0 ? `the capacity of ${joinWords(knees)}` : null,
      trials.length > 0 ? `the trials of ${joinWords(trials)}` : null,
    ];
    sentences.push(
      `This host had under ${formatPercent(MIN_HOST_IDLE)} idle CPU during ${what.filter(Boolean).join(' and ')}: those figures are ${HOST_BOUND_NOTE}.`,
    );
  }
  return sentences;
}
