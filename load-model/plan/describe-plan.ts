/** A human sentence of what a load plan will do, printed before it starts (k6 prints its plan too). */
import { formatDuration } from '../duration.ts';
import { executorOf } from '../executors/registry.ts';
import type { LoadPlan } from './load-plan.ts';

function describeWork(plan: LoadPlan): string {
  const flow = plan.flow;
  if (flow) return 'exportName' in flow ? `flow ${flow.exportName}` : `flow ${flow.name}`;
  if (plan.grpc) {
    const connections = plan.grpc.connections ?? 1;
    return `gRPC ${plan.grpc.call} on ${plan.baseUrl} (${connections} connection${connections === 1 ? '' : 's'})`;
  }
  if (plan.targets) {
    const origin = new URL(plan.baseUrl).origin;
    const count = plan.targets.length;
    return `${count} target${count === 1 ? '' : 's'} on ${origin} (${plan.targetPick})`;
  }
  const request = plan.request ?? {};
  const url = new URL(request.path ?? '', plan.baseUrl);
  return `${(request.method ?? 'GET').toUpperCase()} ${url.href}`;
}

export function describePlan(plan: LoadPlan): string {
  const warmup = plan.warmupMs > 0 ? ` after a ${formatDuration(plan.warmupMs)} warm-up` : '';
  const workers = plan.workers > 1 ? ` on ${plan.workers} worker threads` : '';
  const executor = executorOf(plan.executor).describe(plan.executor);
  return `Running ${describeWork(plan)}: ${executor}${warmup}${workers}, timeout ${formatDuration(plan.timeoutMs)}.`;
}
