/**
 * HTTPS efficiency: requests per generator-CPU-second of scalebench and autocannon, closed model with
 * the same number of requests in flight, against the same nginx over TLS (a certificate made for the
 * run, trusted through its CA). Target: scalebench ≥ 1.2× autocannon over HTTP/1.1. Beside it, for the
 * record, scalebench over HTTP/2 (ALPN h2, and h2c) against the same nginx: the same requests in flight
 * multiplexed over connections / 10 connections.
 */
import { onCleanup } from '../../core/cleanup.ts';
import { makeTestCertificates } from '../helpers/test-certificates.ts';
import { startTlsNginx } from '../helpers/tls-nginx.ts';
import { type Benchmark, type BenchOptions, median, type Verdict } from './support/benchmark.ts';
import { runNodeGenerator } from './support/generators.ts';
import { NGINX_BINARY } from './support/nginx.ts';
import { fmt, printTable } from './support/table.ts';

const IN_FLIGHT = 50;
const MAX_STREAMS = 10;
const TARGET_RATIO = 1.2;
const WARMUP_SECONDS = 2;

type Generator = 'scalebench' | 'autocannon' | 'scalebench h2' | 'scalebench h2c';

interface Row {
  round: number;
  generator: Generator;
  protocol: string;
  requests: number;
  errors: number;
  cpuSeconds: number;
  seconds: number;
}

interface Urls {
  h1: string;
  h2: string;
  h2c: string;
  caFile: string;
}

async function measure(generator: Generator, urls: Urls, seconds: number): Promise<Omit<Row, 'round'>> {
  const common = { durationSeconds: seconds, connections: IN_FLIGHT };
  const job =
    generator === 'autocannon'
      ? { ...common, tool: 'autocannon' as const, url: urls.h1 }
      : generator === 'scalebench'
        ? { ...common, tool: 'scalebench' as const, url: urls.h1, caFile: urls.caFile }
        : generator === 'scalebench h2'
          ? { ...common, tool: 'scalebench' as const, url: urls.h2, caFile: urls.caFile, http2: true }
          : { ...common, tool: 'scalebench' as const, url: urls.h2c, http2: true };
  const result = await runNodeGenerator({ ...job, maxStreams: MAX_STREAMS });
  const protocol = generator.endsWith('h2c')
    ? 'h2c'
    : generator.endsWith('h2')
      ? 'h2 (TLS)'
      : 'HTTP/1.1 (TLS)';
  return {
    generator,
    protocol,
    requests: result.requests,
    errors: result.errors,
    cpuSeconds: result.cpuSeconds,
    seconds: result.wallSeconds,
  };
}

const perCpu = (row: Row) => row.requests / row.cpuSeconds;

function printRows(rows: readonly Row[]): void {
  const autocannon = (row: Row) => rows.find((r) => r.round === row.round && r.generator === 'autocannon');
  printTable(
    `HTTPS efficiency: closed model, ${IN_FLIGHT} requests in flight, nginx over TLS, requests per generator-CPU-second`,
    [
      'round',
      'generator',
      'protocol',
      'requests',
      'req/s',
      'errors',
      'CPU s',
      'µs CPU/req',
      'req/CPU-s',
      '× autocannon',
    ],
    rows.map((row) => {
      const peer = autocannon(row);
      return [
        row.round,
        row.generator,
        row.protocol,
        row.requests,
        fmt(row.requests / row.seconds, 0),
        row.errors,
        fmt(row.cpuSeconds),
        fmt((1e6 * row.cpuSeconds) / row.requests, 1),
        fmt(perCpu(row), 0),
        peer ? fmt(perCpu(row) / perCpu(peer)) : '-',
      ];
    }),
  );
  process.stdout.write(
    `HTTP/2 rows: ${IN_FLIGHT} streams in flight over ${IN_FLIGHT / MAX_STREAMS} connections (--max-streams ${MAX_STREAMS}); autocannon speaks HTTP/1.1 only\n`,
  );
}

function verdicts(rows: readonly Row[]): Verdict[] {
  const ratios: number[] = [];
  for (const row of rows) {
    if (row.generator !== 'scalebench') continue;
    const peer = rows.find((r) => r.round === row.round && r.generator === 'autocannon');
    if (peer) ratios.push(perCpu(row) / perCpu(peer));
  }
  const ratio = median(ratios);
  const errors = rows.reduce((sum, row) => sum + row.errors, 0);
  return [
    {
      bench: 'https',
      target: `nginx over TLS: scalebench ≥ ${TARGET_RATIO}× autocannon req/CPU-s`,
      met: ratio >= TARGET_RATIO && errors === 0,
      detail: `median ratio ${fmt(ratio)} over ${ratios.length} round(s): ${ratios.map((r) => fmt(r)).join(', ')}; errors ${errors}`,
    },
  ];
}

async function run(options: BenchOptions): Promise<Verdict[]> {
  const seconds = options.seconds ?? 10;
  const certs = await makeTestCertificates();
  const removeCerts = onCleanup('test certificates', () => certs.remove());
  const nginx = await startTlsNginx(NGINX_BINARY, certs.valid);
  const stopNginx = onCleanup('tls nginx', () => nginx.stop());
  const urls: Urls = {
    h1: `${nginx.h1Url}/index.txt`,
    h2: `${nginx.h2Url}/index.txt`,
    h2c: `${nginx.h2cUrl}/index.txt`,
    caFile: certs.caFile,
  };
  const generators: Generator[] = ['scalebench', 'autocannon', 'scalebench h2', 'scalebench h2c'];
  const rows: Row[] = [];
  try {
    process.stdout.write(`https: warming nginx up (${WARMUP_SECONDS} s, not measured)\n`);
    await measure('autocannon', urls, WARMUP_SECONDS);
    for (let round = 1; round <= options.rounds; round += 1) {
      const order = round % 2 === 1 ? generators : [...generators].reverse();
      for (const generator of order) {
        process.stdout.write(`https: round ${round} ${generator} (${seconds} s)\n`);
        rows.push({ ...(await measure(generator, urls, seconds)), round });
      }
    }
  } finally {
    await stopNginx();
    await removeCerts();
  }
  printRows(rows);
  return verdicts(rows);
}

export const httpsEfficiency: Benchmark = {
  name: 'https',
  describe: 'HTTPS requests per generator-CPU-second vs autocannon (nginx over TLS), HTTP/2 beside HTTP/1.1',
  run,
};
