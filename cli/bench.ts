/**
 * `scalebench bench <url>`: load-test any HTTP service. Open model at --rate N (default) or closed
 * model with --connections N; prints a summary table and writes a BenchResults file with --json.
 * Exit codes: 0 ok, 1 generator saturated (result invalid), 2 bad input or unreachable host,
 * 130 interrupted (partial results still written).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { collectEnvironment } from '../results/environment.ts';
import { ExitCode, ScalebenchError } from '../results/errors.ts';
import { writeResultsFile } from '../results/files.ts';
import { type BenchResults, SCHEMA_VERSION } from '../results/schema.ts';
import type { RunOutcome } from '../runners/engine/build-outcome.ts';
import { assertFeasible } from '../runners/engine/feasibility.ts';
import { readOpenFileLimit } from '../runners/engine/open-file-limit.ts';
import { runLoad } from '../runners/engine/run-load.ts';
import { probeTcp } from '../runners/http/probe.ts';
import { describePlan } from '../runners/load-models/describe.ts';
import type { ExecutorConfig, LoadRunOptions } from '../runners/load-models/types.ts';
import { createProgressPrinter } from '../runners/progress/progress-printer.ts';
import { formatSummary } from '../runners/progress/summary-table.ts';
import { shardLoadOptions } from '../runners/shard/shard-load.ts';
import { parseShard, type ShardSpec } from '../runners/shard/shard-spec.ts';
import type { CliContext } from './context.ts';
import { collect, parseDuration, parseNumber } from './parse.ts';

export interface BenchFlags {
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
}

export interface BenchOptions {
  load: LoadRunOptions;
  jsonPath: string | undefined;
  quiet: boolean;
  /** this process runs shard index of count: 1/count of the load (load keeps the whole) */
  shard?: ShardSpec;
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
  if (url.protocol !== 'http:') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${url.protocol} URLs are not supported: ${text}`, {
      hint: 'use an http:// URL (put TLS termination in front of the service if needed)',
    });
  }
  return url;
}

function parseHeaders(pairs: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon <= 0) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--header '${pair}' is not name:value`, {
        hint: "write it as --header 'content-type: application/json'",
      });
    }
    headers[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
  }
  return headers;
}

