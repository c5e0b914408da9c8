/**
 * `scalebench bench`'s parse step: its flags → the load options (what the results file records) and
 * their compiled load plan (what runs), the outputs, the shard and the trials. Bad input throws
 * SB_ERR_INVALID_ARGUMENT (exit code 2).
 */
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { parseShard } from '../load/shard/shard-spec.ts';
import { assertLoadPlan } from '../load-model/plan/compile-plan.ts';
import type { LoadRunOptions } from '../load-model/types.ts';
import type { BenchOptions } from '../orchestration/bench/bench-run-options.ts';
import { parseExecutor, parseProtocol } from './bench-load-flags.ts';
import { requestsOf } from './bench-requests.ts';
import type { StreamFlags } from './bench-stream.ts';
import { type GrpcFlags, parseGrpcCall } from './grpc-bench-options.ts';
import { type LiveFlags, parseLiveOptions, splitOutputs } from './live-flags.ts';
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

/** a duration flag that must be longer than 0 */
function positiveDuration(text: string, flag: string, example: string): number {
  const ms = parseDuration(text, flag);
  if (ms <= 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${flag} must be longer than 0`, {
      hint: `e.g. ${flag} ${example}`,
    });
  }
  return ms;
}

/** --max-lag and --max-loop-delay: the saturation guard */
function saturationOf(flags: BenchFlags): LoadRunOptions['saturation'] {
  return {
    ...(flags.maxLag === undefined
      ? {}
      : { maxScheduleLagP99Ms: parseNumber(flags.maxLag, '--max-lag', { min: 0 }) }),
    ...(flags.maxLoopDelay === undefined
      ? {}
      : { maxEventLoopDelayP99Ms: parseNumber(flags.maxLoopDelay, '--max-loop-delay', { min: 0 }) }),
  };
}

/** the URL (or targets file) and the load flags → the load options */
function loadOptionsOf(urlText: string | undefined, flags: BenchFlags, cwd: string): LoadRunOptions {
  const { url, request, targets, streams } = requestsOf(urlText, flags, cwd);
  const durationMs = positiveDuration(flags.duration, '--duration', '30s');
  const timeoutMs = positiveDuration(flags.timeout, '--timeout', '5s');
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
  return {
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
    saturation: saturationOf(flags),
  };
}

export function parseBenchOptions(
  urlText: string | undefined,
  flags: BenchFlags,
  cwd: string,
  env: Record<string, string | undefined> = process.env,
): BenchOptions {
  const load = loadOptionsOf(urlText, flags, cwd);
  const { trials, pauseMs } = parseTrials(flags);
  const outputs = splitOutputs(flags.out ?? []);
  if (outputs.rest.length > 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--out '${outputs.rest[0]}' is not prometheus=URL`, {
      hint: 'bench writes its results file with --json FILE; --out takes prometheus=http://HOST:PORT/api/v1/write',
    });
  }
  return {
    load,
    plan: assertLoadPlan(load),
    jsonPath: flags.json === undefined ? undefined : resolve(cwd, flags.json),
    quiet: Boolean(flags.quiet),
    live: parseLiveOptions(flags, parseRemoteWrite(outputs.prometheus, flags, env, cwd)),
    ...(flags.shard === undefined ? {} : { shard: parseShard(flags.shard) }),
    trials,
    pauseMs,
  };
}
