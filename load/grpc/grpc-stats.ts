/** A gRPC run's outcome → the results file's `grpc` section (results/schema.ts grpcStatsSchema). */
import type { GrpcStats } from '../../results/schema.ts';
import type { RunOutcome } from '../engine/build-outcome.ts';
import { GRPC_COUNTERS, GRPC_FIRST_MESSAGE_TREND } from './grpc-call-user.ts';

export function grpcStats(call: string, streaming: boolean, outcome: RunOutcome): GrpcStats {
  const { summary, counters, trends } = outcome;
  const statuses: Record<string, number> = { OK: summary.requests - summary.errors };
  for (const [name, count] of Object.entries(summary.errorsByClass)) {
    // reset and not_grpc stand for what happened on the wire, where the status code would hide it
    statuses[name] = count;
  }
  const messages = counters[GRPC_COUNTERS.streamMessages] ?? 0;
  const firstMessage = trends[GRPC_FIRST_MESSAGE_TREND];
  return {
    call,
    statuses,
    bytesSent: counters[GRPC_COUNTERS.bytesSent] ?? 0,
    bytesReceived: counters[GRPC_COUNTERS.bytesReceived] ?? 0,
    ...(streaming
      ? {
          streamMessages: messages,
          streamMessagesPerSecond: summary.durationSeconds > 0 ? messages / summary.durationSeconds : 0,
          ...(firstMessage ? { firstMessage } : {}),
        }
      : {}),
  };
}

/** one line for the summary table */
export function formatGrpcLine(stats: GrpcStats): string {
  const statuses = Object.entries(stats.statuses)
    .filter(([, count]) => count > 0)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  const stream =
    stats.streamMessages === undefined
      ? ''
      : `\nstream          ${stats.streamMessages} messages (${(stats.streamMessagesPerSecond ?? 0).toFixed(1)}/s), first message p50 ${stats.firstMessage?.p50.toFixed(3) ?? '-'} ms, p99 ${stats.firstMessage?.p99.toFixed(3) ?? '-'} ms`;
  return `grpc status     ${statuses}\ngrpc bytes      ${stats.bytesSent} sent, ${stats.bytesReceived} received${stream}\n`;
}
