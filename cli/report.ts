/** `scalebench report <results.json> [--format ...] [--out DIR]`: re-render reports without re-running. */
import { dirname, relative, resolve } from 'node:path';
import { parseFormats } from '../reports/registry.ts';
import type { ReportFormat } from '../reports/reporter.ts';
import { writeReports } from '../reports/write-reports.ts';
import { readResultsFile } from '../results/files.ts';
import type { CliContext } from './context.ts';

export interface ReportOptions {
  resultsPath: string;
  formats: ReportFormat[];
  outDir: string;
}

export function parseReportOptions(
  resultsArg: string,
  flags: { format: string; out?: string },
  ctx: CliContext,
): ReportOptions {
  const resultsPath = resolve(ctx.cwd, resultsArg);
  return {
    resultsPath,
    formats: parseFormats(flags.format),
    outDir: flags.out ? resolve(ctx.cwd, flags.out) : dirname(resultsPath),
  };
}

export async function runReport(options: ReportOptions, ctx: CliContext): Promise<void> {
  const results = await readResultsFile(options.resultsPath);
  const written = await writeReports(results, options.outDir, options.formats, ctx.env, {
    stepSummary: true,
  });
  for (const path of written) {
    const shown = relative(ctx.cwd, path);
    ctx.stdout(`wrote ${shown.startsWith('..') || shown === '' ? path : shown}\n`);
  }
}
