/**
 * What a WebSocket or event-stream run adds to the summary: its sessions and messages (k6's names:
 * ws_sessions, ws_msgs_sent, ws_msgs_received; sse_streams, sse_events, sse_reconnects) and the latency
 * of connecting, of whole sessions, of replies and of events. Empty for HTTP runs.
 */

import type { RunOutcome } from '../../load/engine/build-outcome.ts';
import type { LatencyStats, StreamMetrics } from '../../results/schema.ts';

const ms = (value: number) => value.toFixed(value >= 100 ? 1 : value >= 10 ? 2 : 3);

const isStreamMetric = (name: string) => name.startsWith('ws_') || name.startsWith('sse_');

export function formatStreamSummary(
  counters: Record<string, number>,
  trends: Record<string, LatencyStats>,
): string {
  const counts = Object.entries(counters).filter(([name]) => isStreamMetric(name));
  const latencies = Object.entries(trends).filter(([name]) => isStreamMetric(name));
  if (counts.length === 0 && latencies.length === 0) return '';
  const lines = ['', ...counts.map(([name, value]) => `${name.padEnd(22)}${value}`)];
  if (latencies.length > 0) {
    const width = Math.max(22, ...latencies.map(([name]) => name.length + 4));
    const heads = ['count', 'p50', 'p90', 'p99', 'p99.9', 'max'];
    lines.push('', `  ${'(ms)'.padEnd(width - 2)}${heads.map((head) => head.padStart(10)).join('')}`);
    for (const [name, stats] of latencies) {
      const cells = [
        String(stats.count),
        ...[stats.p50, stats.p90, stats.p99, stats.p999, stats.max].map(ms),
      ];
      lines.push(`  ${name.padEnd(width - 2)}${cells.map((cell) => cell.padStart(10)).join('')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** the summary lines of metrics read back from a results file or merged from trials */
export function formatStreamMetrics(metrics: StreamMetrics): string {
  const trends = Object.entries(metrics.trends ?? {}).map(([name, { stats }]) => [name, stats] as const);
  return formatStreamSummary(metrics.flowCounters ?? {}, Object.fromEntries(trends));
}

/** the run's WebSocket and event-stream counters and trends for the results file; nothing for HTTP runs */
export function streamMetrics(
  outcome: Pick<RunOutcome, 'counters' | 'trends' | 'trendHistograms'>,
): StreamMetrics {
  const counters = Object.entries(outcome.counters).filter(([name]) => isStreamMetric(name));
  const trends = Object.entries(outcome.trends).filter(([name]) => isStreamMetric(name));
  if (counters.length === 0 && trends.length === 0) return {};
  return {
    flowCounters: Object.fromEntries(counters),
    trends: Object.fromEntries(
      trends.map(([name, stats]) => [name, { stats, histogram: outcome.trendHistograms[name] ?? '' }]),
    ),
  };
}
