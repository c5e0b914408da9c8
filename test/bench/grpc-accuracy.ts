/**
 * gRPC accuracy (part of `npm run bench -- grpc`): a @grpc/grpc-js server that answers at once but
 * freezes 700 ms every 3.5 s; scalebench's open model at 300 calls/s for 14 s. Its p90/p99/p99.9 beside
 * the true values: the k-th call due (from the schedule) against the k-th answer the server logged (one
 * HTTP/2 connection, answered in order), so the server's queue draining after a freeze is part of the
 * truth; the freeze-log model of support/true-latency.ts (answer at the freeze's end) is printed beside.
 * Target: each within ±10% of the answer-log truth.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COUNTER_PROTO } from '../helpers/grpc-python-server.ts';
import type { Verdict } from './support/benchmark.ts';
import { runToEnd, startChild, tsNodeArgs } from './support/child.ts';
import type { GrpcGeneratorJob, GrpcGeneratorResult } from './support/grpc-generator-child.ts';
import { fmt, printTable } from './support/table.ts';
import { type Freeze, frozenShare, percentileOfSorted, trueResponseTimes } from './support/true-latency.ts';

const SERVER = fileURLToPath(new URL('./support/grpc-freeze-server.ts', import.meta.url));
const CHILD = fileURLToPath(new URL('./support/grpc-generator-child.ts', import.meta.url));
const RATE = 300;
const SECONDS = 14;
const JUDGED = [
  ['p90', 90],
  ['p99', 99],
  ['p99.9', 99.9],
] as const;

export async function grpcAccuracy(): Promise<Verdict[]> {
  process.stdout.write(
    `grpc accuracy: ${RATE} calls/s for ${SECONDS} s at a server freezing 700 ms every 3.5 s\n`,
  );
  const dir = await mkdtemp(join(tmpdir(), 'sb-grpc-acc-'));
  const answersFile = join(dir, 'answers.txt');
  const server = await startChild(
    'grpc freeze server',
    process.execPath,
    tsNodeArgs(SERVER, ['3500', '700', '1750', answersFile]),
  );
  let result: GrpcGeneratorResult;
  try {
    const job: GrpcGeneratorJob = {
      tool: 'scalebench',
      target: `grpc://127.0.0.1:${server.ready['port']}`,
      proto: COUNTER_PROTO,
      call: 'counter.Counter/Add',
      data: '{}',
      seconds: SECONDS,
      inFlight: 100,
      rate: RATE,
    };
    const { done } = runToEnd('grpc accuracy', process.execPath, tsNodeArgs(CHILD, [JSON.stringify(job)]));
    const finished = await done;
    const line = finished.stdout.split('\n').find((text) => text.startsWith('{"result"'));
    if (finished.code !== 0 || !line)
      throw new Error(`grpc accuracy run failed: ${finished.stderr.slice(-500)}`);
    result = (JSON.parse(line) as { result: GrpcGeneratorResult }).result;
  } finally {
    await server.stop();
  }
  const freezes = server.lines.flatMap((line) => (line['freeze'] ? [line['freeze'] as Freeze] : []));
  const answers = (await readFile(answersFile, 'utf8'))
    .split('\n')
    .map(Number)
    .sort((a, b) => a - b);
  await rm(dir, { recursive: true, force: true });
  const service = result.serviceP50 ?? 0.3;
  const startAt = result.startedAt ?? 0;
  const raw = answers
    .slice(0, Math.round(RATE * SECONDS))
    .map((answeredAt, k) => answeredAt - (startAt + (k * 1000) / RATE));
  // the generator's reported start precedes its first due call by the thread's set-up (~35 ms here):
  // the fastest answer is one service time after its due time, so that gap is taken off every call
  const origin = Math.max(0, Math.min(...raw) - service);
  const truth = raw.map((ms) => ms - origin).sort((a, b) => a - b);
  const modelled = trueResponseTimes(
    { startAt: result.startedAt ?? 0, ratePerSecond: RATE, durationSeconds: SECONDS },
    freezes,
    service,
  );
  const latency = result.latency ?? { p50: 0, p90: 0, p99: 0, p999: 0 };
  const reported = { p50: latency.p50, p90: latency.p90, p99: latency.p99, 'p99.9': latency.p999 };
  const rows = ([['p50', 50], ...JUDGED] as const).map(([label, p]) => {
    const expected = percentileOfSorted(truth, p);
    const value = reported[label];
    return [
      label,
      fmt(percentileOfSorted(modelled, p)),
      fmt(expected),
      fmt(value),
      `${fmt(((value - expected) / expected) * 100, 1)}%`,
    ];
  });
  printTable(
    `gRPC accuracy: response time (ms), ${RATE} calls/s for ${SECONDS} s, 700 ms freezes every 3.5 s`,
    ['', 'freeze model', 'true (answer log)', 'scalebench', 'error'],
    rows,
  );
  process.stdout.write(
    `schedule origin moved ${fmt(origin, 1)} ms; freezes seen ${freezes.length}; answers logged ${answers.length}; calls due inside a freeze ${fmt(frozenShare(modelled, service) * 100, 1)}%; ` +
      `service p50 ${fmt(service, 3)} ms; calls ${result.calls}, errors ${result.errors}, achieved ${fmt(result.achievedRate ?? 0, 1)}/s, valid ${result.valid}\n`,
  );
  return JUDGED.map(([label, p]) => {
    const expected = percentileOfSorted(truth, p);
    const error = ((reported[label] - expected) / expected) * 100;
    return {
      bench: 'grpc',
      target: `accuracy: ${label} within ±10% of true (freezing gRPC server)`,
      met: Math.abs(error) <= 10 && result.errors === 0,
      detail: `${fmt(reported[label])} vs true ${fmt(expected)} ms (${fmt(error, 1)}%); valid ${result.valid}, ${freezes.length} freezes`,
    };
  });
}
