/**
 * One gRPC load generator in its own process, printing one JSON line: calls made, the process CPU time
 * they cost (process.cpuUsage deltas, tsx start-up left out) and wall time. `scalebench` is runLoad with
 * the gRPC call (closed model, `inFlight` calls over one HTTP/2 connection); `floor` is a bare
 * @grpc/grpc-js loop that keeps `inFlight` calls going with the same pre-encoded request and measures
 * nothing. Usage: node --import tsx grpc-generator-child.ts '<GrpcGeneratorJob JSON>'
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import { type Clock, systemClock } from '../../../load/engine/clock.ts';
import { runLoad } from '../../../load/engine/run-load.ts';
import { encodeRequest, loadProtoRoot, resolveMethod } from '../../../load/grpc/grpc-method.ts';
import { perfToMonotonic } from './monotonic.ts';

export interface GrpcGeneratorJob {
  tool: 'scalebench' | 'floor';
  /** grpc://127.0.0.1:port */
  target: string;
  proto: string;
  call: string;
  data: string;
  seconds: number;
  inFlight: number;
  /** scalebench only: an open model at this many calls/s (inFlight VUs preallocated) */
  rate?: number;
}

export interface GrpcGeneratorResult {
  tool: string;
  calls: number;
  errors: number;
  cpuSeconds: number;
  wallSeconds: number;
  /** scalebench only: monotonic ms of the schedule's offset 0, the run's figures */
  startedAt?: number;
  achievedRate?: number;
  valid?: boolean;
  latency?: { p50: number; p90: number; p99: number; p999: number };
  serviceP50?: number;
}

async function runScalebench(job: GrpcGeneratorJob): Promise<Partial<GrpcGeneratorResult>> {
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
  const duration = `${job.seconds}s`;
  const outcome = await runLoad(
    {
      baseUrl: job.target,
      executor:
        job.rate === undefined
          ? { executor: 'constant-vus', vus: job.inFlight, duration }
          : {
              executor: 'constant-arrival-rate',
              rate: job.rate,
              duration,
              preAllocatedVUs: job.inFlight,
              maxVUs: job.rate * 2,
            },
      timeout: '10s',
      grpc: { protoFile: job.proto, call: job.call, data: job.data, connections: 1 },
    },
    { clock },
  );
  const { summary } = outcome;
  const response = summary.latency.response;
  return {
    calls: summary.requests,
    errors: summary.errors,
    startedAt,
    achievedRate: summary.achievedRate,
    valid: summary.valid,
    latency: { p50: response.p50, p90: response.p90, p99: response.p99, p999: response.p999 },
    serviceP50: summary.latency.service.p50,
  };
}

async function runFloor(job: GrpcGeneratorJob): Promise<{ calls: number; errors: number }> {
  const method = resolveMethod(loadProtoRoot(job.proto), job.call);
  const request = encodeRequest(method, job.data);
  const identity = (value: Buffer) => value;
  const client = new grpc.Client(new URL(job.target).host, grpc.credentials.createInsecure());
  const end = performance.now() + job.seconds * 1000;
  let calls = 0;
  let errors = 0;
  const loop = () =>
    new Promise<void>((resolve) => {
      const next = () => {
        if (performance.now() >= end) return resolve();
        client.makeUnaryRequest(
          method.path,
          identity,
          identity,
          request,
          new grpc.Metadata(),
          {},
          (error) => {
            calls += 1;
            if (error) errors += 1;
            next();
          },
        );
      };
      next();
    });
  await Promise.all(Array.from({ length: job.inFlight }, loop));
  client.close();
  return { calls, errors };
}

export async function runGrpcGeneratorJob(job: GrpcGeneratorJob): Promise<GrpcGeneratorResult> {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const result = job.tool === 'scalebench' ? await runScalebench(job) : await runFloor(job);
  const cpu = process.cpuUsage(cpuBefore);
  return {
    tool: job.tool,
    calls: 0,
    errors: 0,
    ...result,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    wallSeconds: (performance.now() - wallBefore) / 1000,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const job = JSON.parse(process.argv[2] ?? '{}') as GrpcGeneratorJob;
  const result = await runGrpcGeneratorJob(job);
  process.stdout.write(`${JSON.stringify({ result })}\n`);
  process.exit(0);
}
