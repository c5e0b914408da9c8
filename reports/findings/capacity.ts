/**
 * What the capacity search found, in words: how much load more clones (or a pattern) carried at the
 * experiment's SLO, with the failures of the same variant beside it; the server model that ran; host
 * idle at each knee; and, for any figure measured on a saturated host, that it is this machine's limit.
 */
import { HOST_BOUND_NOTE, MIN_HOST_IDLE } from '../../results/host-bound.ts';
import { storeOf } from '../charts/capacity.ts';
import { metricsIn, shareOf } from '../model/correctness-metrics.ts';
import { joinWords } from '../model/join-words.ts';
import { formatCount, formatFactor, formatPercent, formatRate } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';
import { scalingModelClause } from './scaling-model.ts';
import { kneeCpuSentence, overSizeWarnings, serverSizesSentence } from './servers.ts';

const searched = (experiment: ExperimentView) =>
  experiment.variants.filter((variant) => variant.slo !== null && variant.capacity !== null);

const rateOf = (variant: VariantView) =>
  `${variant.capacityCapped ? '≥ ' : ''}${formatRate(variant.capacity!)}/s`;

/** 'and lost no session' / 'and lost 53 of 80 sessions (66%)', from the variant's first failure metric */
function failureClause(experiment: ExperimentView, variant: VariantView): string {
  const metric = metricsIn(experiment.variants)[0];
  if (!metric || variant.correctness[metric.violation] === undefined) return '';
  const share = shareOf(variant, metric);
  if (share.count === 0) return ` with 0 ${metric.label}`;
  const of = share.total ? ` of ${formatCount(share.total)}` : '';
  const rate = share.rate ? ` (${formatPercent(share.rate)})` : '';
  return ` with ${formatCount(share.count)}${of} ${metric.label}${rate}`;
}

function scalingClauses(experiment: ExperimentView, variants: VariantView[]): string[] {
  const stores = [...new Set(variants.map(storeOf))];
  return stores.flatMap((store) => {
    const own = variants
      .filter((variant) => storeOf(variant) === store)
      .sort((a, b) => a.clones! - b.clones!);
    const [fewest, most] = [own[0], own.at(-1)];
    if (!fewest || !most || fewest === most || fewest.capacity === 0) return [];
    const factor = formatFactor(most.capacity! / fewest.capacity!);
    return [
      `${most.clones} ${store} clones served ${factor} the load of ${fewest.clones} (${rateOf(fewest)} → ${rateOf(most)})${failureClause(experiment, most)}`,
    ];
  });
}

/** The capacity headline of the takeaway, or null when no capacity was searched. */
export function capacityTakeaway(experiment: ExperimentView): string | null {
  const variants = searched(experiment);
  if (variants.length < 2) return null;
  const byClones = variants.every((variant) => variant.clones !== null);
  const clauses = byClones ? scalingClauses(experiment, variants) : [];
  if (clauses.length === 0) {
    const [base, ...others] = variants;
    const best = others.reduce((a, b) => (b.capacity! > a.capacity! ? b : a), others[0]!);
    if (!base || !best || base.capacity === 0) return null;
    clauses.push(
      `${best.name} held ${formatFactor(best.capacity! / base.capacity!)} the load of ${base.name} (${rateOf(best)} vs ${rateOf(base)})`,
    );
  }
  const slo = variants[0]!.slo!;
  const bound = variants.filter((variant) => variant.kneeHostBound).map((variant) => variant.name);
  const note = bound.length > 0 ? ` — ${bound.join(', ')} ${HOST_BOUND_NOTE}` : '';
  return `${clauses.join('; ')} at p99 ≤ ${slo.p99Ms} ms${note}`;
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
        `${variant.name} ${variant.capacity === null ? 'none' : rateOf(variant)}${variant.hostIdleAtKnee === null ? '' : ` (host idle ${formatPercent(variant.hostIdleAtKnee)})`}`,
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
