/**
 * (e) Micro-benchmarks of the send/receive hot path with tinybench: request build, response parse
 * (Content-Length and chunked), histogram record and the per-request metrics accumulation. Each is
 * printed beside a floor measured in the same run (the bare operation it cannot beat), so the ratio
 * shows a slowdown whatever the machine.
 */
import { Bench } from 'tinybench';
import { MetricsAccumulator } from '../../load/engine/metrics.ts';
import { buildRequestBytes } from '../../load/http/request-builder.ts';
import { ResponseParser } from '../../load/http/response-parser.ts';
import { createHistogram, recordMs } from '../../results/histogram.ts';
import type { Benchmark, BenchOptions, Verdict } from './support/benchmark.ts';
import { fmt, printTable } from './support/table.ts';

const RESPONSE = Buffer.from(
  'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 6\r\nx-served-by: clone-1\r\n' +
    'date: Thu, 01 Jan 2026 00:00:00 GMT\r\nconnection: keep-alive\r\nkeep-alive: timeout=5\r\n\r\nhello\n',
);
const CHUNKED = Buffer.from(
  'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n' +
    '7\r\n{"a":1,\r\n8\r\n"b":[2]}\r\n0\r\n\r\n',
);
const REQUEST = {
  method: 'GET',
  path: '/products/42?x=1',
  headers: { accept: 'application/json', 'x-run': 'bench' },
};
const HEAD_END = Buffer.from('\r\n\r\n');

/** name → [task, floor task] */
function tasks(): Record<string, { task: () => void; floor: string; floorTask: () => void }> {
  const parser = new ResponseParser();
  const histogram = createHistogram();
  const floorHistogram = createHistogram();
  const metrics = new MetricsAccumulator({ startAt: 0, warmupMs: 0 });
  const step = metrics.stepIndex('request'); // once per request definition, as the engine does
  const prebuilt = 'GET /products/42?x=1 HTTP/1.1\r\nhost: 127.0.0.1:8080\r\nuser-agent: scalebench\r\n\r\n';
  let t = 1;
  let now = 0;
  /** a spread of latencies (0.1..2000 ms) so records land in many buckets */
  const nextMs = () => {
    t = (t * 1.000_37) % 2000;
    return t + 0.1;
  };
  return {
    'request build (buildRequestBytes)': {
      task: () => buildRequestBytes(REQUEST, '127.0.0.1:8080'),
      floor: 'Buffer.from(prebuilt head)',
      floorTask: () => Buffer.from(prebuilt, 'latin1'),
    },
    'response parse, content-length': {
      task: () => {
        parser.start(false, false);
        parser.feed(RESPONSE);
      },
      floor: 'indexOf(CRLFCRLF) + latin1 head',
      floorTask: () => RESPONSE.toString('latin1', 0, RESPONSE.indexOf(HEAD_END)),
    },
    'response parse, chunked': {
      task: () => {
        parser.start(true, false);
        parser.feed(CHUNKED);
      },
      floor: 'indexOf(CRLFCRLF) + latin1 head, chunked',
      floorTask: () => CHUNKED.toString('latin1', 0, CHUNKED.indexOf(HEAD_END)),
    },
    'histogram recordMs': {
      task: () => recordMs(histogram, nextMs()),
      floor: 'hdr recordValue (µs int)',
      floorTask: () => floorHistogram.recordValue(Math.round(nextMs() * 1000)),
    },
    'metrics addRequest (4 records)': {
      task: () => {
        now += 0.05; // 20 000 requests per simulated second, as under real load
        metrics.addRequest(step, now, now + 0.01, now + 0.3, undefined, 'clone-1');
      },
      floor: 'hdr recordValue (µs int)',
      floorTask: () => floorHistogram.recordValue(300),
    },
  };
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  const time = options.long ? 2000 : 500;
  const bench = new Bench({ time, warmupTime: 100 });
  const defined = tasks();
  const floors = new Set<string>();
  for (const [name, { task, floor, floorTask }] of Object.entries(defined)) {
    bench.add(name, task);
    if (!floors.has(floor)) bench.add(floor, floorTask);
    floors.add(floor);
  }
  await bench.run();
  const nsPerOp = (name: string) => {
    const result = bench.getTask(name)?.result;
    return result ? result.latency.mean * 1e6 : Number.NaN;
  };
  const opsPerSecond = (name: string) => bench.getTask(name)?.result?.throughput.mean ?? Number.NaN;
  const rows = Object.entries(defined).map(([name, { floor }]) => [
    name,
    fmt(opsPerSecond(name), 0),
    fmt(nsPerOp(name), 0),
    floor,
    fmt(nsPerOp(floor), 0),
    fmt(nsPerOp(name) / nsPerOp(floor), 1),
  ]);
  printTable(
    'Hot path micro-benchmarks (tinybench)',
    ['operation', 'ops/s', 'ns/op', 'floor (same run)', 'floor ns/op', '× floor'],
    rows,
  );
  return [];
}

export const micro: Benchmark = {
  name: 'micro',
  describe: 'tinybench: request build, response parse, histogram record, metrics accumulation',
  run,
};
