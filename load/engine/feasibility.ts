/**
 * Refuses, before a run, the settings it plainly cannot honour — a rate no Node thread can start, more
 * connections than the process may open — with the limit and how to change it, instead of a run that
 * spins for minutes or dies out of memory. Below these ceilings an overload is measured and reported
 * (dropped iterations, saturation), on time.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { executorOf } from '../../load-model/executors/registry.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import { DEFAULT_MAX_STREAMS } from '../http/types.ts';
import type { OpenFileLimit } from './open-file-limit.ts';

/**
 * Arrivals per second one thread may be asked for: ten times the most any Node generator sends from one
 * thread (~100 000 requests/s on loopback). Above it every arrival costs scheduling work for nothing.
 */
export const MAX_RATE_PER_THREAD = 1_000_000;
/** File descriptors kept back for everything that is not a load socket (stdio, workers, files, probes). */
export const FD_RESERVE = 128;

/** The sockets a run may open at once under the open-file limit (Infinity when unknown). */
export function socketBudget(limit: OpenFileLimit | null): number {
  return limit === null ? Number.POSITIVE_INFINITY : Math.max(1, limit.soft - FD_RESERVE);
}

/** the connections a closed model holds at its peak (an open model's VUs wait for sockets instead) */
function peakVus(plan: LoadPlan): number {
  const module = executorOf(plan.executor);
  return module.model === 'closed' ? module.vuPool(plan.executor).max : 0;
}

export function assertFeasible(options: LoadPlan, limit: OpenFileLimit | null): void {
  const threads = options.workers;
  const rate = executorOf(options.executor).peakRatePerSecond(options.executor);
  if (rate / threads > MAX_RATE_PER_THREAD) {
    const perThread = Math.round(rate / threads).toLocaleString('en');
    throw new ScalebenchError(
      'SB_ERR_INVALID_CONFIG',
      `${perThread} arrivals/s per thread cannot even be scheduled (at most ${MAX_RATE_PER_THREAD.toLocaleString('en')}/s per thread)`,
      {
        hint: 'one Node thread sends at most about 100k requests/s: lower the rate, or split it over machines with --shard i/N',
      },
    );
  }
  // HTTP/2 carries maxStreams requests (VUs) on one connection
  const vus = options.http2
    ? Math.ceil(peakVus(options) / (options.maxStreams ?? DEFAULT_MAX_STREAMS))
    : peakVus(options);
  const budget = socketBudget(limit);
  if (limit !== null && vus > budget) {
    const raise =
      limit.hard > limit.soft
        ? `ulimit -n ${limit.hard}`
        : `ulimit -Hn ${vus + FD_RESERVE} (as root), then ulimit -n`;
    throw new ScalebenchError(
      'SB_ERR_INVALID_CONFIG',
      `${vus} connections need ${vus} open files, but this process may open ${limit.soft} (${FD_RESERVE} kept for everything else)`,
      {
        hint: `use at most ${budget} connections, or raise the open-file limit in the shell that starts scalebench (${raise}; hard limit now ${limit.hard})`,
      },
    );
  }
}
