/**
 * `scalebench export k6 <experiment> [--out FILE] [--profile quick|full] [--base-url URL]`: writes the
 * experiment as a k6 script (executor options, thresholds, flow) to run on k6 or k6-operator.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packageRoot } from '../core/entry-points.ts';
import { ScalebenchError } from '../core/errors.ts';
import { generateK6Script } from '../exporters/k6/k6-script.ts';
import { writeFileAtomic } from '../results/files.ts';
import { loadExperiments, selectExperiments } from '../runners/orchestration/load-config.ts';
import type { ProfileName } from '../scenarios/types.ts';
import type { CliContext } from './context.ts';

const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
  version: string;
};

export interface ExportK6Flags {
  out?: string;
  profile: string;
  baseUrl?: string;
  config?: string;
}

export interface ExportK6Options {
  experiment: string;
  outPath: string | undefined;
  profile: ProfileName;
  baseUrl: string | undefined;
  configPath: string | undefined;
}

export function parseExportK6Options(experiment: string, flags: ExportK6Flags, cwd: string): ExportK6Options {
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

export async function runExportK6(options: ExportK6Options, ctx: CliContext): Promise<void> {
  const all = await loadExperiments(ctx.cwd, options.configPath);
  const [loaded] = selectExperiments(all, [options.experiment]);
  const { experiment, baseDir } = loaded!;
  const targetUrl = /^https?:\/\//.test(experiment.target) ? experiment.target : undefined;
  const { script, warnings } = generateK6Script({
    experiment,
    baseDir,
    profile: options.profile,
    baseUrl: options.baseUrl ?? targetUrl ?? 'http://127.0.0.1:8080',
    generator: `scalebench ${version}`,
  });
  for (const warning of warnings) ctx.stderr(`warning: ${warning}\n`);
  if (options.outPath === undefined) {
    ctx.stdout(script);
    return;
  }
  await writeFileAtomic(options.outPath, script);
  ctx.stdout(`wrote ${options.outPath}\n`);
}
