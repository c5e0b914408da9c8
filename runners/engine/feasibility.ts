/**
 * Refuses, before a run, the settings it plainly cannot honour — a rate no Node thread can start, more
 * connections than the process may open — with the limit and how to change it, instead of a run that
 * spins for minutes or dies out of memory. Below these ceilings an overload is measured and reported
 * (dropped iterations, saturation), on time.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { toMs } from '../../load-model/duration.ts';
import type { LoadRunOptions } from '../../load-model/types.ts';
import { DEFAULT_MAX_STREAMS } from '../http/types.ts';
import { buildProfile, peakLevel } from '../load-models/rate-profile.ts';
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

function peakVus(options: LoadRunOptions): number {
  const { executor } = options;
  if (executor.executor === 'constant-vus') return executor.vus;
  if (executor.executor === 'ramping-vus')
    return Math.max(executor.startVUs ?? 1, ...executor.stages.map((stage) => stage.target));
  return 0;
}

function peakRatePerSecond(options: LoadRunOptions): number {
  const { executor } = options;
  if (executor.executor !== 'constant-arrival-rate' && executor.executor !== 'ramping-arrival-rate') return 0;
  return (peakLevel(buildProfile(executor, 0)) * 1000) / toMs(executor.timeUnit, 1000);
}

export function assertFeasible(options: LoadRunOptions, limit: OpenFileLimit | null): void {
  const threads = options.workers ?? 1;
  const rate = peakRatePerSecond(options);
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
