/**
 * `scalebench export k6 <experiment> [--out FILE] [--profile quick|full] [--base-url URL]`: writes the
 * experiment as a k6 script (executor options, thresholds, flow) to run on k6 or k6-operator.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../core/entry-points.ts';
import { ScalebenchError } from '../core/errors.ts';
import { builtinK6Flow } from '../exporters/k6/k6-flows.ts';
import { generateK6GrpcBenchScript } from '../exporters/k6/k6-grpc-bench.ts';
import { grpcK6Flow } from '../exporters/k6/k6-grpc-flow.ts';
import { generateK6Script, type K6Script } from '../exporters/k6/k6-script.ts';
import type { LoadPlan } from '../load-model/plan/load-plan.ts';
import type { LoadRunOptions } from '../load-model/types.ts';
import { loadExperiments, selectExperiments } from '../orchestration/run/load-config.ts';
import { writeFileAtomic } from '../results/files.ts';
import type { ProfileName } from '../scenarios/types.ts';
import { parseBenchOptions } from './bench-options.ts';
import type { CliContext } from './context.ts';
import { isGrpcUrl } from './grpc-bench-options.ts';

const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};

/** the `bench` flags a gRPC invocation takes (`export k6 grpc://… --proto … --call …`) */
export interface ExportGrpcFlags {
  proto?: string;
  call?: string;
  data?: string;
  metadata?: string[];
  rate?: string;
  connections?: string;
  maxStreams?: string;
  duration?: string;
  timeout?: string;
  ca?: string;
  insecure?: boolean;
}

export interface ExportK6Flags extends ExportGrpcFlags {
  out?: string;
  profile: string;
  baseUrl?: string;
  config?: string;
}

export interface ExportK6Options {
  experiment: string;
  /** set when the argument is a grpc:// URL: the `bench` run it stands for */
  grpcBench?: { load: LoadRunOptions; plan: LoadPlan; commandLine: string };
  outPath: string | undefined;
  profile: ProfileName;
  baseUrl: string | undefined;
  configPath: string | undefined;
}

const GRPC_FLAG_NAMES: [keyof ExportGrpcFlags, string][] = [
  ['proto', '--proto'],
  ['call', '--call'],
  ['data', '--data'],
  ['metadata', '--metadata'],
  ['rate', '--rate'],
  ['connections', '--connections'],
  ['maxStreams', '--max-streams'],
  ['duration', '--duration'],
  ['timeout', '--timeout'],
  ['ca', '--ca'],
  ['insecure', '--insecure'],
];

/** `export k6 grpc://…` takes bench's flags: its load options, parsed and checked as `bench` would */
function parseGrpcBench(url: string, flags: ExportK6Flags, cwd: string): ExportK6Options['grpcBench'] {
  const { out: _out, profile: _profile, baseUrl: _baseUrl, config: _config, ...grpcFlags } = flags;
  const bench = parseBenchOptions(
    url,
    { duration: '30s', warmup: '0s', workers: '1', method: 'GET', timeout: '10s', ...grpcFlags },
    cwd,
  );
  const words = GRPC_FLAG_NAMES.flatMap(([key, flag]) => {
    const value = flags[key];
    if (value === undefined || value === false) return [];
    if (value === true) return [flag];
    return (Array.isArray(value) ? value : [value]).flatMap((item) => [flag, shellWord(item)]);
  });
  return { load: bench.load, plan: bench.plan, commandLine: ['scalebench bench', url, ...words].join(' ') };
}

function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

export function parseExportK6Options(experiment: string, flags: ExportK6Flags, cwd: string): ExportK6Options {
  if (isGrpcUrl(experiment)) {
    return {
      experiment,
      outPath: flags.out === undefined ? undefined : resolve(cwd, flags.out),
      profile: 'full',
      baseUrl: undefined,
      configPath: undefined,
      grpcBench: parseGrpcBench(experiment, flags, cwd),
    };
  }
  const given = GRPC_FLAG_NAMES.find(([key]) => flags[key] !== undefined);
  if (given) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${given[1]} applies to a grpc:// URL only`, {
      hint: 'scalebench export k6 grpc://host:port --proto api.proto --call pkg.Service/Method',
    });
  }
  if (flags.profile !== 'quick' && flags.profile !== 'full') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--profile '${flags.profile}' is unknown`, {
      hint: 'use --profile quick or --profile full (default)',
    });
  }
  if (flags.baseUrl !== undefined && !/^https?:\/\/[^/]/.test(flags.baseUrl)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--base-url '${flags.baseUrl}' is not an http(s) URL`,
      {
        hint: 'e.g. --base-url http://shop.internal:8080',
      },
    );
  }
  return {
    experiment,
    outPath: flags.out === undefined ? undefined : resolve(cwd, flags.out),
    profile: flags.profile,
    baseUrl: flags.baseUrl,
    configPath: flags.config,
  };
}

async function experimentScript(options: ExportK6Options, ctx: CliContext): Promise<K6Script> {
  const all = await loadExperiments(ctx.cwd, options.configPath);
  const [loaded] = selectExperiments(all, [options.experiment]);
  const { experiment, baseDir } = loaded!;
  const targetUrl = /^https?:\/\//.test(experiment.target) ? experiment.target : undefined;
  const translated = builtinK6Flow(experiment.flow, baseDir)
    ? undefined
    : await grpcK6Flow(experiment.flow, baseDir, experiment.flowParams ?? {});
  return generateK6Script({
    experiment,
    baseDir,
    profile: options.profile,
    baseUrl: options.baseUrl ?? targetUrl ?? 'http://127.0.0.1:8080',
    generator: `scalebench ${version}`,
    ...(translated ? { translated } : {}),
  });
}

export async function runExportK6(options: ExportK6Options, ctx: CliContext): Promise<void> {
  const { script, warnings } = options.grpcBench
    ? generateK6GrpcBenchScript({ ...options.grpcBench, generator: `scalebench ${version}` })
    : await experimentScript(options, ctx);
  for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
  if (options.outPath === undefined) {
    ctx.stdout(script);
    return;
  }
  await writeFileAtomic(options.outPath, script);
  ctx.stdout(`wrote ${options.outPath}\n`);
}