function parseExecutor(flags: BenchFlags, durationMs: number): ExecutorConfig {
  if (flags.rate !== undefined && flags.connections !== undefined) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--rate and --connections cannot be used together', {
      hint: '--rate N drives an open model (requests per second), --connections N a closed one; pick one',
    });
  }
  if (flags.connections !== undefined) {
    const vus = parseNumber(flags.connections, '--connections', { min: 1, integer: true });
    return { executor: 'constant-vus', vus, duration: durationMs };
  }
  const rate = parseNumber(flags.rate ?? '100', '--rate');
  if (rate <= 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--rate must be greater than 0, got ${flags.rate}`, {
      hint: 'pass --rate the requests per second to send, e.g. --rate 1000',
    });
  }
  return { executor: 'constant-arrival-rate', rate, duration: durationMs };
}

export function parseBenchOptions(urlText: string, flags: BenchFlags, cwd: string): BenchOptions {
  const url = parseUrl(urlText);
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
  const load: LoadRunOptions = {
    baseUrl: url.href,
    executor: parseExecutor(flags, durationMs),
    warmup: parseDuration(flags.warmup, '--warmup'),
    timeout: timeoutMs,
    workers: parseNumber(flags.workers, '--workers', { min: 1, integer: true }),
    request: {
      method: flags.method.toUpperCase(),
      path: `${url.pathname}${url.search}`,
      headers: parseHeaders(flags.header ?? []),
      ...(flags.body === undefined ? {} : { body: flags.body }),
    },
    ...(flags.client === undefined ? {} : { client: flags.client as 'raw' | 'undici' }),
    saturation: {
      ...(flags.maxLag === undefined
        ? {}
        : { maxScheduleLagP99Ms: parseNumber(flags.maxLag, '--max-lag', { min: 0 }) }),
      ...(flags.maxLoopDelay === undefined
        ? {}
        : { maxEventLoopDelayP99Ms: parseNumber(flags.maxLoopDelay, '--max-loop-delay', { min: 0 }) }),
    },
  };
  return {
    load,
    jsonPath: flags.json === undefined ? undefined : resolve(cwd, flags.json),
    quiet: Boolean(flags.quiet),
    ...(flags.shard === undefined ? {} : { shard: parseShard(flags.shard) }),
  };
}

async function assertReachable(url: URL): Promise<void> {
  const code = await probeTcp(url, 3000);
  if (code !== null) {
    throw new ScalebenchError('SB_ERR_UNREACHABLE', `cannot connect to ${url.host} (${code})`, {
      hint: 'start the service first, or check the host and port in the URL',
    });
  }
}

function toBenchResults(options: BenchOptions, outcome: RunOutcome, cwd: string): BenchResults {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'bench',
    createdAt: new Date().toISOString(),
    options: { ...options.load, interrupted: outcome.interrupted, plan: outcome.plan },
    environment: collectEnvironment(cwd),
    summary: outcome.summary,
    histograms: outcome.histograms,
    series: outcome.series,
    ...(options.shard ? { shard: options.shard } : {}),
  };
}

export async function runBench(options: BenchOptions, ctx: CliContext): Promise<number> {
  const load = options.shard ? shardLoadOptions(options.load, options.shard) : options.load;
  assertFeasible(load, readOpenFileLimit()); // before the plan: an impossible load is refused, not announced
  await assertReachable(new URL(options.load.baseUrl));
  if (!options.quiet) ctx.stdout(`${describePlan(load)}\n`);
  const printer = createProgressPrinter({ write: ctx.stdout, isTTY: ctx.isTTY, quiet: options.quiet });
  const outcome = await runLoad(load, {
    signal: ctx.signal,
    onSecond: (point) => printer.onSecond(point),
  });
  printer.finish();
  if (options.jsonPath) await writeResultsFile(options.jsonPath, toBenchResults(options, outcome, ctx.cwd));
  ctx.stdout(formatSummary(outcome.summary));
  if (options.jsonPath && !options.quiet) ctx.stdout(`results written to ${options.jsonPath}\n`);
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

export function registerBench(program: Command, ctx: CliContext): void {
  program
    .command('bench')
    .description('load-test an HTTP service: open model at --rate (default) or closed with --connections')
    .argument('<url>', 'the URL to request, e.g. http://127.0.0.1:8080/')
    .option('--rate <n>', 'requests per second, open model (default 100)')
    .option('--connections <n>', 'closed model: N connections each sending its next request when answered')
    .option('--duration <time>', 'measured duration', '30s')
    .option(
      '--warmup <time>',
      'warm-up before the measured part (kept in the series, not in the summary)',
      '5s',
    )
    .option('--workers <n>', 'worker threads splitting the load', '1')
    .option('--method <method>', 'HTTP method', 'GET')
    .option('--header <name:value>', 'request header, repeatable', collect)
    .option('--body <text>', 'request body')
    .option('--timeout <time>', 'per-request timeout', '10s')
    .option('--json <file>', 'write the results file (schema: results/results.schema.json)')
    .option('--quiet', 'no plan and no progress, only the summary')
    .option('--max-lag <ms>', 'saturation guard: schedule lag p99 above this marks the run invalid', '10')
    .option(
      '--max-loop-delay <ms>',
      'saturation guard: event-loop delay p99 above this marks it invalid',
      '50',
    )
    .option('--client <kind>', 'HTTP client: raw (default, faster) or undici')
    .option('--shard <i/N>', 'run shard i of N (0 ≤ i < N): 1/N of the load; combine with `scalebench merge`')
    .addHelpText(
      'after',
      [
        '',
        'Latency is measured from when each request was due (no coordinated omission):',
        '  response time = completion − intended start, service time = completion − send,',
        '  schedule lag = send − intended start. Lag p99 above --max-lag marks the run invalid (exit 1).',
        '',
        'Examples:',
        '  scalebench bench http://127.0.0.1:8080/ --rate 2000 --duration 30s --json out.json',
        "  scalebench bench http://127.0.0.1:8080/cart --method POST --header 'content-type: application/json' --body '{}'",
      ].join('\n'),
    )
    .action(async (url: string, flags: BenchFlags) => {
      ctx.exitCode = await runBench(parseBenchOptions(url, flags, ctx.cwd), ctx);
    });
}
