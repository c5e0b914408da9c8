/**
 * (b) Accuracy: a server that answers at once but freezes its event loop for 1 s every 5 s; 500 req/s
 * for 20 s with the open model. Prints scalebench's p50/p90/p99/p99.9 beside the true values computed
 * from the schedule and the freeze log, and autocannon -R 500 (same server, its own freeze log) for
 * contrast. Targets: p90/p99/p99.9 within ±10% of true; achieved rate within 1% of target.
 */
import { fileURLToPath } from 'node:url';
import { onCleanup } from '../../core/cleanup.ts';
import { type CertificatePair, makeTestCertificates } from '../helpers/test-certificates.ts';
import type { Benchmark, BenchOptions, Verdict } from './support/benchmark.ts';
import { startChild, tsNodeArgs } from './support/child.ts';
import type { GeneratorJob, GeneratorResult } from './support/generator-child.ts';
import { runNodeGenerator } from './support/generators.ts';
import { fmt, printTable } from './support/table.ts';
import { type Freeze, frozenShare, percentileOfSorted, trueResponseTimes } from './support/true-latency.ts';

const FREEZE_SERVER = fileURLToPath(new URL('./support/freeze-server.ts', import.meta.url));
const RATE = 500;
const SECONDS = 20;
const PERCENTILES = [
  ['p50', 50],
  ['p90', 90],
  ['p99', 99],
  ['p99.9', 99.9],
] as const;
const JUDGED = ['p90', 'p99', 'p99.9'];

interface Measured {
  result: GeneratorResult;
  truth: number[];
  freezes: Freeze[];
}

/** With `tls`, the freezing server speaks HTTPS with that certificate and scalebench trusts its CA. */
async function measure(
  job: Omit<GeneratorJob, 'url'>,
  tls?: { pair: CertificatePair; caFile: string },
): Promise<Measured> {
  const tlsArgs = tls ? [tls.pair.cert, tls.pair.key] : [];
  const server = await startChild(
    'freeze server',
    process.execPath,
    tsNodeArgs(FREEZE_SERVER, ['5000', '1000', '2500', ...tlsArgs]),
  );
  let result: GeneratorResult;
  try {
    const url = tls
      ? `https://localhost:${server.ready['port']}/`
      : `http://127.0.0.1:${server.ready['port']}/`;
    result = await runNodeGenerator({ ...job, url, ...(tls ? { caFile: tls.caFile } : {}) });
  } finally {
    await server.stop();
  }
  const freezes = server.lines.flatMap((line) => (line['freeze'] ? [line['freeze'] as Freeze] : []));
  const service = result.serviceP50 ?? 0.2;
  const truth = trueResponseTimes(
    { startAt: result.startedAt, ratePerSecond: RATE, durationSeconds: SECONDS },
    freezes,
    service,
  );
  return { result, truth, freezes };
}

const reported = (result: GeneratorResult, label: string): number => {
  const { latency } = result;
  return label === 'p50'
    ? latency.p50
    : label === 'p90'
      ? latency.p90
      : label === 'p99'
        ? latency.p99
        : latency.p999;
};

const errorPct = (value: number, truth: number) => ((value - truth) / truth) * 100;

