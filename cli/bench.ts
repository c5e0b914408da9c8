/**
 * `scalebench bench <url>`: load-test any HTTP service. Open model at --rate N (default) or closed
 * model with --connections N; prints a summary table and writes a BenchResults file with --json.
 * Exit codes: 0 ok, 1 generator saturated (result invalid), 2 bad input or unreachable host,
 * 130 interrupted (partial results still written).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import { durationMs } from '../load-model/duration.ts';
import { type ParsedTargets, parseTargets } from '../load-model/targets-file.ts';
import type { LoadRunOptions, TargetPick } from '../load-model/types.ts';
import { collectEnvironment } from '../results/environment.ts';
import { writeResultsFile } from '../results/files.ts';
import { EVENTS_FILE_NAME, liveTotals } from '../results/live-events.ts';
import { poolTrials } from '../results/pool-trials.ts';
import type { BenchResults, BenchTrial } from '../results/schema.ts';
import { SCHEMA_VERSION } from '../results/schema-version.ts';
import type { RunOutcome } from '../runners/engine/build-outcome.ts';
import { assertFeasible } from '../runners/engine/feasibility.ts';
import { readOpenFileLimit } from '../runners/engine/open-file-limit.ts';
import { runLoad } from '../runners/engine/run-load.ts';
import { formatGrpcLine, grpcStats } from '../runners/grpc/grpc-stats.ts';
import { probeTcp } from '../runners/http/probe.ts';
import { describePlan } from '../runners/load-models/describe.ts';
import { createProgressPrinter } from '../runners/progress/progress-printer.ts';
import { formatStreamSummary, streamMetrics } from '../runners/progress/stream-summary.ts';
import { formatSummary } from '../runners/progress/summary-table.ts';
import { formatTrialLine, formatTrialSpread } from '../runners/progress/trial-spread.ts';
import { shardLoadOptions } from '../runners/shard/shard-load.ts';
import { parseShard, type ShardSpec } from '../runners/shard/shard-spec.ts';
import { runTrials } from '../runners/trials/run-trials.ts';
import { parseExecutor, parseHeaders, parseProtocol } from './bench-load-flags.ts';
import { parseSseSpec, parseWebSocketSpec, type StreamFlags, streamKind } from './bench-stream.ts';
import type { CliContext } from './context.ts';
import {
  type GrpcFlags,
  isGrpcUrl,
  parseGrpcCall,
  parseGrpcTarget,
  recordedLoad,
  withReflectedCall,
} from './grpc-bench-options.ts';
import {
  type LiveFlags,
  type LiveOptions,
  parseLiveOptions,
  splitOutputs,
  startLiveOutputs,
} from './live-outputs.ts';
import { parseDuration, parseNumber } from './parse.ts';
import { parseRemoteWrite, type RemoteWriteFlags } from './remote-write-options.ts';

export interface BenchFlags extends LiveFlags, RemoteWriteFlags, GrpcFlags, StreamFlags {
  rate?: string;
  connections?: string;
  duration: string;
  warmup: string;
  workers: string;
  method: string;
  header?: string[];
  body?: string;
  timeout: string;
  json?: string;
  quiet?: boolean;
  client?: string;
  maxLag?: string;
  maxLoopDelay?: string;
  shard?: string;
  insecure?: boolean;
  ca?: string;
  http2?: boolean;
  maxStreams?: string;
  targets?: string;
  pick?: string;
  /** prometheus=URL (repeatable flag; one such output) */
  out?: string[];
  trials?: string;
  pause?: string;
}

export interface BenchOptions {
  load: LoadRunOptions;
  jsonPath: string | undefined;
  quiet: boolean;
  /** --dashboard, --out prometheus=URL */
  live: LiveOptions;
  /** this process runs shard index of count: 1/count of the load (load keeps the whole) */
  shard?: ShardSpec;
  /** --trials N: N whole runs, one sample each for `compare`; 1 writes a plain single-run file */
  trials: number;
  /** --pause between trials */
  pauseMs: number;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `'${text}' is not a URL`, {
      hint: 'pass a full URL such as http://127.0.0.1:8080/',
    });
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${url.protocol} URLs are not supported: ${text}`, {
      hint: 'use an http:// or https:// URL',
    });
  }
  return url;
}

function readTargetsFile(path: string): ParsedTargets {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `cannot read --targets ${path} (${reason})`, {
      hint: 'pass a file of targets: `GET http://127.0.0.1:8080/` lines, or JSON Lines',
    });
  }
  return parseTargets({
    name: path,
    text,
    readBody: (body) => readFileSync(resolve(dirname(path), body), 'utf8'),
  });
}

