/**
 * `scalebench merge <results...> [--json FILE] [--format table|json]`: combines the shard files of a
 * sharded `scalebench bench --shard i/N` into one result (histograms merged exactly, counters summed)
 * and prints its summary. Exit codes: 0 ok, 1 merged result invalid, 2 files that do not belong together.
 */
import { resolve } from 'node:path';
import { ExitCode, ScalebenchError } from '../core/errors.ts';
import { formatSummary } from '../orchestration/progress/summary-table.ts';
import { readResultsFile, writeResultsFile } from '../results/files.ts';
import { mergeBenchResults } from '../results/merge.ts';
import type { CliContext } from './context.ts';

export interface MergeOptions {
  inputs: string[];
  jsonPath: string | undefined;
  format: 'table' | 'json';
}

export function parseMergeOptions(
  inputs: string[],
  flags: { json?: string; format: string },
  cwd: string,
): MergeOptions {
  if (flags.format !== 'table' && flags.format !== 'json') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--format '${flags.format}' is unknown`, {
      hint: 'use --format table (default) or --format json',
    });
  }
  return {
    inputs: inputs.map((path) => resolve(cwd, path)),
    jsonPath: flags.json === undefined ? undefined : resolve(cwd, flags.json),
    format: flags.format,
  };
}

export async function runMerge(options: MergeOptions, ctx: CliContext): Promise<number> {
  const inputs = await Promise.all(
    options.inputs.map(async (path) => ({ name: path, results: await readResultsFile(path) })),
  );
  const merged = mergeBenchResults(inputs);
  if (options.jsonPath) await writeResultsFile(options.jsonPath, merged);
  if (options.format === 'json') {
    ctx.stdout(`${JSON.stringify(merged, null, 2)}\n`);
  } else {
    ctx.stdout(`merged ${merged.mergedFrom} shards\n${formatSummary(merged.summary)}`);
    if (options.jsonPath) ctx.stdout(`results written to ${options.jsonPath}\n`);
  }
  if (!merged.summary.valid) {
    ctx.stderr(`\n!!! RESULT INVALID: ${merged.summary.invalidReasons.join('; ')}\n`);
    return ExitCode.failed;
  }
  return ExitCode.ok;
}
