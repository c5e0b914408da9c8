/**
 * Runs one Node load generator (scalebench's runLoad or autocannon's programmatic API) in its own
 * process and prints one JSON line: requests, the process CPU time spent during the run (user+system
 * across all its threads, from process.cpuUsage deltas, so tsx start-up is left out), wall time and
 * latency figures in ms. Usage: node --import tsx generator-child.ts '<GeneratorJob JSON>'
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { type Clock, systemClock } from '../../../load/engine/clock.ts';
import { runLoad } from '../../../load/engine/run-load.ts';
import type { ExecutorConfig } from '../../../load-model/types.ts';
import { monotonicMs, perfToMonotonic } from './monotonic.ts';
import { runSocketFloor } from './socket-floor.ts';

export interface GeneratorJob {
  tool: 'scalebench' | 'autocannon' | 'socket-floor';
  url: string;
  durationSeconds: number;
  /** closed model: this many connections (VUs) */
  connections: number;
  /** open model (scalebench) / -R (autocannon): requests per second */
  rate?: number;
  client?: 'raw' | 'undici';
  /** scalebench against https://: trust this CA (autocannon checks no certificate) */
  caFile?: string;
  /** scalebench speaks HTTP/2 (h2 or h2c), `connections` requests in flight over connections / maxStreams */
  http2?: boolean;
  maxStreams?: number;
}

export interface GeneratorResult {
  tool: string;
  requests: number;
  errors: number;
  cpuSeconds: number;
  /** the kernel's part of cpuSeconds */
  systemSeconds: number;
  wallSeconds: number;
  /** monotonic ms of the run's start (scalebench: offset 0 of the schedule) */
  startedAt: number;
  achievedRate: number;
  valid: boolean;
  /** why the saturation guard marked the run invalid */
  invalidReasons?: string[];
  latency: { p50: number; p90: number; p99: number; p999: number; max: number };
  serviceP50?: number;
}

interface AutocannonResult {
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  latency: { p50: number; p90: number; p99: number; p99_9: number; max: number };
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

function executorFor(job: GeneratorJob): ExecutorConfig {
  const duration = `${job.durationSeconds}s`;
  if (job.rate === undefined) return { executor: 'constant-vus', vus: job.connections, duration };
  return {
    executor: 'constant-arrival-rate',
    rate: job.rate,
    duration,
    preAllocatedVUs: job.connections,
    maxVUs: Math.max(job.connections, job.rate * 2),
  };
}

async function runScalebench(
  job: GeneratorJob,
): Promise<Omit<GeneratorResult, 'cpuSeconds' | 'systemSeconds' | 'wallSeconds'>> {
  let startedAt = 0;
  // the first now() runLoad reads is the schedule's offset 0
  const clock: Clock = {
    now: () => {
      const now = systemClock.now();
      if (startedAt === 0) startedAt = perfToMonotonic(now);
      return now;
    },
    wait: systemClock.wait,
    sleep: systemClock.sleep,
  };
  const executor = executorFor(job);
  const outcome = await runLoad(
    {
      baseUrl: job.url,
      executor,
      timeout: '10s',
      ...(job.http2 ? { http2: true, maxStreams: job.maxStreams ?? 10 } : { client: job.client ?? 'raw' }),
      ...(job.caFile === undefined ? {} : { tls: { caFile: job.caFile } }),
    },
    { clock },
  );
  const { summary } = outcome;
  const response = summary.latency.response;
  return {
    tool: `scalebench (${job.http2 ? 'h2' : (job.client ?? 'raw')})`,
    requests: summary.requests,
    errors: summary.errors,
    startedAt,
    achievedRate: summary.achievedRate,
    valid: summary.valid,
    invalidReasons: summary.invalidReasons,
    latency: {
      p50: response.p50,
      p90: response.p90,
      p99: response.p99,
      p999: response.p999,
      max: response.max,
    },
    serviceP50: summary.latency.service.p50,
  };
}

async function runAutocannon(
  job: GeneratorJob,
): Promise<Omit<GeneratorResult, 'cpuSeconds' | 'systemSeconds' | 'wallSeconds'>> {
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
  const startedAt = monotonicMs();
  const result = await autocannon({
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    ...(job.rate === undefined ? {} : { overallRate: job.rate }),
  });
  const { latency } = result;
  return {
    tool: 'autocannon',
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    startedAt,
    achievedRate: result.requests.total / result.duration,
    valid: true,
    latency: { p50: latency.p50, p90: latency.p90, p99: latency.p99, p999: latency.p99_9, max: latency.max },
  };
}

async function runFloor(
  job: GeneratorJob,
): Promise<Omit<GeneratorResult, 'cpuSeconds' | 'systemSeconds' | 'wallSeconds'>> {
  const startedAt = monotonicMs();
  const requests = await runSocketFloor(job.url, job.durationSeconds, job.connections);
  const zero = { p50: 0, p90: 0, p99: 0, p999: 0, max: 0 };
  return {
    tool: 'socket floor',
    requests,
    errors: 0,
    startedAt,
    achievedRate: requests / job.durationSeconds,
    valid: true,
    latency: zero,
  };
}

const RUNNERS = { scalebench: runScalebench, autocannon: runAutocannon, 'socket-floor': runFloor } as const;

export async function runGeneratorJob(job: GeneratorJob): Promise<GeneratorResult> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const result = await RUNNERS[job.tool](job);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    ...result,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    systemSeconds: cpu.system / 1e6,
    wallSeconds: (performance.now() - wallBefore) / 1000,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(process.argv[2] ?? '{}') as GeneratorJob;
  const result = await runGeneratorJob(job);
  process.stdout.write(`${JSON.stringify({ result })}\n`);
  process.exit(0);
}