function parsePick(text: string | undefined): TargetPick {
  if (text === undefined || text === 'round-robin' || text === 'weighted') return text ?? 'round-robin';
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--pick '${text}' is unknown`, {
    hint: 'use --pick round-robin (targets in turn, weights as turns) or --pick weighted (random by weight)',
  });
}

/** The URL argument, or the targets file: one of the two */
function requestsOf(
  urlText: string | undefined,
  flags: BenchFlags,
  cwd: string,
): {
  url: URL;
  request?: LoadRunOptions['request'];
  targets?: Pick<LoadRunOptions, 'targets' | 'targetPick'>;
  streams?: Pick<LoadRunOptions, 'websocket' | 'sse'>;
} {
  if (flags.targets !== undefined) {
    if (urlText !== undefined) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', 'give a URL or --targets FILE, not both', {
        hint: 'the targets file names every URL to request',
      });
    }
    streamKind(undefined, flags);
    const parsed = readTargetsFile(resolve(cwd, flags.targets));
    return {
      url: new URL(`${parsed.origin}/`),
      targets: { targets: parsed.targets, targetPick: parsePick(flags.pick) },
    };
  }
  if (urlText === undefined) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', 'no URL to load-test', {
      hint: 'pass a URL (scalebench bench http://127.0.0.1:8080/) or --targets FILE',
    });
  }
  if (isGrpcUrl(urlText)) return { url: parseGrpcTarget(urlText) };
  const url = parseUrl(urlText);
  const headers = parseHeaders(flags.header ?? []);
  const kind = streamKind(url, flags);
  if (kind === 'websocket') return { url, streams: { websocket: parseWebSocketSpec(flags, headers) } };
  if (kind === 'sse') return { url, streams: { sse: parseSseSpec(flags, headers) } };
  return {
    url,
    request: {
      method: flags.method.toUpperCase(),
      path: `${url.pathname}${url.search}`,
      headers,
      ...(flags.body === undefined ? {} : { body: flags.body }),
    },
  };
}

/** --trials N (at least 1) and --pause; trials cannot be sharded */
export function parseTrials(flags: Pick<BenchFlags, 'trials' | 'pause' | 'shard'>) {
  const trials = parseNumber(flags.trials ?? '1', '--trials', { min: 1, integer: true });
  if (trials > 1 && flags.shard !== undefined) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--trials and --shard cannot be used together', {
      hint: 'run the trials on one machine, or shard one run and `scalebench merge` it',
    });
  }
  const pauseMs = parseDuration(flags.pause ?? '0s', '--pause');
  return { trials, pauseMs };
}

export function parseBenchOptions(
  urlText: string | undefined,
  flags: BenchFlags,
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): BenchOptions {
  const { url, request, targets, streams } = requestsOf(urlText, flags, cwd);
  const { trials, pauseMs } = parseTrials(flags);
  const durationMs = parseDuration(flags.duration, '--duration');
  if (durationMs <= 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--duration must be longer than 0', {
      hint: 'e.g. --duration 30s',
    });
  }
  const timeoutMs = parseDuration(flags.timeout, '--timeout');
  if (timeoutMs <= 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--timeout must be longer than 0', {
      hint: 'e.g. --timeout 5s',
    });
  }
  if (flags.client !== undefined && flags.client !== 'raw' && flags.client !== 'undici') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--client '${flags.client}' is unknown`, {
      hint: 'use --client raw (default) or --client undici',
    });
  }
  const grpc = url.protocol.startsWith('grpc')
    ? parseGrpcCall(
        flags,
        cwd,
        timeoutMs,
        flags.connections === undefined
          ? 1
          : parseNumber(flags.connections, '--connections', { min: 1, integer: true }),
      )
    : undefined;
  const load: LoadRunOptions = {
    baseUrl: grpc ? `${url.protocol}//${url.host}` : url.href,
    executor: parseExecutor(flags, durationMs, grpc !== undefined, streams !== undefined),
    warmup: parseDuration(flags.warmup, '--warmup'),
    timeout: timeoutMs,
    workers: parseNumber(flags.workers, '--workers', { min: 1, integer: true }),
    ...(request === undefined ? {} : { request }),
    ...(grpc ? { grpc } : {}),
    ...targets,
    ...streams,
    ...(flags.client === undefined ? {} : { client: flags.client as 'raw' | 'undici' }),
    ...parseProtocol(url, flags, cwd),
    saturation: {
      ...(flags.maxLag === undefined
        ? {}
        : { maxScheduleLagP99Ms: parseNumber(flags.maxLag, '--max-lag', { min: 0 }) }),
      ...(flags.maxLoopDelay === undefined
        ? {}
        : { maxEventLoopDelayP99Ms: parseNumber(flags.maxLoopDelay, '--max-loop-delay', { min: 0 }) }),
    },
  };
  const outputs = splitOutputs(flags.out ?? []);
  if (outputs.rest.length > 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--out '${outputs.rest[0]}' is not prometheus=URL`, {
      hint: 'bench writes its results file with --json FILE; --out takes prometheus=http://HOST:PORT/api/v1/write',
    });
  }
  return {
    load,
    jsonPath: flags.json === undefined ? undefined : resolve(cwd, flags.json),
    quiet: Boolean(flags.quiet),
    live: parseLiveOptions(flags, parseRemoteWrite(outputs.prometheus, flags, env, cwd)),
    ...(flags.shard === undefined ? {} : { shard: parseShard(flags.shard) }),
    trials,
    pauseMs,
  };
}

/** The first connection, made as the run will make it: TCP, then the TLS handshake and HTTP/2 agreement. */
export async function assertReachable(url: URL, load: LoadRunOptions): Promise<void> {
  if (load.grpc) {
    const [{ assertGrpcReachable }, { loadTlsSettings }] = await Promise.all([
      import('../runners/grpc/grpc-probe.ts'),
      import('../runners/http/tls-settings.ts'),
    ]);
    return assertGrpcReachable(url, await loadTlsSettings(load.tls));
  }
  const code = await probeTcp(url, 3000);
  if (code !== null) {
    throw new ScalebenchError('SB_ERR_UNREACHABLE', `cannot connect to ${url.host} (${code})`, {
      hint: 'start the service first, or check the host and port in the URL',
    });
  }
  if (url.protocol !== 'https:' && !load.http2) return;
  const [{ assertHandshake }, { loadTlsSettings }] = await Promise.all([
    import('../runners/http/probe-handshake.ts'),
    import('../runners/http/tls-settings.ts'),
  ]);
  await assertHandshake(url, {
    tls: await loadTlsSettings(load.tls),
    http2: load.http2 === true,
    timeoutMs: 3000,
  });
}

function toBenchResults(options: BenchOptions, outcome: RunOutcome, cwd: string): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: { ...recordedLoad(options.load), interrupted: outcome.interrupted, plan: outcome.plan },
    environment: collectEnvironment(cwd),
    summary: outcome.summary,
    histograms: outcome.histograms,
    ...(outcome.phaseHistograms ? { phaseHistograms: outcome.phaseHistograms } : {}),
    ...(outcome.protocol ? { protocol: outcome.protocol } : {}),
    ...(options.load.grpc
      ? { grpc: grpcStats(options.load.grpc.call, options.load.grpc.serverStreaming === true, outcome) }
      : {}),
    series: outcome.series,
    ...(options.shard ? { shard: options.shard } : {}),
    ...streamMetrics(outcome),
  };
}

export async function runBench(given: BenchOptions, ctx: CliContext): Promise<number> {
  if (given.trials > 1) return runTrialsOfBench(given, ctx);
  const loadOf = (of: BenchOptions) => (of.shard ? shardLoadOptions(of.load, of.shard) : of.load);
  assertFeasible(loadOf(given), readOpenFileLimit()); // before the plan: an impossible load is refused, not announced
  await assertReachable(new URL(given.load.baseUrl), loadOf(given));
  const options = { ...given, load: await withReflectedCall(given.load) };
  const load = loadOf(options);
  const live = await startLiveOutputs(
    options.live,
    options.jsonPath ? join(dirname(options.jsonPath), EVENTS_FILE_NAME) : undefined,
    ctx,
  );
  if (!options.quiet) ctx.stdout(`${describePlan(load)}\n`);
  const printer = createProgressPrinter({ write: ctx.stdout, isTTY: ctx.isTTY, quiet: options.quiet });
  const names = { experiment: 'bench', variant: benchName(options.load) };
  const executor = load.executor;
  const seconds = Math.ceil(
    (('duration' in executor ? (durationMs(executor.duration) ?? 0) : 0) +
      (load.warmup === undefined ? 0 : (durationMs(load.warmup) ?? 0))) /
      1000,
  );
  live.publish({
    type: 'plan',
    command: 'bench',
    title: `scalebench bench ${options.load.baseUrl}`,
    variants: [names],
    trials: 1,
    etaSeconds: seconds,
  });
  live.publish({ type: 'variant-start', ...names, index: 0, total: 1, etaSeconds: seconds });
  live.publish({
    type: 'trial-start',
    ...names,
    trial: 0,
    trials: 1,
    ...(options.load.grpc ? { protocol: 'grpc' as const } : {}),
  });
  const outcome = await runLoad(load, {
    signal: ctx.signal,
    onSecond: (point) => {
      printer.onSecond(point);
      live.publish({ type: 'second', ...names, trial: 0, point });
    },
  });
  printer.finish();
  live.publish({ type: 'trial-done', ...names, trial: 0, totals: liveTotals(outcome.summary) });
  live.publish({
    type: 'variant-done',
    ...names,
    failedThresholds: 0,
    valid: outcome.summary.valid,
  });
  const results = toBenchResults(options, outcome, ctx.cwd);
  if (options.jsonPath) await writeResultsFile(options.jsonPath, results);
  if (!options.quiet && outcome.protocol) ctx.stdout(`protocol        ${outcome.protocol}\n`);
  ctx.stdout(formatSummary(outcome.summary));
  if (results.grpc) ctx.stdout(formatGrpcLine(results.grpc));
  ctx.stdout(formatStreamSummary(outcome.counters, outcome.trends));
  if (options.jsonPath && !options.quiet) ctx.stdout(`results written to ${options.jsonPath}\n`);
  const code = exitCodeOf(outcome, ctx);
  await live.finish(results, options.jsonPath ? basename(options.jsonPath) : undefined, !outcome.interrupted);
  return code;
}

function exitCodeOf(outcome: RunOutcome, ctx: CliContext): number {
  if (outcome.interrupted) {
    ctx.stderr('interrupted: the summary covers the part that ran\n');
    return ExitCode.interrupted;
  }
  if (!outcome.summary.valid) {
    ctx.stderr(`\n!!! RESULT INVALID: ${outcome.summary.invalidReasons.join('; ')}\n`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

/** the bench run's name on the dashboard and in Prometheus labels: host and path of its URL */
function benchName(load: LoadRunOptions): string {
  const url = new URL(load.baseUrl);
  if (load.grpc) return `${url.host}/${load.grpc.call}`;
  return `${url.host}${url.pathname}`;
}

/** bench --trials N: N whole runs in a row, the file rewritten after each, then the spread across them */
async function runTrialsOfBench(given: BenchOptions, ctx: CliContext): Promise<number> {
  assertFeasible(given.load, readOpenFileLimit());
  await assertReachable(new URL(given.load.baseUrl), given.load);
  const options = { ...given, load: await withReflectedCall(given.load) };
  if (!options.quiet) {
    const pause = options.pauseMs > 0 ? `, ${options.pauseMs} ms apart` : '';
    ctx.stdout(`${options.trials} trials${pause}, each: ${describePlan(options.load)}\n`);
  }
  const trials: BenchTrial[] = [];
  const complete = await runTrials(
    Array.from({ length: options.trials }, () => ({ side: 'bench', load: options.load })),
    {
      pauseMs: options.pauseMs,
      signal: ctx.signal,
      onTrial: async ({ trial }) => {
        trials.push(trial);
        if (!options.quiet)
          ctx.stdout(formatTrialLine(`trial ${trial.trial + 1}/${options.trials}`, trial.summary));
        if (options.jsonPath)
          await writeResultsFile(options.jsonPath, toTrialsResults(options, trials, false, ctx.cwd));
      },
    },
  );
  if (trials.length === 0) {
    ctx.stderr('interrupted before the first trial ended: nothing written\n');
    return ExitCode.interrupted;
  }
  if (options.jsonPath)
    await writeResultsFile(options.jsonPath, toTrialsResults(options, trials, !complete, ctx.cwd));
  const pooled = poolTrials(trials);
  ctx.stdout(
    `\n${formatSummary(pooled.summary)}\n${formatTrialSpread(trials.map((trial) => trial.summary))}`,
  );
  if (options.jsonPath && !options.quiet) ctx.stdout(`results written to ${options.jsonPath}\n`);
  if (!complete) {
    ctx.stderr(`interrupted: ${trials.length} of ${options.trials} trials ran\n`);
    return ExitCode.interrupted;
  }
  if (!pooled.summary.valid) {
    ctx.stderr(`\n!!! RESULT INVALID: ${pooled.summary.invalidReasons.join('; ')}\n`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}

function toTrialsResults(
  options: BenchOptions,
  trials: BenchTrial[],
  interrupted: boolean,
  cwd: string,
): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: {
      ...recordedLoad(options.load),
      interrupted,
      plan: describePlan(options.load),
      trials: options.trials,
      pauseMs: options.pauseMs,
    },
    environment: collectEnvironment(cwd),
    ...poolTrials(trials),
    trials,
  };
}
