/**
 * Push against poll (the async experiment's notification ways): how much sooner a push told users their
 * job was done than polling did (notifyMs p50, accept → knowing), and what each cost in requests per job
 * (statusRequests / jobsSubmitted: every poll, or the one stream or socket).
 */
import { formatMs } from '../model/units.ts';
import type { ExperimentView, VariantView } from '../model/views.ts';

const perJob = (variant: VariantView) =>
  (variant.correctness['statusRequests'] ?? 0) / Math.max(1, variant.correctness['jobsSubmitted'] ?? 0);

const hasNotify = (variant: VariantView) =>
  variant.trends['notifyMs'] !== undefined && (variant.correctness['jobsSubmitted'] ?? 0) > 0;

const requests = (value: number) => (value >= 10 ? value.toFixed(0) : value.toFixed(value >= 1 ? 1 : 2));

/** "queued-ws told users 41 ms sooner than polling (queued-bullmq), 1 request per job instead of 129", or null */
export function notifyPart(experiment: ExperimentView): string | null {
  const measured = experiment.variants.filter(hasNotify);
  const pushes = measured.filter((variant) => (variant.correctness['notificationsReceived'] ?? 0) > 0);
  const poll = measured.find((variant) => !pushes.includes(variant));
  if (!poll || pushes.length === 0) return null;
  const polled = poll.trends['notifyMs']!.p50.mean;
  const clauses = pushes.map((push) => {
    const gap = polled - push.trends['notifyMs']!.p50.mean;
    const when = gap >= 0 ? `${formatMs(gap)} sooner` : `${formatMs(-gap)} later`;
    return `${push.name} told users ${when} than polling (${poll.name}, notify p50), with ${requests(perJob(push))} requests per job instead of ${requests(perJob(poll))}`;
  });
  return clauses.join('; ');
}
