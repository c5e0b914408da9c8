/**
 * The summary `scalebench bench` prints: requests, rates, errors by class, latency table (with the
 * request phases as k6 names them: connecting, TLS handshake, waiting = time to first byte, receiving),
 * validity.
 */
import type { LatencyStats, Summary } from '../../results/schema.ts';

const ms = (value: number) => value.toFixed(value >= 100 ? 1 : value >= 10 ? 2 : 3);

function latencyRow(name: string, stats: LatencyStats): string {
  const cells = [stats.p50, stats.p90, stats.p99, stats.p999, stats.max, stats.mean].map((v) =>
    ms(v).padStart(10),
  );
  return `  ${name.padEnd(14)}${cells.join('')}`;
}

const errorCount = (errors: Record<string, number>) => Object.values(errors).reduce((a, b) => a + b, 0);

/** One row per step (request name or target) with its own response-time percentiles; only with 2+ steps. */
function stepLines(summary: Summary): string[] {
  const steps = summary.steps.filter((step) => step.latency !== undefined);
  if (steps.length < 2) return [];
  const width = Math.max(14, ...steps.map((step) => step.name.length + 2));
  const headers = ['requests', 'errors', 'p50', 'p90', 'p99', 'p99.9', 'max', 'svc p99'];
  const lines = ['', `  ${'step (ms)'.padEnd(width)}${headers.map((h) => h.padStart(10)).join('')}`];
  for (const step of steps) {
    const { response, service } = step.latency!;
    const cells = [
      String(step.requests),
      String(errorCount(step.errors)),
      ...[response.p50, response.p90, response.p99, response.p999, response.max, service.p99].map(ms),
    ];
    lines.push(`  ${step.name.padEnd(width)}${cells.map((cell) => cell.padStart(10)).join('')}`);
  }
  return lines;
}

export function formatSummary(summary: Summary): string {
  const lines: string[] = [];
  const target = summary.targetRate === null ? '' : ` (target ${summary.targetRate.toFixed(1)}/s)`;
  lines.push(`requests        ${summary.requests} in ${summary.durationSeconds.toFixed(2)} s`);
  lines.push(`achieved rate   ${summary.achievedRate.toFixed(1)}/s${target}`);
  if (summary.droppedIterations > 0) {
    lines.push(`dropped         ${summary.droppedIterations} arrivals found no free virtual user`);
  }
  const classes = Object.entries(summary.errorsByClass)
    .sort(([, a], [, b]) => b - a)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  lines.push(`errors          ${summary.errors}${classes ? ` (${classes})` : ''}`);
  const served = Object.entries(summary.servedBy);
  if (served.length > 0)
    lines.push(`served by       ${served.map(([name, n]) => `${name} ${n}`).join(', ')}`);
  lines.push('');
  lines.push(
    `  ${'latency (ms)'.padEnd(14)}${['p50', 'p90', 'p99', 'p99.9', 'max', 'mean'].map((h) => h.padStart(10)).join('')}`,
  );
  lines.push(latencyRow('response', summary.latency.response));
  lines.push(latencyRow('service', summary.latency.service));
  lines.push(latencyRow('schedule lag', summary.latency.scheduleLag));
  const phases = summary.phases;
  if (phases) {
    lines.push(latencyRow('connecting', phases.connecting));
    lines.push(latencyRow('tls handshake', phases.tlsHandshaking));
    lines.push(latencyRow('waiting (ttfb)', phases.waiting));
    lines.push(latencyRow('receiving', phases.receiving));
  }
  lines.push(...stepLines(summary));
  lines.push('');
  lines.push(
    summary.valid ? 'valid           yes' : `valid           NO — ${summary.invalidReasons.join('; ')}`,
  );
  return `${lines.join('\n')}\n`;
}
