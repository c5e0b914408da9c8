/** Splits a load model across N worker threads: rates and VU counts divided, shapes kept. */
import type { ExecutorConfig } from '../../load-model/types.ts';

/** Share i of n of a whole count: the remainder goes to the first ones. */
function shareOf(total: number, index: number, count: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}

export function splitExecutor(executor: ExecutorConfig, index: number, count: number): ExecutorConfig {
  if (count === 1) return executor;
  const divide = (value: number | undefined) => (value === undefined ? undefined : value / count);
  const divideUp = (value: number | undefined) =>
    value === undefined ? undefined : Math.max(1, Math.ceil(value / count));
  switch (executor.executor) {
    case 'constant-arrival-rate':
      return {
        ...executor,
        rate: executor.rate / count,
        preAllocatedVUs: divideUp(executor.preAllocatedVUs),
        maxVUs: divideUp(executor.maxVUs),
      };
    case 'ramping-arrival-rate':
      return {
        ...executor,
        startRate: divide(executor.startRate),
        stages: executor.stages.map((stage) => ({ ...stage, target: stage.target / count })),
        preAllocatedVUs: divideUp(executor.preAllocatedVUs),
        maxVUs: divideUp(executor.maxVUs),
      };
    case 'constant-vus':
      return { ...executor, vus: shareOf(executor.vus, index, count) };
    case 'ramping-vus':
      return {
        ...executor,
        startVUs: shareOf(executor.startVUs ?? 1, index, count),
        stages: executor.stages.map((stage) => ({ ...stage, target: shareOf(stage.target, index, count) })),
      };
  }
}

/** Workers whose share of a VU model is zero have nothing to do. */
export function hasWork(executor: ExecutorConfig): boolean {
  if (executor.executor === 'constant-vus') return executor.vus > 0;
  if (executor.executor === 'ramping-vus')
    return (executor.startVUs ?? 1) > 0 || executor.stages.some((s) => s.target > 0);
  return true;
}
