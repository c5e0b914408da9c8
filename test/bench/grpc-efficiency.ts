/**
 * gRPC efficiency: unary calls per generator-CPU-second of scalebench (`bench grpc://…`'s engine: pacing,
 * HdrHistograms, per-second series) and of a bare @grpc/grpc-js loop that measures nothing (the floor),
 * same in-flight count over one HTTP/2 connection, against the same Python grpcio server (C core) in the
 * same run. Target: scalebench ≥ 0.8× the floor. Then the accuracy run (grpc-accuracy.ts).
 */
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../../core/cleanup.ts';
import { COUNTER_PROTO, findGrpcPython, startCountingServer } from '../helpers/grpc-python-server.ts';
import { grpcAccuracy } from './grpc-accuracy.ts';
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { runToEnd, tsNodeArgs } from './support/child.ts';
import type { GrpcGeneratorJob, GrpcGeneratorResult } from './support/grpc-generator-child.ts';
import { fmt, printTable } from './support/table.ts';

const IN_FLIGHT = 16;
const TARGET_RATIO = 0.8;
const CHILD = fileURLToPath(new URL('./support/grpc-generator-child.ts', import.meta.url));

interface Row extends GrpcGeneratorResult {
  round: number;
}

async function measure(job: GrpcGeneratorJob): Promise<GrpcGeneratorResult> {
  const { done } = runToEnd(`grpc ${job.tool}`, process.execPath, tsNodeArgs(CHILD, [JSON.stringify(job)]));
  const finished = await done;
  const line = finished.stdout.split('\n').find((text) => text.startsWith('{"result"'));
  if (finished.code !== 0 || !line) {
    throw new Error(`grpc ${job.tool} failed (exit ${finished.code}): ${finished.stderr.trim().slice(-500)}`);
  }
  return (JSON.parse(line) as { result: GrpcGeneratorResult }).result;
}

const perCpu = (row: GrpcGeneratorResult) => row.calls / row.cpuSeconds;

async function run(options: BenchOptions): Promise<Verdict[]> {
  const python = await findGrpcPython();
  if (!python) throw new Error('python3-grpcio missing (apt-get install python3-grpcio python3-grpc-tools)');
  const seconds = options.seconds ?? 10;
  const server = await startCountingServer(python);
  const stopServer = onCleanup('python grpc server', async () => void (await server.stop()));
  const base = {
    target: `grpc://127.0.0.1:${server.port}`,
    proto: COUNTER_PROTO,
    call: 'counter.Counter/Add',
    data: '{"name":"bench","amount":1}',
    inFlight: IN_FLIGHT,
  };
  const rows: Row[] = [];
  try {
    process.stdout.write('grpc: warming the server up (2 s, not measured)\n');
    await measure({ ...base, tool: 'floor', seconds: 2 });
    for (let round = 1; round <= options.rounds; round += 1) {
      const order: GrpcGeneratorJob['tool'][] =
        round % 2 === 1 ? ['scalebench', 'floor'] : ['floor', 'scalebench'];
      for (const tool of order) {
        process.stdout.write(`grpc: round ${round} ${tool} (${seconds} s)\n`);
        rows.push({ ...(await measure({ ...base, tool, seconds })), round });
      }
    }
  } finally {
    await stopServer();
  }
  printTable(
    `gRPC efficiency: closed model, ${IN_FLIGHT} unary calls in flight over one HTTP/2 connection, Python grpcio server, calls per generator-CPU-second`,
    ['round', 'generator', 'calls', 'calls/s', 'errors', 'CPU s', 'µs CPU/call', 'calls/CPU-s', '× floor'],
    rows.map((row) => {
      const floor = rows.find((r) => r.round === row.round && r.tool === 'floor');
      return [
        row.round,
        row.tool,
        row.calls,
        fmt(row.calls / row.wallSeconds, 0),
        row.errors,
        fmt(row.cpuSeconds),
        fmt((1e6 * row.cpuSeconds) / row.calls, 1),
        fmt(perCpu(row), 0),
        floor ? fmt(perCpu(row) / perCpu(floor)) : '-',
      ];
    }),
  );
  const ratios = rows
    .filter((row) => row.tool === 'scalebench')
    .map((row) => perCpu(row) / perCpu(rows.find((r) => r.round === row.round && r.tool === 'floor')!));
  const ratio = median(ratios);
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  return [
    ...(await grpcAccuracy()),
    {
      bench: 'grpc',
      target: `unary calls/CPU-s: scalebench ≥ ${TARGET_RATIO}× a bare @grpc/grpc-js loop`,
      met: ratio >= TARGET_RATIO && errors === 0,
      detail: `median ratio ${fmt(ratio)} over ${ratios.length} round(s): ${ratios.map((r) => fmt(r)).join(', ')}; errors ${errors}`,
    },
  ];
}

export const grpcEfficiency: Benchmark = {
  name: 'grpc',
  describe:
    'gRPC: unary calls per generator-CPU-second vs a bare @grpc/grpc-js loop (≥ 0.8×); accuracy against a freezing gRPC server (±10%)',
  run,
};