async function run(_options: BenchOptions): Promise<Verdict[]> {
  process.stdout.write(
    `accuracy: scalebench open model ${RATE} req/s for ${SECONDS} s against the freezing server\n`,
  );
  const ours = await measure({ tool: 'scalebench', durationSeconds: SECONDS, connections: 100, rate: RATE });
  process.stdout.write(
    `accuracy: autocannon -R ${RATE} -c 100 for ${SECONDS} s against a fresh freezing server\n`,
  );
  const peer = await measure({ tool: 'autocannon', durationSeconds: SECONDS, connections: 100, rate: RATE });
  process.stdout.write(
    `accuracy: scalebench over HTTPS, ${RATE} req/s for ${SECONDS} s, a fresh freezing server\n`,
  );
  const certs = await makeTestCertificates();
  const removeCerts = onCleanup('test certificates', () => certs.remove());
  const secure = await measure(
    { tool: 'scalebench', durationSeconds: SECONDS, connections: 100, rate: RATE },
    { pair: certs.valid, caFile: certs.caFile },
  ).finally(removeCerts);
  const rows = PERCENTILES.map(([label, p]) => {
    const truth = percentileOfSorted(ours.truth, p);
    const peerTruth = percentileOfSorted(peer.truth, p);
    const value = reported(ours.result, label);
    const peerValue = reported(peer.result, label);
    const secureTruth = percentileOfSorted(secure.truth, p);
    const secureValue = reported(secure.result, label);
    return [
      label,
      fmt(truth),
      fmt(value),
      `${fmt(errorPct(value, truth), 1)}%`,
      fmt(peerTruth),
      fmt(peerValue),
      `${fmt(errorPct(peerValue, peerTruth), 1)}%`,
      fmt(secureTruth),
      fmt(secureValue),
      `${fmt(errorPct(secureValue, secureTruth), 1)}%`,
    ];
  });
  rows.push([
    'rate/s',
    fmt(RATE, 0),
    fmt(ours.result.achievedRate, 1),
    `${fmt(errorPct(ours.result.achievedRate, RATE), 2)}%`,
    fmt(RATE, 0),
    fmt(peer.result.achievedRate, 1),
    `${fmt(errorPct(peer.result.achievedRate, RATE), 2)}%`,
    fmt(RATE, 0),
    fmt(secure.result.achievedRate, 1),
    `${fmt(errorPct(secure.result.achievedRate, RATE), 2)}%`,
  ]);
  printTable(
    `Accuracy: response time (ms) under 1 s freezes every 5 s, ${RATE} req/s for ${SECONDS} s`,
    [
      '',
      'true',
      'scalebench',
      'error',
      'true (ac run)',
      'autocannon',
      'error',
      'true (https run)',
      'scalebench https',
      'error',
    ],
    rows,
  );
  const service = ours.result.serviceP50 ?? 0;
  process.stdout.write(
    `freezes seen: scalebench run ${ours.freezes.length}, autocannon run ${peer.freezes.length}; ` +
      `arrivals due inside a freeze: ${fmt(frozenShare(ours.truth, service) * 100, 1)}%; ` +
      `service p50 ${fmt(service, 3)} ms; scalebench valid: ${ours.result.valid}${ours.result.valid ? '' : ` (${(ours.result.invalidReasons ?? []).join('; ')})`}; requests ${ours.result.requests}, ` +
      `autocannon requests ${peer.result.requests}\n`,
  );
  const verdicts: Verdict[] = PERCENTILES.filter(([label]) => JUDGED.includes(label)).map(([label, p]) => {
    const truth = percentileOfSorted(ours.truth, p);
    const error = errorPct(reported(ours.result, label), truth);
    return {
      bench: 'accuracy',
      target: `${label} within ±10% of true`,
      met: Math.abs(error) <= 10,
      detail: `${fmt(reported(ours.result, label))} vs true ${fmt(truth)} ms (${fmt(error, 1)}%); autocannon ${fmt(errorPct(reported(peer.result, label), percentileOfSorted(peer.truth, p)), 1)}%`,
    };
  });
  for (const [label, p] of PERCENTILES.filter(([name]) => JUDGED.includes(name))) {
    const truth = percentileOfSorted(secure.truth, p);
    const error = errorPct(reported(secure.result, label), truth);
    verdicts.push({
      bench: 'accuracy',
      target: `HTTPS: ${label} within ±10% of true`,
      met: Math.abs(error) <= 10,
      detail: `${fmt(reported(secure.result, label))} vs true ${fmt(truth)} ms (${fmt(error, 1)}%); valid ${secure.result.valid}, ${secure.freezes.length} freezes`,
    });
  }
  const rateError = errorPct(ours.result.achievedRate, RATE);
  verdicts.push({
    bench: 'accuracy',
    target: 'achieved rate within 1% of target',
    met: Math.abs(rateError) <= 1,
    detail: `${fmt(ours.result.achievedRate, 1)} of ${RATE} req/s (${fmt(rateError, 2)}%)`,
  });
  return verdicts;
}

export const accuracy: Benchmark = {
  name: 'accuracy',
  describe:
    'reported vs true percentiles against a server that freezes 1 s every 5 s (500 req/s, 20 s), over HTTP and HTTPS',
  run,
};
