/** A human sentence of what a load run will do, printed before it starts (k6 prints its plan too). */
import { formatDuration, toMs } from '../../load-model/duration.ts';
import { DEFAULT_TIMEOUT_MS, type LoadRunOptions } from '../../load-model/types.ts';
import { vuPoolSize } from './vu-pool-size.ts';

function perUnit(timeUnit: unknown): string {
  const ms = toMs(timeUnit, 1000);
  return ms === 1000 ? '/s' : ` per ${formatDuration(ms)}`;
}

function describeExecutor(options: LoadRunOptions): string {
  const ex = options.executor;
  switch (ex.executor) {
    case 'constant-arrival-rate': {
      const pool = vuPoolSize(ex);
      return `${ex.rate} iterations${perUnit(ex.timeUnit)} for ${formatDuration(toMs(ex.duration, 0))} (open model, ${pool.preAllocated}–${pool.max} VUs)`;
    }
    case 'ramping-arrival-rate': {
      const pool = vuPoolSize(ex);
      const stages = ex.stages
        .map((s) => `${s.target} over ${formatDuration(toMs(s.duration, 0))}`)
        .join(', then ');
      return `a rate ramping from ${ex.startRate ?? 0}${perUnit(ex.timeUnit)} to ${stages} (open model, ${pool.preAllocated}–${pool.max} VUs)`;
    }
    case 'constant-vus':
      return `${ex.vus} virtual users looping for ${formatDuration(toMs(ex.duration, 0))} (closed model)`;
    case 'ramping-vus': {
      const stages = ex.stages
        .map((s) => `${s.target} over ${formatDuration(toMs(s.duration, 0))}`)
        .join(', then ');
      return `virtual users ramping from ${ex.startVUs ?? 1} to ${stages} (closed model)`;
    }
  }
}

function describeWork(options: LoadRunOptions): string {
  const flow = options.flow;
  if (flow) return 'exportName' in flow ? `flow ${flow.exportName}` : `flow ${flow.name}`;
  if (options.grpc) {
    const connections = options.grpc.connections ?? 1;
    return `gRPC ${options.grpc.call} on ${options.baseUrl} (${connections} connection${connections === 1 ? '' : 's'})`;
  }
  if (options.targets) {
    const origin = new URL(options.baseUrl).origin;
    const count = options.targets.length;
    return `${count} target${count === 1 ? '' : 's'} on ${origin} (${options.targetPick ?? 'round-robin'})`;
  }
  const request = options.request ?? {};
  const url = new URL(request.path ?? '', options.baseUrl);
  return `${(request.method ?? 'GET').toUpperCase()} ${url.href}`;
}

export function describePlan(options: LoadRunOptions): string {
  const warmupMs = toMs(options.warmup, 0);
  const warmup = warmupMs > 0 ? ` after a ${formatDuration(warmupMs)} warm-up` : '';
  const workers = (options.workers ?? 1) > 1 ? ` on ${options.workers} worker threads` : '';
  return `Running ${describeWork(options)}: ${describeExecutor(options)}${warmup}${workers}, timeout ${formatDuration(toMs(options.timeout, DEFAULT_TIMEOUT_MS))}.`;
}
