/**
 * `scalebench export k6 <experiment> [--out FILE] [--profile quick|full] [--base-url URL]`: writes the
 * experiment as a k6 script (executor options, thresholds, flow) to run on k6 or k6-operator.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ScalebenchError } from '../core/errors.ts';
import { generateK6Script } from '../exporters/k6/k6-script.ts';
import { writeFileAtomic } from '../results/files.ts';
import { loadExperiments, selectExperiments } from '../runners/orchestration/load-config.ts';
import type { ProfileName } from '../scenarios/types.ts';
import type { CliContext } from './context.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
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

export function registerExport(program: Command, ctx: CliContext): void {
  const exportCommand = program
    .command('export')
    .description('write an experiment in another tool’s format (k6)');
  exportCommand
    .command('k6')
    .description('write an experiment as a k6 script: executor options, thresholds and flow')
    .argument(
      '<experiment>',
      'experiment name: clones, caching, async, database, or one of scalebench.config.ts',
    )
    .option('-o, --out <file>', 'write the script here (default: print it)')
    .option('--profile <name>', 'load profile: quick or full', 'full')
    .option('--base-url <url>', 'default target when BASE_URL is not set (k6 run -e BASE_URL=...)')
    .option(
      '--config <file>',
      'scalebench.config.ts with your own experiments (default: ./scalebench.config.ts)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  scalebench export k6 clones --out clones.k6.js --base-url http://balancer:8080',
        '  k6 run -e BASE_URL=http://127.0.0.1:8080 clones.k6.js',
      ].join('\n'),
    )
    .action(async (experiment: string, flags: ExportK6Flags) => {
      await runExportK6(parseExportK6Options(experiment, flags, ctx.cwd), ctx);
    });
}
